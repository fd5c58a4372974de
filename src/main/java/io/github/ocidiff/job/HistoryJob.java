package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.audit.AuditEventJson;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.diff.IgnoreRules;
import io.github.ocidiff.report.History;
import io.github.ocidiff.store.PairedAuditEvent;
import io.github.ocidiff.store.ResourceVersion;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The history of one resource from the store alone: its versions, judged as the diffs around them
 * judge them, with the actors that diffs kept from Audit. Never calls OCI.
 */
public final class HistoryJob {

    private final Store store;
    private final RulesConfig rules;

    public HistoryJob(Store store, RulesConfig rules) {
        this.store = store;
        this.rules = rules;
    }

    /** @throws OcidiffException (usage) when the store never saw {@code ocid} */
    public History run(String ocid) {
        List<ResourceVersion> versions = store.versionsOf(ocid);
        List<SnapshotInfo> snapshots = store.snapshots();
        if (versions.isEmpty()) {
            String seen = switch (snapshots.size()) {
                case 0 -> "no snapshots yet";
                case 1 -> "1 snapshot, of " + snapshots.get(0).day();
                default -> snapshots.size() + " snapshots from " + snapshots.get(0).day() + " to "
                        + snapshots.get(snapshots.size() - 1).day();
            };
            // Created and deleted between two snapshots, it is known from the Audit events kept for their report.
            List<PairedAuditEvent> events = store.auditEventsOf(ocid);
            if (!events.isEmpty()) {
                PairedAuditEvent first = events.get(0);
                String what = events.stream().map(e -> AuditEventJson.read(e.event().json()))
                        .map(e -> e.eventName() + " by " + e.principalName() + " at " + e.eventTime())
                        .distinct().collect(Collectors.joining(", "));
                throw OcidiffException.usage("no snapshot holds " + ocid + ": it lived between two, as the report from"
                        + " snapshot " + first.fromSnapshot() + " to " + first.toSnapshot() + " lists it (transient), and"
                        + " Audit tells of it: " + what);
            }
            throw OcidiffException.usage("no resource " + ocid + " in the store (" + seen
                    + "); check the OCID or run 'ocidiff snapshot'");
        }
        HistorySteps steps = new HistorySteps(snapshots, store::coverage,
                id -> store.compartments(id).map(CompartmentPaths::of).orElse(Map.of()),
                IgnoreRules.withDefaults(rules));
        return steps.of(versions, store.auditEventsOf(ocid));
    }
}

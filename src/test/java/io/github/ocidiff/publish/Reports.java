package io.github.ocidiff.publish;

import io.github.ocidiff.diff.RuleResults;
import java.util.Optional;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.SnapshotRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small reports for the publish tests: tenancy "acme", from snapshot 41 to 42 on 2026-11-25. */
final class Reports {

    static final String PROD = "ocid1.compartment.oc1..prod";

    private Reports() {
    }

    static Report report(List<AttributedChange> changes, List<AttributedTransient> transients, List<CoverageGap> gaps,
                         List<String> warnings) {
        boolean complete = gaps.isEmpty();
        return new Report("ocid1.tenancy.oc1..acme", "acme",
                new SnapshotRef(41, Instant.parse("2026-11-24T02:00:00Z"), SnapshotStatus.COMPLETE),
                new SnapshotRef(42, Instant.parse("2026-11-25T02:00:00Z"),
                        complete ? SnapshotStatus.COMPLETE : SnapshotStatus.PARTIAL),
                Instant.parse("2026-11-25T02:10:00Z"), changes, transients, gaps, complete, RuleResults.ignoredOnly(List.of()), Optional.empty(),
                Map.of(PROD, "acme/prod"), List.of(), warnings);
    }

    static Report report(List<AttributedChange> changes) {
        return report(changes, List.of(), List.of(), List.of());
    }

    static AttributedChange change(ChangeKind kind, String name, String actor) {
        Change change = new Change(kind, "ocid1.instance.oc1.iad." + name.hashCode(), "Instance", "us-ashburn-1", PROD,
                null, name, List.of(), List.of(), null, null, null);
        return actor == null
                ? new AttributedChange(change, List.of(), Attribution.NONE)
                : new AttributedChange(change, List.of(actor(actor)), Attribution.AUDIT);
    }

    static Actor actor(String principalName) {
        return new Actor(principalName, "ocid1.user.oc1..x", "LaunchInstance", Instant.parse("2026-11-24T10:00:00Z"),
                "event-1", "192.0.2.1", "Console", "natv");
    }

    static AttributedTransient transientResource(String name) {
        return new AttributedTransient(new TransientResource("ocid1.instance.oc1.iad.t" + name.hashCode(), "Instance",
                name, "us-ashburn-1", PROD, "TERMINATED", null), List.of());
    }

    static CoverageGap gap() {
        return new CoverageGap("eu-frankfurt-1", PROD, "'to' snapshot: Resource Search in eu-frankfurt-1 failed: 503", 7);
    }
}

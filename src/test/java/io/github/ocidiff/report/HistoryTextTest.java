package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TextDiff;
import io.github.ocidiff.store.StoredResource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the timeline says beyond the golden end-to-end cases: absences, unseen nights, unreported versions. */
class HistoryTextTest {
    private static final String OCID = "ocid1.policy.oc1..p";
    private static final String APP = "ocid1.compartment.oc1..app";
    private static final IgnoreRule ETAG = new IgnoreRule("Policy", "/details/etag", "echoes other changes");

    private static SnapshotRef snapshot(long id, SnapshotStatus status) {
        return new SnapshotRef(id, Instant.parse("2026-11-0" + id + "T23:59:59Z"), status);
    }

    private static SnapshotRef snapshot(long id) {
        return snapshot(id, SnapshotStatus.COMPLETE);
    }

    private static StoredResource version(String name) {
        return new StoredResource(OCID, "us-ashburn-1", "Policy", APP, "ACTIVE", name, "sha", "{}");
    }

    @Test
    void anAbsenceShowsWhereTheResourceWentAndHowItCameBack() {
        HistoryStep gone = new HistoryStep(StepKind.FIRST_SEEN, version("ops\u001b[2J"), "acme/app", snapshot(1),
                snapshot(1), snapshot(2), null, List.of(), List.of(), List.of(), null, List.of(), List.of(),
                new Vanished(Vanished.Fate.UNKNOWN, snapshot(2), snapshot(1), "us-ashburn-1 / " + APP
                        + " was not in the 'to' snapshot's plan", List.of()));
        HistoryStep back = new HistoryStep(StepKind.REAPPEARED, version("ops\u001b[2J"), "acme/app", snapshot(4),
                snapshot(5), null, snapshot(1), List.of(new PropertyChange("/details/description",
                        JsonNodeFactory.instance.textNode("old"), null)), List.of(), List.of(), null,
                List.of(new Actor("bob", null, "UpdatePolicy", Instant.parse("2026-11-04T08:00:00Z"), "e", null, null, null)),
                List.of(), null);

        String text = HistoryText.render(new History(OCID, "Policy", "ops", "us-ashburn-1", List.of(gone, back)));

        assertThat(text).isEqualTo("""
                Policy ops (ocid1.policy.oc1..p, us-ashburn-1)
                2 versions, first seen 2026-11-01

                FIRST SEEN  2026-11-01 (snapshot 1) → 2026-11-01 (snapshot 1)
                  ops [2J, ACTIVE, in acme/app
                  already there in the store's first snapshot
                  gone at 2026-11-02 (snapshot 2): unknown, scope not collected (us-ashburn-1 / ocid1.compartment.oc1..app was not in the 'to' snapshot's plan)

                REAPPEARED  2026-11-04 (snapshot 4) → current
                  ops [2J, ACTIVE, in acme/app
                  back after an absence; compared with 2026-11-01 (snapshot 1), the last snapshot before it
                  /details/description: "old" → (none)
                  by bob (UpdatePolicy at 2026-11-04 08:00:00 UTC)
                """);
    }

    @Test
    void unseenNightsUnreportedVersionsLineDiffsAndMissingActorsAreSpelledOut() {
        HistoryStep ignored = new HistoryStep(StepKind.IGNORED, version("ops"), null, snapshot(2), snapshot(2),
                snapshot(3), snapshot(1), List.of(), List.of(), List.of(ETAG, ETAG), null, List.of(), List.of(), null);
        HistoryStep modified = new HistoryStep(StepKind.MODIFIED, version("ops"), null, snapshot(3),
                snapshot(3), null, snapshot(2),
                List.of(new PropertyChange("/details/statements/1", null, JsonNodeFactory.instance.textNode("Allow b"))),
                List.of(new TextDiff("/details/statements", List.of("  Allow a", "+ Allow b"))), List.of(),
                "us-ashburn-1 / app was not fully collected by the 'from' snapshot", List.of(),
                List.of(new NotCollected(snapshot(4, SnapshotStatus.PARTIAL), "Resource Search failed: 503")),
                null);

        String text = HistoryText.render(new History(OCID, "Policy", "ops", "us-ashburn-1", List.of(ignored, modified)));

        assertThat(text).contains("""
                IGNORED  2026-11-02 (snapshot 2) → 2026-11-02 (snapshot 2)
                  ops, ACTIVE, in ocid1.compartment.oc1..app
                  only properties the ignore rules leave out changed: not in reports
                  ignored by the rule for Policy /details/etag: 2 property changes
                """);
        assertThat(text).endsWith("""
                MODIFIED  2026-11-03 (snapshot 3) → current
                  ops, ACTIVE, in ocid1.compartment.oc1..app
                  /details/statements:
                      Allow a
                    + Allow b
                  caveat: us-ashburn-1 / app was not fully collected by the 'from' snapshot
                  no actor known: no Audit event of it kept for the night before it (none read, or none naming it)
                  not collected by 2026-11-04 (snapshot 4, PARTIAL): Resource Search failed: 503
                  last seen 2026-11-03 (snapshot 3)
                """);
    }
}

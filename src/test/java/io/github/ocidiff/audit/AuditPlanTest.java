package io.github.ocidiff.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.KeptEvidence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditPlanTest {

    /** Snapshot n taken at midnight of 2026-11-n. */
    private static Instant day(int n) {
        return Instant.parse(String.format("2026-11-%02dT00:00:00Z", n));
    }

    private static KeptEvidence kept(int from, int to) {
        return new KeptEvidence(from, to, new EvidenceWindow(day(from), day(to), day(to), 0, 0, List.of(), 0));
    }

    private static final AuditWindow WHOLE = new AuditWindow(day(1), day(6));

    @Test
    void everyNightKeptMeansNoAuditCall() {
        List<KeptEvidence> within = List.of(kept(1, 2), kept(2, 3), kept(3, 4), kept(4, 5), kept(5, 6));

        AuditPlan plan = AuditPlan.of(1, 6, WHOLE, within, id -> true);

        assertThat(plan.kept()).hasSize(5);
        assertThat(plan.toRead()).isEmpty();
    }

    @Test
    void theLongestKeptStretchIsTakenAndOnlyGapsAreRead() {
        List<KeptEvidence> within = List.of(kept(1, 2), kept(1, 3), kept(4, 5));

        AuditPlan plan = AuditPlan.of(1, 6, WHOLE, within, id -> true);

        assertThat(plan.kept()).containsExactly(kept(1, 3), kept(4, 5));
        assertThat(plan.toRead()).containsExactly(new AuditWindow(day(3), day(4)), new AuditWindow(day(5), day(6)));
    }

    @Test
    void aPartlyReadStretchIsUsedAndReadAgain() {
        KeptEvidence partial = new KeptEvidence(2, 3, new EvidenceWindow(day(2), day(3), day(3), 0, 0,
                List.of("eu-frankfurt-1 c: down"), 0));

        AuditPlan plan = AuditPlan.of(1, 4, new AuditWindow(day(1), day(4)), List.of(kept(1, 2), partial, kept(3, 4)),
                id -> true);

        assertThat(plan.kept()).containsExactly(kept(1, 2), partial, kept(3, 4));
        assertThat(plan.toRead()).containsExactly(new AuditWindow(day(2), day(3)));
    }

    /**
     * Snapshot 3 did not collect a region: what changed there by then shows only from 3 on, so the events of the
     * pairs ending or starting at 3 are not all kept; their windows are read again.
     */
    @Test
    void aStretchKeptBetweenSnapshotsThatDidNotCollectEverythingIsUsedAndReadAgain() {
        List<KeptEvidence> within = List.of(kept(1, 2), kept(2, 3), kept(3, 4), kept(4, 5), kept(5, 6));

        AuditPlan plan = AuditPlan.of(1, 6, WHOLE, within, id -> id != 3);

        assertThat(plan.kept()).hasSize(5);
        assertThat(plan.toRead()).containsExactly(new AuditWindow(day(2), day(3)), new AuditWindow(day(3), day(4)));
    }

    @Test
    void nothingKeptReadsTheWholeWindow() {
        assertThat(AuditPlan.of(1, 6, WHOLE, List.of(), id -> true).toRead()).containsExactly(WHOLE);
    }
}

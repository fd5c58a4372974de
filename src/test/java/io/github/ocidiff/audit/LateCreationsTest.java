package io.github.ocidiff.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateCreationsTest {
    private static final String APP = "ocid1.compartment.oc1..app";
    private static final String DEV = "ocid1.compartment.oc1..dev";
    private static final Instant WINDOW_START = Instant.parse("2026-11-03T00:00:00Z");

    private static LateCreations.Created createdIn(String compartment, String ocid, String timeCreated) {
        return new LateCreations.Created(ocid, new Scope("us-ashburn-1", compartment), Instant.parse(timeCreated));
    }

    private static LateCreations of(List<LateCreations.Created> created) {
        return LateCreations.of(created, WINDOW_START);
    }

    private static ScopeWindow stretch(String compartment, String start, String end) {
        return new ScopeWindow(new Scope("us-ashburn-1", compartment), new AuditWindow(Instant.parse(start),
                Instant.parse(end)));
    }

    @Test
    void eachCreationIsReadAroundItsMinuteInItsCompartmentAndNearbyOnesTogether() {
        LateCreations late = of(List.of(
                createdIn(APP, "a1", "2026-11-02T23:50:30Z"),
                createdIn(APP, "a2", "2026-11-02T23:20:10Z"),
                createdIn(APP, "a3", "2026-11-02T21:00:00Z"),
                createdIn(DEV, "d1", "2026-11-02T23:59:40Z")));

        // a2 and a1 are less than half an hour apart: one request. d1's stretch ends where the window starts.
        assertThat(late.stretches()).containsExactly(
                stretch(DEV, "2026-11-02T23:58:00Z", "2026-11-03T00:00:00Z"),
                stretch(APP, "2026-11-02T23:19:00Z", "2026-11-02T23:52:00Z"),
                stretch(APP, "2026-11-02T20:59:00Z", "2026-11-02T21:02:00Z"));
        assertThat(late.ocids()).containsExactlyInAnyOrder("a1", "a2", "a3", "d1");
        assertThat(late.leftOut()).isZero();
    }

    @Test
    void creationsInTheWindowOrLongBeforeItAreNotLookedUp() {
        LateCreations late = of(List.of(
                createdIn(APP, "inside", "2026-11-03T00:00:00Z"),
                createdIn(APP, "old", "2026-10-01T08:00:00Z")));

        assertThat(late.stretches()).isEmpty();
        assertThat(late.ocids()).isEmpty();
    }

    @Test
    void beyondTheMostStretchesTheOnesNearestTheWindowAreReadAndTheRestCounted() {
        List<LateCreations.Created> changes = new ArrayList<>();
        for (int i = 0; i < LateCreations.MOST_STRETCHES + 5; i++) {
            changes.add(createdIn("ocid1.compartment.oc1..c" + i, "r" + i,
                    WINDOW_START.minusSeconds(60L * (i + 1)).toString()));
        }

        LateCreations late = of(changes);

        assertThat(late.stretches()).hasSize(LateCreations.MOST_STRETCHES);
        assertThat(late.ocids()).contains("r0", "r" + (LateCreations.MOST_STRETCHES - 1))
                .doesNotContain("r" + LateCreations.MOST_STRETCHES);
        assertThat(late.leftOut()).isEqualTo(5);
    }
}

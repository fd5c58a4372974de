package io.github.ocidiff.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.store.SnapshotInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotSelectorTest {
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    private static SnapshotInfo snapshot(long id, String day, SnapshotStatus status) {
        Instant at = Instant.parse(day + "T23:59:59Z");
        return new SnapshotInfo(id, at, LocalDate.parse(day), "t", "crawl", status, 10, status == SnapshotStatus.COMPLETE ? 0 : 2,
                0, at, at, Narrowing.NONE);
    }

    private static final SnapshotSelector SELECTOR = new SnapshotSelector(List.of(
            snapshot(1, "2026-11-01", SnapshotStatus.COMPLETE),
            snapshot(2, "2026-11-02", SnapshotStatus.PARTIAL),
            snapshot(3, "2026-11-03", SnapshotStatus.FAILED),
            snapshot(4, "2026-11-03", SnapshotStatus.COMPLETE),
            snapshot(5, "2026-11-04", SnapshotStatus.COMPLETE)));

    private static long id(String value) {
        return SELECTOR.select("--from", value, NOW).snapshot().id();
    }

    /** The older end when only the newer one is named: the usable snapshot before it, a FAILED one skipped. */
    @Test
    void theSnapshotBeforeAnEndSkipsFailedOnesAndTheOldestHasNone() {
        assertThat(SELECTOR.before(SELECTOR.select("--to", "4", NOW).snapshot(), "--to 4").snapshot().id()).isEqualTo(2);
        assertThatThrownBy(() -> SELECTOR.before(SELECTOR.select("--to", "1", NOW).snapshot(), "--to 1"))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("--to 1 is the store's oldest usable snapshot, 1 (2026-11-01, COMPLETE): nothing older to"
                        + " compare it with; name a later one");
        SnapshotSelector one = new SnapshotSelector(List.of(snapshot(1, "2026-11-01", SnapshotStatus.COMPLETE)));
        assertThatThrownBy(() -> one.before(one.select("--to", "latest", NOW).snapshot(), "--to latest"))
                .hasMessage("the store has only one usable snapshot, 1 (2026-11-01, COMPLETE): nothing to compare it"
                        + " with yet; take another with `ocidiff snapshot`");
    }

    @Test
    void latestAndPreviousSkipFailedSnapshots() {
        assertThat(id("latest")).isEqualTo(5);
        assertThat(id("previous")).isEqualTo(4);
    }

    @Test
    void aDateIsItsLatestCompleteSnapshotElseAPartialOneWithAWarning() {
        assertThat(id("2026-11-03")).isEqualTo(4);
        SnapshotSelector.Selection partial = SELECTOR.select("--from", "2026-11-02", NOW);
        assertThat(partial.snapshot().id()).isEqualTo(2);
        assertThat(partial.warning()).contains("PARTIAL").contains("unknown, not deleted");
    }

    @Test
    void anAgeIsTheNewestSnapshotAtLeastThatOld() {
        assertThat(id("6d")).isEqualTo(4);
        assertThat(id("7d")).isEqualTo(2);
        assertThat(id("8d")).isEqualTo(1);
    }

    @Test
    void idsAreExactAndFailedOnesAreNotDiffEnds() {
        assertThat(id("1")).isEqualTo(1);
        assertThatThrownBy(() -> id("3")).hasMessage("--from 3: snapshot 3 FAILED (it collected nothing); name another,"
                + " e.g. 2 (2026-11-02, PARTIAL)");
        assertThatThrownBy(() -> id("6")).hasMessageContaining("--from 6: no such snapshot; nearest: 5 (2026-11-04, COMPLETE)");
    }

    @Test
    void idsAndAgesTooLargeForJavasNumbersAreUnknownLikeAnyOther() {
        assertThatThrownBy(() -> id("9999999999999999999"))
                .isInstanceOfSatisfying(OcidiffException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessage("--from 9999999999999999999: no such snapshot; nearest: 5 (2026-11-04, COMPLETE),"
                        + " 4 (2026-11-03, COMPLETE), 2 (2026-11-02, PARTIAL)");
        for (String age : List.of("100000d", "2147483647d", "2147483648d", "99999999999999d",
                "999999999999999999999d")) {
            assertThatThrownBy(() -> id(age)).isInstanceOf(OcidiffException.class)
                    .hasMessage("--from " + age + ": no such snapshot; nearest: 1 (2026-11-01, COMPLETE),"
                            + " 2 (2026-11-02, PARTIAL), 4 (2026-11-03, COMPLETE)");
        }
    }

    @Test
    void unknownDatesAndGibberishSayWhatIsAccepted() {
        assertThatThrownBy(() -> id("2026-12-01")).hasMessageContaining("nearest: 5 (2026-11-04, COMPLETE)");
        assertThatThrownBy(() -> id("yesterday")).hasMessageContaining("a date (YYYY-MM-DD), latest, previous or an age like 7d");
        assertThatThrownBy(() -> new SnapshotSelector(List.of()).select("--to", "latest", NOW))
                .hasMessageContaining("no snapshots yet");
    }

    @Test
    void aNarrowedSnapshotIsSelectedWithAWarningHoweverItIsNamed() {
        Instant at = Instant.parse("2026-11-05T09:00:00Z");
        SnapshotInfo narrowed = new SnapshotInfo(6, at, LocalDate.parse("2026-11-05"), "t", "crawl", SnapshotStatus.COMPLETE,
                10, 0, 0, at, at, new Narrowing(List.of("us-ashburn-1"), List.of()));
        SnapshotSelector selector = new SnapshotSelector(List.of(snapshot(5, "2026-11-04", SnapshotStatus.COMPLETE), narrowed));
        String warning = "snapshot 6 of 2026-11-05 was narrowed to --region us-ashburn-1: what it left out is reported as unknown";
        for (String value : List.of("latest", "6", "2026-11-05")) {
            assertThat(selector.select("--to", value, NOW)).isEqualTo(new SnapshotSelector.Selection(narrowed, warning));
        }
        assertThat(selector.select("--from", "previous", NOW).warning()).isNull();
    }
}

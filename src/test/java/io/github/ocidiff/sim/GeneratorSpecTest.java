package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GeneratorSpecTest {

    private static final GeneratorSpec DEFAULTS = GeneratorSpec.defaults();

    @Test
    void defaultsDescribeAWeekOfAFiveThousandResourceTenancy() {
        assertThat(DEFAULTS.regions()).containsExactly("us-ashburn-1", "eu-frankfurt-1", "uk-london-1");
        assertThat(DEFAULTS.homeRegion()).isEqualTo("us-ashburn-1");
        assertThat(DEFAULTS.compartmentDepth()).isEqualTo(3);
        assertThat(DEFAULTS.compartmentWidth()).isEqualTo(3);
        assertThat(DEFAULTS.compartmentCount()).isEqualTo(1 + 3 + 9 + 27);
        assertThat(DEFAULTS.resourceCount()).isEqualTo(5000);
        assertThat(DEFAULTS.startDay()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(DEFAULTS.days()).isEqualTo(7);
        assertThat(DEFAULTS.churnRate()).isEqualTo(0.01);
        assertThat(List.of(DEFAULTS.createShare(), DEFAULTS.updateShare(), DEFAULTS.moveShare(), DEFAULTS.deleteShare()))
                .containsExactly(0.30, 0.45, 0.05, 0.20);
        assertThat(DEFAULTS.actors()).contains("alice@example.com", "ci-pipeline", "instance:autoscaler", "terraform");
        assertThat(DEFAULTS.transientPerDay()).isEqualTo(3);
        assertThat(DEFAULTS.readEventsPerWrite()).isEqualTo(3);
    }

    @Test
    void dailyCountsSplitTheChurnExactly() {
        assertThat(DEFAULTS.touchedPerDay()).isEqualTo(50);
        assertThat(DEFAULTS.createsPerDay()).isEqualTo(15);
        assertThat(DEFAULTS.updatesPerDay()).isEqualTo(23);
        assertThat(DEFAULTS.movesPerDay()).isEqualTo(2);
        assertThat(DEFAULTS.deletesPerDay()).isEqualTo(10);
        GeneratorSpec odd = DEFAULTS.withResourceCount(997).withChurnRate(0.037).withChurnMix(0.33, 0.33, 0.01, 0.33);
        assertThat(odd.createsPerDay() + odd.updatesPerDay() + odd.movesPerDay() + odd.deletesPerDay())
                .isEqualTo(odd.touchedPerDay());
    }

    @Test
    void withersReplaceOneValueAndKeepTheRest() {
        GeneratorSpec spec = DEFAULTS.withSeed(7).withRegions(List.of("uk-london-1")).withCompartments(2, 4)
                .withResourceCount(1_000_000).withStartDay(LocalDate.of(2027, 1, 1)).withDays(30)
                .withChurnRate(0.02).withChurnMix(0.25, 0.25, 0.25, 0.25).withActors(List.of("carol@example.com"))
                .withTransientPerDay(0).withReadEventsPerWrite(0);
        assertThat(spec).isEqualTo(new GeneratorSpec(7, List.of("uk-london-1"), 2, 4, 1_000_000,
                LocalDate.of(2027, 1, 1), 30, 0.02, 0.25, 0.25, 0.25, 0.25, List.of("carol@example.com"), 0, 0));
        assertThat(DEFAULTS.withSeed(7).resourceCount()).isEqualTo(5000);
    }

    @Test
    void regionsMustBeKnownDistinctAndPresent() {
        rejects(() -> DEFAULTS.withRegions(List.of()), "regions", "at least one");
        rejects(() -> DEFAULTS.withRegions(List.of("us-ashburn-1", "mars-olympus-1")), "regions",
                "mars-olympus-1", "allowed: us-ashburn-1");
        rejects(() -> DEFAULTS.withRegions(List.of("uk-london-1", "uk-london-1")), "regions", "twice");
    }

    @Test
    void compartmentTreeIsBounded() {
        rejects(() -> DEFAULTS.withCompartments(7, 3), "compartmentDepth", "between 0 and 6", "got 7");
        rejects(() -> DEFAULTS.withCompartments(-1, 3), "compartmentDepth", "between 0 and 6");
        rejects(() -> DEFAULTS.withCompartments(2, 0), "compartmentWidth", "between 1 and 20", "got 0");
        rejects(() -> DEFAULTS.withCompartments(6, 10), "compartmentDepth/compartmentWidth", "at most 20000");
        assertThat(DEFAULTS.withCompartments(0, 1).compartmentCount()).isEqualTo(1);
    }

    @Test
    void countsAndRatesAreRangeChecked() {
        rejects(() -> DEFAULTS.withResourceCount(-1), "resourceCount", "between 0 and 5000000", "got -1");
        rejects(() -> DEFAULTS.withResourceCount(5_000_001), "resourceCount", "between 0 and 5000000");
        rejects(() -> DEFAULTS.withStartDay(null), "startDay");
        rejects(() -> DEFAULTS.withDays(0), "days", "between 1 and 120");
        rejects(() -> DEFAULTS.withDays(121), "days", "between 1 and 120");
        rejects(() -> DEFAULTS.withChurnRate(0.6), "churnRate", "between 0.0 and 0.5", "got 0.6");
        rejects(() -> DEFAULTS.withChurnRate(Double.NaN), "churnRate", "between 0.0 and 0.5");
        rejects(() -> DEFAULTS.withChurnMix(-0.1, 0.5, 0.3, 0.3), "createShare", "between 0.0 and 1.0");
        rejects(() -> DEFAULTS.withChurnMix(0.5, 0.5, 0.5, 0.5), "createShare + updateShare + moveShare + deleteShare",
                "1.0");
        rejects(() -> DEFAULTS.withTransientPerDay(-1), "transientPerDay", "between 0 and 100000");
        rejects(() -> DEFAULTS.withReadEventsPerWrite(101), "readEventsPerWrite", "between 0 and 100");
    }

    @Test
    void theMoveAndDeleteIndexIsBounded() {
        rejects(() -> DEFAULTS.withResourceCount(5_000_000).withChurnMix(0, 0, 0.5, 0.5).withChurnRate(0.5),
                "churnRate", "at most 2000000");
        assertThat(DEFAULTS.withResourceCount(1_000_000).withDays(60).movesPerDay()).isEqualTo(500);
    }

    @Test
    void actorsMustBeNamedOnceEach() {
        rejects(() -> DEFAULTS.withActors(List.of()), "actors", "between 1 and 50");
        rejects(() -> DEFAULTS.withActors(List.of("alice@example.com", " ")), "actors", "not a principal name");
        rejects(() -> DEFAULTS.withActors(List.of("terraform", "terraform")), "actors", "twice");
    }

    private static void rejects(Supplier<GeneratorSpec> spec, String... fragments) {
        assertThatThrownBy(spec::get).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }
}

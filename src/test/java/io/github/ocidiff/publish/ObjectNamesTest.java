package io.github.ocidiff.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {

    private final ObjectNames names = new ObjectNames("ocidiff/");

    @Test
    void aDaysFileGoesUnderPrefixYearMonthDay() {
        assertThat(names.of(LocalDate.of(2026, 11, 5), "report.html")).isEqualTo("ocidiff/2026/11/05/report.html");
        assertThat(new ObjectNames("").of(LocalDate.of(2026, 1, 31), "report.json")).isEqualTo("2026/01/31/report.json");
    }

    @Test
    void theDayIsReadBackFromTheName() {
        assertThat(names.dayOf("ocidiff/2026/11/05/report.html")).contains(LocalDate.of(2026, 11, 5));
        assertThat(names.dayOf(names.of(LocalDate.of(2025, 2, 28), "report.csv"))).contains(LocalDate.of(2025, 2, 28));
    }

    @Test
    void namesOutsideTheLayoutHaveNoDay() {
        assertThat(names.dayOf("other/2026/11/05/report.html")).isEmpty();
        assertThat(names.dayOf("ocidiff/notes.txt")).isEmpty();
        assertThat(names.dayOf("ocidiff/2026/11/05/")).isEmpty();
        assertThat(names.dayOf("ocidiff/2026/11/05/nested/report.html")).isEmpty();
        assertThat(names.dayOf("ocidiff/2026/13/40/report.html")).isEmpty();
        assertThat(names.dayOf("ocidiff/26/11/05/report.html")).isEmpty();
        // Someone's file beside the reports of a day is theirs: retention leaves it.
        assertThat(names.dayOf("ocidiff/2026/11/05/notes.txt")).isEmpty();
        assertThat(names.dayOf("ocidiff/2026/11/05/report.pdf")).isEmpty();
    }
}

package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrendChartTest {
    private static final Pattern BAR_HEIGHT = Pattern.compile("<rect class=\"bar[^\"]*\" x=\"\\d+\" y=\"[\\d.]+\" "
            + "width=\"\\d+\" height=\"([\\d.]+)\"/>");

    private static List<String> barHeights(String svg) {
        Matcher m = BAR_HEIGHT.matcher(svg);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void withoutNightsItSaysThereIsNothingToChart() {
        assertThat(TrendChart.render(List.of())).isEqualTo("<p class=\"muted\">No earlier nights in the store to chart.</p>\n");
    }

    @Test
    void oneNightIsOneFullHeightBarWithItsDate() {
        String svg = TrendChart.render(ReportFixture.trend(7));
        assertThat(barHeights(svg)).containsExactly("140");
        assertThat(svg).contains(">11-02</text>", "<title>2026-11-02 23:59:59 UTC: 7 resources changed (snapshot #13, COMPLETE)</title>")
                .doesNotContain("legend");
    }

    @Test
    void barsAreScaledToTheBusiestNightWithAxisTicks() {
        String svg = TrendChart.render(ReportFixture.trend(5, 4, 0, 12, 7));
        assertThat(barHeights(svg)).containsExactly("58.3", "46.7", "0", "140", "81.7");
        assertThat(svg).contains(">0</text>", ">6</text>", ">12</text>", "class=\"bar partial\"", "class=\"legend\"");
    }

    @Test
    void nightsWithoutChangesStillGetAnAxisAndTooltips() {
        String svg = TrendChart.render(ReportFixture.trend(0, 0));
        assertThat(barHeights(svg)).containsExactly("0", "0");
        assertThat(svg).contains(">0</text>", ">1</text>", "No resource changed in these nights", "0 resources changed (snapshot #12");
    }

    @Test
    void manyNightsLabelOnlySomeDates() {
        long[] changes = new long[40];
        String svg = TrendChart.render(ReportFixture.trend(changes));
        assertThat(barHeights(svg)).hasSize(40);
        assertThat(Pattern.compile("text-anchor=\"middle\">\\d\\d-\\d\\d<").matcher(svg).results().count()).isEqualTo(14);
    }
}

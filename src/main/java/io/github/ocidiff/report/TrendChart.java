package io.github.ocidiff.report;

import io.github.ocidiff.crawl.SnapshotStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The HTML report's bar chart of resources changed per night (as the store counts them), as inline SVG: one
 * bar per night, the count on hover (an SVG {@code <title>}), dates under the bars, and nights from
 * incomplete snapshots marked.
 * Styled by the report's stylesheet through classes, so the document needs no inline style attributes.
 */
final class TrendChart {
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int PLOT_HEIGHT = 140;
    private static final int BOTTOM = 34;
    private static final int SLOT = 36;
    private static final int BAR = 22;
    /** More dates than this under the bars would overlap; label every k-th night instead. */
    private static final int MAX_DATE_LABELS = 16;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd").withZone(ZoneOffset.UTC);

    private TrendChart() {
    }

    /** The chart, or a sentence when there is no night to chart. */
    static String render(List<TrendPoint> nights) {
        if (nights.isEmpty()) {
            return "<p class=\"muted\">No earlier nights in the store to chart.</p>\n";
        }
        long max = nights.stream().mapToLong(TrendPoint::changes).max().orElse(0);
        long top = Math.max(1, max); // all-zero nights still get an axis from 0 to 1
        int width = LEFT + nights.size() * SLOT + RIGHT;
        int height = TOP + PLOT_HEIGHT + BOTTOM;
        int baseline = TOP + PLOT_HEIGHT;
        int labelEvery = (nights.size() + MAX_DATE_LABELS - 1) / MAX_DATE_LABELS;
        StringBuilder svg = new StringBuilder(512 + nights.size() * 320);
        svg.append("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"trend-title\">\n");
        svg.append("<title id=\"trend-title\">Resources changed per night, ").append(ReportText.count(nights.size(), "night"))
                .append(", at most ").append(max).append("</title>\n");
        for (long tick : max >= 2 ? List.of(0L, top / 2, top) : List.of(0L, top)) {
            double y = baseline - (double) PLOT_HEIGHT * tick / top;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick).append("</text>\n");
        }
        for (int i = 0; i < nights.size(); i++) {
            TrendPoint night = nights.get(i);
            int slotX = LEFT + i * SLOT;
            double barHeight = (double) PLOT_HEIGHT * night.changes() / top;
            boolean partial = night.status() != SnapshotStatus.COMPLETE;
            svg.append("<g class=\"night\"><title>").append(Html.escape(tooltip(night))).append("</title>")
                    // a full-height transparent target, so that a night with no change still shows its tooltip
                    .append("<rect class=\"hit\" x=\"").append(slotX).append("\" y=\"").append(TOP)
                    .append("\" width=\"").append(SLOT).append("\" height=\"").append(PLOT_HEIGHT).append("\"/>")
                    .append("<rect class=\"bar").append(partial ? " partial" : "").append("\" x=\"")
                    .append(slotX + (SLOT - BAR) / 2).append("\" y=\"").append(fmt(baseline - barHeight))
                    .append("\" width=\"").append(BAR).append("\" height=\"").append(fmt(barHeight)).append("\"/>");
            if (i % labelEvery == 0 || i == nights.size() - 1) {
                svg.append("<text class=\"axis\" x=\"").append(slotX + SLOT / 2).append("\" y=\"").append(baseline + 16)
                        .append("\" text-anchor=\"middle\">").append(DAY.format(night.takenAt())).append("</text>");
            }
            svg.append("</g>\n");
        }
        if (max == 0) {
            svg.append("<text class=\"axis\" x=\"").append(LEFT + 8).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\">No resource changed in these nights</text>\n");
        }
        svg.append("</svg>\n");
        if (nights.stream().anyMatch(n -> n.status() != SnapshotStatus.COMPLETE)) {
            svg.append("<p class=\"legend\"><span class=\"swatch partial\"></span> night whose snapshot was not complete:"
                    + " its count may miss changes</p>\n");
        }
        return svg.toString();
    }

    private static String tooltip(TrendPoint night) {
        return ReportText.when(night.takenAt()) + ": " + ReportText.count(night.changes(), "resource")
                + " changed (snapshot #" + night.snapshotId() + ", " + night.status() + ")";
    }

    /** One decimal at most: enough for pixels, and stable text for tests. */
    private static String fmt(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }
}

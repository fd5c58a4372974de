package io.github.ocidiff.cli;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The snapshot's progress line, fitted to the terminal: what was done and what is left are written
 * whole, and the bar takes the room that remains. The library's own line gives the bar whatever its
 * texts leave, and then cuts them at the terminal's edge: at 80 columns, "[=]" and "…; committi".
 */
final class ScopeBar implements ProgressBarRenderer {
    /** Narrower than this, the time left goes, then the bar keeps this width and the end is cut. */
    static final int MIN_BAR = 6;
    static final int MAX_BAR = 40;

    @Override
    public String render(ProgressState state, int width) {
        return line(state.getTaskName(), state.getCurrent(), state.getMax(), state.getExtraMessage(),
                state.getElapsedAfterStart(), width);
    }

    /**
     * E.g. "snapshot  97% [######### ] 117/120 scopes, 2,858 resources, 901/s, 0:00:02 left".
     *
     * @param extra what follows the scopes, e.g. ", 2,858 resources, 901/s"
     */
    static String line(String task, long done, long total, String extra, Duration elapsed, int width) {
        double share = total <= 0 ? 0 : Math.min(1, (double) done / total);
        String head = String.format("%s %3d%% ", task, (int) Math.floor(share * 100));
        String counts = String.format(" %,d/%,d scopes%s", done, total, extra == null ? "" : extra);
        String left = done <= 0 || done >= total ? ""
                : ", " + clock(elapsed.multipliedBy(total - done).dividedBy(done)) + " left";
        int room = width - head.length() - counts.length() - 2;
        if (room - left.length() >= MIN_BAR) {
            counts += left;
            room -= left.length();
        }
        int bar = Math.max(MIN_BAR, Math.min(MAX_BAR, room));
        int filled = (int) Math.floor(share * bar);
        String line = head + "[" + "#".repeat(filled) + " ".repeat(bar - filled) + "]" + counts;
        return line.length() <= width ? line : line.substring(0, Math.max(0, width));
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}

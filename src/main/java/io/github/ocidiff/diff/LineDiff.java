package io.github.ocidiff.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Unified-diff-like lines between two lists of lines, by java-diff-utils' Myers diff: its cost grows
 * with the number of edits, so a long policy with one statement changed stays cheap. The only place
 * that computes line diffs.
 */
public final class LineDiff {

    public static final String SAME = "  ";
    public static final String REMOVED = "- ";
    public static final String ADDED = "+ ";

    private LineDiff() {
    }

    /**
     * Every line of both lists, prefixed: unchanged lines with {@link #SAME}, and within each changed
     * stretch the removed lines ({@link #REMOVED}) before the added ones ({@link #ADDED}).
     */
    public static List<String> lines(List<String> before, List<String> after) {
        List<String> out = new ArrayList<>(before.size() + after.size());
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int start = delta.getSource().getPosition();
            before.subList(next, start).forEach(line -> out.add(SAME + line));
            delta.getSource().getLines().forEach(line -> out.add(REMOVED + line));
            delta.getTarget().getLines().forEach(line -> out.add(ADDED + line));
            next = start + delta.getSource().size();
        }
        before.subList(next, before.size()).forEach(line -> out.add(SAME + line));
        return out;
    }
}

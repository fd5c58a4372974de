package io.github.ocidiff.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified-diff-like lines between two lists of lines, by longest common subsequence. Policies hold at
 * most a few hundred statements and descriptions a few hundred lines, so the quadratic table is cheap;
 * past {@link #MAX_CELLS} it gives up on alignment rather than on memory.
 *
 * <p>The only place that computes line diffs, so that it can be swapped for java-diff-utils
 * ({@code io.github.java-diff-utils:java-diff-utils}) without touching its callers.
 */
public final class LineDiff {

    public static final String SAME = "  ";
    public static final String REMOVED = "- ";
    public static final String ADDED = "+ ";

    /** The largest LCS table (after the common head and tail are cut off): 4M ints, 16 MB. */
    static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    /**
     * Every line of both lists, prefixed: unchanged lines with {@link #SAME}, and within each changed
     * stretch the removed lines ({@link #REMOVED}) before the added ones ({@link #ADDED}).
     */
    public static List<String> lines(List<String> before, List<String> after) {
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<String> out = new ArrayList<>(before.size() + after.size());
        before.subList(0, head).forEach(line -> out.add(SAME + line));
        middle(before.subList(head, before.size() - tail), after.subList(head, after.size() - tail), out);
        before.subList(before.size() - tail, before.size()).forEach(line -> out.add(SAME + line));
        return out;
    }

    private static void middle(List<String> a, List<String> b, List<String> out) {
        int n = a.size();
        int m = b.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            a.forEach(line -> out.add(REMOVED + line));
            b.forEach(line -> out.add(ADDED + line));
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(SAME + a.get(i));
                i++;
                j++;
            } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(REMOVED + a.get(i));
                i++;
            } else {
                out.add(ADDED + b.get(j));
                j++;
            }
        }
    }
}

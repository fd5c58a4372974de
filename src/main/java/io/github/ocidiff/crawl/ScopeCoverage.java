package io.github.ocidiff.crawl;

/**
 * How completely one scope was collected.
 *
 * @param error null when {@code ok}; else one line: what failed, e.g. "Resource Search in
 *              eu-frankfurt-1 failed: 503 ServiceUnavailable: ..."
 */
public record ScopeCoverage(Scope scope, boolean ok, String error, int pages, long resources, long millis) {
    private static final String LEFT_OUT = "left out by ";

    /** What a snapshot narrowed on the command line records of a scope the configuration covers and it leaves out. */
    static ScopeCoverage leftOut(Scope scope, Narrowing narrowing) {
        return new ScopeCoverage(scope, false, LEFT_OUT + narrowing.describe(), 0, 0, 0);
    }

    /** Whether the scope was left out by a narrowed snapshot: not asked, rather than asked and failing. */
    public boolean leftOut() {
        return !ok && error != null && error.startsWith(LEFT_OUT);
    }
}

package io.github.ocidiff.crawl;

/**
 * How completely one scope was collected.
 *
 * @param error null when {@code ok}; else one line: what failed, e.g. "Resource Search in
 *              eu-frankfurt-1 failed: 503 ServiceUnavailable: ..."
 */
public record ScopeCoverage(Scope scope, boolean ok, String error, int pages, long resources, long millis) {
}

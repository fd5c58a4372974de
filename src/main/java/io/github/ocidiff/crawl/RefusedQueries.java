package io.github.ocidiff.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shortest query Search refused as such (400) in each region during one crawl. OCI does not document how long
 * a query may be; once Search has refused one, a query as long in that region is split at once rather than asked
 * and refused too (a tenancy of 585 compartments shares 72 queries a night: without this, each was refused before
 * its halves were asked).
 */
final class RefusedQueries {
    private final Map<String, Integer> shortest = new ConcurrentHashMap<>();

    /** Whether a query at least as long was refused in the region: split it without asking. */
    boolean tooLong(String region, String query) {
        Integer refused = shortest.get(region);
        return refused != null && query.length() >= refused;
    }

    void refused(String region, String query) {
        shortest.merge(region, query.length(), Math::min);
    }
}

package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The tenancy the simulator serves, day by day: a fixture folder or a generator.
 * All JSON is shaped exactly as the OCI REST APIs return it (camelCase, RFC 3339 times).
 * Implementations must be safe for concurrent readers; {@link #selectDay} may be called at any time.
 */
public interface TenancySource {

    /** Identity Tenancy: {"id", "name", "homeRegionKey", ...}. */
    JsonNode tenancy();

    /** Identity RegionSubscription objects. */
    List<JsonNode> regions();

    /** Every compartment of the tenancy as of the current day (the root tenancy itself excluded). */
    List<JsonNode> compartments();

    /** The days this source can replay, in order (a generator: its configured span). */
    List<LocalDate> days();

    LocalDate currentDay();

    /** Makes {@code day} the current day; an unknown day is an IllegalArgumentException naming it. */
    void selectDay(LocalDate day);

    /** True when {@code region} is down on the current day (the simulator answers 503). */
    boolean regionDown(String region);

    /**
     * Resource Search items of {@code region} at the end of the current day that match the query,
     * newest first by timeCreated, starting at {@code offset}; at most {@code limit} items.
     * Must not materialise all of a large tenancy: 1,000,000 resources are served in a 512 MB heap.
     */
    Page resources(String region, ResourceQuery query, int offset, int limit);

    /**
     * The full-resource view of one resource for the GET calls that show what Search does not
     * (policy statements, security rules, bucket settings), as of the current day: the fixture's
     * optional {@code details} member, or null when the resource or its details are unknown.
     */
    default JsonNode details(String region, String ocid) {
        return null;
    }

    /**
     * Audit events of {@code region} and exactly {@code compartmentId} (no subtree) with
     * {@code start <= eventTime < end}, in eventTime order, starting at {@code offset}.
     */
    Page auditEvents(String region, String compartmentId, Instant start, Instant end, int offset, int limit);
}

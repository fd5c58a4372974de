package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Resource Search (20180409): SearchResources with structured queries, per region. */
final class SearchApi {
    private final TenancySource source;
    /** Read for the longest query answered and the paging shift. */
    private final FaultPlan faults;

    SearchApi(TenancySource source, FaultPlan faults) {
        this.source = source;
        this.faults = faults;
    }

    boolean owns(SimRequest r) {
        return "20180409".equals(r.segment(0));
    }

    /** The compartments a search request is scoped to, for compartment fault injection. */
    ResourceQuery query(SimRequest r) {
        if (!r.is("POST", 2) || !"resources".equals(r.segment(1))) {
            throw SimError.notFound("No such Search operation: " + r.method() + " " + String.join("/", r.segments()));
        }
        JsonNode details;
        try {
            details = SimResponse.JSON.readTree(r.body());
        } catch (IOException e) {
            throw SimError.badRequest("InvalidParameter", "Request body is not JSON.");
        }
        if (details == null || !"Structured".equals(details.path("type").asText())) {
            throw SimError.badRequest("InvalidParameter", "Only type Structured search details are supported.");
        }
        String query = details.path("query").asText(null);
        int limit = faults.maxQueryLength();
        if (limit > 0 && query != null && query.length() > limit) {
            throw SimError.badRequest("InvalidParameter", "The query is " + query.length()
                    + " characters long; the limit is " + limit + ".");
        }
        ResourceQuery parsed = StructuredQuery.parse(query);
        if (faults.refuseNotEqual() && !parsed.excludedCompartmentIds().isEmpty()) {
            throw SimError.badRequest("InvalidParameter", "Unsupported operator != in query: " + query);
        }
        return parsed;
    }

    SimResponse handle(SimRequest r, ResourceQuery query) {
        int limit = r.intParam("limit", 100, 1, 1000);
        // The next page's offset comes back in its token, so each later page starts one further than the last.
        int offset = r.pageOffset() > 0 && faults.pagingShift() ? r.pageOffset() + 1 : r.pageOffset();
        return SimResponse.page(indexed(source.resources(r.region(), query, offset, limit)), true);
    }

    /**
     * The page without the resources the index lag hides: a page may come out shorter than its limit, as OCI's do,
     * and its token still names the offset after the whole page.
     */
    private Page indexed(Page page) {
        if (faults.indexLag().isZero()) {
            return page;
        }
        Instant listedUpTo = source.currentDay().atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC)
                .minus(faults.indexLag());
        return new Page(page.items().stream().filter(item -> {
            String created = item.path("timeCreated").asText(null);
            return created == null || !OffsetDateTime.parse(created).toInstant().isAfter(listedUpTo);
        }).toList(), page.nextOffset());
    }
}

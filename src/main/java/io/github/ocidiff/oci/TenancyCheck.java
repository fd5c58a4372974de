package io.github.ocidiff.oci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.audit.requests.ListEventsRequest;
import com.oracle.bmc.identity.model.Tenancy;
import com.oracle.bmc.model.BmcException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code ocidiff check}: proves that the credentials work and that the policies ocidiff needs are in
 * place, region by region — Identity (tenancy, regions; the crawl plan lists the compartments), Resource Search (every page of
 * {@code query all resources}) and Audit (a recent window of the root compartment) — and keeps, of each type
 * asked for, the first resource Search answered, so that reading its details can be tried too.
 */
public final class TenancyCheck {

    /**
     * What one region answered: resources seen through Search, each service's problem or null, and the first
     * resource Search answered of each type asked for.
     */
    public record RegionResult(String region, long resources, int pages, long millis, String searchProblem,
                               String auditProblem, List<ObjectNode> samples) {
        public boolean ok() {
            return searchProblem == null && auditProblem == null;
        }
    }

    /** The whole check; the compartments are the crawl plan's to count (see CheckCommand), not listed twice. */
    public record Result(String tenancyId, String tenancyName, String homeRegion, List<String> subscribed,
                         List<RegionResult> regions) {
        public boolean ok() {
            return regions.stream().allMatch(RegionResult::ok);
        }
    }

    private final OciClients clients;
    private final Set<String> sampled;
    private final Predicate<ObjectNode> sample;

    /**
     * @param sampled the resource types of which each region's first resource that {@code sample} accepts is kept
     */
    public TenancyCheck(OciClients clients, Collection<String> sampled, Predicate<ObjectNode> sample) {
        this.clients = clients;
        this.sampled = Set.copyOf(sampled);
        this.sample = sample;
    }

    public Result run(Collection<String> includeRegions, Collection<String> excludeRegions) {
        IdentityReader identity = new IdentityReader(clients);
        Tenancy tenancy = identity.tenancy();
        List<String> ready = identity.readyRegions();
        List<RegionResult> results = new ArrayList<>();
        for (String region : RegionSelection.select(ready, includeRegions, "regions.include", excludeRegions)) {
            results.add(checkRegion(region, identity.tenancyId()));
        }
        return new Result(identity.tenancyId(), tenancy.getName(), ready.get(0), ready, results);
    }

    private RegionResult checkRegion(String region, String tenancyId) {
        long start = System.nanoTime();
        long[] resources = {0};
        int[] pages = {0};
        Map<String, ObjectNode> samples = new LinkedHashMap<>();
        String searchProblem = null;
        try {
            clients.searchPages(region, "query all resources", items -> {
                resources[0] += items.size();
                pages[0]++;
                for (int i = 0; i < items.size(); i++) {
                    String type = items.resourceType(i);
                    if (type != null && sampled.contains(type) && !samples.containsKey(type)) {
                        ObjectNode item = items.json(i);
                        if (sample.test(item)) {
                            samples.put(type, item);
                        }
                    }
                }
            });
        } catch (BmcException e) {
            searchProblem = clients.describe("Resource Search", region, e) + clients.hint(e);
        }
        String auditProblem = null;
        var audit = clients.region(region).audit();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try {
            clients.call(region, Service.AUDIT, () -> audit.listEvents(ListEventsRequest.builder().compartmentId(tenancyId)
                    .startTime(Date.from(end.minus(5, ChronoUnit.MINUTES))).endTime(Date.from(end)).build()));
        } catch (BmcException e) {
            auditProblem = clients.describe("Audit", region, e) + clients.hint(e);
        }
        return new RegionResult(region, resources[0], pages[0], (System.nanoTime() - start) / 1_000_000,
                searchProblem, auditProblem, List.copyOf(samples.values()));
    }

}

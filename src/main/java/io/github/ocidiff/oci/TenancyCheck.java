package io.github.ocidiff.oci;

import com.oracle.bmc.audit.requests.ListEventsRequest;
import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.model.RegionSubscription;
import com.oracle.bmc.identity.requests.GetTenancyRequest;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.identity.requests.ListRegionSubscriptionsRequest;
import com.oracle.bmc.identity.model.Tenancy;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.resourcesearch.model.StructuredSearchDetails;
import com.oracle.bmc.resourcesearch.requests.SearchResourcesRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * {@code ocidiff check}: proves that the credentials work and that the policies ocidiff needs are in
 * place, region by region — Identity (tenancy, regions, compartments), Resource Search (every page of
 * {@code query all resources}) and Audit (a recent window of the root compartment).
 */
public final class TenancyCheck {

    /** What one region answered: resources seen through Search, and each service's problem or null. */
    public record RegionResult(String region, long resources, int pages, long millis, String searchProblem,
                               String auditProblem) {
        public boolean ok() {
            return searchProblem == null && auditProblem == null;
        }
    }

    /** The whole check. */
    public record Result(String tenancyId, String tenancyName, String homeRegion, List<String> subscribed,
                         int compartments, List<RegionResult> regions) {
        public boolean ok() {
            return regions.stream().allMatch(RegionResult::ok);
        }
    }

    private final OciClients clients;

    public TenancyCheck(OciClients clients) {
        this.clients = clients;
    }

    public Result run(Collection<String> includeRegions, Collection<String> excludeRegions) {
        Credentials credentials = clients.credentials();
        String identityRegion = credentials.region();
        if (identityRegion == null) {
            throw io.github.ocidiff.OcidiffException.usage("cannot tell which region to ask Identity: the "
                    + credentials.description() + " names no region; add region=... to the OCI profile");
        }
        var identity = clients.region(identityRegion).identity();
        String tenancyId = credentials.tenancyId();
        Tenancy tenancy;
        List<String> ready = new ArrayList<>();
        String home = null;
        int compartments = 0;
        try {
            tenancy = clients.call(identityRegion, () -> identity.getTenancy(
                    GetTenancyRequest.builder().tenancyId(tenancyId).build()).getTenancy());
            List<RegionSubscription> subscriptions = clients.call(identityRegion, () -> identity.listRegionSubscriptions(
                    ListRegionSubscriptionsRequest.builder().tenancyId(tenancyId).build()).getItems());
            for (RegionSubscription s : subscriptions) {
                if (s.getStatus() == RegionSubscription.Status.Ready) {
                    if (Boolean.TRUE.equals(s.getIsHomeRegion())) {
                        home = s.getRegionName();
                        ready.add(0, s.getRegionName());
                    } else {
                        ready.add(s.getRegionName());
                    }
                }
            }
            String page = null;
            do {
                String current = page;
                var response = clients.call(identityRegion, () -> identity.listCompartments(
                        ListCompartmentsRequest.builder().compartmentId(tenancyId).compartmentIdInSubtree(true)
                                .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                                .lifecycleState(Compartment.LifecycleState.Active)
                                .limit(1000).page(current).build()));
                compartments += response.getItems().size();
                page = response.getOpcNextPage();
            } while (page != null);
        } catch (BmcException e) {
            throw io.github.ocidiff.OcidiffException.runtime(
                    OciClients.describe("Identity", identityRegion, e) + hint(e), e);
        }
        List<RegionResult> results = new ArrayList<>();
        for (String region : RegionSelection.select(ready, includeRegions, excludeRegions)) {
            results.add(checkRegion(region, tenancyId));
        }
        return new Result(tenancyId, tenancy.getName(), home, ready, compartments, results);
    }

    private RegionResult checkRegion(String region, String tenancyId) {
        long start = System.nanoTime();
        long resources = 0;
        int pages = 0;
        String searchProblem = null;
        var search = clients.region(region).search();
        try {
            String page = null;
            do {
                String current = page;
                var response = clients.call(region, () -> search.searchResources(SearchResourcesRequest.builder()
                        .searchDetails(StructuredSearchDetails.builder().query("query all resources").build())
                        .limit(1000).page(current).build()));
                resources += response.getResourceSummaryCollection().getItems().size();
                pages++;
                page = response.getOpcNextPage();
            } while (page != null);
        } catch (BmcException e) {
            searchProblem = OciClients.describe("Resource Search", region, e) + hint(e);
        }
        String auditProblem = null;
        var audit = clients.region(region).audit();
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try {
            clients.call(region, () -> audit.listEvents(ListEventsRequest.builder().compartmentId(tenancyId)
                    .startTime(Date.from(end.minus(5, ChronoUnit.MINUTES))).endTime(Date.from(end)).build()));
        } catch (BmcException e) {
            auditProblem = OciClients.describe("Audit", region, e) + hint(e);
        }
        return new RegionResult(region, resources, pages, (System.nanoTime() - start) / 1_000_000,
                searchProblem, auditProblem);
    }

    private static String hint(BmcException e) {
        return switch (e.getStatusCode()) {
            case 401 -> "; check the API key, its fingerprint and the clock";
            case 404 -> "; check the policies in the README (inspect all-resources, read audit-events)";
            default -> "";
        };
    }
}

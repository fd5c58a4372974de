package io.github.ocidiff.oci;

import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.model.RegionSubscription;
import com.oracle.bmc.identity.model.Tenancy;
import com.oracle.bmc.identity.requests.GetTenancyRequest;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.identity.requests.ListRegionSubscriptionsRequest;
import com.oracle.bmc.identity.responses.ListCompartmentsResponse;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.OcidiffException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Identity reads everything else starts from: the tenancy, its READY regions (home first) and
 * its ACTIVE compartments. Identity is global, so it is asked in the region the credentials name.
 * A failure here means nothing can be collected: it is an error naming the call, not a coverage gap.
 */
public final class IdentityReader {
    private final OciClients clients;
    private final String region;
    private final String tenancyId;

    public IdentityReader(OciClients clients) {
        this.clients = clients;
        Credentials credentials = clients.credentials();
        if (credentials.region() == null) {
            throw OcidiffException.usage("cannot tell which region to ask Identity: the " + credentials.description()
                    + " names no region; add region=... to the OCI profile");
        }
        this.region = credentials.region();
        this.tenancyId = credentials.tenancyId();
    }

    public String tenancyId() {
        return tenancyId;
    }

    public Tenancy tenancy() {
        return call(() -> clients.region(region).identity()
                .getTenancy(GetTenancyRequest.builder().tenancyId(tenancyId).build()).getTenancy());
    }

    /** READY region subscriptions by name, the home region first. */
    public List<String> readyRegions() {
        List<RegionSubscription> subscriptions = call(() -> clients.region(region).identity().listRegionSubscriptions(
                ListRegionSubscriptionsRequest.builder().tenancyId(tenancyId).build()).getItems());
        List<String> ready = new ArrayList<>();
        for (RegionSubscription s : subscriptions) {
            if (s.getStatus() == RegionSubscription.Status.Ready) {
                if (Boolean.TRUE.equals(s.getIsHomeRegion())) {
                    ready.add(0, s.getRegionName());
                } else {
                    ready.add(s.getRegionName());
                }
            }
        }
        return ready;
    }

    /** Every ACTIVE compartment below the root, all pages. */
    public List<Compartment> activeCompartments() {
        List<Compartment> all = new ArrayList<>();
        Pager.forEachPage(page -> call(() -> clients.region(region).identity().listCompartments(
                        ListCompartmentsRequest.builder().compartmentId(tenancyId).compartmentIdInSubtree(true)
                                .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                                .lifecycleState(Compartment.LifecycleState.Active)
                                .limit(1000).page(page).build())),
                ListCompartmentsResponse::getOpcNextPage, response -> all.addAll(response.getItems()));
        return all;
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return clients.call(region, Service.IDENTITY, request);
        } catch (BmcException e) {
            throw OcidiffException.runtime(clients.describe("Identity", region, e) + clients.hint(e), e);
        }
    }
}

package io.github.ocidiff.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.core.model.SecurityRule;
import com.oracle.bmc.core.requests.GetSecurityListRequest;
import com.oracle.bmc.core.requests.ListNetworkSecurityGroupSecurityRulesRequest;
import com.oracle.bmc.core.requests.ListNetworkSecurityGroupsRequest;
import com.oracle.bmc.core.requests.ListSecurityListsRequest;
import com.oracle.bmc.core.responses.ListNetworkSecurityGroupSecurityRulesResponse;
import com.oracle.bmc.core.responses.ListNetworkSecurityGroupsResponse;
import com.oracle.bmc.core.responses.ListSecurityListsResponse;
import com.oracle.bmc.http.client.Serializer;
import com.oracle.bmc.identity.requests.GetPolicyRequest;
import com.oracle.bmc.identity.requests.ListPoliciesRequest;
import com.oracle.bmc.identity.responses.ListPoliciesResponse;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.ListBucketsRequest;
import com.oracle.bmc.objectstorage.responses.ListBucketsResponse;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Pager;
import io.github.ocidiff.oci.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Adds what Resource Search does not show to the resources compliance cares most about, under a
 * {@code details} member: policy statements (Identity ListPolicies), security list rules (Core
 * ListSecurityLists), network security group rules (Core ListNetworkSecurityGroupSecurityRules) and
 * bucket settings (Object Storage GetBucket). Terminated resources have nothing left to fetch.
 *
 * <p>OCI's LIST of policies shows their statements, and its networking LISTs show each resource in full, to a
 * caller who may only inspect them: a compartment's policies or security lists are read with one paged LIST,
 * taken when a page first shows one of them, not with a GET each (a compartment of 200 security lists: one
 * request, not 200). One that LIST does not show (created after it was taken, or moved or deleted since Search
 * indexed it) is read with its GET, as the other types are.
 *
 * <p>A GET answering 404 means the resource is gone or the caller may not read it: OCI does not say which.
 * Search's index lags its services, so a resource deleted during the night is still listed by Search while
 * its GET answers 404. The type's LIST in the resource's compartment, which the inspect verb allows, taken
 * after Search's page was read, tells the two apart: a resource it does not show was deleted and is left out, as
 * Search will soon leave it out too; one it shows is a coverage gap naming the missing read permission.
 */
final class Enricher {

    /** A resource whose details could not be fetched: its scope is a coverage gap, not silently thinner. */
    static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GONE = Set.of("TERMINATED", "DELETED", "TERMINATING", "DELETING");
    /** How IAM policies name each enriched type. */
    private static final Map<String, String> POLICY_TYPES = Map.of("Policy", "policies", "SecurityList", "security-lists",
            "NetworkSecurityGroup", "network-security-groups", "Bucket", "buckets");
    /** The services that answer details, each with its own bound of requests at once in a region. */
    static final Set<Service> SERVICES = EnumSet.of(Service.IDENTITY, Service.CORE, Service.OBJECT_STORAGE);
    /** Types whose LIST in a compartment shows each resource in full (see above). */
    private static final Set<String> LISTED_IN_FULL = Set.of("Policy", "SecurityList");

    private final OciClients clients;
    private final Set<String> types;
    private final Map<String, CompletableFuture<String>> namespaces = new ConcurrentHashMap<>();
    /** The latest LIST of each type in each compartment, by region, type and compartment (see {@link #listing}). */
    private final Map<String, CompletableFuture<Listing>> lists = new ConcurrentHashMap<>();

    /**
     * A type's LIST in one compartment: when it began ({@link System#nanoTime}), the keys (see {@link #listedKey})
     * of the resources it showed, and, of a type listed in full, those of them no page has taken yet, by key.
     */
    private record Listing(long began, Set<String> keys, Map<String, Object> untaken) {
    }

    Enricher(OciClients clients, List<String> types) {
        this.clients = clients;
        this.types = Set.copyOf(types);
    }

    /** Whether resources of this type may be enriched (not if terminated: see {@link #wants}). */
    boolean mayWant(String resourceType) {
        return types.contains(resourceType);
    }

    boolean wants(CanonicalResource r) {
        return types.contains(r.resourceType()) && !gone(r.lifecycleState());
    }

    /** Whether a resource in this lifecycle state (null: none given) has nothing left to fetch. */
    static boolean gone(String lifecycleState) {
        return lifecycleState != null && GONE.contains(lifecycleState);
    }

    /**
     * The resource with its details; empty when its service no longer has it (see above).
     *
     * @param pageRead when ({@link System#nanoTime}) Search's page that showed the resource was read
     */
    Optional<CanonicalResource> enrich(CanonicalResource r, long pageRead) {
        if (!wants(r)) {
            return Optional.of(r);
        }
        Object details = LISTED_IN_FULL.contains(r.resourceType()) ? listed(r, pageRead) : null;
        if (details == null) {
            Optional<Object> read = read(r, pageRead);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            details = read.get();
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(r.json());
            node.set("details", tree(details));
            return Optional.of(Canonicalizer.of(node, r.region()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The resource as its compartment's LIST shows it, taken from that LIST; null when a LIST begun after the
     * resource's page was read does not show it (or showed it to a page before: a second sighting).
     */
    private Object listed(CanonicalResource r, long pageRead) {
        Listing listing = listingOfFullType(r, Long.MIN_VALUE);
        Object item = take(listing, r);
        if (item == null && listing.began() < pageRead) {
            // Begun before the page was read: the resource may be newer than it.
            item = take(listingOfFullType(r, pageRead), r);
        }
        return item;
    }

    /** {@link #listing}, for a type whose details it gives: a LIST that fails fails the resource's scope. */
    private Listing listingOfFullType(CanonicalResource r, long notBefore) {
        try {
            return listing(r, notBefore);
        } catch (BmcException e) {
            throw new Failure("details of " + r.resourceType() + " " + r.ocid() + ": "
                    + clients.describe(r.resourceType() + " LIST", r.region(), e), e);
        }
    }

    /** The resource as the LIST shows it, which no page has taken yet, now taken; null if none is left. */
    private Object take(Listing listing, CanonicalResource r) {
        Object item = listing.untaken().remove(listedKey(r));
        if (item != null && listing.untaken().isEmpty()) {
            // Every resource it showed is taken: kept, it would only hold memory until the crawl ends.
            lists.computeIfPresent(listKey(r), (key, latest) -> latest.isDone() && !latest.isCompletedExceptionally()
                    && latest.join() == listing ? null : latest);
        }
        return item;
    }

    /** The resource's GET; empty when it answers 404 for a resource deleted since its page was read. */
    private Optional<Object> read(CanonicalResource r, long pageRead) {
        String region = r.region();
        OciClients.Region c = clients.region(region);
        try {
            return Optional.of(switch (r.resourceType()) {
                case "Policy" -> identity(region, () -> c.identity()
                        .getPolicy(GetPolicyRequest.builder().policyId(r.ocid()).build()).getPolicy());
                case "SecurityList" -> core(region, () -> c.network()
                        .getSecurityList(GetSecurityListRequest.builder().securityListId(r.ocid()).build()).getSecurityList());
                case "NetworkSecurityGroup" -> Map.of("securityRules", nsgRules(region, c, r.ocid()));
                case "Bucket" -> {
                    // Looked up before taking a request slot: a lookup inside one would wait for a second
                    // slot of the same region, and with every slot so taken, the crawl would hang.
                    String namespace = namespace(region, c);
                    yield objectStorage(region, () -> c.objectStorage().getBucket(GetBucketRequest.builder()
                            .namespaceName(namespace).bucketName(r.displayName()).build()).getBucket());
                }
                default -> throw new IllegalStateException("no enrichment for " + r.resourceType());
            });
        } catch (BmcException e) {
            String failed = "details of " + r.resourceType() + " " + r.ocid() + ": "
                    + clients.describe(r.resourceType() + " GET", region, e);
            if (e.getStatusCode() != 404) {
                throw new Failure(failed, e);
            }
            return notFound(r, failed, e, pageRead, System.nanoTime());
        }
    }

    /**
     * After a 404: empty when the type's LIST in the resource's compartment, taken after its page was read, does not
     * show it; the resource as that LIST shows it, for a type it shows in full; else fails naming the permission. One
     * that shows it but began before the 404 does not settle it (the resource may have been deleted in between): a
     * new one does.
     */
    private Optional<Object> notFound(CanonicalResource r, String failed, BmcException notFound, long pageRead,
                                      long notFoundAt) {
        String key = listedKey(r);
        Listing listing;
        try {
            listing = listing(r, pageRead);
            if (listing.keys().contains(key) && listing.began() < notFoundAt) {
                listing = listing(r, notFoundAt);
            }
        } catch (BmcException e) {
            // The list told neither a deletion nor a missing read permission: the 404 stands as the gap.
            throw new Failure(failed + "; and " + clients.describe(r.resourceType() + " LIST", r.region(), e), notFound);
        }
        if (listing.keys().contains(key)) {
            Object item = take(listing, r);
            if (item != null) {
                return Optional.of(item);
            }
            throw new Failure(failed + "; yet its compartment's list shows it, so ocidiff may inspect but not read "
                    + POLICY_TYPES.get(r.resourceType()) + " there: grant read on them (e.g. `allow group <group> to read "
                    + POLICY_TYPES.get(r.resourceType()) + " in tenancy`), or leave " + r.resourceType()
                    + " out of snapshot.enrich", notFound);
        }
        return Optional.empty();
    }

    /**
     * The latest LIST of the resource's type in its compartment if it began at {@code notBefore} or later, else a
     * new one, unless another thread began one meanwhile, whose answer then serves: the details of a page are read
     * several at once, and those of one compartment want its LIST together (a night that deleted a compartment's
     * hundred buckets lists them once, not a hundred times).
     */
    private Listing listing(CanonicalResource r, long notBefore) {
        String listKey = listKey(r);
        CompletableFuture<Listing> latest = lists.get(listKey);
        if (latest != null) {
            Listing known = result(latest);
            if (known.began() >= notBefore) {
                return known;
            }
        }
        CompletableFuture<Listing> mine = new CompletableFuture<>();
        // A LIST another thread put here since this one looked began after notBefore.
        CompletableFuture<Listing> current = lists.compute(listKey,
                (key, taken) -> taken == null || taken == latest ? mine : taken);
        if (current != mine) {
            return result(current);
        }
        return answer(lists, listKey, mine, () -> list(r, System.nanoTime()));
    }

    /**
     * Answers {@code mine}, the lookup this thread put under {@code key} for others to wait for: with what
     * {@code lookup} returns, or with its failure, which is then not kept (the next to ask tries again).
     */
    private static <T> T answer(Map<String, CompletableFuture<T>> lookups, String key, CompletableFuture<T> mine,
                                Supplier<T> lookup) {
        try {
            T answer = lookup.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            lookups.remove(key, mine);
            throw e;
        }
    }

    private static String listKey(CanonicalResource r) {
        return r.region() + " " + r.resourceType() + " " + r.compartmentId();
    }

    /** A lookup's answer, or the exception that it failed with. */
    private static <T> T result(CompletableFuture<T> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How the type's LIST names a resource: a bucket by its name (its summary has no OCID), the others by OCID. */
    private static String listedKey(CanonicalResource r) {
        return r.resourceType().equals("Bucket") ? r.displayName() : r.ocid();
    }

    /** The type's LIST in the resource's compartment, begun at {@code began}. */
    private Listing list(CanonicalResource r, long began) {
        String region = r.region();
        OciClients.Region c = clients.region(region);
        String compartment = r.compartmentId();
        Map<String, Object> shown = new HashMap<>();
        switch (r.resourceType()) {
            case "Policy" -> Pager.forEachPage(page -> identity(region, () -> c.identity().listPolicies(
                            ListPoliciesRequest.builder().compartmentId(compartment).limit(1000).page(page).build())),
                    ListPoliciesResponse::getOpcNextPage,
                    response -> response.getItems().forEach(p -> shown.put(p.getId(), p)));
            case "SecurityList" -> Pager.forEachPage(page -> core(region, () -> c.network().listSecurityLists(
                            ListSecurityListsRequest.builder().compartmentId(compartment).limit(1000).page(page).build())),
                    ListSecurityListsResponse::getOpcNextPage,
                    response -> response.getItems().forEach(l -> shown.put(l.getId(), l)));
            case "NetworkSecurityGroup" -> Pager.forEachPage(page -> core(region, () -> c.network()
                            .listNetworkSecurityGroups(ListNetworkSecurityGroupsRequest.builder().compartmentId(compartment)
                                    .limit(1000).page(page).build())),
                    ListNetworkSecurityGroupsResponse::getOpcNextPage,
                    response -> response.getItems().forEach(g -> shown.put(g.getId(), g)));
            case "Bucket" -> {
                String namespace = namespace(region, c);
                Pager.forEachPage(page -> objectStorage(region, () -> c.objectStorage().listBuckets(
                                ListBucketsRequest.builder().namespaceName(namespace).compartmentId(compartment)
                                        .limit(1000).page(page).build())),
                        ListBucketsResponse::getOpcNextPage,
                        response -> response.getItems().forEach(b -> shown.put(b.getName(), b)));
            }
            default -> throw new IllegalStateException("no enrichment for " + r.resourceType());
        }
        return new Listing(began, Set.copyOf(shown.keySet()),
                new ConcurrentHashMap<>(LISTED_IN_FULL.contains(r.resourceType()) ? shown : Map.of()));
    }

    /** A call to Identity in the region, within that service's bound (see OciClients#call); so for the next two. */
    private <T> T identity(String region, Supplier<T> call) {
        return clients.call(region, Service.IDENTITY, call);
    }

    private <T> T core(String region, Supplier<T> call) {
        return clients.call(region, Service.CORE, call);
    }

    private <T> T objectStorage(String region, Supplier<T> call) {
        return clients.call(region, Service.OBJECT_STORAGE, call);
    }

    private List<SecurityRule> nsgRules(String region, OciClients.Region c, String nsgId) {
        List<SecurityRule> rules = new ArrayList<>();
        Pager.forEachPage(page -> core(region, () -> c.network().listNetworkSecurityGroupSecurityRules(
                        ListNetworkSecurityGroupSecurityRulesRequest.builder().networkSecurityGroupId(nsgId)
                                .limit(1000).page(page).build())),
                ListNetworkSecurityGroupSecurityRulesResponse::getOpcNextPage, response -> rules.addAll(response.getItems()));
        return rules;
    }

    /**
     * Looked up once a region, by the first thread that needs it while the others wait for its answer (not with
     * computeIfAbsent, which would hold a map lock across a network call); a failed lookup is not kept.
     */
    private String namespace(String region, OciClients.Region c) {
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> known = namespaces.putIfAbsent(region, mine);
        if (known != null) {
            return result(known);
        }
        return answer(namespaces, region, mine, () -> objectStorage(region,
                () -> c.objectStorage().getNamespace(GetNamespaceRequest.builder().build()).getValue()));
    }

    /** The SDK model as OCI's own JSON (camelCase, RFC 3339 times), through the SDK's serializer. */
    private static JsonNode tree(Object model) throws IOException {
        return JSON.readTree(Serializer.getDefault().writeValueAsString(model));
    }
}

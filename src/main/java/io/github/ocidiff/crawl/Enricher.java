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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds what Resource Search does not show to the resources compliance cares most about, under a
 * {@code details} member: policy statements (Identity GetPolicy), security list rules (Core
 * GetSecurityList), network security group rules (Core ListNetworkSecurityGroupSecurityRules) and
 * bucket settings (Object Storage GetBucket). Terminated resources have nothing left to fetch.
 *
 * <p>A GET answering 404 means the resource is gone or the caller may not read it: OCI does not say which.
 * Search's index lags its services, so a resource deleted during the night is still listed by Search while
 * its GET answers 404. The type's LIST in the resource's compartment, which the inspect verb allows, tells the
 * two apart: a resource it does not show was deleted and is left out, as Search will soon leave it out too; one
 * it shows is a coverage gap naming the missing read permission.
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

    private final OciClients clients;
    private final Set<String> types;
    private final Map<String, String> namespaces = new ConcurrentHashMap<>();
    /** The last LIST taken after a 404, by region, type and compartment (see {@link #listed}). */
    private final Map<String, CompletableFuture<Set<String>>> lists = new ConcurrentHashMap<>();

    Enricher(OciClients clients, List<String> types) {
        this.clients = clients;
        this.types = Set.copyOf(types);
    }

    /** Whether resources of this type may be enriched (not if terminated: see {@link #wants}). */
    boolean mayWant(String resourceType) {
        return types.contains(resourceType);
    }

    boolean wants(CanonicalResource r) {
        return types.contains(r.resourceType()) && (r.lifecycleState() == null || !GONE.contains(r.lifecycleState()));
    }

    /** The resource with its details; empty when its service no longer has it (see above). */
    Optional<CanonicalResource> enrich(CanonicalResource r) {
        if (!wants(r)) {
            return Optional.of(r);
        }
        String region = r.region();
        OciClients.Region c = clients.region(region);
        try {
            Object details = switch (r.resourceType()) {
                case "Policy" -> clients.call(region, () -> c.identity()
                        .getPolicy(GetPolicyRequest.builder().policyId(r.ocid()).build()).getPolicy());
                case "SecurityList" -> clients.call(region, () -> c.network()
                        .getSecurityList(GetSecurityListRequest.builder().securityListId(r.ocid()).build()).getSecurityList());
                case "NetworkSecurityGroup" -> Map.of("securityRules", nsgRules(region, c, r.ocid()));
                case "Bucket" -> {
                    // Looked up before taking a request slot: a lookup inside one would wait for a second
                    // slot of the same region, and with every slot so taken, the crawl would hang.
                    String namespace = namespace(region, c);
                    yield clients.call(region, () -> c.objectStorage().getBucket(GetBucketRequest.builder()
                            .namespaceName(namespace).bucketName(r.displayName()).build()).getBucket());
                }
                default -> throw new IllegalStateException("no enrichment for " + r.resourceType());
            };
            ObjectNode node = (ObjectNode) JSON.readTree(r.json());
            node.set("details", tree(details));
            return Optional.of(Canonicalizer.of(node, region));
        } catch (BmcException e) {
            String failed = "details of " + r.resourceType() + " " + r.ocid() + ": "
                    + clients.describe(r.resourceType() + " GET", region, e);
            if (e.getStatusCode() != 404) {
                throw new Failure(failed, e);
            }
            return listedAgain(r, c, failed, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a 404: empty when the type's LIST in the resource's compartment does not show it, else a failure
     * naming the permission.
     */
    private Optional<CanonicalResource> listedAgain(CanonicalResource r, OciClients.Region c, String failed,
                                                    BmcException notFound) {
        Set<String> listed;
        try {
            listed = listed(r, c);
        } catch (BmcException e) {
            // The list told neither a deletion nor a missing read permission: the 404 stands as the gap.
            throw new Failure(failed + "; and " + clients.describe(r.resourceType() + " LIST", r.region(), e), notFound);
        }
        if (!listed.contains(listedKey(r))) {
            return Optional.empty();
        }
        throw new Failure(failed + "; yet its compartment's list shows it, so ocidiff may inspect but not read "
                + POLICY_TYPES.get(r.resourceType()) + " there: grant read on them (e.g. `allow group <group> to read "
                + POLICY_TYPES.get(r.resourceType()) + " in tenancy`)", notFound);
    }

    /**
     * The type's LIST in the resource's compartment, taken after its 404. One taken earlier in this crawl that
     * did not show the resource settles it: a night that deleted a compartment's hundred buckets lists them once,
     * not a hundred times. Else a new one, unless another thread began one meanwhile (after this 404 too), whose
     * answer then serves: the details of a page are read several at once, and their 404s come together.
     */
    private Set<String> listed(CanonicalResource r, OciClients.Region c) {
        String listKey = r.region() + " " + r.resourceType() + " " + r.compartmentId();
        CompletableFuture<Set<String>> before = lists.get(listKey);
        if (before != null) {
            Set<String> listedBefore = result(before);
            if (!listedBefore.contains(listedKey(r))) {
                return listedBefore;
            }
        }
        CompletableFuture<Set<String>> mine = new CompletableFuture<>();
        CompletableFuture<Set<String>> current = lists.compute(listKey,
                (key, taken) -> taken == null || taken == before ? mine : taken);
        if (current != mine) {
            return result(current);
        }
        try {
            Set<String> keys = list(r, c);
            mine.complete(keys);
            return keys;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            lists.remove(listKey, mine);
            throw e;
        }
    }

    /** A list's keys, or the exception that taking it failed with. */
    private static Set<String> result(CompletableFuture<Set<String>> list) {
        try {
            return list.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How the type's LIST names a resource: a bucket by its name (its summary has no OCID), the others by OCID. */
    private static String listedKey(CanonicalResource r) {
        return r.resourceType().equals("Bucket") ? r.displayName() : r.ocid();
    }

    /** The keys (see {@link #listedKey}) of the resources the type's service lists in the resource's compartment. */
    private Set<String> list(CanonicalResource r, OciClients.Region c) {
        String region = r.region();
        String compartment = r.compartmentId();
        Set<String> keys = new HashSet<>();
        switch (r.resourceType()) {
            case "Policy" -> Pager.forEachPage(page -> clients.call(region, () -> c.identity().listPolicies(
                            ListPoliciesRequest.builder().compartmentId(compartment).limit(1000).page(page).build())),
                    ListPoliciesResponse::getOpcNextPage, response -> response.getItems().forEach(p -> keys.add(p.getId())));
            case "SecurityList" -> Pager.forEachPage(page -> clients.call(region, () -> c.network().listSecurityLists(
                            ListSecurityListsRequest.builder().compartmentId(compartment).limit(1000).page(page).build())),
                    ListSecurityListsResponse::getOpcNextPage, response -> response.getItems().forEach(l -> keys.add(l.getId())));
            case "NetworkSecurityGroup" -> Pager.forEachPage(page -> clients.call(region, () -> c.network()
                            .listNetworkSecurityGroups(ListNetworkSecurityGroupsRequest.builder().compartmentId(compartment)
                                    .limit(1000).page(page).build())),
                    ListNetworkSecurityGroupsResponse::getOpcNextPage,
                    response -> response.getItems().forEach(g -> keys.add(g.getId())));
            case "Bucket" -> {
                String namespace = namespace(region, c);
                Pager.forEachPage(page -> clients.call(region, () -> c.objectStorage().listBuckets(
                                ListBucketsRequest.builder().namespaceName(namespace).compartmentId(compartment)
                                        .limit(1000).page(page).build())),
                        ListBucketsResponse::getOpcNextPage, response -> response.getItems().forEach(b -> keys.add(b.getName())));
            }
            default -> throw new IllegalStateException("no enrichment for " + r.resourceType());
        }
        return keys;
    }

    private List<SecurityRule> nsgRules(String region, OciClients.Region c, String nsgId) {
        List<SecurityRule> rules = new ArrayList<>();
        Pager.forEachPage(page -> clients.call(region, () -> c.network().listNetworkSecurityGroupSecurityRules(
                        ListNetworkSecurityGroupSecurityRulesRequest.builder().networkSecurityGroupId(nsgId)
                                .limit(1000).page(page).build())),
                ListNetworkSecurityGroupSecurityRulesResponse::getOpcNextPage, response -> rules.addAll(response.getItems()));
        return rules;
    }

    /** Not computeIfAbsent: that would hold a map lock across a network call. Two threads may both look it up. */
    private String namespace(String region, OciClients.Region c) {
        String known = namespaces.get(region);
        if (known != null) {
            return known;
        }
        String namespace = clients.call(region,
                () -> c.objectStorage().getNamespace(GetNamespaceRequest.builder().build()).getValue());
        namespaces.putIfAbsent(region, namespace);
        return namespace;
    }

    /** The SDK model as OCI's own JSON (camelCase, RFC 3339 times), through the SDK's serializer. */
    private static JsonNode tree(Object model) throws IOException {
        return JSON.readTree(Serializer.getDefault().writeValueAsString(model));
    }
}

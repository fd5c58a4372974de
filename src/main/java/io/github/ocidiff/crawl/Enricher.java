package io.github.ocidiff.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.core.model.SecurityRule;
import com.oracle.bmc.core.requests.GetSecurityListRequest;
import com.oracle.bmc.core.requests.ListNetworkSecurityGroupSecurityRulesRequest;
import com.oracle.bmc.core.responses.ListNetworkSecurityGroupSecurityRulesResponse;
import com.oracle.bmc.http.client.Serializer;
import com.oracle.bmc.identity.requests.GetPolicyRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Pager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds what Resource Search does not show to the resources compliance cares most about, under a
 * {@code details} member: policy statements (Identity GetPolicy), security list rules (Core
 * GetSecurityList), network security group rules (Core ListNetworkSecurityGroupSecurityRules) and
 * bucket settings (Object Storage GetBucket). Terminated resources have nothing left to fetch.
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

    private final OciClients clients;
    private final Set<String> types;
    private final Map<String, String> namespaces = new ConcurrentHashMap<>();

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

    CanonicalResource enrich(CanonicalResource r) {
        if (!wants(r)) {
            return r;
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
            return Canonicalizer.of(node, region);
        } catch (BmcException e) {
            throw new Failure("details of " + r.resourceType() + " " + r.ocid() + ": "
                    + clients.describe(r.resourceType() + " GET", region, e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package io.github.ocidiff.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.audit.AuditClient;
import com.oracle.bmc.circuitbreaker.CallNotAllowedException;
import com.oracle.bmc.circuitbreaker.CircuitBreakerConfiguration;
import com.oracle.bmc.common.ClientBuilderBase;
import com.oracle.bmc.http.client.jersey3.ClientBuilderDecorator;
import com.oracle.bmc.core.VirtualNetworkClient;
import com.oracle.bmc.identity.IdentityClient;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.resourcesearch.ResourceSearchClient;
import com.oracle.bmc.resourcesearch.model.StructuredSearchDetails;
import com.oracle.bmc.resourcesearch.requests.SearchResourcesRequest;
import com.oracle.bmc.resourcesearch.responses.SearchResourcesResponse;
import com.oracle.bmc.retrier.DefaultRetryCondition;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.waiter.MaxAttemptsTerminationStrategy;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.OciConfig;
import io.github.ocidiff.config.ServiceConcurrency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The OCI SDK clients of every region ocidiff talks to, built once per region with the configured
 * endpoint override, timeouts, retries (the SDK's retrier with our backoff and Retry-After) and a
 * bound on concurrent requests per region.
 */
public final class OciClients implements AutoCloseable {

    /**
     * The clients of one region and the gates bounding its concurrent requests, one a service.
     *
     * @param searchApart a second Resource Search client, with a circuit breaker of its own (see {@link
     *                    #searchPagesApart})
     */
    public record Region(String name, IdentityClient identity, ResourceSearchClient search,
                         ResourceSearchClient searchApart, AuditClient audit, ObjectStorageClient objectStorage,
                         VirtualNetworkClient network, Map<Service, Semaphore> gates) {
    }

    private final Credentials credentials;
    private final OciConfig settings;
    private static final DefaultRetryCondition DEFAULT_RETRY = new DefaultRetryCondition();

    private final ClientConfiguration clientConfiguration;
    /** The same, with the circuit breaker of the shared queries' client (see {@link #searchPagesApart}). */
    private final ClientConfiguration apartConfiguration;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    /** Set by {@link #close}: a region asked for after it gets no clients that nothing would close. */
    private boolean closed;
    /** The last error status answered by each region, to explain a circuit breaker that opened because of it. */
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    /** Where the next Resource Search page is asked for; a thread per page being handled at the time. */
    private final ExecutorService pagesAhead = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ocidiff-page-ahead");
        t.setDaemon(true);
        return t;
    });
    private final JitteredBackoff backoff;

    public OciClients(Credentials credentials, OciConfig settings) {
        this.credentials = credentials;
        this.settings = settings;
        this.backoff = new JitteredBackoff(settings.retries().baseDelay(), settings.retries().maxDelay());
        RetryConfiguration retry = RetryConfiguration.builder()
                .terminationStrategy(new MaxAttemptsTerminationStrategy(settings.retries().maxAttempts()))
                .delayStrategy(backoff)
                .retryCondition(OciClients::retryable)
                .build();
        this.clientConfiguration = configuration(retry).build();
        this.apartConfiguration = configuration(retry)
                .circuitBreakerConfiguration(CircuitBreakerConfiguration.builder()
                        .minimumNumberOfCalls(3)
                        .recordHttpStatuses(Set.of(502, 503, 504))
                        .build())
                .build();
    }

    /** The configured timeouts and retries. */
    private ClientConfiguration.ClientConfigurationBuilder configuration(RetryConfiguration retry) {
        return ClientConfiguration.builder()
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .readTimeoutMillis((int) settings.readTimeout().toMillis())
                .retryConfiguration(retry);
    }

    /**
     * The SDK's retryable errors, except a call the circuit breaker refused: the SDK would retry that
     * too, with backoff, so during a regional outage every remaining call of the region would spend its
     * whole retry budget waiting. Refused, it fails at once, and the region's remaining scopes with it.
     */
    static boolean retryable(BmcException e) {
        return !(e.getCause() instanceof CallNotAllowedException) && DEFAULT_RETRY.shouldBeRetried(e);
    }

    /**
     * Why an answer's body could not be read as JSON, or null when that is not what failed: a body cut short on the
     * way (a connection dropped mid-answer), which the SDK neither retries nor shows its retrier (see {@link #call}).
     */
    private static JsonProcessingException unreadableAnswer(BmcException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadable;
            }
        }
        return null;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** How many requests to {@code service} a region takes at once (oci.concurrency, oci.concurrencyPerRegion). */
    public int concurrency(Service service) {
        ServiceConcurrency bounds = settings.concurrency();
        return switch (service) {
            case SEARCH -> bounds.search();
            case IDENTITY -> bounds.identity();
            case CORE -> bounds.core();
            case OBJECT_STORAGE -> bounds.objectStorage();
            case AUDIT -> bounds.audit();
        };
    }

    /**
     * The clients of {@code region} (e.g. us-ashburn-1), created on first use. Created under this object's lock,
     * taken before the map's, as {@link #close} takes them: a thread still planning when a run that did not need
     * its plan closed the clients (today's snapshot kept) deadlocked with it, and the run never ended.
     *
     * @throws IllegalStateException once closed
     */
    public Region region(String region) {
        Region known = regions.get(region);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the OCI clients are closed; region " + region + " was asked for after");
            }
            return regions.computeIfAbsent(region, this::open);
        }
    }

    /**
     * Runs one call (including the SDK's retries) within the bound of concurrent requests to {@code service} in the
     * region (see {@link #concurrency}). An answer whose body could not be read (cut short on the way) is asked for
     * again, with the configured attempts and backoff, as the SDK would a connection that failed: its retrier only
     * sees what fails before the body is read. The calls ocidiff makes are reads, or writes of the same object again,
     * so asking again is safe.
     */
    public <T> T call(String region, Service service, Supplier<T> call) {
        Semaphore gate = region(region).gates().get(service);
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            throw interrupted("waiting for a request slot in " + region, e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return call.get();
                } catch (BmcException e) {
                    if (unreadableAnswer(e) == null || attempt >= settings.retries().maxAttempts()) {
                        throw e;
                    }
                    try {
                        Thread.sleep(backoff.delayMillis(attempt));
                    } catch (InterruptedException interrupted) {
                        throw interrupted("retrying a call in " + region, interrupted);
                    }
                }
            }
        } finally {
            gate.release();
        }
    }

    private static RuntimeException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return OcidiffException.runtime("interrupted while " + what, e);
    }

    /**
     * Pages a structured Resource Search query in a region to the end, 1000 items a page, each item the JSON
     * object the service answered, unknown fields included (see {@link SearchItems}). The next page
     * is asked for while {@code eachPage} handles this one (see {@link Pager#forEachPageAhead}).
     */
    public void searchPages(String region, String query, Consumer<SearchItems> eachPage) {
        searchPages(region(region).search(), region, query, eachPage);
    }

    /**
     * As {@link #searchPages}, through the region's other Search client, for the queries that several scopes
     * share (see crawl.SearchGroups), which are few. Its circuit breaker counts only its own calls, and of their
     * failures only those that tell of the region (502, 503, 504, no answer; see {@link #regionWide}):
     * throttling is waited out with Retry-After, and a shared query that fails for itself, as one failing
     * compartment makes it, is asked again scope by scope, which a breaker opened by its retries would refuse.
     * It opens after 3 calls rather than the SDK's 10, or a region down would cost each shared query its whole
     * retry budget, where many queries of one scope each used to open the region's breaker within seconds.
     */
    public void searchPagesApart(String region, String query, Consumer<SearchItems> eachPage) {
        searchPages(region(region).searchApart(), region, query, eachPage);
    }

    private void searchPages(ResourceSearchClient search, String region, String query, Consumer<SearchItems> eachPage) {
        Pager.forEachPageAhead(page -> call(region, Service.SEARCH, () -> search.searchResources(searchRequest(query, page))),
                SearchResourcesResponse::getOpcNextPage,
                response -> eachPage.accept(SearchPageReader.raw(response.getResourceSummaryCollection())),
                pagesAhead);
    }

    /**
     * The first page of a query (1000 items) through the shared queries' client (see {@link #searchPagesApart}):
     * what a crawl asks of scopes it may not share a query with, as it does not know how much they hold.
     */
    public FirstPage searchFirstPage(String region, String query) {
        SearchResourcesResponse response = call(region, Service.SEARCH, () -> region(region).searchApart()
                .searchResources(searchRequest(query, null)));
        return new FirstPage(SearchPageReader.raw(response.getResourceSummaryCollection()),
                response.getOpcNextPage() == null);
    }

    /** A query's first page (see {@link #searchFirstPage}); {@code last} when no page follows it. */
    public record FirstPage(SearchItems items, boolean last) {
    }

    private static SearchResourcesRequest searchRequest(String query, String page) {
        return SearchResourcesRequest.builder().searchDetails(StructuredSearchDetails.builder().query(query).build())
                .limit(1000).page(page).build();
    }

    /** The endpoint for a region, or null to let the SDK use the real OCI endpoint. */
    String endpoint(String region) {
        String template = settings.endpoint();
        return template == null ? null : template.replace("{region}", region);
    }

    private synchronized Region open(String region) {
        var identity = configure(IdentityClient.builder(), clientConfiguration, region).build(credentials.provider());
        var search = configure(ResourceSearchClient.builder(), clientConfiguration, region, new SearchPageReader())
                .build(credentials.provider());
        var searchApart = configure(ResourceSearchClient.builder(), apartConfiguration, region, new SearchPageReader())
                .build(credentials.provider());
        var audit = configure(AuditClient.builder(), clientConfiguration, region).build(credentials.provider());
        var objectStorage = configure(ObjectStorageClient.builder(), clientConfiguration, region)
                .build(credentials.provider());
        var network = configure(VirtualNetworkClient.builder(), clientConfiguration, region)
                .build(credentials.provider());
        if (endpoint(region) == null) {
            network.setRegion(region);
            identity.setRegion(region);
            search.setRegion(region);
            searchApart.setRegion(region);
            audit.setRegion(region);
            objectStorage.setRegion(region);
        }
        opened.addAll(List.of(identity, search, searchApart, audit, objectStorage, network));
        Map<Service, Semaphore> gates = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            gates.put(service, new Semaphore(concurrency(service), true));
        }
        return new Region(region, identity, search, searchApart, audit, objectStorage, network, Map.copyOf(gates));
    }

    /** @param providers further Jersey providers for this client */
    private <B extends ClientBuilderBase<B, ?>> B configure(B builder, ClientConfiguration configuration, String region,
                                                            Object... providers) {
        RetryAfterFilter retryAfter = new RetryAfterFilter(settings.retries().maxRetryAfter(), region, lastErrors);
        builder.configuration(configuration)
                .additionalClientConfigurator(http -> http.property(ClientBuilderDecorator.PROPERTY, jersey -> {
                    jersey.register(retryAfter);
                    for (Object provider : providers) {
                        jersey.register(provider);
                    }
                    return jersey.build();
                }));
        String endpoint = endpoint(region);
        if (endpoint != null) {
            builder.endpoint(endpoint);
        }
        return builder;
    }

    /**
     * Whether a failure (after the retries) tells of the region rather than of the one request: the circuit
     * breaker's refusal (it opens on repeated failures), a gateway or the service unavailable or timing out, a
     * timeout or no connection. Another request of the region would fare the same. Not so a 500 or a 4xx, which
     * answer that request, nor throttling that outlasted one request's retries: others, spread out by their
     * own backoff, may get through.
     */
    public static boolean regionWide(BmcException e) {
        if (e.getCause() instanceof CallNotAllowedException || e.isTimeout() || e.getStatusCode() <= 0) {
            return true;
        }
        return switch (e.getStatusCode()) {
            case 502, 503, 504 -> true;
            default -> false;
        };
    }

    /**
     * One line for a failed OCI call: service, region, status, code, message and request id. When the
     * SDK's circuit breaker refused the call, the line says so and gives the failure that opened it.
     */
    public String describe(String what, String region, BmcException e) {
        if (e.getCause() instanceof CallNotAllowedException) {
            String last = lastErrors.get(region);
            return what + " in " + region + " failed: circuit breaker open after repeated failures"
                    + (last == null ? "" : "; last answer: " + last);
        }
        return what + " in " + region + " failed: " + status(e);
    }

    /** An OCI error answer in one line: status, code, message and request id, or why there was none. */
    static String status(BmcException e) {
        String status = e.getStatusCode() > 0 ? e.getStatusCode() + " " + e.getServiceCode()
                : e.isTimeout() ? "timeout" : "connection failed";
        String message = e.getStatusCode() > 0 ? e.getUnmodifiedMessage() : transportFailure(e);
        // A parser's message goes on with its position on a line of its own.
        return status + ": " + String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ")
                + (e.getOpcRequestId() == null ? "" : " (opc-request-id " + e.getOpcRequestId() + ")");
    }

    /**
     * Why no answer came, without the HTTP stack's wrappers: e.g. "Connect to 10.0.0.1:443 failed:
     * Connection refused" rather than the client library's exception classes around it.
     */
    private static String transportFailure(BmcException e) {
        JsonProcessingException unreadable = unreadableAnswer(e);
        if (unreadable != null) {
            return "the answer was cut short or is not JSON (" + unreadable.getOriginalMessage() + ")";
        }
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && (cause.getMessage() == null
                || cause instanceof jakarta.ws.rs.ProcessingException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return String.valueOf(e.getMessage());
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause instanceof java.net.UnknownHostException ? "unknown host " + cause.getMessage() : cause.getMessage();
    }

    /** What to do about an authentication, authorization or connection failure, for the end of a message. */
    public String hint(BmcException e) {
        return switch (e.getStatusCode()) {
            case 401 -> "; " + credentials.whenRefused();
            case 404 -> "; check the policies in the README (read all-resources, read audit-events)";
            case -1, 0 -> unknownRegion(e).orElse("; check the network (a proxy, a firewall) and oci.endpoint if the"
                    + " config sets it");
            default -> "";
        };
    }

    /**
     * When the host that did not resolve is one of the credentials' region and the SDK knows no such region: a typo
     * in the profile's region= (us-ashburn-9), which the network hint would send the user to look for elsewhere.
     */
    private Optional<String> unknownRegion(BmcException e) {
        String region = credentials.region();
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof java.net.UnknownHostException)) {
            cause = cause.getCause();
        }
        if (cause == null || region == null || RegionIds.shipped(region)
                || !String.valueOf(cause.getMessage()).contains("." + region + ".")) {
            return Optional.empty();
        }
        return Optional.of("; " + region + ", the region of the " + credentials.description() + ", is no region this"
                + " OCI SDK knows, and its hosts do not resolve: check it for a typo (the tenancy's home region, like"
                + " us-ashburn-1)");
    }

    @Override
    public synchronized void close() {
        closed = true;
        pagesAhead.shutdown();
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception e) {
                // Closing is best effort; the process is ending anyway.
            }
        }
        opened.clear();
        regions.clear();
    }
}

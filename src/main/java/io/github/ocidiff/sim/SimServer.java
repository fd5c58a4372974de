package io.github.ocidiff.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The OCI simulator: Identity, Resource Search, Audit, Object Storage and the Auth service's
 * federation endpoint on a loopback port, each region under its own path prefix
 * ({@code http://127.0.0.1:PORT/us-ashburn-1/...}), every request's signature verified; and the
 * instance metadata service of a compute instance in the tenancy under {@code /opc/v2/}, for instance
 * principals. {@code /_sim/day} (unsigned, loopback only) reads and switches the replayed day, {@code
 * /_sim/requests} tells how many requests it answered (benchmarks count a night's).
 */
public final class SimServer implements AutoCloseable {

    private final TenancySource source;
    private final TenancyKeys keys; // null: unsigned requests are served
    private final FaultPlan faults;
    private final IdentityApi identity;
    private final SearchApi search;
    private final AuditApi audit;
    private final ObjectStorageApi objectStorage;
    private final CoreApi core;
    private final InstanceMetadataApi metadata;
    private final AuthApi auth;
    private final String tenancyId;
    private InstanceIdentity instance;
    private final Set<String> regions;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicLong requestCount = new AtomicLong();
    private final AtomicLong searchRequestCount = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param publicKey the API signing key's public half; null serves unsigned requests
     *                  (--insecure-no-auth, for poking with curl)
     */
    public SimServer(TenancySource source, PublicKey publicKey, FaultPlan faults, int port) throws IOException {
        this.source = source;
        this.faults = faults;
        this.tenancyId = source.tenancy().path("id").asText();
        this.keys = publicKey == null ? null : new TenancyKeys(publicKey, tenancyId, this::instance);
        this.identity = new IdentityApi(source);
        this.search = new SearchApi(source, faults);
        this.audit = new AuditApi(source);
        ServiceView services = new ServiceView(source, faults);
        this.objectStorage = new ObjectStorageApi(namespaceOf(source), source, services);
        this.core = new CoreApi(services, source);
        this.metadata = new InstanceMetadataApi(this::instance);
        this.auth = new AuthApi(this::instance, publicKey != null);
        this.regions = source.regions().stream().map(r -> r.path("regionName").asText()).collect(Collectors.toSet());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        // More threads than a client sends requests at once with the default bounds (3 regions x 3 services x 4 while
        // details are read): --latency holds a thread for each answer's delay, and OCI does not queue a client's
        // requests behind one another's delays.
        this.executor = Executors.newFixedThreadPool(128, r -> {
            Thread t = new Thread(r, "ocidiff-sim");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The base URL; a region's endpoint is {@code baseUrl() + "/" + region}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The endpoint template for ocidiff's {@code oci.endpoint} setting. */
    public String endpointTemplate() {
        return baseUrl() + "/{region}";
    }

    /** The instance metadata service's base URL, for ocidiff's {@code auth.instanceMetadataUrl} setting. */
    public String instanceMetadataUrl() {
        return baseUrl() + "/opc/v2/";
    }

    public TenancySource source() {
        return source;
    }

    public String namespace() {
        return namespaceOf(source);
    }

    /** Requests answered so far, faults included. */
    public long requestCount() {
        return requestCount.get();
    }

    /** Resource Search requests answered so far, faults included. */
    public long searchRequestCount() {
        return searchRequestCount.get();
    }

    /** The most requests this server has been answering at once (from arrival until the answer is ready). */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    /** Makes an empty bucket in one region, as a user makes the one publish.objectStorage.bucket names. */
    public void createBucket(String region, String bucket) {
        objectStorage.createBucket(region, bucket);
    }

    /** Objects stored in one bucket of one region: name to bytes. */
    public Map<String, byte[]> objects(String region, String bucket) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        objectStorage.objects(region, bucket).forEach((name, o) -> copy.put(name, o.data()));
        return copy;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The instance in the home region that instance principals run on, made on first use: its keys take a moment. */
    private synchronized InstanceIdentity instance() {
        if (instance == null) {
            String home = source.regions().stream().filter(r -> r.path("isHomeRegion").asBoolean())
                    .findFirst().orElse(source.regions().get(0)).path("regionName").asText();
            instance = InstanceIdentity.create(tenancyId, home);
        }
        return instance;
    }

    private static String namespaceOf(TenancySource source) {
        String name = source.tenancy().path("name").asText("tenancy").toLowerCase(Locale.ROOT);
        return name.replaceAll("[^a-z0-9]", "") + "ns";
    }

    private void serve(HttpExchange exchange) {
        requestCount.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        String requestId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        SimResponse response;
        try {
            response = route(exchange);
        } catch (SimError e) {
            response = SimResponse.error(e);
        } catch (RuntimeException | IOException e) {
            response = SimResponse.error(new SimError(500, "InternalServerError", String.valueOf(e), null));
        } finally {
            // Counted until the answer is ready: once it is sent, the client may send its next request before
            // this thread gets past the send, and one request would be counted twice.
            inFlight.decrementAndGet();
        }
        send(exchange, requestId, response);
    }

    private SimResponse route(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        if (!segments.isEmpty() && segments.get(0).equals("_sim")) {
            return admin(exchange.getRequestMethod(), segments, SimRequest.parseQuery(rawQuery));
        }
        if (InstanceMetadataApi.owns(segments)) {
            return metadata.handle(exchange.getRequestMethod(), segments, headers);
        }
        String target = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
        List<String> belowRegion = segments.isEmpty() ? List.of() : segments.subList(1, segments.size());
        // The federation endpoint checks its own signatures: they are made with the instance certificate's key.
        if (keys != null && !AuthApi.owns(belowRegion)) {
            String problem = SignatureVerifier.verify(exchange.getRequestMethod(), target, headers::get, body, keys);
            if (problem != null) {
                throw new SimError(401, "NotAuthenticated", problem, null);
            }
        }
        if (segments.isEmpty() || !regions.contains(segments.get(0))) {
            throw SimError.notFound("Unknown region in path " + rawPath + "; use /<region>/..., one of " + regions + ".");
        }
        SimRequest request = new SimRequest(exchange.getRequestMethod(), segments.get(0),
                List.copyOf(segments.subList(1, segments.size())), SimRequest.parseQuery(rawQuery), headers, body);
        if (faults.downRegions().contains(request.region()) || source.regionDown(request.region())) {
            throw new SimError(503, "ServiceUnavailable", "Region " + request.region() + " is unavailable.", null);
        }
        injectFaults(request, rawPath + "?" + rawQuery);
        if (AuthApi.owns(request.segments())) {
            return auth.handle(request, target);
        }
        if (listsFailingCompartment(request)) {
            throw new SimError(500, "InternalServerError",
                    "Injected failure of compartment " + faults.failingCompartment() + ".", null);
        }
        if (core.owns(request)) {
            return core.handle(request);
        }
        if (identity.owns(request)) {
            return identity.handle(request);
        }
        if (search.owns(request)) {
            searchRequestCount.incrementAndGet();
            ResourceQuery query = search.query(request);
            failCompartment(request, query.identifiers().isEmpty() && !query.compartmentIds().isEmpty()
                    ? query.compartmentIds() : answeredFrom(request, query));
            return search.handle(request, query);
        }
        if (audit.owns(request)) {
            failCompartment(request, Set.of(String.valueOf(request.param("compartmentId"))));
            return audit.handle(request);
        }
        if (objectStorage.owns(request)) {
            return objectStorage.handle(request);
        }
        throw SimError.notFound("No such operation: " + exchange.getRequestMethod() + " " + rawPath);
    }

    /** Throttling and server errors, decided by (seed, request, how often it was made before). */
    private void injectFaults(SimRequest request, String key) {
        if (faults.throttleRate() == 0 && faults.errorRate() == 0 && faults.pageLatency().isZero()) {
            return;
        }
        sleep(faults.pageLatency().toMillis());
        SplittableRandom random = randomFor(key + "#" + request.method() + "#" + new String(request.body(), StandardCharsets.UTF_8));
        double roll = random.nextDouble();
        if (roll < faults.throttleRate()) {
            throw new SimError(429, "TooManyRequests", "Too many requests for the tenancy.", faults.retryAfterSeconds());
        }
        if (roll < faults.throttleRate() + faults.errorRate()) {
            throw new SimError(500, "InternalServerError", "Injected internal error.", null);
        }
    }

    /**
     * The compartments of the resources a query naming no compartment answers (its resources, or the whole region's),
     * if any fails.
     */
    private Set<String> answeredFrom(SimRequest request, ResourceQuery query) {
        if (faults.failingCompartment() == null) {
            return Set.of();
        }
        Set<String> compartments = new HashSet<>();
        source.resources(request.region(), query, 0, Integer.MAX_VALUE).items()
                .forEach(item -> compartments.add(item.path("compartmentId").asText()));
        return compartments;
    }

    /** A LIST of the failing compartment's policies, security lists, NSGs or buckets: it fails from its first page. */
    private boolean listsFailingCompartment(SimRequest request) {
        return faults.failingCompartment() != null && (core.owns(request) || objectStorage.owns(request))
                && faults.failingCompartment().equals(request.param("compartmentId"));
    }

    private void failCompartment(SimRequest request, Set<String> compartmentIds) {
        if (faults.failingCompartment() != null && compartmentIds.contains(faults.failingCompartment())) {
            int limit = request.intParam("limit", 100, 1, 1000);
            if (request.pageOffset() / limit >= faults.failAfterPages()) {
                throw new SimError(500, "InternalServerError",
                        "Injected failure of compartment " + faults.failingCompartment() + ".", null);
            }
        }
    }

    private SplittableRandom randomFor(String key) {
        int attempt = attempts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        return new SplittableRandom(faults.seed() * 31 + key.hashCode() * 1_000_003L + attempt);
    }

    private SimResponse admin(String method, List<String> segments, Map<String, String> query) {
        if (segments.size() == 2 && segments.get(1).equals("day")) {
            if (method.equals("POST") || method.equals("PUT")) {
                String day = query.get("date");
                try {
                    source.selectDay(LocalDate.parse(String.valueOf(day)));
                } catch (RuntimeException e) {
                    throw SimError.badRequest("InvalidParameter", "date: " + e.getMessage());
                }
            }
            var body = SimResponse.JSON.createObjectNode().put("currentDay", source.currentDay().toString());
            body.set("days", SimResponse.JSON.valueToTree(source.days().stream().map(LocalDate::toString).toList()));
            return SimResponse.json(body);
        }
        if (segments.size() == 2 && segments.get(1).equals("requests")) {
            // Without this one.
            return SimResponse.json(SimResponse.JSON.createObjectNode().put("requests", requestCount.get() - 1));
        }
        throw SimError.notFound("Unknown admin path /" + String.join("/", segments));
    }

    private void send(HttpExchange exchange, String requestId, SimResponse response) {
        try (exchange) {
            byte[] body = response.body();
            boolean truncate = response.status() == 200 && response.list() && faults.truncateRate() > 0
                    && randomFor("truncate:" + exchange.getRequestURI()).nextDouble() < faults.truncateRate();
            if (truncate) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("opc-request-id", requestId);
            boolean noBody = response.status() == 204 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

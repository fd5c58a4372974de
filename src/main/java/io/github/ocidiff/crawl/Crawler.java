package io.github.ocidiff.crawl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.oci.IdentityReader;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Parallel;
import io.github.ocidiff.oci.RegionSelection;
import io.github.ocidiff.oci.SearchItems;
import io.github.ocidiff.oci.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects one snapshot: Identity gives the regions and compartments, then every scope (region ×
 * compartment) is paged through Resource Search to the end, scopes running in parallel within each
 * region's concurrency bound, the configured types enriched with their full resource. A scope that
 * fails (Search or enrichment) is recorded as a coverage gap with its reason; the others go on.
 */
public final class Crawler {
    /** Identifiers looked up in one Search query (see {@link #lookUpUnseen}). */
    private static final int LOOKUP_BATCH = 50;

    private final OciClients clients;
    private final Enricher enricher;
    /** By region, the threads that read the details of enriched resources (see {@link #enrich}). */
    private final Map<String, ExecutorService> enrichers = new ConcurrentHashMap<>();
    private final RefusedQueries refused = new RefusedQueries();

    /** @param enrich resource types to fetch in full (see {@link Enricher}) */
    public Crawler(OciClients clients, List<String> enrich) {
        this.clients = clients;
        this.enricher = new Enricher(clients, enrich);
    }

    /**
     * Asks Identity what to cover, narrowed by region and compartment include/exclude lists, and by the
     * command line's narrowing, whose regions and compartments, when it names some, replace the include lists.
     */
    public CrawlPlan plan(Narrowing narrowing, List<String> includeRegions, List<String> excludeRegions,
                          List<String> includeCompartments, List<String> excludeCompartments) {
        IdentityReader identity = new IdentityReader(clients);
        String tenancyName = identity.tenancy().getName();
        List<String> ready = identity.readyRegions();
        List<String> configuredRegions = RegionSelection.select(ready, includeRegions, "regions.include", excludeRegions);
        List<String> regions = narrowing.regions().isEmpty() ? configuredRegions
                : RegionSelection.select(ready, narrowing.regions(), "--region", excludeRegions);
        List<Compartment> listed = identity.activeCompartments().stream()
                .map(c -> new Compartment(c.getId(), c.getCompartmentId(), c.getName(), null))
                .toList();
        CompartmentTree tree = new CompartmentTree(identity.tenancyId(), tenancyName, listed);
        List<Compartment> configuredCompartments = tree.select(includeCompartments, "compartments.include",
                excludeCompartments);
        List<Compartment> compartments = narrowing.compartments().isEmpty() ? configuredCompartments
                : tree.select(narrowing.compartments(), "--compartment", excludeCompartments);
        List<Scope> scopes = scopes(regions, compartments);
        Set<Scope> planned = Set.copyOf(scopes);
        List<Scope> narrowedOut = narrowing.isNone() ? List.of() : scopes(configuredRegions, configuredCompartments)
                .stream().filter(scope -> !planned.contains(scope)).toList();
        return new CrawlPlan(identity.tenancyId(), tenancyName, regions, tree, compartments, scopes, narrowing,
                narrowedOut);
    }

    private static List<Scope> scopes(List<String> regions, List<Compartment> compartments) {
        List<Scope> scopes = new ArrayList<>();
        // Interleave regions so that a fixed pool keeps every region busy.
        for (Compartment c : compartments) {
            for (String region : regions) {
                scopes.add(new Scope(region, c.id()));
            }
        }
        return scopes;
    }

    /** Collects every scope of the plan into the writer as a first night does: none collected before (see {@link SearchGroups}). */
    public CrawlResult collect(CrawlPlan plan, SnapshotWriter writer, CrawlProgress progress) {
        return collect(plan, writer, progress, List.of());
    }

    /**
     * Collects every scope of the plan into the writer, small ones sharing queries (see {@link SearchGroups}).
     *
     * @param last the latest snapshot's coverage
     */
    public CrawlResult collect(CrawlPlan plan, SnapshotWriter writer, CrawlProgress progress, List<ScopeCoverage> last) {
        writer.declareScopes(plan.scopes());
        if (!plan.narrowedOut().isEmpty()) {
            writer.declareNarrowedOut(plan.narrowedOut(), plan.narrowing());
        }
        progress.started(plan);
        List<QueryGroup> groups = SearchGroups.of(plan.scopes(), last, plan.uncoveredCompartments());
        List<QueryGroup> shared = groups.stream().filter(group -> group.shared() && !group.probe()).toList();
        if (!shared.isEmpty()) {
            progress.sharing(shared.stream().mapToInt(group -> group.scopes().size()).sum(), shared.size());
        }
        List<QueryGroup> probes = groups.stream().filter(QueryGroup::probe).toList();
        if (!probes.isEmpty()) {
            // A region-wide probe also holds the region's small scopes collected before: only the others are told.
            Set<Scope> collectedBefore = last.stream().filter(ScopeCoverage::ok).map(ScopeCoverage::scope)
                    .collect(Collectors.toSet());
            progress.probing((int) probes.stream().flatMap(group -> group.scopes().stream())
                    .filter(scope -> !collectedBefore.contains(scope)).count(), probes.size());
        }
        List<VanishedResource> vanished = Collections.synchronizedList(new ArrayList<>());
        Map<Scope, ScopeCoverage> coverage = new ConcurrentHashMap<>();
        Parallel.drain(groups, QueryGroup::region, threadsPerRegion(plan), "ocidiff-crawl", "snapshot", (group, askApart) -> {
            for (ScopeCoverage scopeCoverage : collectGroup(group, writer, vanished, askApart)) {
                writer.scopeDone(scopeCoverage);
                progress.scopeDone(scopeCoverage);
                coverage.put(scopeCoverage.scope(), scopeCoverage);
            }
        });
        List<Scope> retired = retired(plan, writer);
        if (!retired.isEmpty()) {
            writer.declareScopes(retired);
            List<ScopeCoverage> asked = Collections.synchronizedList(new ArrayList<>());
            Parallel.drain(retired, Scope::region, threadsPerRegion(plan), "ocidiff-crawl", "snapshot", (scope, none) -> {
                ScopeCoverage scopeCoverage = collect(scope, writer, vanished);
                writer.scopeDone(scopeCoverage);
                asked.add(scopeCoverage);
                coverage.put(scope, scopeCoverage);
            });
            progress.retired(List.copyOf(asked));
        }
        Set<Scope> collected = coverage.values().stream().filter(ScopeCoverage::ok).map(ScopeCoverage::scope)
                .collect(Collectors.toSet());
        lookUpUnseen(plan, writer, progress, collected, vanished)
                .forEach(notCollected -> coverage.put(notCollected.scope(), notCollected));
        return new CrawlResult(Stream.concat(plan.scopes().stream(), retired.stream()).map(coverage::get).toList(),
                vanished);
    }

    /**
     * The scopes of compartments no longer active (deleted, or being deleted) where the latest snapshot holds
     * resources, in the plan's regions: asked once more, as OCI deletes only an empty compartment, so that what was
     * deleted with it shows deleted rather than unknown for good (Identity's plan lists active compartments only).
     * None when the command line narrowed the compartments.
     */
    private static List<Scope> retired(CrawlPlan plan, SnapshotWriter writer) {
        if (!plan.narrowing().compartments().isEmpty()) {
            return List.of();
        }
        Set<String> regions = Set.copyOf(plan.regions());
        return writer.undeclaredHolding().stream()
                .filter(scope -> scope.compartmentId() != null && regions.contains(scope.region())
                        && plan.tree().get(scope.compartmentId()) == null)
                .sorted(Comparator.comparing(Scope::region).thenComparing(Scope::compartmentId)).toList();
    }

    /**
     * A resource missing from its compartment may still exist: in a region where some scope was not collected, it
     * may have moved into one of those; and one last seen live may have been skipped by its scope's paging (Search
     * pages newest first and, as resources leave its index while a query pages, later pages shift; a deleted
     * resource shows as TERMINATED for a while, so one missing while live is rarely deleted alone). Looked up by
     * identifier ({@value #LOOKUP_BATCH} to a query), those Search still lists in a scope collected fully are
     * written for it as Search lists them (their details read as the scope's are), and those in a scope not
     * collected are carried forward as they were (the next collection of that scope shows them moved); the others
     * are gone. When a lookup fails, or the details of a resource it finds cannot be read, the fate of its resources
     * is unknown, neither a deletion nor their content as it was: the scopes they were last seen in count as not
     * collected after all (see SnapshotWriter#fateUnknown). Those whose service said they are gone ({@code vanished})
     * are not looked up: Search may still list them.
     *
     * @return the coverage of the scopes that count as not collected after all
     */
    private List<ScopeCoverage> lookUpUnseen(CrawlPlan plan, SnapshotWriter writer, CrawlProgress progress,
                                             Set<Scope> collected, List<VanishedResource> vanished) {
        Set<String> gone = vanished.stream().map(VanishedResource::ocid).collect(Collectors.toSet());
        List<Lookup> lookups = new ArrayList<>();
        writer.unseenToLookUp().forEach((region, unseen) -> {
            List<String> ocids = unseen.stream().filter(ocid -> !gone.contains(ocid)).toList();
            for (int from = 0; from < ocids.size(); from += LOOKUP_BATCH) {
                lookups.add(new Lookup(region, ocids.subList(from, Math.min(ocids.size(), from + LOOKUP_BATCH))));
            }
        });
        if (lookups.isEmpty()) {
            return List.of();
        }
        AtomicInteger kept = new AtomicInteger();
        Map<String, String> unknown = new ConcurrentHashMap<>();
        Set<Scope> planned = new HashSet<>(plan.scopes());
        planned.addAll(plan.narrowedOut());
        Parallel.drain(lookups, Lookup::region, threadsPerRegion(plan), "ocidiff-lookup", "looking up missing resources",
                (lookup, none) -> kept.addAndGet(lookUp(lookup, writer, collected, planned, vanished, unknown)));
        List<ScopeCoverage> notCollected = unknown.isEmpty() ? List.of() : writer.fateUnknown(unknown);
        progress.lookedUp(lookups.stream().mapToInt(l -> l.ocids().size()).sum(), kept.get(), unknown.size(),
                notCollected);
        return notCollected;
    }

    /**
     * One lookup: writes those Search lists in a scope collected fully, and those it lists in a compartment outside
     * the plan (left out by the configuration) for the scope they were last seen in, so that the snapshot shows where
     * they went (see SnapshotWriter#writeMovedOut), and carries forward those it lists in a scope not collected;
     * returns how many were kept so. Those it could not learn the fate of go to {@code unknown} with the reason: all
     * when Search does not answer, one whose details could not be read. One whose details tell it was deleted goes to
     * {@code vanished}.
     */
    private int lookUp(Lookup lookup, SnapshotWriter writer, Set<Scope> collected, Set<Scope> planned,
                       List<VanishedResource> vanished, Map<String, String> unknown) {
        String region = lookup.region();
        Scope outsidePlan = new Scope(region, null);
        Set<String> carried = new HashSet<>();
        int[] written = {0};
        lookUp(region, lookup.ocids(), unknown, items -> read(items, region, item -> {
            Scope scope = new Scope(region, item.path("compartmentId").asText());
            if (collected.contains(scope)) {
                return scope;
            }
            if (!planned.contains(scope)) {
                return outsidePlan;
            }
            carried.add(item.path("identifier").asText());
            return null;
        }).forEach((scope, part) -> {
            part.failed().forEach(failed -> unknown.put(failed.searched().ocid(), failed.failure().getMessage()));
            vanished.addAll(part.vanished());
            if (!part.batch().isEmpty()) {
                if (scope == outsidePlan) {
                    writer.writeMovedOut(part.batch());
                } else {
                    writer.writeSearched(scope, part.batch());
                }
                written[0] += part.batch().size();
            }
        }));
        writer.carryForward(carried);
        return carried.size() + written[0];
    }

    /**
     * Hands {@code eachPage} the pages Search answers for {@code ocids}, or adds them all to {@code unanswered}, with
     * Search's error, when it does not answer. A query Search refuses as such (400: OCI's limit on a query's length is not documented,
     * and a lookup of 50 is some 5,000 characters) is asked again in halves, so that one refusal does not leave 50
     * resources unknown; a server's failure is not, as each half would spend the retries again.
     */
    private void lookUp(String region, List<String> ocids, Map<String, String> unanswered,
                        Consumer<SearchItems> eachPage) {
        String query = ocids.stream().map(ocid -> "identifier = '" + ocid + "'")
                .collect(Collectors.joining(" || ", "query all resources where ", ""));
        boolean split = ocids.size() > 1 && refused.tooLong(region, query);
        if (!split) {
            try {
                clients.searchPages(region, query, eachPage);
                return;
            } catch (BmcException e) {
                if (e.getStatusCode() != 400 || ocids.size() == 1) {
                    String reason = clients.describe("Resource Search", region, e);
                    ocids.forEach(ocid -> unanswered.put(ocid, reason));
                    return;
                }
                refused.refused(region, query);
            }
        }
        int half = ocids.size() / 2;
        lookUp(region, ocids.subList(0, half), unanswered, eachPage);
        lookUp(region, ocids.subList(half, ocids.size()), unanswered, eachPage);
    }

    /** Resources of one region looked up in one Search query. */
    private record Lookup(String region, List<String> ocids) {
    }

    /** How many scopes are collected at once: {@link #threadsPerRegion} in every region, 64 in all at most. */
    public int threads(CrawlPlan plan) {
        return threadsPerRegion(plan) * Math.max(1, plan.regions().size());
    }

    /**
     * Twice Search's concurrency (the region's gate keeps its requests to that): a thread that starts a scope
     * waits for its first page with no request ahead, which over a network idled a slot of the gate for a round trip
     * at every scope (a first night of a million at 200 ms per answer 2.3 s longer). Fewer where regions are so many
     * that a page in each thread's hands (some 600 KB, and as much again read ahead) would fill the heap.
     */
    private int threadsPerRegion(CrawlPlan plan) {
        return Math.max(1, Math.min(2 * clients.concurrency(Service.SEARCH), 64 / Math.max(1, plan.regions().size())));
    }

    /** The Resource Search query of a scope. */
    public static String query(Scope scope) {
        return query(List.of(scope));
    }

    /**
     * The Resource Search query of a group: the resources of any of its compartments, or of every one but those it
     * excludes ({@code !=} and {@code &&}, as OCI's query language has them).
     */
    static String query(QueryGroup group) {
        if (!group.regionWide()) {
            return query(group.scopes());
        }
        return group.excluding().isEmpty() ? "query all resources" : group.excluding().stream()
                .map(id -> "compartmentId != '" + id + "'")
                .collect(Collectors.joining(" && ", "query all resources where ", ""));
    }

    /** The Resource Search query of scopes of one region: the resources of any of their compartments. */
    static String query(List<Scope> scopes) {
        return scopes.stream().map(scope -> "compartmentId = '" + scope.compartmentId() + "'")
                .collect(Collectors.joining(" || ", "query all resources where ", ""));
    }

    /**
     * Pages one scope to the end; a failure after some pages still fails the whole scope. Resources deleted
     * before their details were read go to {@code vanishedSink} when the scope succeeds: a failed scope's
     * resources are carried forward as unknown, those included.
     */
    private ScopeCoverage collect(Scope scope, SnapshotWriter writer, List<VanishedResource> vanishedSink) {
        long start = System.nanoTime();
        String query = query(scope);
        Set<String> seen = new HashSet<>();
        List<VanishedResource> vanished = new ArrayList<>();
        int[] pages = {0};
        try {
            // A page (at most 1000 items) is the write batch.
            clients.searchPages(scope.region(), query, items -> {
                pages[0]++;
                List<SearchedResource> batch = new ArrayList<>(items.size());
                List<CanonicalResource> toEnrich = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    // Newest-first paging shifts while resources are created: keep the first sighting.
                    if (seen.add(items.identifier(i))) {
                        take(items, i, null, scope.region(), batch, toEnrich);
                    }
                }
                for (Enriched enriched : enrich(scope.region(), toEnrich)) {
                    if (enriched.failure() != null) {
                        throw enriched.failure();
                    }
                    enriched.addTo(batch, vanished);
                }
                if (!batch.isEmpty()) {
                    writer.writeSearched(scope, batch);
                }
            });
            vanishedSink.addAll(vanished);
            return new ScopeCoverage(scope, true, null, pages[0], seen.size() - vanished.size(), millisSince(start));
        } catch (BmcException e) {
            return new ScopeCoverage(scope, false, clients.describe("Resource Search", scope.region(), e),
                    pages[0], seen.size(), millisSince(start));
        } catch (Enricher.Failure e) {
            return new ScopeCoverage(scope, false, e.getMessage(), pages[0], seen.size(), millisSince(start));
        }
    }

    /**
     * Adds item {@code i} of a page to {@code batch}, digested, when its type is not enriched, else its
     * canonical form to {@code toEnrich}.
     *
     * @param parsed the item's JSON when already parsed, else null
     */
    private void take(SearchItems items, int i, ObjectNode parsed, String region, List<SearchedResource> batch,
                      List<CanonicalResource> toEnrich) {
        if (!enricher.mayWant(items.resourceType(i))) {
            batch.add(SearchedResource.searched(items, i, region));
        } else {
            toEnrich.add(Canonicalizer.of(parsed != null ? parsed : items.json(i), region));
        }
    }

    /**
     * Reads a page whose items go to several keys (the scopes of a shared query, of a lookup), as the crawl reads a
     * scope's: each item {@code keyOf} gives a key (null: left out) is taken (see {@link #take}), and the details
     * of a page's enriched resources are read together. By key, in the order the page first gave each.
     */
    private <K> Map<K, PagePart> read(SearchItems items, String region, Function<ObjectNode, K> keyOf) {
        Map<K, PagePart> parts = new LinkedHashMap<>();
        Map<String, PagePart> enrichedFor = new HashMap<>();
        List<CanonicalResource> toEnrich = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.json(i);
            K key = keyOf.apply(item);
            if (key == null) {
                continue;
            }
            PagePart part = parts.computeIfAbsent(key, k -> new PagePart(new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>()));
            int enriched = toEnrich.size();
            take(items, i, item, region, part.batch(), toEnrich);
            if (toEnrich.size() > enriched) {
                enrichedFor.put(toEnrich.get(enriched).ocid(), part);
            }
        }
        for (Enriched enriched : enrich(region, toEnrich)) {
            PagePart part = enrichedFor.get(enriched.searched().ocid());
            if (enriched.failure() != null) {
                part.failed().add(enriched);
            } else {
                enriched.addTo(part.batch(), part.vanished());
            }
        }
        return parts;
    }

    /**
     * One key's part of a page (see {@link #read}): the resources to write, those deleted before their details
     * were read, and those whose details could not be read, in the order read.
     */
    private record PagePart(List<SearchedResource> batch, List<VanishedResource> vanished, List<Enriched> failed) {
    }

    /**
     * Reads the details of a page's resources of enriched types, as many at once as the region allows each service
     * that answers them (each call waits for a slot, see OciClients#call): one at a time, a compartment of a few
     * hundred buckets would take minutes over a network.
     */
    private List<Enriched> enrich(String region, List<CanonicalResource> resources) {
        long pageRead = System.nanoTime();
        if (resources.size() < 2) {
            return resources.stream().map(r -> enrichOne(r, pageRead)).toList();
        }
        ExecutorService pool = enrichers.computeIfAbsent(region, r -> {
            int threads = Enricher.SERVICES.stream().mapToInt(clients::concurrency).sum();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads,
                    10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "ocidiff-enrich");
                        thread.setDaemon(true);
                        return thread;
                    });
            // Idle between snapshots (and in tests that make many crawlers), the threads go.
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
        List<CompletableFuture<Enriched>> reads = resources.stream()
                .map(r -> CompletableFuture.supplyAsync(() -> enrichOne(r, pageRead), pool)).toList();
        return reads.stream().map(Parallel::join).toList();
    }

    private Enriched enrichOne(CanonicalResource searched, long pageRead) {
        try {
            return new Enriched(searched, enricher.enrich(searched, pageRead), null);
        } catch (Enricher.Failure e) {
            return new Enriched(searched, Optional.empty(), e);
        }
    }

    /**
     * A resource of an enriched type after reading its details: with them, gone ({@code details} empty: deleted
     * before they were read), or {@code failure}.
     */
    private record Enriched(CanonicalResource searched, Optional<CanonicalResource> details, Enricher.Failure failure) {
        void addTo(List<SearchedResource> batch, List<VanishedResource> vanished) {
            details.ifPresentOrElse(r -> batch.add(SearchedResource.of(r)), () -> vanished.add(VanishedResource.of(searched)));
        }
    }

    /**
     * Collects scopes of one region with one query: alone, or shared by several. Returns the coverage of the scopes it
     * collected; those it could not with this query go to {@code askApart}, in groups of their own.
     */
    private List<ScopeCoverage> collectGroup(QueryGroup group, SnapshotWriter writer, List<VanishedResource> vanished,
                                             Consumer<QueryGroup> askApart) {
        return group.shared() ? collectShared(group, writer, vanished, askApart)
                : List.of(collect(group.scopes().get(0), writer, vanished));
    }

    /**
     * Pages one query that scopes of a region share, each resource written for its own compartment's scope; a
     * resource answered in a compartment outside the group (moved while the query paged) is the first scope's to
     * report, as a scope reports one it lists that moved out. A resource whose details could not be read fails its
     * own scope only. A probe (scopes never collected) is asked for its first page only, and when that is not the last,
     * its scopes are asked apart (see {@link #apart}). When the query fails for itself (a 500 or another 4xx, which
     * one failing compartment is enough for, or throttling), each scope is asked again on its own, so that only those
     * that fail alone are gaps (what the shared query wrote for them is then written again, which the writer takes as
     * a second sighting); when it fails for the region (see OciClients#regionWide), all do. When Search refuses it as
     * a query (400: OCI does not document how long a query may be, and 25 compartments make some 2,800 characters),
     * each half shares a query of its own; a region-wide query refused, its scopes are grouped as those that name them.
     */
    private List<ScopeCoverage> collectShared(QueryGroup group, SnapshotWriter writer,
                                              List<VanishedResource> vanishedSink, Consumer<QueryGroup> askApart) {
        long start = System.nanoTime();
        String region = group.region();
        String query = query(group);
        if (refused.tooLong(region, query)) {
            return inHalves(group, askApart);
        }
        Map<String, SharedScope> shares = new LinkedHashMap<>();
        group.scopes().forEach(scope -> shares.put(scope.compartmentId(), new SharedScope(scope)));
        SharedScope first = shares.get(group.scopes().get(0).compartmentId());
        Set<String> seen = new HashSet<>();
        Consumer<SearchItems> eachPage = items -> read(items, region, item -> {
            if (!seen.add(item.path("identifier").asText())) {
                return null;
            }
            SharedScope share = shares.get(item.path("compartmentId").asText());
            if (share == null) {
                // Of no covered active compartment, in a query naming none (left behind by a deleted one, or moved
                // into one left out while the query paged), it is no scope's; else it moved out of the group.
                if (group.regionWide()) {
                    return null;
                }
                share = first;
            }
            if (share.failure != null) {
                return null;
            }
            share.resources++;
            return share;
        }).forEach((share, part) -> {
            share.pages++;
            if (share.failure == null && !part.failed().isEmpty()) {
                share.failure = part.failed().get(0).failure().getMessage();
            }
            share.vanished.addAll(part.vanished());
            if (!part.batch().isEmpty()) {
                writer.writeSearched(share.scope, part.batch());
            }
        });
        try {
            if (group.probe()) {
                OciClients.FirstPage page = clients.searchFirstPage(region, query);
                if (!page.last()) {
                    apart(group, page.items()).forEach(askApart);
                    return List.of();
                }
                eachPage.accept(page.items());
            } else {
                clients.searchPagesApart(region, query, eachPage);
            }
        } catch (BmcException e) {
            if (e.getStatusCode() == 400 && group.regionWide()) {
                // No sign of a length: a query naming no compartment is the shortest there is, and one naming those
                // left out may be refused for its != (learnt as a length, it would split every query of the region
                // down to one scope each). Its scopes are asked in groups that name them.
                SearchGroups.named(group.scopes(), List.of()).forEach(askApart);
                return List.of();
            }
            if (e.getStatusCode() == 400) {
                refused.refused(region, query);
                return inHalves(group, askApart);
            }
            if (!OciClients.regionWide(e)) {
                group.scopes().forEach(scope -> askApart.accept(QueryGroup.alone(scope)));
                return List.of();
            }
            // A region down, say: each scope alone would fare the same.
            String error = clients.describe("Resource Search", region, e);
            shares.values().forEach(share -> share.failure = error);
        }
        long millis = millisSince(start);
        List<ScopeCoverage> coverage = new ArrayList<>();
        for (SharedScope share : shares.values()) {
            if (share.failure == null) {
                vanishedSink.addAll(share.vanished);
            }
            coverage.add(new ScopeCoverage(share.scope, share.failure == null, share.failure, share.pages,
                    share.resources - (share.failure == null ? share.vanished.size() : 0), millis));
        }
        return coverage;
    }

    /** Asks the group's halves apart, each still shared (one scope alone): it collected nothing itself. */
    private static List<ScopeCoverage> inHalves(QueryGroup group, Consumer<QueryGroup> askApart) {
        askApart.accept(group.half(true));
        askApart.accept(group.half(false));
        return List.of();
    }

    /**
     * A probe's scopes after a first page that was not its last: those it held resources of each alone (any of them
     * may hold thousands, which a shared query would page one after the other), the others again together, as a
     * probe; a region-wide probe's in probes of some compartments each. Nothing of the page is kept: the queries that
     * follow answer it again.
     */
    private static List<QueryGroup> apart(QueryGroup probe, SearchItems page) {
        if (probe.regionWide()) {
            // Groups that name their compartments, as many as the region's compartments make, probed in turn.
            return SearchGroups.named(probe.scopes(), List.of());
        }
        Set<String> held = new HashSet<>();
        for (int i = 0; i < page.size(); i++) {
            held.add(page.json(i).path("compartmentId").asText());
        }
        List<QueryGroup> groups = new ArrayList<>();
        List<Scope> rest = new ArrayList<>();
        for (Scope scope : probe.scopes()) {
            if (held.contains(scope.compartmentId())) {
                groups.add(QueryGroup.alone(scope));
            } else {
                rest.add(scope);
            }
        }
        if (!rest.isEmpty()) {
            // A page of none of them (all moved out while it was made) tells nothing: page them together.
            groups.add(QueryGroup.of(rest, rest.size() < probe.scopes().size()));
        }
        return groups;
    }

    /** One scope's part of a shared query: the pages that held its resources, and how its collection went. */
    private static final class SharedScope {
        private final Scope scope;
        private final List<VanishedResource> vanished = new ArrayList<>();
        private int pages;
        private long resources;
        private String failure;

        SharedScope(Scope scope) {
            this.scope = scope;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

package io.github.ocidiff.crawl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.oci.IdentityReader;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Parallel;
import io.github.ocidiff.oci.RegionSelection;
import io.github.ocidiff.oci.SearchItems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
    private final int concurrencyPerRegion;
    private final Enricher enricher;

    /** @param enrich resource types to fetch in full (see {@link Enricher}) */
    public Crawler(OciClients clients, int concurrencyPerRegion, List<String> enrich) {
        this.clients = clients;
        this.concurrencyPerRegion = concurrencyPerRegion;
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

    /** Collects every scope of the plan into the writer. */
    public CrawlResult collect(CrawlPlan plan, SnapshotWriter writer, CrawlProgress progress) {
        writer.declareScopes(plan.scopes());
        if (!plan.narrowedOut().isEmpty()) {
            writer.declareNarrowedOut(plan.narrowedOut(), "left out by " + plan.narrowing().describe());
        }
        progress.started(plan);
        List<VanishedResource> vanished = Collections.synchronizedList(new ArrayList<>());
        List<ScopeCoverage> coverage = Parallel.map(plan.scopes(), threads(plan), "ocidiff-crawl", "snapshot", scope -> {
            ScopeCoverage scopeCoverage = collect(scope, writer, vanished);
            writer.scopeDone(scopeCoverage);
            progress.scopeDone(scopeCoverage);
            return scopeCoverage;
        });
        lookUpUnseen(plan, writer, progress, vanished.stream().map(VanishedResource::ocid).collect(Collectors.toSet()));
        return new CrawlResult(coverage, vanished);
    }

    /**
     * A resource missing from its compartment, in a region where some scope was not collected, may have moved
     * into one of those scopes rather than be gone. Looked up by identifier ({@value #LOOKUP_BATCH} to a query),
     * those Search still lists are carried forward as they were, and the next collection of their new scope shows
     * them moved; the others are gone. When a lookup fails, its resources are carried forward too: their fate is
     * unknown, not a deletion. Those whose service said they are gone ({@code vanished}) are not looked up: Search
     * may still list them.
     */
    private void lookUpUnseen(CrawlPlan plan, SnapshotWriter writer, CrawlProgress progress, Set<String> vanished) {
        List<Lookup> lookups = new ArrayList<>();
        writer.unseenBesideGaps().forEach((region, unseen) -> {
            List<String> ocids = unseen.stream().filter(ocid -> !vanished.contains(ocid)).toList();
            for (int from = 0; from < ocids.size(); from += LOOKUP_BATCH) {
                lookups.add(new Lookup(region, ocids.subList(from, Math.min(ocids.size(), from + LOOKUP_BATCH))));
            }
        });
        if (lookups.isEmpty()) {
            return;
        }
        List<Integer> carried = Parallel.map(lookups, threads(plan), "ocidiff-lookup", "looking up missing resources",
                lookup -> lookUp(lookup, writer));
        progress.lookedUp(lookups.stream().mapToInt(l -> l.ocids().size()).sum(), carried.stream().mapToInt(n -> n).sum());
    }

    /** One lookup: carries forward those Search lists, or all when it does not answer; returns how many. */
    private int lookUp(Lookup lookup, SnapshotWriter writer) {
        Set<String> listed = new HashSet<>();
        try {
            clients.searchPages(lookup.region(), lookup.ocids().stream().map(ocid -> "identifier = '" + ocid + "'")
                    .collect(Collectors.joining(" || ", "query all resources where ", "")), items -> {
                        for (int i = 0; i < items.size(); i++) {
                            listed.add(identifier(items, i));
                        }
                    });
        } catch (BmcException e) {
            listed.addAll(lookup.ocids());
        }
        writer.carryForward(listed);
        return listed.size();
    }

    /** Resources of one region looked up in one Search query. */
    private record Lookup(String region, List<String> ocids) {
    }

    private static String identifier(SearchItems items, int i) {
        String identifier = items.identifier(i);
        return identifier != null ? identifier : items.json(i).path("identifier").asText();
    }

    /** How many scopes are collected at once: the configured concurrency in every region. */
    public int threads(CrawlPlan plan) {
        return Math.max(1, Math.min(64, plan.regions().size() * concurrencyPerRegion));
    }

    /** The Resource Search query of a scope. */
    public static String query(Scope scope) {
        return "query all resources where compartmentId = '" + scope.compartmentId() + "'";
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
                for (int i = 0; i < items.size(); i++) {
                    ObjectNode item = items.identifier(i) == null ? items.json(i) : null;
                    // Newest-first paging shifts while resources are created: keep the first sighting.
                    if (!seen.add(item != null ? item.path("identifier").asText() : items.identifier(i))) {
                        continue;
                    }
                    String type = items.resourceType(i);
                    if (item == null && type != null && !enricher.mayWant(type)) {
                        batch.add(SearchedResource.searched(items, i, scope.region()));
                    } else {
                        CanonicalResource searched = Canonicalizer.of(item != null ? item : items.json(i), scope.region());
                        enricher.enrich(searched).ifPresentOrElse(r -> batch.add(SearchedResource.of(r)),
                                () -> vanished.add(VanishedResource.of(searched)));
                    }
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

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

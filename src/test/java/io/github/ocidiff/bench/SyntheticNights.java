package io.github.ocidiff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Canonicalizer;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotWriter;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Two nights of synthetic instances written straight through the store API, as a crawl writes them but
 * without simulator or SDK, so that building a million-resource pair takes a minute. The first night has
 * N instances over 2 regions × 10 compartments; the second has C changes, a quarter each created, deleted,
 * modified (stopped and retagged) and moved (to the next compartment of its region), spread evenly over
 * the OCIDs, and writes every other instance again unchanged, as a nightly crawl does.
 */
final class SyntheticNights {

    /** The two committed snapshots, older first. */
    record Pair(SnapshotInfo from, SnapshotInfo to) {
    }

    private static final List<String> REGIONS = List.of("us-ashburn-1", "eu-frankfurt-1");
    private static final int COMPARTMENTS = 10;
    /** Resources per write: a Search page, as the crawler writes them. */
    private static final int PAGE = 1000;
    private static final Instant FIRST_NIGHT = Instant.parse("2026-11-01T23:59:59Z");
    private static final String TENANCY = "ocid1.tenancy.oc1..bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticNights() {
    }

    static Pair write(Store store, int resources, int changes) {
        int created = changes / 4;
        int others = changes - created;
        if (others > resources) {
            throw new IllegalArgumentException(changes + " changes need at least " + others + " resources");
        }
        int stride = resources / others;
        long from = night(store, FIRST_NIGHT, resources, i -> instance(i, 0, "RUNNING", "team-" + i % 20));
        long to = night(store, FIRST_NIGHT.plusSeconds(86_400), resources + created, i -> {
            if (i >= resources) {
                return instance(i, 0, "RUNNING", "new");
            }
            if (i % stride != 0 || i / stride >= others) {
                return instance(i, 0, "RUNNING", "team-" + i % 20);
            }
            return switch (i / stride % 3) {
                case 0 -> null;
                case 1 -> instance(i, 0, "STOPPED", "retagged");
                default -> instance(i, 1, "RUNNING", "team-" + i % 20);
            };
        });
        return new Pair(store.snapshot(from).orElseThrow(), store.snapshot(to).orElseThrow());
    }

    /** Writes and commits one snapshot of instances 0..count-1 ({@code instance} null: gone that night). */
    private static long night(Store store, Instant at, int count, IntFunction<ObjectNode> instance) {
        try (SnapshotWriter writer = store.begin(at, TENANCY, "crawl")) {
            Map<Scope, ScopeWrites> scopes = new LinkedHashMap<>();
            for (String region : REGIONS) {
                for (int c = 0; c < COMPARTMENTS; c++) {
                    Scope scope = new Scope(region, compartmentId(c));
                    scopes.put(scope, new ScopeWrites(writer, scope));
                }
            }
            writer.declareScopes(List.copyOf(scopes.keySet()));
            for (int i = 0; i < count; i++) {
                ObjectNode json = instance.apply(i);
                if (json != null) {
                    CanonicalResource resource = Canonicalizer.of(json, region(i));
                    scopes.get(new Scope(resource.region(), resource.compartmentId())).add(resource);
                }
            }
            scopes.values().forEach(ScopeWrites::done);
            return writer.commit().id();
        }
    }

    /** One scope's resources, written a page at a time as the crawler writes them, then its coverage. */
    private static final class ScopeWrites {
        private final SnapshotWriter writer;
        private final Scope scope;
        private final List<CanonicalResource> page = new ArrayList<>(PAGE);
        private int pages;
        private long resources;

        ScopeWrites(SnapshotWriter writer, Scope scope) {
            this.writer = writer;
            this.scope = scope;
        }

        void add(CanonicalResource resource) {
            page.add(resource);
            if (page.size() == PAGE) {
                flush();
            }
        }

        void done() {
            flush();
            writer.scopeDone(new ScopeCoverage(scope, true, null, pages, resources, 0));
        }

        private void flush() {
            if (!page.isEmpty()) {
                writer.write(scope, List.copyOf(page));
                pages++;
                resources += page.size();
                page.clear();
            }
        }
    }

    /** Instance i as Resource Search shows it; {@code moved} compartments along from its own. */
    private static ObjectNode instance(int i, int moved, String state, String team) {
        String region = region(i);
        ObjectNode json = JSON.createObjectNode()
                .put("resourceType", "Instance")
                .put("identifier", String.format("ocid1.instance.oc1.%s.bench%060d", region, i))
                .put("compartmentId", compartmentId((i / REGIONS.size() + moved) % COMPARTMENTS))
                .put("displayName", "vm-" + i)
                .put("availabilityDomain", "Uocm:" + region.toUpperCase() + "-AD-1")
                .put("lifecycleState", state)
                .put("timeCreated", "2026-10-01T00:00:00Z");
        json.putObject("freeformTags").put("env", "prod").put("team", team);
        json.putObject("definedTags").putObject("Oracle-Tags")
                .put("CreatedBy", "alice@example.com").put("CreatedOn", "2026-10-01T00:00:00Z");
        return json;
    }

    private static String region(int i) {
        return REGIONS.get(i % REGIONS.size());
    }

    private static String compartmentId(int c) {
        return "ocid1.compartment.oc1..bench" + c;
    }
}

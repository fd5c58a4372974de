package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.ImportReader;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotSummary;
import io.github.ocidiff.crawl.SnapshotWriter;
import io.github.ocidiff.oci.RegionIds;
import io.github.ocidiff.store.OcidHashSet;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.StoredResource;
import io.github.ocidiff.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads Resource Search results saved earlier as the snapshot of their date (taken at 23:59:59 UTC, or for
 * today's, at the time of the import).
 * A region's files are its complete inventory that day; regions not imported are not collected, so
 * their resources are carried forward as unknown. Regions of one date imported in several calls make
 * up one snapshot: a later call replaces that date's snapshot with one holding every region so far.
 * Every file is checked before the store is touched, so a malformed file imports nothing.
 */
public final class ImportJob {

    /** One file and the region whose inventory it holds. */
    public record Input(Path file, String region) {
    }

    private static final int BATCH = 1000;

    private final Store store;

    public ImportJob(Store store) {
        this.store = store;
    }

    /**
     * The files read whole, before a store is opened, so that a malformed one leaves nothing behind (not even an
     * empty store): the resources of each scope, counting a resource listed again (a dump whose pages overlapped)
     * once, as its first listing, the one stored; and the tenancy's root compartment, null when none shows.
     */
    public record Scan(List<Input> inputs, Map<Scope, Long> collected, String root, long repeated) {
        public Scan {
            inputs = List.copyOf(inputs);
            collected = Collections.unmodifiableMap(new LinkedHashMap<>(collected));
        }

        /** Refuses a {@code --tenancy} (null: none given) other than the tenancy whose root the files show. */
        public void requireTenancy(String tenancy) {
            if (tenancy != null && root != null && !tenancy.equals(root)) {
                throw OcidiffException.usage("--tenancy " + tenancy + ", but the imported files' resources show the"
                        + " root compartment " + root + ", another tenancy's: import that tenancy's files, or leave"
                        + " --tenancy out");
            }
        }
    }

    /** Reads every file completely: a malformed one, or one that misreports its region, stops everything here. */
    public static Scan scan(List<Input> inputs) {
        requireOneFilePerRegion(inputs);
        Map<Scope, Long> collected = new LinkedHashMap<>();
        String[] root = {null};
        Path[] rootSeenIn = {null};
        OcidHashSet counted = new OcidHashSet();
        long[] repeated = {0};
        for (Input input : inputs) {
            ImportReader.read(input.file(), input.region(), r -> {
                requireOfItsRegion(input, r.ocid());
                if (r.compartmentId().startsWith("ocid1.tenancy.")) {
                    if (root[0] == null) {
                        root[0] = r.compartmentId();
                        rootSeenIn[0] = input.file();
                    } else if (!root[0].equals(r.compartmentId())) {
                        throw OcidiffException.usage(input.file() + ": its resources show the root compartment "
                                + r.compartmentId() + ", " + rootSeenIn[0] + "'s show " + root[0]
                                + ": files of two tenancies; import each tenancy's files into a store of its own");
                    }
                }
                if (!counted.addOcid(r.ocid())) {
                    repeated[0]++;
                    return;
                }
                collected.merge(new Scope(r.region(), r.compartmentId()), 1L, Long::sum);
            });
        }
        return new Scan(inputs, collected, root[0], repeated[0]);
    }

    /**
     * @param tenancy    the tenancy OCID given on the command line, or null: then the root compartment the files
     *                   show, else the store's, else {@link #UNKNOWN_TENANCY}
     * @param now        the time of the import: today's results are dated now, not at the end of the day, so that a
     *                   snapshot later today follows them
     * @param allowEmpty whether a region may be imported with no resources where the state before held some
     */
    public Imported run(LocalDate date, String tenancy, Scan scan, Instant now, boolean allowEmpty) {
        List<Input> inputs = scan.inputs();
        Map<Scope, Long> collected = new LinkedHashMap<>(scan.collected());
        scan.requireTenancy(tenancy);
        String tenancyId = tenancy != null ? tenancy : scan.root() != null ? scan.root() : store.latestCommitted()
                .map(SnapshotInfo::tenancyId).orElse(UNKNOWN_TENANCY);
        StoreTenancy.require(store, tenancyId, tenancy != null ? "--tenancy names"
                : "the imported files show (as the root compartment of their resources)");
        Instant endOfDay = date.atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
        Instant takenAt = endOfDay.isAfter(now) ? now : endOfDay;
        Set<String> importing = new LinkedHashSet<>();
        inputs.forEach(i -> importing.add(i.region()));

        // The state this snapshot follows, and the regions an earlier import of the same date collected.
        SnapshotInfo sameDay = store.latestCommitted()
                .filter(s -> s.day().equals(date) && s.source().equals("import")).orElse(null);
        Set<String> earlierRegions = new LinkedHashSet<>();
        if (sameDay != null) {
            store.coverage(sameDay.id()).stream().filter(ScopeCoverage::ok)
                    .map(c -> c.scope().region()).filter(r -> !importing.contains(r)).forEach(earlierRegions::add);
        }
        List<CanonicalResource> carried = new ArrayList<>();
        if (sameDay != null) {
            store.forEachResourceAt(sameDay.id(), r -> {
                if (earlierRegions.contains(r.region())) {
                    carried.add(canonical(r));
                }
            });
        }
        // The state before the date's earlier import, which the new snapshot replaces as it commits.
        Map<Scope, Long> previousScopes = new HashMap<>();
        Optional<SnapshotInfo> previous = store.snapshots().stream().filter(s -> sameDay == null || s.id() < sameDay.id())
                .reduce((older, newer) -> newer);
        previous.ifPresent(p -> store.forEachResourceAt(p.id(),
                r -> previousScopes.merge(new Scope(r.region(), r.compartmentId()), 1L, Long::sum)));
        if (!allowEmpty) {
            previous.ifPresent(p -> requireNotEmptied(inputs, collected, previousScopes, p));
        }

        // Declared scopes: every compartment seen now or before in the imported regions (collected), and
        // every scope of other regions known from the previous state (not collected: carried forward).
        carried.forEach(r -> collected.merge(new Scope(r.region(), r.compartmentId()), 1L, Long::sum));
        Set<String> collectedRegions = new LinkedHashSet<>(importing);
        collectedRegions.addAll(earlierRegions);
        previousScopes.keySet().stream().filter(s -> collectedRegions.contains(s.region()))
                .forEach(s -> collected.putIfAbsent(s, 0L));
        // A region imported empty, with no compartment known in it, is still collected: its root compartment.
        importing.stream().filter(region -> collected.keySet().stream().noneMatch(s -> s.region().equals(region)))
                .forEach(region -> collected.put(new Scope(region, tenancyId), 0L));
        List<Scope> notCollected = previousScopes.keySet().stream()
                .filter(s -> !collectedRegions.contains(s.region())).toList();
        List<Scope> scopes = new ArrayList<>(collected.keySet());
        scopes.addAll(notCollected);

        try (SnapshotWriter writer = sameDay == null ? store.begin(takenAt, tenancyId, "import")
                : store.retake(takenAt, tenancyId, "import", Narrowing.NONE, sameDay)) {
            writer.declareScopes(scopes);
            write(writer, carried);
            OcidHashSet written = new OcidHashSet();
            long[] fromFiles = {0};
            for (Input input : inputs) {
                List<CanonicalResource> batch = new ArrayList<>(BATCH);
                ImportReader.read(input.file(), input.region(), r -> {
                    if (!written.addOcid(r.ocid())) {
                        return;
                    }
                    fromFiles[0]++;
                    batch.add(r);
                    if (batch.size() == BATCH) {
                        write(writer, batch);
                        batch.clear();
                    }
                });
                write(writer, batch);
            }
            collected.forEach((scope, count) -> writer.scopeDone(new ScopeCoverage(scope, true, null, 0, count, 0)));
            for (Scope scope : notCollected) {
                writer.scopeDone(new ScopeCoverage(scope, false,
                        "region " + scope.region() + " was not imported for " + date, 0, 0, 0));
            }
            return new Imported(writer.commit(), fromFiles[0], scan.repeated());
        }
    }

    /** Each file is one region's whole inventory: two of one region are two days, or two parts, of it. */
    private static void requireOneFilePerRegion(List<Input> inputs) {
        Map<String, Path> byRegion = new HashMap<>();
        for (Input input : inputs) {
            Path other = byRegion.putIfAbsent(input.region(), input.file());
            if (other != null) {
                throw OcidiffException.usage(other + " and " + input.file() + " both hold " + input.region() + ": a"
                        + " region's results are one file, its whole inventory that day; import one of them");
            }
        }
    }

    /** A file of one region's results imported as another's would move every resource of it between regions. */
    private static void requireOfItsRegion(Input input, String ocid) {
        Optional<String> named = RegionIds.ofOcid(ocid);
        if (named.isPresent() && !named.get().equals(input.region())) {
            throw OcidiffException.usage(input.file() + ": " + ocid + " is a resource of " + named.get() + " by its"
                    + " OCID, not of " + input.region() + ", the region the file is imported as; import each region's"
                    + " results as that region (--region, or a file named <region>.json)");
        }
    }

    /**
     * A region imported with nothing where the state before held resources would report them all deleted: more
     * likely an export cut short, or of another query, than a region emptied.
     */
    private static void requireNotEmptied(List<Input> inputs, Map<Scope, Long> collected,
                                          Map<Scope, Long> previousScopes, SnapshotInfo previous) {
        for (Input input : inputs) {
            String region = input.region();
            long now = collected.entrySet().stream().filter(e -> e.getKey().region().equals(region))
                    .mapToLong(Map.Entry::getValue).sum();
            long before = previousScopes.entrySet().stream().filter(e -> e.getKey().region().equals(region))
                    .mapToLong(Map.Entry::getValue).sum();
            if (now == 0 && before > 0) {
                throw OcidiffException.usage(String.format("%s holds no resource of %s, where snapshot %d (%s) held"
                        + " %,d: an export cut short, or of another query? Nothing was imported; if %s is empty now,"
                        + " import it with --allow-empty", input.file(), region, previous.id(), previous.day(), before,
                        region));
            }
        }
    }

    /**
     * @param fromFiles the resources the files gave; the snapshot's others are those kept of other regions
     * @param repeated  resources the files listed more than once, of which the first listing was kept
     */
    public record Imported(SnapshotSummary summary, long fromFiles, long repeated) {
    }

    /** Writes resources grouped by their own compartment's scope. */
    private static void write(SnapshotWriter writer, List<CanonicalResource> resources) {
        Map<Scope, List<CanonicalResource>> byScope = new LinkedHashMap<>();
        resources.forEach(r -> byScope.computeIfAbsent(new Scope(r.region(), r.compartmentId()), s -> new ArrayList<>()).add(r));
        byScope.forEach(writer::write);
    }

    private static CanonicalResource canonical(StoredResource r) {
        return new CanonicalResource(r.ocid(), r.region(), r.resourceType(), r.compartmentId(), r.lifecycleState(),
                r.displayName(), r.json(), r.sha256());
    }

    private static final Pattern REGION_FILE = Pattern.compile("(" + RegionIds.PATTERN + ")\\.json(\\.gz)?");

    /** The tenancy of imported snapshots whose files never showed the root compartment. */
    public static final String UNKNOWN_TENANCY = "unknown";

    /**
     * The region a file holds, from --region or a file named like the fixture format's {@code <region>.json}
     * (or {@code <region>.json.gz}).
     */
    public static String regionOf(Path file, String explicit) {
        if (explicit != null) {
            // A mistyped region would make a snapshot of a region no other has, the real one not collected.
            if (!RegionIds.valid(explicit)) {
                throw OcidiffException.usage("--region " + explicit + ": not an OCI region identifier; write it"
                        + " like us-ashburn-1");
            }
            return explicit;
        }
        Matcher named = REGION_FILE.matcher(file.getFileName().toString());
        if (named.matches()) {
            return named.group(1);
        }
        throw OcidiffException.usage(file + ": cannot tell its region from the file name; add --region REGION"
                + " or name the file <region>.json, e.g. us-ashburn-1.json");
    }
}

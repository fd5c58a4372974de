package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.SnapshotConfig;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.TenancySource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** The simulator's fault injection options, shared by the commands that start it. */
final class FaultOptions {
    /** FaultPlan's components that its checks name, and the options that set them. */
    private static final OptionNames OPTIONS = new OptionNames("fault options", Map.of("throttleRate", "--throttle-rate",
            "retryAfterSeconds", "--retry-after", "errorRate", "--error-rate", "truncateRate", "--truncate-rate",
            "failAfterPages", "--fail-after-pages", "staleRate", "--stale-rate", "maxQueryLength", "--max-query-length",
            "indexLag", "--index-lag"));

    @Option(names = "--fault-seed", defaultValue = "1", description = "Seed of the fault decisions (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--throttle-rate", defaultValue = "0", paramLabel = "FRACTION",
            description = "Fraction of requests answered 429 with Retry-After.")
    double throttleRate;

    @Option(names = "--retry-after", defaultValue = "1", paramLabel = "SECONDS", description = "Retry-After sent with a 429.")
    int retryAfter;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "FRACTION", description = "Fraction of requests answered 500.")
    double errorRate;

    @Option(names = "--truncate-rate", defaultValue = "0", paramLabel = "FRACTION",
            description = "Fraction of list answers whose JSON body is cut short.")
    double truncateRate;

    @Option(names = "--latency", defaultValue = "0", paramLabel = "MILLIS", description = "Delay added to every answer.")
    long latencyMillis;

    @Option(names = "--region-down", paramLabel = "REGION", description = "A region that answers 503 to everything (repeatable).")
    List<String> downRegions = new ArrayList<>();

    @Option(names = "--fail-compartment", paramLabel = "OCID",
            description = "A compartment whose Search and Audit pages fail, as do Search lookups of resources it holds"
                    + ", queries naming no compartment in a region where it holds some, and its lists of policies,"
                    + " security lists, NSGs and buckets.")
    String failCompartment;

    @Option(names = "--fail-after-pages", defaultValue = "0", paramLabel = "K", description = "Pages of --fail-compartment served before it fails.")
    int failAfterPages;

    @Option(names = "--stale-rate", defaultValue = "0", paramLabel = "FRACTION",
            description = "Fraction of resources Search still lists that their service deleted: their GET answers 404"
                    + " and their LIST leaves them out (policies, security lists, network security groups, buckets).")
    double staleRate;

    @Option(names = "--deny-read", paramLabel = "TYPE",
            description = "A resource type (Bucket, Policy, ...) whose GET answers 404 while its LIST shows it, as for a"
                    + " policy granting inspect but not read (repeatable).")
    List<String> readDenied = new ArrayList<>();

    @Option(names = "--max-query-length", defaultValue = "0", paramLabel = "CHARS",
            description = "The longest Search query answered; longer ones are refused with 400, as OCI may by a limit it"
                    + " does not document (default 0: no limit).")
    int maxQueryLength;

    @Option(names = "--paging-shift", description = "Start each later page of a Search query one resource further, as when"
            + " resources leave the index while a query pages: the first resource of each later page is skipped.")
    boolean pagingShift;

    @Option(names = "--refuse-not-equal", description = "Refuse Search queries with a != condition (400), as a Search"
            + " without them would.")
    boolean refuseNotEqual;

    @Option(names = "--index-lag", defaultValue = "0", paramLabel = "MINUTES",
            description = "How long after its creation Search first lists a resource, counted back from the end of the"
                    + " day served: a snapshot misses those created in the day's last MINUTES, as OCI's index lags"
                    + " behind its services (default 0).")
    long indexLagMinutes;

    /**
     * Refuses faults that name what {@code tenancy} has none of: the scenario would silently not happen (a region
     * down that is not one of its regions, a compartment it does not hold, a type whose details are never read).
     */
    void requireKnown(TenancySource tenancy) {
        List<String> regions = tenancy.regions().stream().map(r -> r.path("regionName").asText()).toList();
        for (String region : downRegions) {
            if (!regions.contains(region)) {
                throw OcidiffException.usage("--region-down " + region + ": the simulated tenancy has no such region ("
                        + String.join(", ", regions) + ")");
            }
        }
        if (failCompartment != null && !failCompartment.equals(tenancy.tenancy().path("id").asText())
                && tenancy.compartments().stream().noneMatch(c -> c.path("id").asText().equals(failCompartment))) {
            throw OcidiffException.usage("--fail-compartment " + failCompartment + ": the simulated tenancy has no such"
                    + " compartment; name one by its OCID");
        }
        for (String type : readDenied) {
            if (!SnapshotConfig.ENRICHABLE.contains(type)) {
                throw OcidiffException.usage("--deny-read " + type + ": not a type whose details a snapshot reads ("
                        + String.join(", ", SnapshotConfig.ENRICHABLE) + ")");
            }
        }
    }

    FaultPlan plan() {
        try {
            return new FaultPlan(seed, throttleRate, retryAfter, errorRate, truncateRate, Duration.ofMillis(latencyMillis),
                    Set.copyOf(downRegions), failCompartment, failAfterPages, staleRate, Set.copyOf(readDenied),
                    maxQueryLength, pagingShift, refuseNotEqual, Duration.ofMinutes(indexLagMinutes));
        } catch (IllegalArgumentException e) {
            throw OPTIONS.usage(e);
        }
    }
}

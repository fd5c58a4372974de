package io.github.ocidiff.sim;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of a {@link GeneratedTenancy}: everything the synthetic tenancy is a pure function of.
 * Validated on construction; an invalid value is an IllegalArgumentException naming the parameter and its
 * allowed range. Start from {@link #defaults()} and change what matters with the {@code with…} methods.
 *
 * @param seed               the seed; the same seed gives byte-identical JSON, another seed another tenancy
 * @param regions            subscribed regions (real OCI region names); the first is the home region
 * @param compartmentDepth   levels of compartments under the root tenancy (0 = resources in the root only)
 * @param compartmentWidth   child compartments per compartment
 * @param resourceCount      resources at the start of the first day
 * @param startDay           the first day (UTC)
 * @param days               how many days the generator spans
 * @param churnRate          fraction of {@code resourceCount} touched per day
 * @param createShare        share of the daily churn that creates resources
 * @param updateShare        share of the daily churn that updates resources (tags, name, lifecycle state)
 * @param moveShare          share of the daily churn that moves resources to another compartment
 * @param deleteShare        share of the daily churn that deletes resources
 * @param actors             principals making the changes: {@code name@domain} is a console user,
 *                           {@code instance:NAME} an instance principal, anything else an API-key user
 *                           ({@code terraform…} with Terraform's user agent)
 * @param transientPerDay    resources created and deleted within the same day (only visible in Audit)
 * @param readEventsPerWrite GET/List Audit events per write event (noise the audit filter must drop)
 */
public record GeneratorSpec(
        long seed,
        List<String> regions,
        int compartmentDepth,
        int compartmentWidth,
        int resourceCount,
        LocalDate startDay,
        int days,
        double churnRate,
        double createShare,
        double updateShare,
        double moveShare,
        double deleteShare,
        List<String> actors,
        int transientPerDay,
        int readEventsPerWrite) {

    public static final int MAX_COMPARTMENT_DEPTH = 6;
    public static final int MAX_COMPARTMENT_WIDTH = 20;
    /** Regions × compartments (root included): each pair is a partition of the resource index space. */
    public static final int MAX_PARTITIONS = 20_000;
    public static final int MAX_RESOURCE_COUNT = 5_000_000;
    public static final int MAX_DAYS = 120;
    public static final double MAX_CHURN_RATE = 0.5;
    /** Moves and deletes over the whole span are indexed in memory; this bounds that index. */
    public static final long MAX_INDEXED_CHANGES = 2_000_000;
    public static final int MAX_ACTORS = 50;
    public static final int MAX_TRANSIENT_PER_DAY = 100_000;
    public static final int MAX_READ_EVENTS_PER_WRITE = 100;

    public GeneratorSpec {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("regions must list at least one region, e.g. "
                    + GeneratorCatalog.REGIONS.keySet().iterator().next());
        }
        regions = List.copyOf(regions);
        Set<String> seen = new HashSet<>();
        for (String region : regions) {
            if (!GeneratorCatalog.REGIONS.containsKey(region)) {
                throw new IllegalArgumentException("regions: unknown region '" + region + "'; allowed: "
                        + String.join(", ", GeneratorCatalog.REGIONS.keySet()));
            }
            if (!seen.add(region)) {
                throw new IllegalArgumentException("regions: '" + region + "' is listed twice");
            }
        }
        range("compartmentDepth", compartmentDepth, 0, MAX_COMPARTMENT_DEPTH);
        range("compartmentWidth", compartmentWidth, 1, MAX_COMPARTMENT_WIDTH);
        long compartments = compartmentCount(compartmentDepth, compartmentWidth);
        if (compartments * regions.size() > MAX_PARTITIONS) {
            throw new IllegalArgumentException("compartmentDepth/compartmentWidth: " + regions.size()
                    + " regions × " + compartments + " compartments (root included) = "
                    + compartments * regions.size() + " region-compartment pairs; allowed at most "
                    + MAX_PARTITIONS + " (use a smaller depth or width)");
        }
        range("resourceCount", resourceCount, 0, MAX_RESOURCE_COUNT);
        if (startDay == null) {
            throw new IllegalArgumentException("startDay must be a date (YYYY-MM-DD), got null");
        }
        range("days", days, 1, MAX_DAYS);
        fraction("churnRate", churnRate, MAX_CHURN_RATE);
        fraction("createShare", createShare, 1.0);
        fraction("updateShare", updateShare, 1.0);
        fraction("moveShare", moveShare, 1.0);
        fraction("deleteShare", deleteShare, 1.0);
        double sum = createShare + updateShare + moveShare + deleteShare;
        if (Math.abs(sum - 1.0) > 1e-9) {
            throw new IllegalArgumentException("createShare + updateShare + moveShare + deleteShare must add up to 1.0"
                    + " (each between 0.0 and 1.0), got " + sum);
        }
        if (actors == null || actors.isEmpty() || actors.size() > MAX_ACTORS) {
            throw new IllegalArgumentException("actors must list between 1 and " + MAX_ACTORS + " principals, got "
                    + (actors == null ? "null" : actors.size()));
        }
        actors = List.copyOf(actors);
        Set<String> names = new HashSet<>();
        for (String actor : actors) {
            if (actor.isBlank() || actor.strip().length() != actor.length() || actor.equals("instance:")) {
                throw new IllegalArgumentException("actors: '" + actor
                        + "' is not a principal name (non-blank, no surrounding spaces)");
            }
            if (!names.add(actor)) {
                throw new IllegalArgumentException("actors: '" + actor + "' is listed twice");
            }
        }
        range("transientPerDay", transientPerDay, 0, MAX_TRANSIENT_PER_DAY);
        range("readEventsPerWrite", readEventsPerWrite, 0, MAX_READ_EVENTS_PER_WRITE);
        long indexed = (long) days * (dailyCount(resourceCount, churnRate, createShare, updateShare, moveShare,
                deleteShare, 2) + dailyCount(resourceCount, churnRate, createShare, updateShare, moveShare,
                deleteShare, 3));
        if (indexed > MAX_INDEXED_CHANGES) {
            throw new IllegalArgumentException("churnRate: resourceCount × churnRate × (moveShare + deleteShare) × days"
                    + " = " + indexed + " moves and deletes; allowed at most " + MAX_INDEXED_CHANGES
                    + " (lower churnRate, days or resourceCount)");
        }
    }

    /** The default tenancy: 5000 resources in 3 regions, 3 × 3 compartments, a week of 1 % daily churn. */
    public static GeneratorSpec defaults() {
        return new GeneratorSpec(42L,
                List.of("us-ashburn-1", "eu-frankfurt-1", "uk-london-1"),
                3, 3, 5000, LocalDate.of(2026, 11, 1), 7, 0.01,
                0.30, 0.45, 0.05, 0.20,
                List.of("alice@example.com", "bob@example.com", "ci-pipeline", "instance:autoscaler", "terraform"),
                3, 3);
    }

    public String homeRegion() {
        return regions.get(0);
    }

    /** Compartments of the tree, the root tenancy included. */
    public int compartmentCount() {
        return (int) compartmentCount(compartmentDepth, compartmentWidth);
    }

    /** Resources touched per day: {@code round(resourceCount × churnRate)}. */
    public int touchedPerDay() {
        return (int) Math.round(resourceCount * churnRate);
    }

    public int createsPerDay() {
        return dailyCount(resourceCount, churnRate, createShare, updateShare, moveShare, deleteShare, 0);
    }

    public int updatesPerDay() {
        return dailyCount(resourceCount, churnRate, createShare, updateShare, moveShare, deleteShare, 1);
    }

    public int movesPerDay() {
        return dailyCount(resourceCount, churnRate, createShare, updateShare, moveShare, deleteShare, 2);
    }

    public int deletesPerDay() {
        return dailyCount(resourceCount, churnRate, createShare, updateShare, moveShare, deleteShare, 3);
    }

    public GeneratorSpec withSeed(long value) {
        return new GeneratorSpec(value, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withRegions(List<String> value) {
        return new GeneratorSpec(seed, value, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withCompartments(int depth, int width) {
        return new GeneratorSpec(seed, regions, depth, width, resourceCount, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withResourceCount(int value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, value, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withStartDay(LocalDate value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, value, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withDays(int value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, value,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withChurnRate(double value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                value, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay,
                readEventsPerWrite);
    }

    /** The split of the daily churn; the four shares must add up to 1.0. */
    public GeneratorSpec withChurnMix(double creates, double updates, double moves, double deletes) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                churnRate, creates, updates, moves, deletes, actors, transientPerDay, readEventsPerWrite);
    }

    public GeneratorSpec withActors(List<String> value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, value, transientPerDay,
                readEventsPerWrite);
    }

    public GeneratorSpec withTransientPerDay(int value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, value, readEventsPerWrite);
    }

    public GeneratorSpec withReadEventsPerWrite(int value) {
        return new GeneratorSpec(seed, regions, compartmentDepth, compartmentWidth, resourceCount, startDay, days,
                churnRate, createShare, updateShare, moveShare, deleteShare, actors, transientPerDay, value);
    }

    private static long compartmentCount(int depth, int width) {
        long total = 1;
        long level = 1;
        for (int i = 0; i < depth; i++) {
            level *= width;
            total += level;
        }
        return total;
    }

    /**
     * Splits {@code round(resourceCount × churnRate)} into creates, updates, moves and deletes by largest
     * remainder, so that the four counts add up to the total exactly; {@code which} picks one of them.
     */
    private static int dailyCount(int resourceCount, double churnRate, double createShare, double updateShare,
                                  double moveShare, double deleteShare, int which) {
        long total = Math.round(resourceCount * churnRate);
        double[] shares = {createShare, updateShare, moveShare, deleteShare};
        long[] counts = new long[4];
        double[] remainders = new double[4];
        long assigned = 0;
        for (int i = 0; i < 4; i++) {
            double exact = total * shares[i];
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        for (long left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < 4; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return (int) counts[which];
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void fraction(String name, double value, double max) {
        if (!(value >= 0.0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be between 0.0 and " + max + ", got " + value);
        }
    }
}

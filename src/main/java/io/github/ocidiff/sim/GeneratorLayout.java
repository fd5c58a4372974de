package io.github.ocidiff.sim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a generated tenancy, computed once from the spec and small: the compartment tree and the
 * partitioning of resource indices.
 *
 * <p>A partition is one (region, compartment) pair, {@code p = region × compartments + compartment}. Its
 * resources are the local indices {@code k = 0, 1, 2, …}: first the resources that exist before the first day,
 * then, day after day, the ones created that day, appended. So "what exists at the end of day D" is the prefix
 * {@code k < end(p, D)}, and creation time increases strictly with {@code k}: a partition is a sorted run, and a
 * page at any offset is found by binary search instead of a scan.
 */
final class GeneratorLayout {
    static final long DAY_MS = 86_400_000L;
    /** Resources that exist before the first day were created over the two years before it. */
    static final long HISTORY_MS = 730 * DAY_MS;

    // hash purposes
    static final int H_REGION_WEIGHT = 1;
    static final int H_COMPARTMENT_WEIGHT = 2;
    static final int H_INITIAL = 3;
    static final int H_CREATES = 4;
    static final int H_TABLE = 5;
    static final int H_TABLE_PICK = 6;
    static final int H_ROTATION = 7;
    static final int H_TIME = 8;

    private static final int TABLE_VARIANTS = 4;

    final GeneratorSpec spec;
    final long seed;
    final int regions;
    final int compartments;
    final int partitions;
    final int days;
    final long startMs;

    /** Compartment tree, breadth first; index 0 is the root (the tenancy). */
    final int[] parent;
    final int[] level;
    final int[] sibling;
    final String[] compartmentName;
    /** The level-1 ancestor of each compartment (itself at level 1), 0 for the root. */
    final int[] top;

    private final double[] cumulativeWeight;
    private final int[] initial;
    /** segStart[p][d] = first local index created on day d; segStart[p][days] = resources at the end. */
    private final int[][] segStart;
    private final byte[][] tables;
    private final byte[] tableOf;
    private final byte[] rotation;

    GeneratorLayout(GeneratorSpec spec) {
        this.spec = spec;
        this.seed = spec.seed();
        this.regions = spec.regions().size();
        this.compartments = spec.compartmentCount();
        this.partitions = regions * compartments;
        this.days = spec.days();
        this.startMs = spec.startDay().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();

        parent = new int[compartments];
        level = new int[compartments];
        sibling = new int[compartments];
        compartmentName = new String[compartments];
        top = new int[compartments];
        parent[0] = -1;
        compartmentName[0] = null;
        List<Integer> previous = List.of(0);
        int next = 1;
        for (int l = 1; l <= spec.compartmentDepth(); l++) {
            List<Integer> current = new ArrayList<>();
            for (int p : previous) {
                for (int s = 0; s < spec.compartmentWidth(); s++) {
                    int c = next++;
                    parent[c] = p;
                    level[c] = l;
                    sibling[c] = s;
                    String[] names = GeneratorCatalog.COMPARTMENT_NAMES[Math.min(l, 4) - 1];
                    compartmentName[c] = names[s % names.length] + (s >= names.length ? "-" + (s / names.length + 1) : "");
                    top[c] = l == 1 ? c : top[p];
                    current.add(c);
                }
            }
            previous = current;
        }

        double[] weights = new double[partitions];
        double sum = 0;
        for (int r = 0; r < regions; r++) {
            double rw = r == 0 ? 1.0 : 0.35 + 0.4 * GeneratorHash.unit(GeneratorHash.of(seed, H_REGION_WEIGHT, r));
            for (int c = 0; c < compartments; c++) {
                double cw = c == 0 ? 0.15 : level[c] == spec.compartmentDepth() ? 1.0 : 0.3;
                cw *= 0.5 + GeneratorHash.unit(GeneratorHash.of(seed, H_COMPARTMENT_WEIGHT, c));
                weights[r * compartments + c] = rw * cw;
                sum += rw * cw;
            }
        }
        cumulativeWeight = new double[partitions + 1];
        for (int p = 0; p < partitions; p++) {
            cumulativeWeight[p + 1] = cumulativeWeight[p] + weights[p] / sum;
        }
        cumulativeWeight[partitions] = 1.0;

        initial = allocate(spec.resourceCount(), GeneratorHash.unit(GeneratorHash.of(seed, H_INITIAL, 0)));
        segStart = new int[partitions][days + 1];
        for (int p = 0; p < partitions; p++) {
            segStart[p][0] = initial[p];
        }
        for (int d = 0; d < days; d++) {
            int[] created = allocate(spec.createsPerDay(), GeneratorHash.unit(GeneratorHash.of(seed, H_CREATES, d)));
            for (int p = 0; p < partitions; p++) {
                segStart[p][d + 1] = segStart[p][d] + created[p];
            }
        }

        tables = new byte[2 * TABLE_VARIANTS][];
        for (int v = 0; v < tables.length; v++) {
            List<Integer> slots = GeneratorCatalog.slots(v < TABLE_VARIANTS);
            byte[] table = new byte[100];
            for (int i = 0; i < 100; i++) {
                table[i] = (byte) (int) slots.get(i);
            }
            for (int i = 99; i > 0; i--) {
                int j = GeneratorHash.below(GeneratorHash.of(seed, H_TABLE, v, i), i + 1);
                byte t = table[i];
                table[i] = table[j];
                table[j] = t;
            }
            tables[v] = table;
        }
        tableOf = new byte[partitions];
        rotation = new byte[partitions];
        for (int p = 0; p < partitions; p++) {
            int base = regionOf(p) == 0 ? 0 : TABLE_VARIANTS;
            tableOf[p] = (byte) (base + GeneratorHash.below(GeneratorHash.of(seed, H_TABLE_PICK, p), TABLE_VARIANTS));
            rotation[p] = (byte) GeneratorHash.below(GeneratorHash.of(seed, H_ROTATION, p), 100);
        }
    }

    /** Splits {@code total} over the partitions by weight, exactly (systematic sampling with offset u). */
    private int[] allocate(int total, double u) {
        int[] counts = new int[partitions];
        long before = (long) Math.floor(total * cumulativeWeight[0] + u);
        for (int p = 0; p < partitions; p++) {
            long upTo = (long) Math.floor(total * cumulativeWeight[p + 1] + u);
            counts[p] = (int) (upTo - before);
            before = upTo;
        }
        return counts;
    }

    int partition(int region, int compartment) {
        return region * compartments + compartment;
    }

    int regionOf(int p) {
        return p / compartments;
    }

    int compartmentOf(int p) {
        return p % compartments;
    }

    /** A partition drawn by weight. */
    int pickPartition(long hash) {
        double u = GeneratorHash.unit(hash);
        int lo = 0;
        int hi = partitions - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumulativeWeight[mid] <= u) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Resources of partition p that exist at the start of day d (d = days: at the end of the span). */
    int existingAtStart(int p, int day) {
        return segStart[p][day];
    }

    /** Resources of partition p that exist at the end of day d. */
    int end(int p, int day) {
        return segStart[p][day + 1];
    }

    int createdOn(int p, int day) {
        return segStart[p][day + 1] - segStart[p][day];
    }

    int firstCreatedOn(int p, int day) {
        return segStart[p][day];
    }

    /** The day resource k of partition p was created on, -1 for resources older than the first day. */
    int createdDay(int p, int k) {
        int[] seg = segStart[p];
        if (k < seg[0]) {
            return -1;
        }
        int lo = 0;
        int hi = days - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (seg[mid] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    long dayStartMs(int day) {
        return startMs + day * DAY_MS;
    }

    /** Creation time in epoch milliseconds; strictly increasing in k within a partition. */
    long timeCreated(int p, int k) {
        int day = createdDay(p, k);
        long h = GeneratorHash.of(seed, H_TIME, p, k);
        if (day < 0) {
            return startMs - HISTORY_MS + slot(k, initial[p], HISTORY_MS, h);
        }
        int first = segStart[p][day];
        return dayStartMs(day) + slot(k - first, segStart[p][day + 1] - first, DAY_MS, h);
    }

    /** A time in the j-th of m equal slots of span, so that times increase strictly with j (span ≥ m). */
    private static long slot(long j, long m, long span, long hash) {
        long from = j * span / m;
        long to = (j + 1) * span / m;
        return from + (long) (GeneratorHash.unit(hash) * (to - from));
    }

    /** The global order of resources: creation time, ties broken by partition; unique per resource. */
    long orderKey(int p, int k) {
        return timeCreated(p, k) * partitions + p;
    }

    /** An upper bound of every order key. */
    long maxOrderKey() {
        return (dayStartMs(days) + 1) * partitions + partitions;
    }

    int type(int p, int k) {
        return tables[tableOf[p]][(k + rotation[p]) % 100];
    }

    /** Counts, per type table, of the slots whose type is selected; [table][x] counts slots [0, x) doubled. */
    int[][] typePrefix(boolean[] selected) {
        int[][] prefix = new int[tables.length][201];
        for (int t = 0; t < tables.length; t++) {
            for (int x = 0; x < 200; x++) {
                prefix[t][x + 1] = prefix[t][x] + (selected[tables[t][x % 100]] ? 1 : 0);
            }
        }
        return prefix;
    }

    /** Resources of partition p with local index below {@code k} whose type is selected in {@code prefix}. */
    long countTypes(int[][] prefix, int p, int k) {
        int[] pre = prefix[tableOf[p]];
        int rot = rotation[p];
        return (long) (k / 100) * pre[100] + pre[rot + k % 100] - pre[rot];
    }

    boolean hasTypes(int[][] prefix, int p) {
        return prefix[tableOf[p]][100] > 0;
    }

    /** The environment a compartment belongs to: the name of its level-1 ancestor. */
    String environment(int compartment) {
        return compartment == 0 ? "shared" : compartmentName[top[compartment]];
    }

    /** Path of names from the root, e.g. "prod/app/api". */
    String path(int compartment) {
        if (compartment == 0) {
            return "";
        }
        String up = path(parent[compartment]);
        return up.isEmpty() ? compartmentName[compartment] : up + "/" + compartmentName[compartment];
    }
}

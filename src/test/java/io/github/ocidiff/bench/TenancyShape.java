package io.github.ocidiff.bench;

/**
 * The generated tenancy of a benchmark: its resources, its compartment tree (WIDTH children a compartment, DEPTH
 * levels) and the simulator's delay before each answer, as a network would make it.
 */
record TenancyShape(int resources, int depth, int width, int latency) {

    /** From the arguments {@code [RESOURCES] [DEPTH] [WIDTH] [LATENCY_MS]}, each missing one as in {@code defaults}. */
    static TenancyShape of(String[] args, TenancyShape defaults) {
        return new TenancyShape(arg(args, 0, defaults.resources), arg(args, 1, defaults.depth), arg(args, 2, defaults.width),
                arg(args, 3, defaults.latency));
    }

    private static int arg(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    /** The simulator's generator options for it, over {@code days} days. */
    String[] simOptions(int days) {
        return new String[] {"--resources", String.valueOf(resources), "--days", String.valueOf(days),
                "--depth", String.valueOf(depth), "--width", String.valueOf(width), "--latency", String.valueOf(latency)};
    }

    @Override
    public String toString() {
        return String.format("%,d resources, compartment tree %d deep and %d wide, %d ms per answer", resources, depth,
                width, latency);
    }
}

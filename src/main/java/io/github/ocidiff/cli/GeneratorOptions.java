package io.github.ocidiff.cli;

import io.github.ocidiff.sim.GeneratorSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The generated tenancy's shape; every option defaults to the generator's own default. */
final class GeneratorOptions {
    /** GeneratorSpec's components that its checks name, and the options that set them. */
    static final OptionNames OPTIONS = new OptionNames("generator options", Map.of("resourceCount", "--resources",
            "regions", "--regions", "compartmentDepth/compartmentWidth", "--depth/--width", "compartmentDepth", "--depth",
            "compartmentWidth", "--width", "days", "--days", "startDay", "--start-day", "churnRate", "--churn",
            "readEventsPerWrite", "--audit-reads"));

    @Option(names = "--seed", paramLabel = "N", description = "Seed: the same seed gives the same tenancy.")
    Long seed;

    @Option(names = "--resources", paramLabel = "N", description = "Resources on the first day (up to 5,000,000).")
    Integer resources;

    @Option(names = "--regions", split = ",", paramLabel = "R,R", description = "Regions, the home region first.")
    List<String> regions;

    @Option(names = "--depth", paramLabel = "N", description = "Compartment tree depth.")
    Integer depth;

    @Option(names = "--width", paramLabel = "N", description = "Child compartments per compartment.")
    Integer width;

    @Option(names = "--days", paramLabel = "N", description = "Days of history to replay.")
    Integer days;

    @Option(names = "--start-day", paramLabel = "YYYY-MM-DD", description = "The first day.")
    LocalDate startDay;

    @Option(names = "--churn", paramLabel = "FRACTION", description = "Fraction of resources touched per day.")
    Double churn;

    @Option(names = "--audit-reads", paramLabel = "N",
            description = "Audit read events (GET, List) per write event: the noise attribution filters out (up to 100).")
    Integer auditReads;

    GeneratorSpec spec() {
        try {
            GeneratorSpec spec = GeneratorSpec.defaults();
            if (seed != null) {
                spec = spec.withSeed(seed);
            }
            if (resources != null) {
                spec = spec.withResourceCount(resources);
            }
            if (regions != null) {
                spec = spec.withRegions(regions);
            }
            if (depth != null || width != null) {
                spec = spec.withCompartments(depth != null ? depth : spec.compartmentDepth(),
                        width != null ? width : spec.compartmentWidth());
            }
            if (days != null) {
                spec = spec.withDays(days);
            }
            if (startDay != null) {
                spec = spec.withStartDay(startDay);
            }
            if (churn != null) {
                spec = spec.withChurnRate(churn);
            }
            if (auditReads != null) {
                spec = spec.withReadEventsPerWrite(auditReads);
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw OPTIONS.usage(e);
        }
    }
}

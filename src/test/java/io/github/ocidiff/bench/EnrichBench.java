package io.github.ocidiff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What reading details costs a night (bench/enrich.sh): one day of the simulator's generator taken into empty stores
 * without enrichment, with policies and security lists enriched (each compartment's read with one LIST), with network
 * security groups and buckets enriched (a request each: OCI lists neither's rules or settings), with all four (the
 * default), and with all four and Core and Object Storage allowed 16 requests at once, each in a fresh process, the simulator waiting before each answer as a network would make it. Prints each
 * run's wall time and requests and its ratio to the run without enrichment, measured in one run. Arguments:
 * {@code [RESOURCES=20000] [DEPTH=2] [WIDTH=4] [LATENCY_MS=200]}, the generator's compartment tree being WIDTH children
 * per compartment, DEPTH levels deep.
 */
public final class EnrichBench {

    public static void main(String[] args) throws Exception {
        TenancyShape tenancy = TenancyShape.of(args, new TenancyShape(20_000, 2, 4, 200));
        Path jar = ChildJvm.ocidiffJar();
        Path dir = Files.createTempDirectory("ocidiff-bench-enrich");
        System.out.printf("ocidiff enrichment benchmark (work dir %s)%n", dir);
        List<String> all = List.of("Policy", "SecurityList", "NetworkSecurityGroup", "Bucket");
        List<Run> runs = List.of(new Run("no enrichment", List.of(), ""),
                new Run("policies and security lists", List.of("Policy", "SecurityList"), ""),
                new Run("network security groups and buckets", List.of("NetworkSecurityGroup", "Bucket"), ""),
                new Run("all four (the default)", all, ""),
                new Run("all four, Core and Object Storage 16 requests at once (oci.concurrency)", all,
                        "  concurrency: {core: 16, objectStorage: 16}\n"));
        try (SimProcess sim = SimProcess.start(jar, dir, tenancy.simOptions(1))) {
            LocalDate day = sim.days().get(0);
            sim.selectDay(day);
            List<String> launcher = ChildJvm.launcherOptions(jar);
            System.out.printf("%n[1] %s:%n", tenancy);
            long plainMillis = 0;
            long plainRequests = 0;
            int run = 0;
            for (Run each : runs) {
                Path config = sim.benchConfig("config-" + run + ".yaml", each.enrich(), each.ociYaml());
                List<String> command = ChildJvm.ocidiffCommand(dir.resolve("gc" + run + ".log"));
                command.addAll(launcher);
                command.addAll(List.of("-jar", jar.toString(), "--config", config.toString(), "--store",
                        dir.resolve("store" + run).resolve("ocidiff").toString(), "snapshot", "--quiet",
                        "--at", day + "T23:59:59Z"));
                long before = sim.requests();
                long millis = ChildJvm.measure(command, dir.resolve("snapshot" + run + ".log")).millis();
                long requests = sim.requests() - before;
                if (run == 0) {
                    plainMillis = millis;
                    plainRequests = requests;
                    System.out.printf("    %s: %,d ms, %,d requests%n", each.name(), millis, requests);
                } else {
                    System.out.printf("    %s: %,d ms, %,d requests (%,d for details) -> ratio to no enrichment %.2f%n",
                            each.name(), millis, requests, requests - plainRequests, (double) millis / plainMillis);
                }
                run++;
            }
        }
    }

    /** One night of the benchmark: its name, the types it enriches, what it adds to the oci section. */
    private record Run(String name, List<String> enrich, String ociYaml) {
    }
}

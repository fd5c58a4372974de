package io.github.ocidiff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reading details costs a night (bench/enrich.sh): one day of the simulator's generator taken into empty stores
 * without enrichment, with policies and security lists enriched (each compartment's read with one LIST), with network
 * security groups and buckets enriched (a request each: OCI lists neither's rules or settings) and with all four (the
 * default), each in a fresh process, the simulator waiting before each answer as a network would make it. Prints each
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
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("no enrichment", List.of());
        runs.put("policies and security lists", List.of("Policy", "SecurityList"));
        runs.put("network security groups and buckets", List.of("NetworkSecurityGroup", "Bucket"));
        runs.put("all four (the default)", List.of("Policy", "SecurityList", "NetworkSecurityGroup", "Bucket"));
        try (SimProcess sim = SimProcess.start(jar, dir, tenancy.simOptions(1))) {
            LocalDate day = sim.days().get(0);
            sim.selectDay(day);
            List<String> launcher = ChildJvm.launcherOptions(jar);
            System.out.printf("%n[1] %s:%n", tenancy);
            long plainMillis = 0;
            long plainRequests = 0;
            int run = 0;
            for (Map.Entry<String, List<String>> enrich : runs.entrySet()) {
                Path config = sim.benchConfig("config-" + run + ".yaml", enrich.getValue());
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
                    System.out.printf("    %s: %,d ms, %,d requests%n", enrich.getKey(), millis, requests);
                } else {
                    System.out.printf("    %s: %,d ms, %,d requests (%,d for details) -> ratio to no enrichment %.2f%n",
                            enrich.getKey(), millis, requests, requests - plainRequests, (double) millis / plainMillis);
                }
                run++;
            }
        }
    }
}

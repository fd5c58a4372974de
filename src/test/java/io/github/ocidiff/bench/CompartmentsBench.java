package io.github.ocidiff.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenancy of many small compartments (bench/compartments.sh): the first night asks the scopes (compartment x
 * region), none counted before, as probes, 25 of a region sharing a query (those of a query that holds more
 * than a page then asked apart); the second lets those that held under 100 resources share queries
 * (crawl.SearchGroups). Prints both nights' wall time and requests, against the scopes (a query each, as a
 * first night asked before probes, is a request a scope at least), measured in one run against the
 * simulator's generator with a delay before each answer, as a network would make it. Enrichment is off: its
 * GETs, one per enriched resource, are the same on both nights. Arguments: {@code [RESOURCES=20000] [DEPTH=3]
 * [WIDTH=8] [LATENCY_MS=200] [EXCLUDE]}, the generator's compartment tree being WIDTH children per compartment,
 * DEPTH levels deep; EXCLUDE a compartment (a path such as prod/network) the configuration leaves out with its
 * subtree ({@code compartments.exclude}), so that regions share queries naming what is left out.
 */
public final class CompartmentsBench {

    public static void main(String[] args) throws Exception {
        TenancyShape tenancy = TenancyShape.of(args, new TenancyShape(20_000, 3, 8, 200));
        Path jar = ChildJvm.ocidiffJar();
        Path dir = Files.createTempDirectory("ocidiff-bench-compartments");
        System.out.printf("ocidiff compartments benchmark (work dir %s)%n", dir);
        try (SimProcess sim = SimProcess.start(jar, dir, tenancy.simOptions(2))) {
            Path config = sim.benchConfig();
            String exclude = args.length > 4 ? args[4] : null;
            if (exclude != null) {
                Files.writeString(config, "compartments:\n  exclude: [\"" + exclude + "\"]\n", StandardOpenOption.APPEND);
            }
            List<LocalDate> days = sim.days();
            List<String> launcher = ChildJvm.launcherOptions(jar);
            long[] millis = new long[2];
            long[] requests = new long[2];
            String[] summaries = new String[2];
            for (int night = 0; night < 2; night++) {
                sim.selectDay(days.get(night));
                List<String> command = ChildJvm.ocidiffCommand(dir.resolve("gc" + night + ".log"));
                command.addAll(launcher);
                command.addAll(List.of("-jar", jar.toString(), "--config", config.toString(), "snapshot",
                        "--at", days.get(night) + "T23:59:59Z"));
                Path log = dir.resolve("snapshot" + night + ".log");
                long before = sim.requests();
                millis[night] = ChildJvm.measure(command, log).millis();
                requests[night] = sim.requests() - before;
                List<String> lines = Files.readAllLines(log);
                summaries[night] = String.join("; ", lines.stream()
                        .filter(l -> l.startsWith("snapshot of") || l.startsWith("  ") && l.contains("share")
                                || l.startsWith("snapshot ")).map(String::strip).toList());
            }
            Matcher scopes = Pattern.compile("([0-9,]+) scopes, ").matcher(summaries[0]);
            long scopeCount = scopes.find() ? Long.parseLong(scopes.group(1).replace(",", "")) : 0;
            System.out.printf("%n[1] %s%s: %,d scopes"
                            + " (a query each is %,d requests at least)%n"
                            + "    first night, scopes never collected probing shared queries (%s): %,d ms, %,d requests%n"
                            + "    second night, small scopes sharing queries (%s): %,d ms, %,d requests%n"
                            + "    -> requests / scopes = %.3f and %.3f; ratio second / first = %.2f in time%n",
                    tenancy, exclude == null ? "" : ", compartments.exclude: [" + exclude + "]", scopeCount, scopeCount, summaries[0], millis[0], requests[0],
                    summaries[1], millis[1], requests[1], (double) requests[0] / scopeCount,
                    (double) requests[1] / scopeCount, (double) millis[1] / millis[0]);
        }
    }
}

package io.github.ocidiff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline against the handmade fixture folder {@code fixtures/golden} (3 days, 2 regions,
 * nested compartments), replayed night by night through the simulator: each night's report must equal
 * the checked-in one. The fixture covers every change kind, a move, a terminate, a transient resource
 * first seen terminated and one only Audit saw, a tag-only change, policy statement and security rule
 * changes, a reorder that is no change, unattributed, TAG- and AUDIT-attributed changes, a failed write
 * that is no evidence, and a region down on the last day.
 */
class GoldenReportTest {
    private static final List<String> DAYS = List.of("2026-11-01", "2026-11-02", "2026-11-03");

    private static int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(err.toString()).doesNotContain("Exception");
        return code;
    }

    @Test
    void eachNightsReportMatchesTheGoldenFile() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            for (String day : DAYS) {
                sim.server.source().selectDay(LocalDate.parse(day));
                assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z")).isIn(0, 4);
                if (day.equals(DAYS.get(0))) {
                    continue;
                }
                Path out = sim.dir.resolve("reports/" + day + ".json");
                assertThat(run("--config", config, "diff", "--out", out.toString())).isZero();
                String json = Files.readString(out);
                assertThat(ReportSchema.validate(new ObjectMapper().readTree(json))).isEmpty();
                Golden.assertMatches("e2e/" + day + ".json", Golden.stable(json));
            }
            Path formats = sim.dir.resolve("reports/formats");
            assertThat(run("--config", config, "diff", "--format", "md,csv", "--format", "html", "--out",
                    formats.toString())).isZero();
            Golden.assertMatches("e2e/2026-11-03.md", Golden.stable(Files.readString(formats.resolve("report.md"))));
            Golden.assertMatches("e2e/2026-11-03.csv", Files.readString(formats.resolve("report.csv")));
            assertThat(Files.readString(formats.resolve("report.html"))).contains("tmp-job").contains("acme-fixture/prod/app");
            // Audit gone (its retention expired, or no network): the kept evidence renders the same report.
            sim.server.close();
            Path again = sim.dir.resolve("reports/again.json");
            assertThat(run("--config", config, "diff", "--from", "2026-11-01", "--to", "2026-11-02",
                    "--out", again.toString())).isZero();
            Golden.assertMatches("e2e/2026-11-02.json", Golden.stable(Files.readString(again)));
        }
    }
}

package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.ReportSchema;
import io.github.ocidiff.SimHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @Test
    void replaysEachDayOfAFixtureThroughTheNightlyJob(@TempDir Path dir) throws Exception {
        MainTest.Run r = run("replay", "--fixtures", SimHarness.GOLDEN_FIXTURE.toString(), "--workdir", dir.toString());

        // The golden fixture's last night has a region down: exit 4, as `daily` exits for that night.
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err().lines().reduce((a, b) -> b)).hasValue("ocidiff: 1 of 3 nights PARTIAL (2026-11-03)");
        assertThat(r.out()).contains("replaying 3 days of")
                .contains("2026-11-01: first run, an inventory of 7 resources")
                .contains("2026-11-02: 2 created, 0 deleted, 2 modified, 1 moved, 0 transient; 1 unattributed; coverage complete")
                .contains("2026-11-03: 0 created, 1 deleted, 2 modified, 0 moved, 2 transient; 0 unattributed; "
                        + "coverage INCOMPLETE (5 scopes not collected)");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("reports/2026-11-02/report.json").toFile());
        assertThat(ReportSchema.validate(report)).isEmpty();
        assertThat(report.path("generatedAt").asText()).isEqualTo("2026-11-02T23:59:59Z");
    }

    @Test
    void aRelativeWorkdirIsTheFolderUnderTheWorkingDirectory(@TempDir Path dir) {
        // Tests cannot change folder: a path from the JVM's working folder to the temporary one is as relative.
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("w1"));
        // The small fixture's first two days, whose nights are COMPLETE (its third has a region down).
        Path fixture = SimHarness.copyOf(SimHarness.SMALL_FIXTURE, dir.resolve("fixture"));
        SimHarness.deleteTree(fixture.resolve("days/2026-11-03"));
        MainTest.Run r = run("replay", "--fixtures", fixture.toString(), "--workdir", relative.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("w1/config.yaml")).isRegularFile();
        assertThat(dir.resolve("w1/reports/2026-11-02/report.json")).isRegularFile();
        assertThat(r.err()).doesNotContain("PARTIAL");
    }

    /**
     * Night 2 cannot even start (the home region down: Identity does not answer); replay goes on with night 3, as cron
     * would, and its last line names both nights that need a hand.
     */
    @Test
    void aNightThatFailsIsNamedAndTheNextNightsStillRun(@TempDir Path dir) throws Exception {
        Path fixture = SimHarness.copyOf(SimHarness.SMALL_FIXTURE, dir.resolve("fixture"));
        Files.writeString(fixture.resolve("days/2026-11-02/resources/us-ashburn-1.json"), "{\"fault\": \"unavailable\"}");

        MainTest.Run r = run("replay", "--fixtures", fixture.toString(), "--workdir", dir.resolve("w").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("ocidiff: 2026-11-02: ");
        assertThat(r.out()).contains("2026-11-01: first run").contains("2026-11-03: ");
        assertThat(r.err().lines().reduce((a, b) -> b))
                .hasValue("ocidiff: 1 of 3 nights failed (2026-11-02); 1 of 3 nights PARTIAL (2026-11-03)");
    }

    /** --config brings the user's plan (and rules, publishing); the replay keeps its own way to the simulator. */
    @Test
    void theConfigsPlanAppliesAndItsErrorsNameIt(@TempDir Path dir) throws Exception {
        Path fixture = SimHarness.copyOf(SimHarness.SMALL_FIXTURE, dir.resolve("fixture"));
        SimHarness.deleteTree(fixture.resolve("days/2026-11-02"));
        SimHarness.deleteTree(fixture.resolve("days/2026-11-03"));
        Path config = Files.writeString(dir.resolve("mine.yaml"), "compartments:\n  include: [prod]\n");
        MainTest.Run r = run("--config", config.toString(), "replay", "--fixtures", fixture.toString(),
                "--workdir", dir.resolve("w").toString());
        assertThat(r.out()).contains("2026-11-01: first run, an inventory of 2 resources");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "bogusKey: 1\n");
        MainTest.Run refused = run("--config", bad.toString(), "replay", "--fixtures", fixture.toString(),
                "--workdir", dir.resolve("w2").toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("ocidiff: " + bad).contains("bogusKey");
    }

    @Test
    void aFolderThatIsNoFixtureIsAUsageError(@TempDir Path dir) {
        MainTest.Run r = run("replay", "--fixtures", dir.resolve("nothing").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).startsWith("ocidiff: --fixtures: fixture folder ").endsWith("does not exist");
    }
}

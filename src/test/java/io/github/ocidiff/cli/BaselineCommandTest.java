package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.SimHarness;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineCommandTest {

    @Test
    void aBaselinePinsItsSnapshotAgainstPruningUntilRemoved() {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
                sim.server.source().selectDay(LocalDate.parse(day));
                assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode()).isIn(0, 4);
            }

            MainTest.Run set = run("--config", config, "baseline", "set", "q4-review", "--snapshot", "2026-11-01",
                    "--note", "approved by the CAB", "--type", "Policy,Bucket");
            assertThat(set.exitCode()).as(set.err()).isZero();
            assertThat(set.out()).isEqualTo("baseline q4-review pins snapshot 1 (2026-11-01, COMPLETE, 7 resources)\n");
            assertThat(run("--config", config, "baseline", "list").out())
                    .contains("q4-review").contains("snapshot 1").contains("all compartments; types Policy, Bucket; approved by the CAB");
            assertThat(run("--config", config, "baseline", "show", "q4-review").out())
                    .contains("snapshot  1 taken 2026-11-01T23:59:59Z (COMPLETE, 7 resources)");

            MainTest.Run again = run("--config", config, "baseline", "set", "q4-review");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("baseline q4-review exists already");
            assertThat(run("--config", config, "baseline", "set", "bad name").exitCode()).isEqualTo(2);
            MainTest.Run nowhere = run("--config", config, "baseline", "set", "staging", "--compartment", "staging");
            assertThat(nowhere.exitCode()).isEqualTo(2);
            assertThat(nowhere.err().trim()).isEqualTo("ocidiff: --compartment staging: snapshot 3 has no such "
                    + "compartment; give its OCID or its path below the tenancy, like prod/app (top level: dev, network, prod)");
            assertThat(run("--config", config, "baseline", "set", "prod-app", "--compartment", "prod/app").exitCode())
                    .isZero();
            assertThat(run("--config", config, "baseline", "rm", "prod-app").exitCode()).isZero();
            // A path as reports write it, from the tenancy's name, is kept as the path below the tenancy.
            assertThat(run("--config", config, "baseline", "set", "prod-app", "--compartment", "acme-fixture/prod/app")
                    .exitCode()).isZero();
            assertThat(run("--config", config, "baseline", "list").out()).contains("compartments prod/app")
                    .doesNotContain("acme-fixture/prod/app");
            assertThat(run("--config", config, "baseline", "rm", "prod-app").exitCode()).isZero();

            // Pinned to a PARTIAL night: said. A compartment written twice is kept once; a note keeps the list one line.
            MainTest.Run partial = run("--config", config, "baseline", "set", "noted", "--snapshot", "3", "--compartment",
                    "prod", "--compartment", "acme-fixture/prod", "--note", "line one\nline two");
            assertThat(partial.exitCode()).isZero();
            assertThat(partial.err()).startsWith("ocidiff: warning: snapshot 3 is PARTIAL: ");
            assertThat(run("--config", config, "baseline", "list").out().lines().filter(l -> l.startsWith("noted")))
                    .singleElement().asString().endsWith("compartments prod; all types; line one / line two");
            assertThat(run("--config", config, "baseline", "show", "noted").out())
                    .contains("scope     compartments prod; all types\n").contains("note      line one\n          line two\n");
            assertThat(run("--config", config, "baseline", "rm", "noted").exitCode()).isZero();

            // A type the store never held is told, with the one perhaps meant; an empty one is refused.
            MainTest.Run typo = run("--config", config, "baseline", "set", "policies", "--snapshot", "1", "--type",
                    "Polcy,Bucket");
            assertThat(typo.exitCode()).isZero();
            assertThat(typo.err()).isEqualTo("ocidiff: warning: --type Polcy: the store holds no resource of that type"
                    + " (did you mean Policy?); the baseline covers it should one appear, else 'baseline rm policies'"
                    + " and set it again\n");
            assertThat(run("--config", config, "baseline", "rm", "policies").exitCode()).isZero();
            MainTest.Run empty = run("--config", config, "baseline", "set", "policies", "--snapshot", "1", "--type",
                    "Policy,,Bucket");
            assertThat(empty.exitCode()).isEqualTo(2);
            assertThat(empty.err()).startsWith("ocidiff: --type Policy,,Bucket: an empty type name;");

            MainTest.Run pruned = run("--config", config, "prune", "--keep-days", "1");
            assertThat(pruned.out()).contains("pruned 0 snapshots");
            assertThat(run("--config", config, "diff", "--no-audit", "--from", "2026-11-01", "--to", "2026-11-02")
                    .exitCode()).isZero();

            MainTest.Run unknown = run("--config", config, "baseline", "rm", "q3");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err().trim()).isEqualTo("ocidiff: no baseline q3; there are: q4-review");
            assertThat(run("--config", config, "baseline", "rm", "q4-review").out()).contains("baseline q4-review removed");
            assertThat(run("--config", config, "prune", "--keep-days", "1").out()).contains("removed snapshot 1 (2026-11-01, COMPLETE)");
        }
    }

    /**
     * A baseline pinned to a night eu-frankfurt-1 was down holds that region as the night before collected it: a
     * drift from it reads Audit back to that night, and history judges against it, so pruning keeps it too.
     */
    @Test
    void aBaselinePinnedToAPartialSnapshotKeepsTheSnapshotItsGapsWereCarriedFrom() {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
                sim.server.source().selectDay(LocalDate.parse(day));
                assertThat(run("--config", config, "snapshot", "--quiet", "--at", day + "T23:59:59Z").exitCode()).isIn(0, 4);
            }
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--at", "2026-11-04T23:59:59Z").exitCode()).isZero();
            assertThat(run("--config", config, "baseline", "set", "outage", "--snapshot", "3").err())
                    .startsWith("ocidiff: warning: snapshot 3 is PARTIAL: ");

            MainTest.Run pruned = run("--config", config, "prune", "--keep-days", "1");

            assertThat(pruned.exitCode()).as(pruned.err()).isZero();
            assertThat(pruned.out()).contains("removed snapshot 1 (2026-11-01, COMPLETE)")
                    .doesNotContain("removed snapshot 2");
            assertThat(run("--config", config, "snapshots").out()).contains("2026-11-02 23:59:59");
        }
    }
}

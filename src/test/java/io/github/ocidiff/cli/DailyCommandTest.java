package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.ocidiff.Golden;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.publish.ScriptedSmtp;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `ocidiff daily` night after night over the golden fixture: reports, publication, idempotence, retention. */
class DailyCommandTest {
    private static final String USER = "ocid1.user.oc1..smtp";
    private static final String PASSWORD = "s3cret";
    private static final String BUCKET = "ocidiff-reports";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ocidiff@example.com", USER, PASSWORD));

    private static String publishing(SimHarness sim, int smtpPort, String namespace) {
        return sim.writeConfig("publish:\n"
                + "  objectStorage:\n"
                + "    bucket: " + BUCKET + "\n"
                + (namespace == null ? "" : "    namespace: " + namespace + "\n")
                + "  email:\n"
                + "    enabled: true\n"
                + "    host: 127.0.0.1\n"
                + "    port: " + smtpPort + "\n"
                + "    startTls: false\n"
                + "    username: " + USER + "\n"
                + "    password: " + PASSWORD + "\n"
                + "    from: ocidiff@example.com\n"
                + "    to: [ops@example.com]\n"
                + "    onlyWhenChanged: false\n").toString();
    }

    private static MainTest.Run daily(SimHarness sim, String config, String day, String... more) {
        sim.server.source().selectDay(LocalDate.parse(day));
        String[] args = {"--config", config, "daily", "--quiet", "--at", day + "T23:59:59Z"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return run(all);
    }

    private static List<String> subjects() throws Exception {
        MimeMessage[] mails = SMTP.getReceivedMessages();
        String[] subjects = new String[mails.length];
        for (int i = 0; i < mails.length; i++) {
            subjects[i] = mails[i].getSubject();
        }
        return List.of(subjects);
    }

    @Test
    void threeNightsPublishThreeSetsOfReportsAndMailThreeTimesAndAReRunPublishesNothingNew() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = publishing(sim, SMTP.getSmtp().getPort(), null);

            MainTest.Run first = daily(sim, config, "2026-11-01");
            assertThat(first.exitCode()).isZero();
            assertThat(first.out()).contains("2026-11-01: first run, an inventory of 7 resources");
            assertThat(daily(sim, config, "2026-11-02").exitCode()).isZero();
            MainTest.Run third = daily(sim, config, "2026-11-03");
            assertThat(third.exitCode()).as(third.err()).isEqualTo(4);
            assertThat(third.out()).contains("2026-11-03: 0 created, 1 deleted, 2 modified, 0 moved, 2 transient; "
                    + "0 unattributed; coverage INCOMPLETE (5 scopes not collected); report "
                    + sim.dir.resolve("reports/2026-11-03/report.html"));

            String home = "us-ashburn-1";
            TreeSet<String> objects = new TreeSet<>(sim.server.objects(home, BUCKET).keySet());
            assertThat(objects).hasSize(12).contains("ocidiff/2026/11/01/report.json", "ocidiff/2026/11/02/report.html",
                    "ocidiff/2026/11/03/report.md", "ocidiff/2026/11/03/report.csv");
            assertThat(subjects()).hasSize(3);
            assertThat(subjects().get(1)).contains("2 created, 0 deleted, 2 modified, 1 moved").contains("1 unattributed");
            assertThat(subjects().get(2)).contains("0 created, 1 deleted, 2 modified, 0 moved").contains("INCOMPLETE");
            // The uploaded report is the one written locally.
            assertThat(sim.server.objects(home, BUCKET).get("ocidiff/2026/11/02/report.json"))
                    .isEqualTo(Files.readAllBytes(sim.dir.resolve("reports/2026-11-02/report.json")));

            MainTest.Run again = daily(sim, config, "2026-11-03");
            assertThat(again.exitCode()).isEqualTo(4);
            // Today's PARTIAL snapshot is taken again (a COMPLETE one would be kept); the day is not published twice.
            assertThat(again.out()).contains("snapshot 4 PARTIAL").doesNotContain("uploaded 4").doesNotContain("mailed to")
                    .contains("2026-11-03: published by an earlier run (uploaded; mailed); --republish sends it again");
            assertThat(sim.server.objects(home, BUCKET)).hasSize(12);
            assertThat(subjects()).hasSize(3);

            MainTest.Run republished = daily(sim, config, "2026-11-03", "--republish");
            assertThat(republished.out()).contains("2026-11-03: uploaded 4 files").contains("2026-11-03: mailed to ops@example.com");
            assertThat(subjects()).hasSize(4);
        }
    }

    /**
     * A region down at night, filled in the morning: the day's report goes out again, complete, in place of the
     * night's; a re-run after that publishes nothing more.
     */
    @Test
    void aDayWhoseGapsWereFilledIsPublishedAgainCompleteOnce() throws Exception {
        FaultPlan down = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.goldenFixture();
             SimHarness night = SimHarness.start(FixtureTenancy.open(SimHarness.GOLDEN_FIXTURE), down)) {
            String config = publishing(sim, SMTP.getSmtp().getPort(), null);
            String store = sim.dir.resolve("store/ocidiff").toString();
            assertThat(daily(sim, config, "2026-11-01").exitCode()).isZero();
            String nightConfig = publishing(night, SMTP.getSmtp().getPort(), null);
            night.server.source().selectDay(LocalDate.parse("2026-11-02"));
            MainTest.Run partial = run("--config", nightConfig, "--store", store, "daily", "--quiet",
                    "--at", "2026-11-02T02:00:00Z");
            assertThat(partial.exitCode()).isEqualTo(4);
            assertThat(subjects()).hasSize(2);
            assertThat(subjects().get(1)).contains("INCOMPLETE");

            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            MainTest.Run fill = run("--config", config, "snapshot", "--quiet", "--fill", "--at", "2026-11-02T09:00:00Z");
            assertThat(fill.exitCode()).isZero();
            MainTest.Run morning = run("--config", config, "daily", "--quiet", "--at", "2026-11-02T09:05:00Z");
            assertThat(morning.exitCode()).isZero();
            assertThat(morning.out()).contains("2026-11-02: uploaded 4 files").contains("2026-11-02: mailed to ops@example.com");
            assertThat(subjects()).hasSize(3);
            assertThat(subjects().get(2)).doesNotContain("INCOMPLETE");
            assertThat(sim.server.objects("us-ashburn-1", BUCKET).get("ocidiff/2026/11/02/report.json"))
                    .isEqualTo(Files.readAllBytes(sim.dir.resolve("reports/2026-11-02/report.json")));

            // One bar a night in the trend: the filled night's, its changes the night's and the fill's.
            String html = Files.readString(sim.dir.resolve("reports/2026-11-02/report.html"));
            try (Store read = Store.openToRead(Path.of(store))) {
                List<SnapshotInfo> snapshots = read.snapshots();
                assertThat(snapshots).hasSize(3);
                long changes = snapshots.get(1).changesFromPrevious() + snapshots.get(2).changesFromPrevious();
                assertThat(html).contains(" changed (snapshot #3, COMPLETE)").doesNotContain("(snapshot #2, PARTIAL)")
                        .contains(": " + changes + (changes == 1 ? " resource" : " resources") + " changed (snapshot #3");
            }

            MainTest.Run again = run("--config", config, "daily", "--quiet", "--at", "2026-11-02T09:10:00Z");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).doesNotContain("uploaded 4").doesNotContain("mailed to").contains("published by an earlier run");
            assertThat(subjects()).hasSize(3);
            // Made again from the evidence kept, the local report reads as the one published (its time aside).
            for (String format : List.of("md", "html")) {
                assertThat(Golden.stable(Files.readString(sim.dir.resolve("reports/2026-11-02/report." + format))))
                        .isEqualTo(Golden.stable(new String(sim.server.objects("us-ashburn-1", BUCKET)
                                .get("ocidiff/2026/11/02/report." + format), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
    }

    /**
     * `snapshot --region R` looks at part of the plan: it does not stand in for tonight's snapshot, which
     * replaces it, nor serve as the base of a later night's report.
     */
    @Test
    void aSnapshotNarrowedOnTheCommandLineIsNeitherTheNightsSnapshotNorItsBase() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            assertThat(daily(sim, config, "2026-11-01").exitCode()).isZero();
            for (String day : List.of("2026-11-02", "2026-11-03")) {
                sim.server.source().selectDay(LocalDate.parse(day));
                MainTest.Run narrowed = run("--config", config, "snapshot", "--quiet", "--region", "us-ashburn-1",
                        "--at", day + "T09:00:00Z");
                assertThat(narrowed.exitCode()).as(narrowed.err()).isZero();
                assertThat(narrowed.out()).containsPattern("snapshot \\d COMPLETE: \\d+ resources, 1 region, 5 scopes")
                        .contains("1 region x 5 compartments = 5 scopes (narrowed: --region us-ashburn-1; 5 scopes left out,"
                                + " carried forward)");
            }
            assertThat(run("--config", config, "snapshots").out())
                    .containsPattern("(?m)^ +3 +2026-11-03 09:00:00 +COMPLETE .* complete \\(narrowed: --region us-ashburn-1\\)$");
            // What a narrowed snapshot left out is not collected: unknown, neither deleted nor created after.
            JsonNode toNarrowed = JSON.readTree(run("--config", config, "diff", "--from", "1", "--to", "2", "--no-audit").out());
            assertThat(toNarrowed.at("/summary/deleted").asInt()).isZero();
            assertThat(toNarrowed.at("/coverage/gaps")).isNotEmpty().allSatisfy(gap -> assertThat(gap.get("region").asText())
                    .isEqualTo("eu-frankfurt-1"));
            assertThat(toNarrowed.at("/coverage/gaps/0/reason").asText())
                    .isEqualTo("'to' snapshot: left out by --region us-ashburn-1");
            JsonNode fromNarrowed = JSON.readTree(run("--config", config, "diff", "--from", "2", "--to", "3", "--no-audit").out());
            assertThat(fromNarrowed.at("/summary/created").asInt() + fromNarrowed.at("/summary/deleted").asInt())
                    .as("nothing of eu-frankfurt-1 counts as created or deleted").isEqualTo(changedIn(fromNarrowed, "us-ashburn-1"));

            // Day 2's narrowed snapshot was the last of its day; day 3's is replaced by the night's.
            MainTest.Run night = daily(sim, config, "2026-11-03");
            assertThat(night.exitCode()).as(night.err()).isEqualTo(4);
            assertThat(night.out()).contains("snapshot 4 PARTIAL").contains("2 regions")
                    .contains("; replaced today's snapshot 3 (COMPLETE, --region us-ashburn-1)");
            JsonNode report = JSON.readTree(sim.dir.resolve("reports/2026-11-03/report.json").toFile());
            assertThat(report.at("/from/snapshotId").asLong()).as("the base: day 1's, not day 2's narrowed one").isEqualTo(1);
            assertThat(report.at("/to/snapshotId").asLong()).isEqualTo(4);
            // Nor is it a night of the trend chart, being part of one.
            assertThat(Files.readString(sim.dir.resolve("reports/2026-11-03/report.html")))
                    .contains("changed (snapshot #4, PARTIAL)").doesNotContain("(snapshot #2,");

            JsonNode snapshots = JSON.readTree(run("--config", config, "snapshots", "--format", "json").out());
            assertThat(snapshots).extracting(s -> s.get("snapshotId").asLong()).containsExactly(1L, 2L, 4L);
            assertThat(snapshots.get(1).get("narrowedTo")).isEqualTo(JSON.readTree(
                    "{\"regions\": [\"us-ashburn-1\"], \"compartments\": []}"));
            assertThat(snapshots.get(2).get("narrowedTo").isNull()).isTrue();
        }
    }

    /**
     * A baseline set in the morning on the day's narrowed snapshot (the latest then): the night cannot replace it, and
     * takes the day beside it rather than fail with no snapshot and no report.
     */
    @Test
    void aNightWhoseDayHasAPinnedNarrowedSnapshotTakesTheDayBesideIt() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            assertThat(daily(sim, config, "2026-11-01").exitCode()).isZero();
            sim.server.source().selectDay(LocalDate.parse("2026-11-02"));
            assertThat(run("--config", config, "snapshot", "--quiet", "--region", "us-ashburn-1", "--at",
                    "2026-11-02T08:00:00Z").exitCode()).isZero();
            assertThat(run("--config", config, "baseline", "set", "morning").exitCode()).isZero();

            MainTest.Run night = daily(sim, config, "2026-11-02");

            assertThat(night.exitCode()).as(night.err()).isZero();
            assertThat(night.out()).contains("snapshot 3 COMPLETE")
                    .contains("; taken beside today's snapshot 2 (COMPLETE, --region us-ashburn-1), which a baseline pins");
            JsonNode report = JSON.readTree(sim.dir.resolve("reports/2026-11-02/report.json").toFile());
            assertThat(report.at("/from/snapshotId").asLong()).isEqualTo(1);
            assertThat(report.at("/to/snapshotId").asLong()).isEqualTo(3);
            assertThat(run("--config", config, "baseline", "show", "morning").out()).contains("snapshot  2 ");
        }
    }

    private static int changedIn(JsonNode report, String region) {
        int n = 0;
        for (JsonNode change : report.get("changes")) {
            String kind = change.get("kind").asText();
            if (change.get("region").asText().equals(region) && (kind.equals("CREATED") || kind.equals("DELETED"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aFailedPublicationKeepsTheReportAndIsRetriedOnTheNextRun() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String broken = publishing(sim, 1, "no-such-namespace");
            MainTest.Run failed = daily(sim, broken, "2026-11-01");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).contains("2026-11-01: upload to Object Storage failed, retried on the next run")
                    .contains("2026-11-01: mail failed, retried on the next run").contains("127.0.0.1:1")
                    .doesNotContain(PASSWORD).doesNotContain("Exception");
            assertThat(sim.dir.resolve("reports/2026-11-01/report.html")).isNotEmptyFile();
            assertThat(sim.server.objects("us-ashburn-1", BUCKET)).isEmpty();

            String fixed = publishing(sim, SMTP.getSmtp().getPort(), null);
            MainTest.Run next = daily(sim, fixed, "2026-11-02");
            assertThat(next.exitCode()).isZero();
            assertThat(next.out()).contains("2026-11-01: uploaded 4 files").contains("2026-11-02: uploaded 4 files")
                    .contains("2026-11-01: mailed").contains("2026-11-02: mailed");
            assertThat(sim.server.objects("us-ashburn-1", BUCKET)).hasSize(8);
            assertThat(subjects()).hasSize(2);
        }
    }

    /**
     * A recipient the mail server refuses: the others get the mail, the night exits 1 naming the refused one, and the
     * mail is not sent again to those who got it.
     */
    @Test
    void aRefusedRecipientIsNamedAndTheOthersGetTheMailOnce() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture();
             ScriptedSmtp server = new ScriptedSmtp(0, "250 OK", "typo@example.com")) {
            Path config = Path.of(publishing(sim, server.port(), null));
            Files.writeString(config, Files.readString(config).replace("    username: " + USER + "\n", "")
                    .replace("    password: " + PASSWORD + "\n", "")
                    .replace("to: [ops@example.com]", "to: [typo@example.com, ops@example.com]"));
            MainTest.Run night = daily(sim, config.toString(), "2026-11-01");
            assertThat(night.exitCode()).isEqualTo(1);
            assertThat(server.received()).isNotEmpty();
            assertThat(night.err()).contains("ocidiff: 2026-11-01: the SMTP server 127.0.0.1:" + server.port()
                    + " refused typo@example.com (550 5.1.1 <typo@example.com>: Recipient address rejected: User"
                    + " unknown) and took the mail for ops@example.com, to whom it is not sent again; correct or remove"
                    + " it in publish.email.to");
            assertThat(night.out()).doesNotContain("mailed to");

            MainTest.Run again = daily(sim, config.toString(), "2026-11-01");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("published by an earlier run").contains("mailed");
        }
    }

    /** A mistyped publish region fails the upload as what it is, not as a namespace or a policy. */
    /** The report cannot be written (reports.dir is a file): the one error line says the snapshot is saved. */
    @Test
    void aReportThatCannotBeWrittenSaysTheSnapshotIsSaved() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            Path file = Files.writeString(sim.dir.resolve("reports"), "x");
            String config = sim.writeConfig("").toString();
            MainTest.Run night = daily(sim, config, "2026-11-01");
            assertThat(night.exitCode()).isEqualTo(1);
            assertThat(night.err()).startsWith("ocidiff: cannot write the report ").hasLineCount(1)
                    .endsWith("(today's snapshot 1, COMPLETE, is saved; once that is fixed, `ocidiff daily` makes and"
                            + " publishes its report)\n");
            Files.delete(file);
            MainTest.Run again = daily(sim, config, "2026-11-01");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("today's snapshot 1 is COMPLETE with").contains("; kept");
            assertThat(file.resolve("2026-11-01/report.json")).exists();
        }
    }

    @Test
    void aPublishRegionTheTenancyDoesNotSubscribeToIsNamed() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = publishing(sim, SMTP.getSmtp().getPort(), null);
            Path typo = sim.dir.resolve("typo.yaml");
            Files.writeString(typo, Files.readString(Path.of(config)).replace("    bucket: " + BUCKET + "\n",
                    "    bucket: " + BUCKET + "\n    region: us-nowhere-9\n"));
            MainTest.Run night = daily(sim, typo.toString(), "2026-11-01");
            assertThat(night.exitCode()).isEqualTo(1);
            assertThat(night.err()).contains("2026-11-01: upload to Object Storage failed, retried on the next run:"
                    + " publish.objectStorage.region us-nowhere-9 is not a region this tenancy subscribes to"
                    + " (us-ashburn-1, eu-frankfurt-1); name one of them, or leave it out for the home region");
            assertThat(night.out()).contains("2026-11-01: mailed to ops@example.com");
        }
    }

    /** The upload went through, the mail did not: the mail sent on the next run links to the bucket. */
    @Test
    void aRetriedMailLinksToTheReportUploadedBefore() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            MainTest.Run mailFailed = daily(sim, publishing(sim, 1, null), "2026-11-01");
            assertThat(mailFailed.exitCode()).isEqualTo(1);
            assertThat(mailFailed.out()).contains("2026-11-01: uploaded 4 files to bucket " + BUCKET
                    + " as ocidiff/2026/11/01/*\n");
            assertThat(daily(sim, publishing(sim, SMTP.getSmtp().getPort(), null), "2026-11-02").exitCode()).isZero();
            MimeMessage first = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> subject(m).contains("2026-11-01")).findFirst().orElseThrow();
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(first))
                    .contains("/b/" + BUCKET + "/o/").doesNotContain(sim.dir.toString());
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * keepDays 1: the night of 11-02 prunes what is older than that day, but not snapshot 1, which its report
     * compares with. Its upload failed; the re-run makes that same report again and publishes it, where it made a
     * first run's inventory once the base was gone.
     */
    @Test
    void retentionKeepsTheSnapshotTheReportsOfTheDaysKeptCompareWith() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String broken = keepingOneDay(publishing(sim, 1, "no-such-namespace"));
            assertThat(daily(sim, broken, "2026-11-01").exitCode()).isEqualTo(1);
            MainTest.Run failed = daily(sim, broken, "2026-11-02");
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.out()).contains("pruned 0 snapshots");

            String fixed = keepingOneDay(publishing(sim, SMTP.getSmtp().getPort(), null));
            MainTest.Run retried = daily(sim, fixed, "2026-11-02");
            assertThat(retried.exitCode()).as(retried.err()).isZero();
            assertThat(retried.out()).contains("2026-11-02: uploaded 4 files").doesNotContain("first run");
            JsonNode report = JSON.readTree(sim.server.objects("us-ashburn-1", BUCKET).get("ocidiff/2026/11/02/report.json"));
            assertThat(report.at("/from/snapshotId").asLong()).isEqualTo(1);
            assertThat(report.path("changes")).isNotEmpty();

            // Published reports that retention cannot prune fail the night, as they fail prune itself.
            Path bucketGone = sim.dir.resolve("bucket-gone.yaml");
            Files.writeString(bucketGone, Files.readString(Path.of(fixed)).replace(BUCKET, "no-such-bucket"));
            MainTest.Run unpruned = daily(sim, bucketGone.toString(), "2026-11-02");
            assertThat(unpruned.exitCode()).as(unpruned.out() + unpruned.err()).isEqualTo(1);
            assertThat(unpruned.err()).contains("ocidiff: published reports not pruned: ");
        }
    }

    private static String keepingOneDay(String config) throws Exception {
        Files.writeString(Path.of(config), "retention:\n  keepDays: 1\n", StandardOpenOption.APPEND);
        return config;
    }

    @Test
    void pruningKeepsTheHistoryThatRemainsExact() throws Exception {
        try (SimHarness sim = SimHarness.goldenFixture()) {
            String config = sim.writeConfig("").toString();
            for (String day : List.of("2026-11-01", "2026-11-02", "2026-11-03")) {
                assertThat(daily(sim, config, day).exitCode()).isIn(0, 4);
            }
            assertThat(sim.dir.resolve("reports/2026-11-01")).isDirectory();
            // Files ocidiff did not write stay, and so do their folders; a report a crash left half-written goes.
            Path notes = Files.writeString(sim.dir.resolve("reports/2026-11-02/triage-notes.txt"), "look at web-2");
            Path otherTool = Files.createDirectories(sim.dir.resolve("reports/2026-10-01")).resolve("export.csv");
            Files.writeString(otherTool, "a,b");
            Files.writeString(sim.dir.resolve("reports/2026-11-01/.report.json4242.tmp"), "{");

            MainTest.Run dry = run("--config", config, "prune", "--keep-days", "1", "--dry-run");
            assertThat(dry.out()).contains("would remove snapshot 1 (2026-11-01, COMPLETE)")
                    .doesNotContain("snapshot 2 ").contains("would prune 1 snapshots").doesNotContain("store rewritten");
            assertThat(run("--config", config, "snapshots", "--format", "json").out()).contains("\"snapshotId\" : 1,");

            // Today is long after the fixture: only the latest COMPLETE snapshot (2) and what follows stay.
            MainTest.Run pruned = run("--config", config, "prune", "--keep-days", "1");
            assertThat(pruned.exitCode()).isZero();
            assertThat(pruned.out()).contains("removed snapshot 1 (2026-11-01, COMPLETE)");
            // What snapshot 1 alone held is dead now: closing the store rewrote the file, and says so last.
            assertThat(pruned.out().lines().reduce((a, b) -> b)).hasValueSatisfying(last ->
                    assertThat(last).matches("store rewritten compactly: [\\d.,]+ MB -> [\\d.,]+ MB \\(\\d+% of it was dead\\) in [\\d.]+ s"));
            assertThat(sim.dir.resolve("reports/2026-11-01")).doesNotExist();
            assertThat(pruned.out()).contains("removed " + sim.dir.resolve("reports/2026-11-01") + "\n")
                    .contains("removed the reports in " + sim.dir.resolve("reports/2026-11-02") + ", not the folder: it"
                            + " holds files ocidiff did not write\n")
                    .doesNotContain("2026-10-01");
            try (var left = Files.list(sim.dir.resolve("reports/2026-11-02"))) {
                assertThat(left).containsExactly(notes);
            }
            assertThat(otherTool).hasContent("a,b");

            MainTest.Run across = run("--config", config, "diff", "--from", "2026-11-01", "--to", "2026-11-03");
            assertThat(across.exitCode()).isEqualTo(2);
            assertThat(across.err()).contains("--from 2026-11-01: no such snapshot; nearest: 2 (2026-11-02, COMPLETE)");

            Path inside = sim.dir.resolve("inside.json");
            assertThat(run("--config", config, "diff", "--from", "2026-11-02", "--to", "2026-11-03", "--out",
                    inside.toString()).exitCode()).isZero();
            Golden.assertMatches("e2e/2026-11-03.json", Golden.stable(Files.readString(inside)));
        }
    }
}

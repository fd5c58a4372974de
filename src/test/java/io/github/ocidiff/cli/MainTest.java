package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.ReportSchema;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, output. */
class MainTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** An Error passes picocli's handler: a full heap still ends in one line that says what to do, not a trace. */
    @Test
    void runningOutOfMemoryIsOneLineNamingTheHeapAndALargerOne() {
        assertThat(Main.outOfMemory(512L * 1024 * 1024)).isEqualTo("out of memory: the Java heap (512 MB at most) filled"
                + " up; what it was writing is not visible, and the next run discards it or takes it up again; run it with"
                + " a larger heap, e.g. OCIDIFF_JAVA_OPTS=\"-XX:+UseParallelGC -Xmx1024m\" ./ocidiff ... (or java -Xmx1024m"
                + " -jar ocidiff.jar ...)");
        assertThat(Main.outOfMemory(6_000L * 1024 * 1024)).contains("(6000 MB at most)", "-Xmx8192m");
    }

    @Test
    void versionAndHelpExitZero() {
        assertThat(run("--version")).satisfies(r -> {
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("ocidiff ");
        });
        assertThat(run("--help").out()).contains("check").contains("--config").contains("--store");
    }

    /**
     * A command list shows each command's first line: without a header that was the first line of its
     * description, cut mid-sentence ("The nightly job: ..., the report against the previous COMPLETE snapshot").
     */
    @Test
    void everyCommandListSumsUpEachCommandInOneWholeSentence() {
        List<String> lists = List.of(run("--help").out(), run("baseline", "--help").out(), run("evidence", "--help").out());
        List<String> entries = lists.stream()
                .flatMap(help -> help.substring(help.indexOf("Commands:")).lines().skip(1))
                .toList();
        assertThat(entries).hasSize(14 + 4 + 1).allSatisfy(line -> assertThat(line)
                .as("one line per command, a whole sentence").matches("  [a-z]+ +[A-Z].*\\.$"));
        assertThat(run("daily", "--help").out()).startsWith("The nightly job: snapshot, report, publish, prune.");
    }

    /** A script that lost its command fails, rather than print the help and pass. */
    @Test
    void noCommandIsAUsageErrorListingThem() {
        Run root = run();
        assertThat(root.exitCode()).isEqualTo(2);
        assertThat(root.out()).isEmpty();
        assertThat(root.err()).startsWith("ocidiff: name a command: daily, snapshot, snapshots, diff, history,");
        Run baseline = run("baseline");
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).startsWith("ocidiff: name a command: set, list, show, rm\n")
                .contains("Run 'ocidiff baseline --help' for usage.");
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestion() {
        Run r = run("chek");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'chek'").contains("did you mean check?");
    }

    /** Snapshots are added in time order: one dated years ahead would refuse every night until then. */
    @Test
    void aRunDatedAheadOfTheClockIsRefusedBeforeItTouchesAnything(@TempDir Path dir) {
        String store = dir.resolve("ocidiff").toString();
        for (String[] args : List.of(new String[] {"snapshot", "--at", "2062-11-05T23:59:59Z"},
                new String[] {"daily", "--at", "+999999999-12-31T23:59:59Z"},
                new String[] {"import", "--date", "2099-01-01", "us-ashburn-1.json"})) {
            Run r = run(Stream.concat(Stream.of("--store", store), Stream.of(args))
                    .toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("ocidiff: " + args[1] + " " + args[2]
                    + " is later than now (").contains("snapshots are added in time order").hasLineCount(1);
        }
        assertThat(dir).isEmptyDirectory();
    }

    /**
     * A simulator without auth (for curl) still writes its config.yaml, with its own port: one an earlier simulator left
     * in the folder would name a port long closed. ocidiff's signed requests pass as curl's unsigned ones do.
     */
    @Test
    void aSimulatorWithoutAuthWritesTheConfigOfItsOwnPort(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "oci:\n  endpoint: http://127.0.0.1:1/{region}\n");
        withSimulator(lines -> {
            String endpoint = lines.get("  endpoint  ");
            String config = lines.get("  try       ocidiff --config ").replaceAll(" check$", "");
            assertThat(config).isEqualTo(dir.resolve("config.yaml").toString());
            assertThat(Files.readString(Path.of(config))).contains("endpoint: " + endpoint);
            assertThat(run("--config", config, "check").exitCode()).isZero();
        }, "--insecure-no-auth", "--workdir", dir.toString());
    }

    /** A bucket made with the simulator is there for the report bucket's check; one not made is not. */
    @Test
    void aSimulatorMakesTheBucketsItIsToldTo(@TempDir Path dir) throws Exception {
        withSimulator(lines -> {
            assertThat(lines.get("  buckets   ")).startsWith("ocidiff-reports, archive in us-ashburn-1 (namespace ");
            String config = lines.get("  try       ocidiff --config ").replaceAll(" check$", "");
            Files.writeString(Path.of(config), Files.readString(Path.of(config))
                    + "publish:\n  objectStorage:\n    bucket: ocidiff-reports\n");
            Run made = run("--config", config, "check");
            assertThat(made.exitCode()).isZero();
            assertThat(made.out()).contains("listed: no reports yet under ocidiff/");
            Files.writeString(Path.of(config), Files.readString(Path.of(config)).replace("bucket: ocidiff-reports",
                    "bucket: other"));
            assertThat(run("--config", config, "check").out()).contains("reports bucket   FAILED\n  bucket other not found");
        }, "--workdir", dir.toString(), "--bucket", "ocidiff-reports", "--bucket", "archive");
    }

    /** Without auth, a public key given is not checked either: curl's unsigned requests pass. */
    @Test
    void aSimulatorWithoutAuthAndAPublicKeyAnswersUnsignedRequests(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded()));
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Files.readString(key) + "\n-----END PUBLIC KEY-----\n");
        withSimulator(lines -> {
            String base = lines.get("OCI simulator listening on ");
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/us-ashburn-1/20160918/regionSubscriptions?tenancyId=x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isNotEqualTo(401);
        }, "--insecure-no-auth", "--public-key", key.toString());
    }

    /** What a started simulator printed before "Press Ctrl-C", by line start (the rest of the line). */
    private interface SimLines {
        void check(Map<String, String> lines) throws Exception;
    }

    /** Runs {@code sim ARGS} on the small fixture in a thread until {@code check} is done. */
    private static void withSimulator(SimLines check, String... args) throws Exception {
        PipedWriter sink = new PipedWriter();
        BufferedReader out = new BufferedReader(new PipedReader(sink, 1 << 16));
        List<String> command = new ArrayList<>(List.of("sim", "--fixtures",
                "src/test/resources/fixtures/small"));
        command.addAll(List.of(args));
        Thread sim = new Thread(() -> Main.run(command.toArray(String[]::new), new PrintWriter(sink, true),
                new PrintWriter(new StringWriter(), true)));
        sim.start();
        try {
            Map<String, String> lines = new HashMap<>();
            for (String line = out.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = out.readLine()) {
                for (String start : List.of("OCI simulator listening on ", "  endpoint  ", "  buckets   ",
                        "  try       ocidiff --config ")) {
                    if (line.startsWith(start)) {
                        lines.put(start, line.substring(start.length()).trim());
                    }
                }
            }
            check.check(lines);
        } finally {
            sim.interrupt();
            sim.join(10_000);
        }
    }

    /** A missing file, or a file where a folder belongs, is said so, not as whatever failed next. */
    @Test
    void aMissingFileOrAFileForAFolderIsSaidSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        assertThat(run("import", "--date", "2026-11-01", dir.resolve("nosuch.json").toString()).err())
                .isEqualTo("ocidiff: " + dir.resolve("nosuch.json") + ": not found\n");
        assertThat(run("sim", "--workdir", file.toString()).err())
                .isEqualTo("ocidiff: --workdir " + file + " is a file, not a folder\n");
        assertThat(run("sim", "--public-key", dir.resolve("nosuch.pem").toString()).err())
                .startsWith("ocidiff: --public-key " + dir.resolve("nosuch.pem") + ": no such file;");
        assertThat(run("replay", "--fixtures", file.toString()).err())
                .contains("fixture folder " + file + " is a file, not a folder");
    }

    /** A mistyped region made a snapshot of a region no other has, the real one not collected. */
    @Test
    void anImportsRegionMustBeAnOciRegionIdentifier(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("us-gov-ashburn-1.json"), "[]");
        String store = dir.resolve("ocidiff").toString();
        for (String region : List.of("us-ashburn1", "not a region!")) {
            Run r = run("--store", store, "import", "--date", "2026-11-01", "--region", region, file.toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("ocidiff: --region " + region + ": not an OCI region identifier; write it"
                    + " like us-ashburn-1\n");
        }
        assertThat(Path.of(store + ".mv.db")).doesNotExist();
        // Told by the file's name, a three-part region too.
        assertThat(run("--store", store, "import", "--date", "2026-11-01", file.toString()).out())
                .contains("snapshot 1 of 2026-11-01");
    }

    /** --tenancy names the store's tenancy, the files show another's root: refused, nothing imported. */
    @Test
    void anImportWhoseFilesShowAnotherTenancyThanTenancyNamesIsRefused(@TempDir Path dir) throws IOException {
        Path fixture = Path.of("src/test/resources/fixtures/small/days/2026-11-01/resources/us-ashburn-1.json");
        Path file = Files.copy(fixture, dir.resolve("us-ashburn-1.json"));
        String store = dir.resolve("ocidiff").toString();
        Run r = run("--store", store, "import", "--date", "2026-11-01", "--tenancy", "ocid1.tenancy.oc1..other",
                file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("ocidiff: --tenancy ocid1.tenancy.oc1..other, but the imported files' resources"
                + " show the root compartment ocid1.tenancy.oc1..aaaaaaaafixturetenancy, another tenancy's: import"
                + " that tenancy's files, or leave --tenancy out\n");
        assertThat(Path.of(store + ".mv.db")).doesNotExist();

        // Two files of two tenancies in one call.
        Path other = Files.writeString(dir.resolve("eu-frankfurt-1.json"), Files.readString(fixture)
                .replace("ocid1.tenancy.oc1..aaaaaaaafixturetenancy", "ocid1.tenancy.oc1..other")
                .replace(".iad.", ".eu-frankfurt-1."));
        Run two = run("--store", store, "import", "--date", "2026-11-01", file.toString(), other.toString());
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).contains("files of two tenancies").hasLineCount(1);
        assertThat(Path.of(store + ".mv.db")).doesNotExist();
    }

    @Test
    void aBadDateOrTimeNamesTheOptionAndTheFormat() {
        for (String date : List.of("2026-11-2", "2026-02-30", "yesterday")) {
            Run r = run("import", "--date", date, "us-ashburn-1.json");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().lines().findFirst()).contains("ocidiff: Invalid value for option '--date': '" + date
                    + "' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-05");
        }
        Run r = run("snapshot", "--at", "2026-11-05 23:00");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst()).contains("ocidiff: Invalid value for option '--at': '2026-11-05 23:00'"
                + " is not a time; write it as RFC 3339, e.g. 2026-11-05T23:59:59Z");
    }

    @Test
    void aMissingConfigFileIsOneLineAndExitTwo(@TempDir Path dir) {
        Run r = run("--config", dir.resolve("nope.yaml").toString(), "check");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("nope.yaml").contains("not found");
    }

    /** Reading where no store is used to make an empty one there, and say it held no snapshots. */
    @Test
    void aCommandThatReadsTheStoreRefusesAPathWhereNoneIsAndCreatesNothing(@TempDir Path dir) {
        Path missing = dir.resolve("typo/ocidiff");
        for (List<String> command : List.of(List.of("snapshots"), List.of("diff", "--no-audit"), List.of("history",
                "ocid1.instance.oc1..a"), List.of("baseline", "list"), List.of("prune", "--keep-days", "9"),
                List.of("evidence", "--out", dir.resolve("pack.zip").toString()))) {
            List<String> args = new ArrayList<>(List.of("--store", missing.toString()));
            args.addAll(command);
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command.toString()).isEqualTo(2);
            assertThat(r.err()).as(command.toString()).startsWith("ocidiff: there is no store at " + missing
                    + ".mv.db: 'ocidiff daily' or 'ocidiff snapshot' makes it there; else point --store (or store.path"
                    + " of ").endsWith(") at the store's file\n").hasLineCount(1);
        }
        assertThat(dir.resolve("typo")).doesNotExist();
        assertThat(run("--store", "", "snapshots").err())
                .isEqualTo("ocidiff: --store is empty; give it the store's file, e.g. --store snapshots/ocidiff.mv.db\n");
    }

    /** Users copy the store's file name from a listing: it names the store, not a new one beside it. */
    @Test
    void theStoresFileNameNamesTheStore(@TempDir Path dir) {
        Path prefix = dir.resolve("ocidiff");
        io.github.ocidiff.store.Store.open(prefix).close();
        Run r = run("--store", prefix + ".mv.db", "snapshots");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("no snapshots yet");
        assertThat(Path.of(prefix + ".mv.db.mv.db")).doesNotExist();
        // Its folder names the store of the default name in it, not a new one beside the folder.
        Run folder = run("--store", dir.toString(), "snapshots");
        assertThat(folder.exitCode()).as(folder.err()).isZero();
        assertThat(folder.out()).contains("no snapshots yet");
        assertThat(Path.of(dir + ".mv.db")).doesNotExist();
    }

    @Test
    void anUnknownConfigKeyNamesItAndSuggestsTheRightOne(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "regoins:\n  include: [us-ashburn-1]\n");
        Run r = run("--config", config.toString(), "check");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("ocidiff: " + config + ": unknown key \"regoins\"; did you mean \"regions\"?");
    }

    @Test
    void checkAgainstTheSimulatorReportsEveryRegion() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Run r = run("--config", sim.writeConfig("").toString(), "check");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("acme-fixture").contains("compartments 4 active, 4 covered by the configuration")
                    .containsPattern("us-ashburn-1 +OK +6 resources in the region \\(1 page, \\d+ ms\\); audit readable; details"
                            + " read \\(Bucket, NetworkSecurityGroup, Policy, SecurityList\\)\n")
                    .containsPattern("eu-frankfurt-1 +OK +1 resource in the region \\(1 page, \\d+ ms\\); audit readable\n");
        }
    }

    /** Compartments the configuration names that a snapshot would refuse: the check refuses them too, as it does. */
    @Test
    void checkRefusesTheCompartmentsASnapshotWould() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Run r = run("--config", sim.writeConfig("compartments:\n  include: [nope]\n").toString(), "check");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("ocidiff: compartments.include: no ACTIVE compartment \"nope\"; use an OCID, a"
                    + " name or a path such as prod/app\n");
            Run all = run("--config", sim.writeConfig("compartments:\n  include: [prod]\n  exclude: [prod]\n").toString(),
                    "check");
            assertThat(all.exitCode()).isEqualTo(2);
            assertThat(all.err()).contains("nothing is left to cover");
        }
    }

    /** A type whose details a snapshot reads but the caller may not: the check fails naming the permission. */
    @Test
    void checkNamesAPermissionThatReadingDetailsLacks() {
        FaultPlan faults = FaultPlan.none().withReadDenied(Set.of("Bucket", "Policy"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            Run r = run("--config", sim.writeConfig("").toString(), "check");
            assertThat(r.exitCode()).isEqualTo(1);
            // Policies need no read: their compartment's list shows them in full.
            assertThat(r.out()).containsPattern("us-ashburn-1 +FAILED\n  details of Bucket ocid1.bucket.oc1.iad.aaaaaaaabucket:"
                    + " Bucket GET in us-ashburn-1 failed: 404 BucketNotFound")
                    .contains("grant read on them (e.g. `allow group <group> to read buckets in tenancy`)")
                    .doesNotContain("details of Policy").containsPattern("eu-frankfurt-1 +OK");
            assertThat(r.err().trim()).isEqualTo("ocidiff: check failed in [us-ashburn-1]");
        }
    }

    @Test
    void checkWithARegionDownExitsOneNamingIt() {
        FaultPlan faults = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            Run r = run("--config", sim.writeConfig("").toString(), "check");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).containsPattern("eu-frankfurt-1 +FAILED").contains("503 ServiceUnavailable");
            assertThat(r.err().trim()).isEqualTo("ocidiff: check failed in [eu-frankfurt-1]");
        }
    }

    @Test
    void checkAsAnInstancePrincipalAuthenticatesWithTheInstanceCertificate() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Run r = run("--config", sim.writeInstancePrincipalConfig(sim.server.instanceMetadataUrl()).toString(), "check");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("credentials  instance principal in us-ashburn-1")
                    .containsPattern("us-ashburn-1 +OK +6 resources").containsPattern("eu-frankfurt-1 +OK");
        }
    }

    @Test
    void anInstancePrincipalOffAnInstanceIsOneLineWithTheFix() {
        String url = SimHarness.refusingUrl() + "/opc/v2/";
        try (SimHarness sim = SimHarness.smallFixture()) {
            Run r = run("--config", sim.writeInstancePrincipalConfig(url).toString(), "check");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).startsWith("ocidiff: instance principal authentication failed: cannot reach the instance"
                    + " metadata service at " + url).contains("; run on an OCI instance or use auth.mode config_file");
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerIsOneLineNamingItAndTheFix() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String config = sim.writeConfig("").toString();
            sim.server.close();
            Run r = run("--config", config, "snapshot", "--quiet");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.err()).startsWith("ocidiff: Identity in us-ashburn-1 failed: connection failed: Connect to 127.0.0.1:")
                    .contains("Connection refused")
                    .contains("; check the network (a proxy, a firewall) and oci.endpoint if the config sets it")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void demoRunsAgainstTheEmbeddedSimulatorWithoutAnAccount(@TempDir Path dir) throws IOException {
        Run r = run("demo", "--workdir", dir.toString(), "--resources", "500");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("acme-sim").containsPattern("us-ashburn-1 +OK").containsPattern("uk-london-1 +OK");
        assertThat(dir.resolve("oci_api_key.pem")).exists();
        assertThat(r.out()).contains("2026-11-01: first run, an inventory of")
                .containsPattern("2026-11-02: \\d+ created, \\d+ deleted, \\d+ modified, \\d+ moved")
                .contains("2026-11-05: ").contains("coverage INCOMPLETE")
                // the night after the outage reads the outage night's Audit again rather than reuse its partial evidence
                .containsPattern("2026-11-06: [^\\n]*; 0 unattributed; coverage complete")
                .contains("HTML report of the last night: " + dir.resolve("reports/2026-11-07/report.html"))
                .contains("ocidiff-reports: 28 objects")
                .containsPattern("drift from baseline demo-approved \\(snapshot 1, 2026-11-01T[^)]+\\) to snapshot 7 "
                        + "\\([^)]+\\): [1-9]\\d* unwaived, \\d+ waived, [1-9]\\d* suppressed\n")
                .contains("Drift from the first night's baseline: " + dir.resolve("drift/report.html"));
        JsonNode drift = new ObjectMapper().readTree(dir.resolve("drift/report.json").toFile());
        assertThat(ReportSchema.validate(drift)).isEmpty();
        assertThat(drift.path("rules").path("waivers").get(0).path("state").asText()).isEqualTo("EXPIRED");
        // The outage night says what it could not see, and the report marks it.
        assertThat(r.err()).contains("2026-11-05: warning: Audit could not be read");
        for (String format : List.of("json", "html", "md", "csv")) {
            assertThat(dir.resolve("reports/2026-11-07/report." + format)).isNotEmptyFile();
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("reports/2026-11-07/report.json").toFile());
        assertThat(ReportSchema.validate(report)).isEmpty();
        assertThat(report.path("changes").size()).isPositive();

        Run again = run("demo", "--workdir", dir.toString(), "--resources", "500");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("ocidiff: --workdir " + dir + " holds an earlier demo's store: the demo replays"
                + " its week into a new one; name a new folder, or delete that one\n");
    }

    @Test
    void badGeneratorOptionsAreUsageErrors() {
        Run r = run("demo", "--resources", "-5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("ocidiff: --resources must be between 0 and ").endsWith(", got -5\n");
        assertThat(run("sim", "--depth", "99").err()).startsWith("ocidiff: --depth must be between 0 and ");
        assertThat(run("sim", "--regions", "mars-north-1").err())
                .startsWith("ocidiff: --regions: unknown region 'mars-north-1'; allowed: ");
    }

    @Test
    void badSimOptionsNameTheOptionAndWriteNothing(@TempDir Path dir) throws IOException {
        Run r = run("sim", "--workdir", dir.toString(), "--error-rate", "2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("ocidiff: --error-rate must be a fraction from 0 to 1, got 2.0\n");
        assertThat(run("sim", "--workdir", dir.toString(), "--max-query-length", "-1").err())
                .isEqualTo("ocidiff: --max-query-length must be >= 0 (0 for no limit), got -1\n");
        Run port = run("sim", "--workdir", dir.toString(), "--port", "99999");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("ocidiff: --port 99999: a port from 1 to 65535, or 0 for any free one\n");
        // Faults naming what the tenancy has none of would silently not happen.
        assertThat(run("sim", "--workdir", dir.toString(), "--region-down", "mars-1").err())
                .startsWith("ocidiff: --region-down mars-1: the simulated tenancy has no such region (us-ashburn-1, ");
        assertThat(run("sim", "--workdir", dir.toString(), "--fail-compartment", "ocid1.compartment.oc1..nope").err())
                .isEqualTo("ocidiff: --fail-compartment ocid1.compartment.oc1..nope: the simulated tenancy has no such"
                        + " compartment; name one by its OCID\n");
        assertThat(run("sim", "--workdir", dir.toString(), "--deny-read", "Bukcet").err())
                .isEqualTo("ocidiff: --deny-read Bukcet: not a type whose details a snapshot reads (Policy, SecurityList,"
                        + " NetworkSecurityGroup, Bucket)\n");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void stackTracesOnlyWithVerbose(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "auth:\n  configFile: " + dir.resolve("missing") + "\n");
        assertThat(run("--config", config.toString(), "check").err()).doesNotContain("\tat ");
        assertThat(run("--config", config.toString(), "--verbose", "check").err()).contains("\tat ");
    }
}

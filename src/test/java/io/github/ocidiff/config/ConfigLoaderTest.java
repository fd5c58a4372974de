package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path HOME = Path.of("/home/tester");

    private final ConfigLoader loader = new ConfigLoader(name -> null, HOME);

    @TempDir
    Path dir;

    @Test
    void loadsEveryKeyOfAFullFile() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/config/full.yaml").toURI());

        Config config = loader.load(file);

        assertThat(config).isEqualTo(new Config(
                new AuthConfig(AuthMode.INSTANCE_PRINCIPAL, HOME.resolve("oci/alt-config"), "PROD", true,
                        "http://127.0.0.1:9000/opc/v2/", "https://auth-proxy.example.com/{region}"),
                new Selection(List.of("us-ashburn-1", "eu-frankfurt-1"), List.of("us-phoenix-1")),
                new Selection(List.of("prod/app", "ocid1.compartment.oc1..aaaa"), List.of("sandbox")),
                new StoreConfig(Path.of("/var/lib/ocidiff/store")),
                new ReportsConfig(Path.of("out/reports")),
                new SnapshotConfig(List.of("Policy", "Bucket")),
                new OciConfig("http://127.0.0.1:8080/{region}", 8, new ServiceConcurrency(8, 8, 12, 16, 8), Duration.ofMillis(500), Duration.ofMinutes(2),
                        new RetryConfig(3, Duration.ofMillis(200), Duration.ofHours(1), Duration.ofSeconds(90))),
                new PublishConfig(
                        new ObjectStorageConfig("reports-bucket", "mytenancy", "nightly/", "eu-frankfurt-1"),
                        new EmailConfig(true, "smtp.email.us-ashburn-1.oci.oraclecloud.com", 25, "ocid1.user.oc1..smtp",
                                "s3cret", "ocidiff@example.com", List.of("ops@example.com", "audit@example.com"), false, 5, false, "[acme]", 10)),
                new RetentionConfig(90),
                new RulesConfig(List.of(
                        new IgnoreRule("Instance", "/freeformTags/LastScanned", "set nightly by the scanner"),
                        new IgnoreRule("*", "/definedTags/*/CreatedOn", "stamped by tag defaults")), List.of(), List.of()),
                Optional.of(file)));
    }

    @Test
    void enrichmentAcceptsOnlyKnownTypesAndCanBeTurnedOff() {
        assertThat(loader.parse("snapshot:\n  enrich: []\n", "config.yaml").snapshot().enrich()).isEmpty();
        assertThat(Config.defaults(HOME).snapshot().enrich())
                .containsExactly("Policy", "SecurityList", "NetworkSecurityGroup", "Bucket");
        assertThatThrownBy(() -> loader.parse("snapshot:\n  enrich: [Instance]\n", "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("snapshot.enrich").hasMessageContaining("Instance");
    }

    @Test
    void emptyFileGivesDefaults() {
        assertThat(loader.parse("", "config.yaml")).isEqualTo(Config.defaults(HOME));
    }

    @Test
    void sectionWithNoKeysGivesItsDefaults() {
        Config config = loader.parse("""
                oci:
                  # everything commented out
                publish:
                """, "config.yaml");

        assertThat(config).isEqualTo(Config.defaults(HOME));
    }

    @Test
    void substitutesEnvironmentVariablesInEveryScalar() {
        ConfigLoader withEnv = new ConfigLoader(
                Map.of("SMTP_HOST", "smtp.example.com", "ENVIRONMENT", "prod", "REGION", "eu-frankfurt-1")::get, HOME);

        Config config = withEnv.parse("""
                regions: {include: ["${REGION}"]}
                publish:
                  objectStorage: {prefix: "${ENVIRONMENT}/daily/"}
                  email: {host: "${SMTP_HOST}", port: "${SMTP_PORT:-2525}"}
                """, "config.yaml");

        assertThat(config.regions().include()).containsExactly("eu-frankfurt-1");
        assertThat(config.publish().objectStorage().prefix()).isEqualTo("prod/daily/");
        assertThat(config.publish().email().host()).isEqualTo("smtp.example.com");
        assertThat(config.publish().email().port()).isEqualTo(2525);
    }

    /** A secret in the wrong key: the error says what the file wrote, not what the environment holds. */
    @Test
    void anInvalidValueFromTheEnvironmentIsShownAsWritten() {
        ConfigLoader withEnv = new ConfigLoader(Map.of("OCIDIFF_SMTP_PASSWORD", "s3cr3t-P@ss")::get, HOME);
        assertThatThrownBy(() -> withEnv.parse("publish: {email: {port: '${OCIDIFF_SMTP_PASSWORD}'}}", "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("publish.email.port: must be")
                .hasMessageEndingWith("got \"${OCIDIFF_SMTP_PASSWORD}\" (its variables not shown)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void unsetVariableWithoutDefaultNamesKeyAndVariable() {
        assertThatThrownBy(() -> loader.parse("publish: {email: {password: '${OCIDIFF_SMTP_PASSWORD}'}}", "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.password: environment variable OCIDIFF_SMTP_PASSWORD is not set;"
                        + " export it or write ${OCIDIFF_SMTP_PASSWORD:-default}");
    }

    @Test
    void configErrorsExitWithUsageCode() {
        assertThatThrownBy(() -> loader.parse("regoins: []", "config.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE));
    }

    /** A service's own bound: the others keep concurrencyPerRegion; a misspelt service is named with the fix. */
    @Test
    void aServiceMayHaveABoundOfItsOwn() {
        Config config = loader.parse("""
                oci:
                  concurrencyPerRegion: 3
                  concurrency: {objectStorage: 16}
                """, "config.yaml");
        assertThat(config.oci().concurrency()).isEqualTo(new ServiceConcurrency(3, 3, 3, 16, 3));
        assertThatThrownBy(() -> loader.parse("oci:\n  concurrency: {objectstorage: 16}\n", "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: unknown key \"oci.concurrency.objectstorage\"; did you mean \"objectStorage\"?");
        assertThatThrownBy(() -> loader.parse("oci:\n  concurrency: {search: 0}\n", "config.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("oci.concurrency.search");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThatThrownBy(() -> loader.parse("""
                oci:
                  concurrencyPerRegion: 4
                 readTimeout: 60s
                """, "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: line 3, column 2: invalid YAML: expected <block end>")
                .hasMessageEndingWith("; check the indentation (spaces, not tabs) and quote values containing \": \" or \"#\"")
                .hasMessageNotContaining("\n");
    }

    @Test
    void repeatedKeyIsAnError() {
        assertThatThrownBy(() -> loader.parse("""
                store: {path: a}
                store: {path: b}
                """, "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: line 2, column 6: invalid YAML: Duplicate field 'store'");
    }

    @Test
    void topLevelScalarIsAnError() {
        assertThatThrownBy(() -> loader.parse("just text", "config.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: must be a map of keys (key: value lines), got \"just text\"");
    }

    @Test
    void loadRemembersTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("my.yaml"), "retention: {keepDays: 7}\n");

        Config config = loader.load(file);

        assertThat(config.retention().keepDays()).isEqualTo(7);
        assertThat(config.source()).contains(file);
    }

    @Test
    void explicitFileThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> loader.resolve(Path.of("missing.yaml"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file missing.yaml not found; create it or drop --config");
    }

    @Test
    void explicitFileWinsOverTheOthers() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "retention: {keepDays: 1}\n");
        Files.writeString(dir.resolve("other.yaml"), "retention: {keepDays: 2}\n");

        Config config = loader.resolve(Path.of("other.yaml"), dir);

        assertThat(config.retention().keepDays()).isEqualTo(2);
        assertThat(config.source()).contains(dir.resolve("other.yaml"));
    }

    @Test
    void workingDirectoryFileWinsOverTheUserFile() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(home.resolve(".ocidiff"));
        Files.writeString(home.resolve(".ocidiff/config.yaml"), "retention: {keepDays: 1}\n");
        Files.writeString(work.resolve("config.yaml"), "retention: {keepDays: 2}\n");

        Config config = new ConfigLoader(name -> null, home).resolve(null, work);

        assertThat(config.retention().keepDays()).isEqualTo(2);
        assertThat(config.source()).contains(work.resolve("config.yaml"));
    }

    @Test
    void userFileIsUsedWhenTheWorkingDirectoryHasNone() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(home.resolve(".ocidiff"));
        Files.writeString(home.resolve(".ocidiff/config.yaml"), "retention: {keepDays: 1}\n");

        Config config = new ConfigLoader(name -> null, home).resolve(null, work);

        assertThat(config.retention().keepDays()).isEqualTo(1);
        assertThat(config.source()).contains(home.resolve(".ocidiff/config.yaml"));
    }

    @Test
    void defaultsAreUsedWhenNoFileExists() {
        Config config = new ConfigLoader(name -> null, dir).resolve(null, dir);

        assertThat(config).isEqualTo(Config.defaults(dir));
        assertThat(config.source()).isEmpty();
    }

    @Test
    void errorsInAFoundFileNameItRelativeToWhereItWasFound() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "retention: {keepDays: -1}\n");

        assertThatThrownBy(() -> loader.resolve(null, dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: retention.keepDays: must be an integer from 0 to 36500, got \"-1\"");
    }
}

package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The typed reads and key checks, through the sections that use them. */
class SectionTest {

    private static final Path HOME = Path.of("/home/tester");

    private final ConfigLoader loader = new ConfigLoader(name -> null, HOME);

    private Config parse(String yaml) {
        return loader.parse(yaml, "config.yaml");
    }

    @Test
    void unknownTopLevelKeySuggestsTheClosestSection() {
        assertThatThrownBy(() -> parse("regoins: {include: [us-ashburn-1]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: unknown key \"regoins\"; did you mean \"regions\"?");
    }

    @Test
    void unknownNestedKeyNamesItsPathAndSuggestsTheClosestKeyThere() {
        assertThatThrownBy(() -> parse("oci: {retries: {baseDelay: 1m, maxDelay: 1s}}"))
                .hasMessage("config.yaml: oci.retries.maxDelay: must be at least baseDelay (1m), got \"1s\"");
        assertThatThrownBy(() -> parse("oci: {retries: {maxAtempts: 3}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: unknown key \"oci.retries.maxAtempts\"; did you mean \"maxAttempts\"?");
    }

    @Test
    void unknownKeyFarFromEveryValidKeyListsThem() {
        assertThatThrownBy(() -> parse("store: {database: x}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: unknown key \"store.database\"; valid keys here: path");
    }

    @Test
    void mapWhereAScalarIsExpectedIsAnError() {
        assertThatThrownBy(() -> parse("auth: {profile: {name: PROD}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: auth.profile: must be a string, got a map");
    }

    @Test
    void scalarWhereAMapIsExpectedIsAnError() {
        assertThatThrownBy(() -> parse("oci: fast"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: oci: must be a map of keys (key: value lines), got \"fast\"");
    }

    @Test
    void scalarWhereAListIsExpectedIsAnError() {
        assertThatThrownBy(() -> parse("regions: {include: us-ashburn-1}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: regions.include: must be a list of strings, like [a, b] or lines starting"
                        + " with \"- \", got \"us-ashburn-1\"");
    }

    @Test
    void mapInAListOfStringsIsAnError() {
        assertThatThrownBy(() -> parse("compartments: {exclude: [sandbox, {name: x}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: compartments.exclude[1]: must be a string, got a map");
    }

    @Test
    void durationsTakeAUnitOrMeanSeconds() {
        Config config = parse("oci: {connectTimeout: 250ms, readTimeout: 5m, retries: {maxDelay: 45, maxRetryAfter: 1h}}");

        assertThat(config.oci().connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.oci().readTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.oci().retries().maxDelay()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.oci().retries().maxRetryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badDurationIsAnError() {
        assertThatThrownBy(() -> parse("oci: {readTimeout: 10 minutes}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: oci.readTimeout: must be a duration from 1ms to 24h like 500ms, 10s, 5m, 1h,"
                        + " or a whole number of seconds, got \"10 minutes\"");
    }

    @Test
    void zeroDurationIsAnError() {
        assertThatThrownBy(() -> parse("oci: {connectTimeout: 0s}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: oci.connectTimeout: must be a duration from 1ms to 24h");
    }

    @Test
    void notANumberIsAnError() {
        assertThatThrownBy(() -> parse("oci: {retries: {maxAttempts: abc}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: oci.retries.maxAttempts: must be an integer from 1 to 20, got \"abc\"");
    }

    @Test
    void numberOutOfRangeIsAnError() {
        assertThatThrownBy(() -> parse("oci: {concurrencyPerRegion: 65}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: oci.concurrencyPerRegion: must be an integer from 1 to 64, got \"65\"");
    }

    @Test
    void fractionWhereAnIntegerIsExpectedIsAnError() {
        assertThatThrownBy(() -> parse("retention: {keepDays: 1.5}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: retention.keepDays: must be an integer from 0 to 36500, got \"1.5\"");
    }

    @Test
    void booleanMustBeTrueOrFalse() {
        assertThatThrownBy(() -> parse("auth: {allowInsecureKeyPermissions: maybe}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: auth.allowInsecureKeyPermissions: must be true or false, got \"maybe\"");
    }

    @Test
    void authModeIgnoresCaseAndAcceptsDashes() {
        assertThat(parse("auth: {mode: SESSION-TOKEN}").auth().mode()).isEqualTo(AuthMode.SESSION_TOKEN);
        assertThat(parse("auth: {mode: Resource_Principal}").auth().mode()).isEqualTo(AuthMode.RESOURCE_PRINCIPAL);
    }

    @Test
    void unknownAuthModeListsTheValidOnes() {
        assertThatThrownBy(() -> parse("auth: {mode: api_key}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: auth.mode: must be one of config_file, instance_principal, resource_principal,"
                        + " session_token, got \"api_key\"");
    }

    @Test
    void tildeInAPathIsTheUsersHome() {
        Config config = parse("auth: {configFile: ~/keys/oci.conf}\nstore: {path: '~'}"); // a bare ~ is YAML's null

        assertThat(config.auth().configFile()).isEqualTo(HOME.resolve("keys/oci.conf"));
        assertThat(config.store().path()).isEqualTo(HOME);
    }

    @Test
    void emptyOptionalStringIsUnset() {
        assertThat(parse("publish: {objectStorage: {bucket: ''}}").publish().objectStorage().bucket()).isNull();
    }
}

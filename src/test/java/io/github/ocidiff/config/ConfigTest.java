package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigTest {

    private static final Path HOME = Path.of("/home/tester");

    @Test
    void defaultsAreTheDocumentedValues() {
        Config config = Config.defaults(HOME);

        assertThat(config.auth()).isEqualTo(new AuthConfig(AuthMode.CONFIG_FILE, HOME.resolve(".oci/config"), "DEFAULT", false,
                null, null));
        assertThat(config.regions().include()).isEmpty();
        assertThat(config.compartments().exclude()).isEmpty();
        assertThat(config.store().path()).isEqualTo(Path.of("snapshots/ocidiff"));
        assertThat(config.reports().dir()).isEqualTo(Path.of("reports"));
        assertThat(config.oci()).isEqualTo(new OciConfig(null, 4, ServiceConcurrency.all(4), Duration.ofSeconds(10), Duration.ofSeconds(60),
                new RetryConfig(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60))));
        assertThat(config.publish().objectStorage()).isEqualTo(new ObjectStorageConfig(null, null, "ocidiff/", null));
        assertThat(config.publish().email().enabled()).isFalse();
        assertThat(config.publish().email().port()).isEqualTo(587);
        assertThat(config.publish().email().onlyWhenChanged()).isTrue();
        assertThat(config.publish().email().minChanges()).isZero();
        assertThat(config.publish().email().startTls()).isTrue();
        assertThat(config.publish().email().subjectPrefix()).isEqualTo("[ocidiff]");
        assertThat(config.retention().keepDays()).isZero();
        assertThat(config.rules().ignore()).isEmpty();
        assertThat(config.source()).isEmpty();
    }

    @Test
    void rootConfigYamlLoadsToExactlyTheDefaults() {
        Path file = Path.of("config.yaml"); // the documented defaults at the root of the repository

        Config loaded = new ConfigLoader(name -> null, HOME).load(file);

        assertThat(loaded).isEqualTo(Config.defaults(HOME).withSource(file));
    }

    @Test
    void withStorePathReplacesOnlyTheStore() {
        Config config = Config.defaults(HOME).withStorePath(Path.of("/tmp/other"));

        assertThat(config.store().path()).isEqualTo(Path.of("/tmp/other"));
        assertThat(config.withStorePath(Path.of("snapshots/ocidiff"))).isEqualTo(Config.defaults(HOME));
    }

    @Test
    void originNamesTheFileOrTheDefaults() {
        assertThat(Config.defaults(HOME).origin()).isEqualTo("built-in defaults");
        assertThat(Config.defaults(HOME).withSource(Path.of("a/config.yaml")).origin()).isEqualTo("a/config.yaml");
    }
}

package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AuthConfigTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/tester"));

    private AuthConfig auth(String yaml) {
        return loader.parse(yaml, "config.yaml").auth();
    }

    @Test
    void instancePrincipalEndpointsDefaultToOcisOwn() {
        AuthConfig auth = auth("auth: {mode: instance_principal}");

        assertThat(auth.instanceMetadataUrl()).isNull();
        assertThat(auth.federationEndpoint()).isNull();
    }

    @Test
    void instancePrincipalEndpointsCanPointElsewhere() {
        AuthConfig auth = auth("auth: {instanceMetadataUrl: 'http://127.0.0.1:9000/opc/v2/',"
                + " federationEndpoint: 'http://127.0.0.1:9000/{region}'}");

        assertThat(auth.instanceMetadataUrl()).isEqualTo("http://127.0.0.1:9000/opc/v2/");
        assertThat(auth.federationEndpoint()).isEqualTo("http://127.0.0.1:9000/{region}");
    }

    @Test
    void aMetadataUrlThatIsNotHttpNamesTheKey() {
        assertThatThrownBy(() -> auth("auth: {instanceMetadataUrl: '169.254.169.254'}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: auth.instanceMetadataUrl: must be an http(s) URL like"
                        + " http://169.254.169.254/opc/v2/ (or null for the instance's own metadata service),"
                        + " got \"169.254.169.254\"");
    }

    @Test
    void aMetadataUrlHasNoRegionPlaceholder() {
        assertThatThrownBy(() -> auth("auth: {instanceMetadataUrl: 'http://127.0.0.1/{region}/'}"))
                .hasMessageStartingWith("config.yaml: auth.instanceMetadataUrl: must be an http(s) URL");
    }

    @Test
    void aFederationEndpointThatIsNotHttpNamesTheKey() {
        assertThatThrownBy(() -> auth("auth: {federationEndpoint: 'auth.{region}.oraclecloud.com'}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: auth.federationEndpoint: must be an http(s) URL, optionally with"
                        + " {region}, like https://auth.{region}.oraclecloud.com");
    }
}

package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OciConfigTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/tester"));

    private OciConfig oci(String yaml) {
        return loader.parse(yaml, "config.yaml").oci();
    }

    @Test
    void endpointIsAnHttpUrlTemplateWithTheRegion() {
        assertThat(oci("oci: {endpoint: 'https://proxy.example.com:8443/oci/{region}'}").endpoint())
                .isEqualTo("https://proxy.example.com:8443/oci/{region}");
    }

    @Test
    void endpointWithoutRegionPlaceholderIsAnError() {
        assertThatThrownBy(() -> oci("oci: {endpoint: 'http://127.0.0.1:8080'}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: oci.endpoint: must be an http(s) URL containing {region}, like"
                        + " http://127.0.0.1:8080/{region} (or null for the real OCI endpoints), got \"http://127.0.0.1:8080\"");
    }

    @Test
    void endpointThatIsNotHttpIsAnError() {
        assertThatThrownBy(() -> oci("oci: {endpoint: 'ftp://{region}.example.com'}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: oci.endpoint: must be an http(s) URL containing {region}");
    }

    @Test
    void endpointWithoutHostIsAnError() {
        assertThatThrownBy(() -> oci("oci: {endpoint: 'http:/{region}'}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: oci.endpoint: must be an http(s) URL containing {region}");
    }
}

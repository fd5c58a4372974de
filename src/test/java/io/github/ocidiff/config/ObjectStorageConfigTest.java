package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ObjectStorageConfigTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/tester"));

    private ObjectStorageConfig objectStorage(String yaml) {
        return loader.parse(yaml, "config.yaml").publish().objectStorage();
    }

    @Test
    void aBucketTurnsTheUploadOn() {
        assertThat(objectStorage("publish: {objectStorage: {bucket: reports}}").enabled()).isTrue();
        assertThat(objectStorage("").enabled()).isFalse();
    }

    @Test
    void anEmptyPrefixPutsTheDaysAtTheTopOfTheBucket() {
        assertThat(objectStorage("publish: {objectStorage: {prefix: \"\"}}").prefix()).isEmpty();
    }

    @Test
    void aPrefixMustNotStartWithASlash() {
        assertThatThrownBy(() -> objectStorage("publish: {objectStorage: {prefix: /ocidiff/}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.objectStorage.prefix: must be an object name prefix without a"
                        + " leading /, like ocidiff/, got \"/ocidiff/\"");
    }

    @Test
    void theRegionDefaultsToTheHomeRegion() {
        assertThat(objectStorage("").region()).isNull();
        assertThat(objectStorage("publish: {objectStorage: {region: eu-frankfurt-1}}").region()).isEqualTo("eu-frankfurt-1");
    }
}

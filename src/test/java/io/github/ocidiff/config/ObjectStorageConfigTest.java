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

    /** A folder of the bucket: a trailing slash of its own, else "reports" names objects reports2026/11/06/... */
    @Test
    void aPrefixIsAFolderWithoutALeadingSlashAndWithATrailingOne() {
        for (String prefix : new String[] {"/ocidiff/", "reports"}) {
            assertThatThrownBy(() -> objectStorage("publish: {objectStorage: {prefix: " + prefix + "}}"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("config.yaml: publish.objectStorage.prefix: must be an object name prefix without a"
                            + " leading / and ending with one, like ocidiff/ (or empty), got \"" + prefix + "\"");
        }
        assertThat(objectStorage("publish: {objectStorage: {prefix: team/ocidiff/}}").prefix()).isEqualTo("team/ocidiff/");
    }

    @Test
    void theRegionDefaultsToTheHomeRegion() {
        assertThat(objectStorage("").region()).isNull();
        assertThat(objectStorage("publish: {objectStorage: {region: eu-frankfurt-1}}").region()).isEqualTo("eu-frankfurt-1");
    }
}

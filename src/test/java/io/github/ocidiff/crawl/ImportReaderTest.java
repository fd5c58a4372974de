package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportReaderTest {
    @TempDir
    Path dir;

    private List<CanonicalResource> read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        List<CanonicalResource> out = new ArrayList<>();
        ImportReader.read(file, "us-ashburn-1", out::add);
        return out;
    }

    @Test
    void readsTheRestApisArrayAndCollection() throws IOException {
        String item = "{\"resourceType\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\",\"compartmentId\":\"c\",\"lifecycleState\":\"AVAILABLE\"}";
        assertThat(read("a.json", "[" + item + "]")).extracting(CanonicalResource::ocid).containsExactly("ocid1.vcn.x");
        assertThat(read("b.json", "{\"items\":[" + item + "]}")).extracting(CanonicalResource::ocid).containsExactly("ocid1.vcn.x");
    }

    @Test
    void readsTheOciClisKebabCaseOutputAsTheSameResource() throws IOException {
        CanonicalResource rest = read("rest.json", """
                [{"resourceType":"Bucket","identifier":"ocid1.bucket.x","compartmentId":"c","displayName":"logs",
                  "timeCreated":"2026-09-15T12:00:00.000Z","freeformTags":{"cost-center":"42"},
                  "definedTags":{"Oracle-Tags":{"CreatedBy":"alice"}}}]""").get(0);
        CanonicalResource cli = read("cli.json", """
                {"data":{"items":[{"resource-type":"Bucket","identifier":"ocid1.bucket.x","compartment-id":"c",
                  "display-name":"logs","time-created":"2026-09-15T12:00:00+00:00","freeform-tags":{"cost-center":"42"},
                  "defined-tags":{"Oracle-Tags":{"CreatedBy":"alice"}},"search-context":null}]},"opc-next-page":null}""").get(0);
        assertThat(cli).isEqualTo(rest);
        assertThat(cli.json()).contains("\"cost-center\":\"42\"");
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[\n {\"identifier\": \"x\",\n  \"resourceType\": }\n]");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { }))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith(file + ": line 3, column")
                .hasMessageEndingWith("nothing was imported from it");
    }

    @Test
    void anItemWithoutAnIdentifierIsRefused() throws IOException {
        Path file = dir.resolve("noid.json");
        Files.writeString(file, "[{\"resourceType\":\"Vcn\",\"compartmentId\":\"c\"}]");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { })).hasMessageContaining("item 1 has no \"identifier\"");
    }

    @Test
    void anObjectWithoutItemsIsRefused() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"foo\": []}");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { })).hasMessageContaining("no \"items\" array");
    }
}

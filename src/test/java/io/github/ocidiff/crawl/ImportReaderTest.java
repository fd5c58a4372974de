package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
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
                .hasMessageEndingWith("nothing was imported");
    }

    @Test
    void anItemWithoutAnIdentifierIsRefused() throws IOException {
        Path file = dir.resolve("noid.json");
        Files.writeString(file, "[{\"resourceType\":\"Vcn\",\"compartmentId\":\"c\"}]");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { })).hasMessageContaining("item 1 has no \"identifier\"");
    }

    /** The OCI CLI without --all: a first page, whose missing resources would read as deleted. */
    @Test
    void oneOfSeveralPagesOfTheOciClisOutputIsRefused() throws IOException {
        Path file = dir.resolve("page.json");
        Files.writeString(file, "{\"data\":{\"items\":[{\"resource-type\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\","
                + "\"compartment-id\":\"c\"}]},\"opc-next-page\":\"AAAAb2\"}");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { }))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith(file + ": line 1, column")
                .hasMessageContaining("it holds one page of the results of several (\"opc-next-page\"); save them all"
                        + " with oci search resource structured-search --all")
                .hasMessageEndingWith("nothing was imported");
    }

    @Test
    void anObjectWithoutItemsIsRefused() throws IOException {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"foo\": []}");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { })).hasMessageContaining("no \"items\" array");
    }

    @Test
    void readsAGzippedDumpAsTheSameResourcesWhateverItsName() throws IOException {
        String json = "{\"data\":{\"items\":[{\"resource-type\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\",\"compartment-id\":\"c\"}]}}";
        Path gz = dir.resolve("2026-09-15.json.gz");
        Path unnamed = dir.resolve("dump");
        Files.write(gz, gzip(json.getBytes(StandardCharsets.UTF_8)));
        Files.write(unnamed, gzip(json.getBytes(StandardCharsets.UTF_8)));
        List<CanonicalResource> plain = read("plain.json", json);
        for (Path file : List.of(gz, unnamed)) {
            List<CanonicalResource> out = new ArrayList<>();
            assertThat(ImportReader.read(file, "us-ashburn-1", out::add)).isEqualTo(1);
            assertThat(out).isEqualTo(plain);
        }
    }

    @Test
    void aGzippedDumpCutShortOrMalformedIsRefusedByName() throws IOException {
        byte[] whole = gzip("[{\"resourceType\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\",\"compartmentId\":\"c\"}]"
                .getBytes(StandardCharsets.UTF_8));
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 12));
        assertThatThrownBy(() -> ImportReader.read(cut, "us-ashburn-1", r -> { }))
                .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessageStartingWith(cut + ": the gzip data is cut short (")
                .hasMessageEndingWith("; nothing was imported");
        Path bad = dir.resolve("bad.json.gz");
        Files.write(bad, gzip("[\n {\"identifier\": }]".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ImportReader.read(bad, "us-ashburn-1", r -> { }))
                .hasMessageStartingWith(bad + ": line 2, column");
    }

    @Test
    void aGzippedDumpWhoseChecksumFailsIsRefusedThoughItsJsonIsWhole() throws IOException {
        byte[] altered = gzip("[{\"resourceType\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\",\"compartmentId\":\"c\"}]"
                .getBytes(StandardCharsets.UTF_8));
        altered[altered.length - 8] ^= 1; // the trailer's CRC-32, as if a byte of the content had changed
        Path file = dir.resolve("altered.json.gz");
        Files.write(file, altered);
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { }))
                .isInstanceOfSatisfying(OcidiffException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessageStartingWith(file + ": the gzip data is corrupt (")
                .hasMessageEndingWith("; nothing was imported");
    }

    @Test
    void contentAfterTheJsonDocumentIsRefusedAtItsPosition() throws IOException {
        String items = "{\"items\":[{\"resourceType\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\","
                + "\"compartmentId\":\"c\"}]}";
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, items + "GARBAGE <html>");
        assertThatThrownBy(() -> ImportReader.read(garbage, "us-ashburn-1", r -> { }))
                .isInstanceOfSatisfying(OcidiffException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessageStartingWith(garbage + ": line 1, column ")
                .hasMessageEndingWith(": content after the JSON document; nothing was imported");
        Path two = dir.resolve("two.json");
        Files.writeString(two, items + "\n  " + items);
        assertThatThrownBy(() -> ImportReader.read(two, "us-ashburn-1", r -> { }))
                .hasMessage(two + ": line 2, column 3: content after the JSON document; nothing was imported");
        Path gz = dir.resolve("two.json.gz");
        Files.write(gz, gzip((items + "\n" + items).getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> ImportReader.read(gz, "us-ashburn-1", r -> { }))
                .hasMessage(gz + ": line 2, column 1: content after the JSON document; nothing was imported");
    }

    /** Past a limit of the parser's (nesting 1,000 deep here): where, and which limit, without the parser's internals. */
    @Test
    void aDocumentPastAParserLimitIsRefusedAtItsPosition() throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "[{\"resourceType\":\"Vcn\",\"identifier\":\"ocid1.vcn.x\",\"compartmentId\":\"c\",\n"
                + "\"d\":" + "[".repeat(1000) + "]".repeat(1000) + "}]");
        assertThatThrownBy(() -> ImportReader.read(deep, "us-ashburn-1", r -> { }))
                .isInstanceOfSatisfying(OcidiffException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessageStartingWith(deep + ": line 2, column ")
                .hasMessageContaining("exceeds the maximum allowed (1000)")
                .hasMessageEndingWith(": no Resource Search results look like that; nothing was imported")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void aTruncatedDocumentIsRefusedWithPositionsButNotTheParsersSourceNotes() throws IOException {
        Path file = dir.resolve("truncated.json");
        Files.writeString(file, "{\"items\":[{\"a\":1");
        assertThatThrownBy(() -> ImportReader.read(file, "us-ashburn-1", r -> { }))
                .hasMessageStartingWith(file + ": line 1, column ")
                .hasMessageContaining("(start marker at line 1, column ")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("REDACTED");
    }

    @Test
    void aFolderIsRefusedWithTheWayToNameItsFiles() {
        assertThatThrownBy(() -> ImportReader.read(dir, "us-ashburn-1", r -> { }))
                .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessage(dir + ": is a folder; name the files in it, e.g. " + dir.resolve("*.json"));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}

package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceZipTest {

    private static List<PackFile> files() {
        return List.of(PackFile.text("tool.json", "{\"version\": \"1.0\"}\n"),
                PackFile.text("report.json", "{\"changes\": []}\n".repeat(50)));
    }

    private static byte[] zip(List<PackFile> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EvidenceZip.write(bytes, files);
        return bytes.toByteArray();
    }

    @Test
    void theSameFilesGiveTheSameBytesInAnyTimeZone() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        byte[] first;
        byte[] second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            first = zip(files());
            Thread.sleep(1100); // a clock-stamped zip would differ from here on
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            second = zip(files());
        } finally {
            TimeZone.setDefault(zone);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aWrittenPackReadsBackIntactWithItsEntriesInOrder(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("out/pack.zip");
        EvidenceZip.write(pack, files());
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName)
                    .containsExactly("report.json", "tool.json", "MANIFEST.sha256");
        }
        assertThat(Files.list(pack.getParent())).containsExactly(pack); // no temporary file left behind
        EvidenceZip.Read read = EvidenceZip.read(pack);
        assertThat(new String(read.manifest(), StandardCharsets.UTF_8)).endsWith("  tool.json\n");
        assertThat(Manifest.check(read.entries(), read.manifest()).problems()).isEmpty();
    }

    /** A folder entry (its name ends in /) carrying bytes: content the manifest does not cover. */
    @Test
    void aFolderEntryWithContentIsAnExtraFile(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("pack.zip");
        EvidenceZip.write(pack, files());
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(pack.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
            }
            out.putNextEntry(new ZipEntry("empty/"));
            out.putNextEntry(new ZipEntry("secret/"));
            out.write("hidden".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        EvidenceZip.Read read = EvidenceZip.read(tampered);
        assertThat(Manifest.check(read.entries(), read.manifest()).problems())
                .singleElement().asString().startsWith("extra: secret/ (");
    }

    @Test
    void aByteFlippedInsideTheZipIsAnAlteredFile(@TempDir Path dir) throws Exception {
        byte[] bytes = zip(files());
        int data = 30 + "report.json".length() + 5; // the local header, then the deflated data
        bytes[data] ^= 0x20;
        Path pack = dir.resolve("pack.zip");
        Files.write(pack, bytes);
        EvidenceZip.Read read = EvidenceZip.read(pack);
        assertThat(Manifest.check(read.entries(), read.manifest()).problems())
                .singleElement().asString().startsWith("altered: report.json (");
    }

    @Test
    void aFileThatIsNoZipIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path notZip = dir.resolve("pack.zip");
        Files.writeString(notZip, "hello\n");
        assertThatThrownBy(() -> EvidenceZip.read(notZip)).isInstanceOfSatisfying(OcidiffException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.getMessage()).startsWith(notZip + ": not a readable zip file (").doesNotContain("\n");
        });
        assertThatThrownBy(() -> EvidenceZip.read(dir.resolve("nope.zip"))).isInstanceOfSatisfying(OcidiffException.class,
                e -> assertThat(e.getMessage()).isEqualTo(dir.resolve("nope.zip") + ": no such file"));
    }

    @Test
    void eachFileIsMadeOnceAsItGoesIntoTheZipAndItsManifestLineHashesWhatWentIn(@TempDir Path dir) throws Exception {
        AtomicInteger made = new AtomicInteger();
        byte[] line = "{\"kind\": \"MODIFIED\"}\n".getBytes(StandardCharsets.UTF_8);
        PackFile large = new PackFile("report.json", out -> {
            made.incrementAndGet();
            for (int i = 0; i < 100_000; i++) { // 2.3 MB in small writes, as a report renders
                out.write(line);
            }
        });
        Path pack = dir.resolve("pack.zip");
        assertThat(EvidenceZip.write(pack, List.of(large, PackFile.text("tool.json", "{}\n")))).isEqualTo(3);
        assertThat(made).hasValue(1);
        EvidenceZip.Read read = EvidenceZip.read(pack);
        assertThat(Manifest.check(read.entries(), read.manifest()).problems()).isEmpty();
        assertThat(new String(read.manifest(), StandardCharsets.UTF_8))
                .startsWith(Manifest.sha256(large.bytes()) + "  report.json\n");
        assertThat(made).hasValue(2); // large.bytes() above
    }

    @Test
    void aPackThatCannotBeWrittenLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "");
        assertThatThrownBy(() -> EvidenceZip.write(blocker.resolve("pack.zip"), files()))
                .isInstanceOf(OcidiffException.class).hasMessageContaining("cannot write the evidence pack");
        assertThat(Files.list(dir)).containsExactly(blocker);
    }
}

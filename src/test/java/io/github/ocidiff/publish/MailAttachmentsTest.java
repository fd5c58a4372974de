package io.github.ocidiff.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailAttachmentsTest {

    @TempDir
    Path dir;

    private ReportFile report(String name, int bytes) throws Exception {
        return LargeFiles.compressible(dir, name, bytes);
    }

    @Test
    void filesThatFitAreAttachedAsTheyAreTheMostReadableFirst() throws Exception {
        List<ReportFile> files = List.of(report("report.json", 900), report("report.md", 900), report("report.csv", 900),
                report("report.html", 900));
        MailAttachments fit = MailAttachments.fit(files, 4 * MailAttachments.encoded(900));
        assertThat(fit.attached()).extracting(MailAttachments.Part::name)
                .containsExactly("report.html", "report.csv", "report.md", "report.json");
        assertThat(fit.attached()).allMatch(part -> part instanceof MailAttachments.AsIs);
        assertThat(fit.leftOut()).isEmpty();
    }

    @Test
    void aFileTooLargeAsItIsIsZippedWhenThatFitsAndLeftOutWhenNot() throws Exception {
        ReportFile html = report("report.html", 300_000);
        ReportFile json = LargeFiles.noise(dir, "report.json", 300_000, 1);
        ReportFile csv = report("report.csv", 2_000);
        MailAttachments fit = MailAttachments.fit(List.of(json, csv, html), 100_000);
        assertThat(fit.attached()).extracting(MailAttachments.Part::name).containsExactly("report.html.zip", "report.csv");
        assertThat(fit.leftOut()).containsExactly(new MailAttachments.LeftOut("report.json", 300_000));
        byte[] zip = ((MailAttachments.Zipped) fit.attached().get(0)).zip();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("report.html");
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(html.path()));
        }
        long used = MailAttachments.encoded(zip.length) + MailAttachments.encoded(2_000);
        assertThat(used).isLessThanOrEqualTo(100_000);
        // Nothing fits in nothing.
        assertThat(MailAttachments.fit(List.of(csv), 100).leftOut()).extracting(MailAttachments.LeftOut::name)
                .containsExactly("report.csv");
    }

    @Test
    void theEncodedSizeBoundsBase64InLinesOf76() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(10_000)];
            int mime = Base64.getMimeEncoder().encode(bytes).length + 2; // and the part's last line break
            assertThat(MailAttachments.encoded(bytes.length)).isBetween((long) mime, (long) mime + MailAttachments.PART_HEADERS);
        }
        assertThat(new String(Base64.getMimeEncoder().encode(new byte[57]), StandardCharsets.US_ASCII)).hasSize(76);
    }
}

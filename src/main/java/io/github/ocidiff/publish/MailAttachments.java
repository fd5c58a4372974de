package io.github.ocidiff.publish;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report files one mail carries within a size. A mail server refuses a message over its limit whole (OCI
 * Email Delivery's default is 2 MB), and a night of many changes writes reports of many megabytes, so that the
 * night's mail, the one that matters most, would never arrive. Each file, the most readable first (HTML, CSV,
 * Markdown, JSON), is attached as it is when it fits in what is left, else zipped when that fits (a report
 * compresses tenfold or more), else left out, for the mail to name.
 *
 * @param attached the parts to attach, in that order
 * @param leftOut  the files that did not fit even zipped
 */
record MailAttachments(List<Part> attached, List<LeftOut> leftOut) {

    /** Bytes a part's MIME headers and boundary take, beyond its encoded content. */
    static final int PART_HEADERS = 512;

    private static final List<String> READABLE_FIRST = List.of("html", "csv", "md", "json");

    MailAttachments {
        attached = List.copyOf(attached);
        leftOut = List.copyOf(leftOut);
    }

    /** An attachment: a report file as it is, or zipped; base64 whatever its type, as {@link #encoded} counts it. */
    sealed interface Part {
        String name();

        /** Makes {@code part} this attachment. */
        void attachTo(MimeBodyPart part) throws MessagingException, IOException;
    }

    /** The report file as it is. */
    record AsIs(ReportFile file) implements Part {
        @Override
        public String name() {
            return file.name();
        }

        @Override
        public void attachTo(MimeBodyPart part) throws MessagingException, IOException {
            part.attachFile(file.path().toFile(), file.contentType(), "base64");
            part.setFileName(name());
        }
    }

    /** The report file in a zip of its own, named after it ({@code report.html.zip}). */
    record Zipped(String name, byte[] zip) implements Part {
        @Override
        public void attachTo(MimeBodyPart part) throws MessagingException {
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(zip, "application/zip")));
            part.setHeader("Content-Transfer-Encoding", "base64");
            part.setFileName(name);
        }
    }

    /** A report file left out, with its size in bytes. */
    record LeftOut(String name, long bytes) {
    }

    /** @param budget bytes the attachments may take in the mail, encoded (base64) and with their headers */
    static MailAttachments fit(List<ReportFile> files, long budget) throws IOException {
        List<Part> attached = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        long left = budget;
        for (ReportFile file : files.stream().sorted(Comparator.comparingInt(MailAttachments::rank)).toList()) {
            long size = Files.size(file.path());
            if (encoded(size) <= left) {
                attached.add(new AsIs(file));
                left -= encoded(size);
                continue;
            }
            byte[] zip = zipped(file, decodedWithin(left));
            if (zip != null) {
                attached.add(new Zipped(file.name() + ".zip", zip));
                left -= encoded(zip.length);
            } else {
                leftOut.add(new LeftOut(file.name(), size));
            }
        }
        return new MailAttachments(attached, leftOut);
    }

    /**
     * What {@code bytes} of content take in the mail: base64 (attachments are sent so, whatever their type, so that
     * this is a bound: quoted-printable can triple text that is not ASCII), in lines of 76 characters and a line
     * break, with the part's headers.
     */
    static long encoded(long bytes) {
        long chars = (bytes + 2) / 3 * 4;
        return chars + (chars + 75) / 76 * 2 + PART_HEADERS;
    }

    /** The most content bytes whose {@link #encoded} size is within {@code budget}, or -1 when none are. */
    private static long decodedWithin(long budget) {
        long lines = (budget - PART_HEADERS) / 78;
        return budget <= PART_HEADERS ? -1 : lines * 57;
    }

    private static int rank(ReportFile file) {
        String name = file.name();
        int rank = READABLE_FIRST.indexOf(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        return rank < 0 ? READABLE_FIRST.size() : rank;
    }

    /** The file zipped, or null when the zip would exceed {@code limit} bytes (not compressed further then). */
    private static byte[] zipped(ReportFile file, long limit) throws IOException {
        if (limit < 0) {
            return null;
        }
        Bounded out = new Bounded(limit);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(file.name()));
            Files.copy(file.path(), zip);
            zip.closeEntry();
        } catch (Bounded.Full full) {
            return null;
        }
        return out.toByteArray();
    }

    /** A buffer that refuses to grow beyond a limit. */
    private static final class Bounded extends ByteArrayOutputStream {
        private final long limit;

        Bounded(long limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            room(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            room(len);
            super.write(b, off, len);
        }

        private void room(int more) {
            if (count + (long) more > limit) {
                throw new Full();
            }
        }

        /** Unchecked, as ByteArrayOutputStream's writes declare no IOException; the zip stream passes it on. */
        private static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }
    }
}

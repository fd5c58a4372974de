package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * An evidence pack on disk: a zip written deterministically (entries in the given order, one fixed
 * timestamp, no extra fields) and atomically, and read back as entry hashes for {@link Manifest#check}.
 */
public final class EvidenceZip {

    /**
     * Every entry's modification time, as a DOS local date-time: written as is, whatever the time zone, so
     * that the same files give the same bytes. The date the pack was made is in {@code tool.json}.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** A manifest larger than this is no manifest ocidiff wrote: it is reported malformed, not read whole. */
    static final int MAX_MANIFEST_BYTES = 1 << 20;

    /** A pack as read: every entry with its hash, and the manifest's bytes (null when there is none). */
    public record Read(List<Manifest.Entry> entries, byte[] manifest) {
        public Read {
            entries = List.copyOf(entries);
        }
    }

    private EvidenceZip() {
    }

    /**
     * Writes {@code files}, sorted by path, and their manifest last, into the zip {@code out}, through a
     * temporary file in the same folder and a rename: a crash or a failure never leaves half a pack at
     * {@code out}.
     *
     * @return how many files the pack holds, the manifest included
     */
    public static int write(Path out, List<PackFile> files) {
        AtomicFile.write(out, stream -> write(stream, files), "the evidence pack");
        return files.size() + 1;
    }

    /**
     * The zip of {@code files} onto a stream; the same files give the same bytes. Each file is hashed as it
     * goes into the zip, so that none is made twice or held whole for its manifest line.
     */
    static void write(OutputStream out, List<PackFile> files) throws IOException {
        List<PackFile> ordered = Manifest.order(files);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(9);
        List<Manifest.Entry> hashed = new ArrayList<>();
        for (PackFile f : ordered) {
            MessageDigest digest = Manifest.digest();
            entry(zip, f.name(), new DigestOutputStream(unclosable(zip), digest), f.content());
            hashed.add(new Manifest.Entry(f.name(), HexFormat.of().formatHex(digest.digest())));
        }
        byte[] manifest = Manifest.render(hashed).getBytes(StandardCharsets.UTF_8);
        entry(zip, Manifest.FILE_NAME, zip, stream -> stream.write(manifest));
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, OutputStream into, PackFile.Content content)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        // Buffered: a report renders in small writes, each of which the deflater and the digest would take alone.
        BufferedOutputStream buffered = new BufferedOutputStream(into, 64 * 1024);
        content.writeTo(buffered);
        buffered.flush();
        zip.closeEntry();
    }

    /** The zip as a stream that a file's writer may close without closing the zip. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Reads a pack: hashes each entry as it streams, keeps only the manifest's bytes. Not a file, not a
     * zip or unreadable: an OcidiffException naming the file (exit 2 when there is no such file, else 1).
     */
    public static Read read(Path pack) {
        if (!Files.exists(pack)) {
            throw OcidiffException.usage(pack + ": no such file");
        }
        if (Files.isDirectory(pack)) {
            throw OcidiffException.usage(pack + ": a folder, not an evidence pack (a .zip file)");
        }
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            List<Manifest.Entry> entries = new ArrayList<>();
            byte[] manifest = null;
            for (ZipEntry entry : Collections.list(zip.entries())) {
                // A folder carries no content; one that does is a file by another name, which the check finds extra.
                if (entry.isDirectory() && empty(zip, entry)) {
                    entries.add(new Manifest.Entry(entry.getName(), null));
                    continue;
                }
                MessageDigest digest = Manifest.digest();
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(Manifest.FILE_NAME) && manifest == null) {
                        manifest = readManifest(in, digest);
                    } else {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            digest.update(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // The entry's data is damaged (the listing is fine): that file is altered, the others still count.
                    entries.add(new Manifest.Entry(entry.getName(), null, String.valueOf(e.getMessage())));
                    continue;
                }
                entries.add(new Manifest.Entry(entry.getName(), HexFormat.of().formatHex(digest.digest())));
            }
            return new Read(entries, manifest);
        } catch (ZipException e) {
            throw new OcidiffException(OcidiffException.RUNTIME, pack + ": not a readable zip file ("
                    + e.getMessage() + "); an evidence pack is the .zip `ocidiff evidence` writes", e);
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot read " + pack + ": " + e.getMessage(), e);
        }
    }

    private static boolean empty(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.read() < 0;
        }
    }

    /** The manifest's bytes, hashed too; an oversized one reads as empty, which the check reports malformed. */
    private static byte[] readManifest(InputStream in, MessageDigest digest) throws IOException {
        byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        digest.update(bytes);
        return bytes.length > MAX_MANIFEST_BYTES ? new byte[0] : bytes;
    }
}

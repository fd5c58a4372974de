package io.github.ocidiff.store;

import io.github.ocidiff.crawl.Scope;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The open-interval index saved beside the store ({@code <prefix>.open-intervals}) after each commit, so
 * that the next snapshot reads some 70 MB instead of scanning a million intervals. Only a cache: it
 * is used when it was written for exactly the store's latest committed snapshot ({@link Token}) and
 * reads back whole (a checksum over everything), else the open intervals are scanned as before. Written
 * after the commit, so a crash in between leaves the previous snapshot's file, which no longer matches;
 * changes to the intervals outside a commit delete it first.
 */
final class OpenIntervalFile {

    /** Identifies the committed state a file was written for; finishedAt tells apart two stores' snapshot 5. */
    record Token(long snapshotId, long finishedAtNanos, long resourceCount) {
        static Token of(SnapshotInfo snapshot) {
            return of(snapshot.id(), snapshot.finishedAt(), snapshot.resourceCount());
        }

        static Token of(long snapshotId, Instant finishedAt, long resourceCount) {
            return new Token(snapshotId, finishedAt.getEpochSecond() * 1_000_000_000L + finishedAt.getNano(),
                    resourceCount);
        }
    }

    /** One open interval, as written. */
    interface Entry {
        void write(long ocidHash, byte[] sha256, int shaOffset, long rowId, int ownScope, long digestHigh,
                   long digestLow) throws IOException;
    }

    /** The entries to write, in any order. */
    interface Entries {
        void forEach(Entry entry) throws IOException;
    }

    /** "ocidiff" and a layout version: bump it when the layout or OpenIntervalIndex's OCID hash changes. */
    private static final long MAGIC = 0x6f63696469666602L;
    private static final int BUFFER = 1 << 16;
    /** OCID hash, SHA-256, row id, own scope, the digest of what Search answered (see OpenIntervalIndex). */
    private static final int ENTRY_BYTES = Long.BYTES + 32 + Long.BYTES + Integer.BYTES + 2 * Long.BYTES;
    private static final int ENTRIES_PER_BLOCK = BUFFER / ENTRY_BYTES;

    private final Path path;

    OpenIntervalFile(Path path) {
        this.path = path;
    }

    /** The file of the store {@code <prefix>.mv.db}. */
    static OpenIntervalFile beside(Path storeFile) {
        String name = storeFile.getFileName().toString();
        return new OpenIntervalFile(storeFile.resolveSibling(name.substring(0, name.length() - ".mv.db".length())
                + ".open-intervals"));
    }

    /**
     * Fills an empty index and scope numbering from the file if it was written for {@code expected}.
     *
     * @return false, leaving them empty, when the file is missing, stale or damaged
     */
    boolean read(Token expected, OpenIntervalIndex index, ScopeIds scopes) {
        CRC32C crc = new CRC32C();
        // Unbuffered under the checksum, so that it covers exactly the bytes parsed: entries are read in blocks.
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(Files.newInputStream(path), crc))) {
            if (in.readLong() != MAGIC || !expected.equals(new Token(in.readLong(), in.readLong(), in.readLong()))) {
                return false;
            }
            byte[] block = new byte[ENTRIES_PER_BLOCK * ENTRY_BYTES];
            ByteBuffer entries = ByteBuffer.wrap(block);
            byte[] sha = new byte[32];
            for (long left = expected.resourceCount(); left > 0; ) {
                int n = (int) Math.min(ENTRIES_PER_BLOCK, left);
                in.readFully(block, 0, n * ENTRY_BYTES);
                entries.clear();
                for (int k = 0; k < n; k++) {
                    long hash = entries.getLong();
                    entries.get(sha);
                    index.addHashed(hash, sha, entries.getLong(), entries.getInt(), entries.getLong(), entries.getLong());
                }
                left -= n;
            }
            int scopeCount = in.readInt();
            for (int id = 0; id < scopeCount; id++) {
                scopes.id(new Scope(in.readUTF(), in.readBoolean() ? in.readUTF() : null));
            }
            long computed = crc.getValue();
            if (in.readLong() != computed || in.read() != -1 || !index.scopesBelow(scopeCount)) {
                throw new IOException("damaged");
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            // Damaged or cut short: the scan rebuilds what it should have held.
            index.clear();
            scopes.clear();
            return false;
        }
    }

    /**
     * Writes the file for {@code token} through a temporary file and a rename, so that a crash leaves
     * the old file or the new one, never a mix. On failure no file is left: the next run scans.
     */
    void write(Token token, Entries entries, ScopeIds scopes) {
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            CRC32C crc = new CRC32C();
            try (OutputStream file = Files.newOutputStream(temp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(file, crc),
                         BUFFER))) {
                out.writeLong(MAGIC);
                out.writeLong(token.snapshotId());
                out.writeLong(token.finishedAtNanos());
                out.writeLong(token.resourceCount());
                long[] written = {0};
                entries.forEach((hash, sha, offset, rowId, ownScope, digestHigh, digestLow) -> {
                    out.writeLong(hash);
                    out.write(sha, offset, 32);
                    out.writeLong(rowId);
                    out.writeInt(ownScope);
                    out.writeLong(digestHigh);
                    out.writeLong(digestLow);
                    written[0]++;
                });
                if (written[0] != token.resourceCount()) {
                    throw new IOException(written[0] + " open intervals for a snapshot of " + token.resourceCount());
                }
                out.writeInt(scopes.count());
                for (int id = 0; id < scopes.count(); id++) {
                    Scope scope = scopes.scope(id);
                    out.writeUTF(scope.region());
                    out.writeBoolean(scope.compartmentId() != null);
                    if (scope.compartmentId() != null) {
                        out.writeUTF(scope.compartmentId());
                    }
                }
                out.flush();
                out.writeLong(crc.getValue());
            }
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            delete(temp);
            delete();
        }
    }

    /** Before the open intervals change outside a commit: the next snapshot scans them. */
    void delete() {
        delete(path);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind, a stale file is refused by its token; a damaged one by its checksum.
        }
    }
}

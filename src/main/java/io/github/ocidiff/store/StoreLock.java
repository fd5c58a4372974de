package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer guard: an OS lock on a file beside the database, holding the owner's pid. Taken
 * before H2 opens the database so that a second run fails with our message, not H2's. The OS drops
 * the lock when the process dies, so a killed run never leaves the store locked. The file itself is
 * left in place: deleting it would let a waiting process lock an unlinked file.
 *
 * <p>A holder says how long it holds the store. A snapshot's run holds it for as long as the night takes:
 * whoever comes second fails at once. A command that reads (a diff, a history, a listing) holds it for
 * seconds: whoever comes second waits for it, up to {@link #BRIEF_WAIT}, so that someone reading at the
 * hour the nightly job starts does not fail that night.
 */
final class StoreLock implements AutoCloseable {

    /**
     * Lock files held by this JVM. Checked before opening the file again: on Linux, closing any channel
     * of a file drops every lock this process holds on it, so a refused second Store of this JVM would
     * otherwise free the store for other processes.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    /** How long a run waits for a brief holder: far longer than a diff or an evidence pack of a million takes. */
    static final Duration BRIEF_WAIT = Duration.ofMinutes(5);
    private static final String BRIEF = "brief";

    /** How long the holder keeps the store. */
    enum Hold {
        /** A command others wait for. */
        BRIEF,
        /** A snapshot, an import: others fail at once. */
        RUN
    }

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param toRead whether the holder only reads: on a store it may not write (a read-only mount, the service
     *               user's store read by another user), it then shares the lock file read-only, or goes without one
     *               where there is none (no run ever wrote there)
     */
    static StoreLock acquire(Path lockFile, Path storeFile, Hold hold, boolean toRead) {
        if (!HELD.add(lockFile)) {
            throw inUse(storeFile, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return lock(lockFile, storeFile, hold, toRead);
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
    }

    private static StoreLock lock(Path lockFile, Path storeFile, Hold hold, boolean toRead) {
        FileChannel channel;
        boolean shared = false;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            if (!toRead || Files.isWritable(lockFile.getParent()) && !Files.exists(lockFile)) {
                throw OcidiffException.runtime("cannot create the lock file " + lockFile + " of the store " + storeFile
                        + ": " + e.getMessage() + "; check the folder's permissions", e);
            }
            if (!Files.exists(lockFile)) {
                return new StoreLock(lockFile, null, null);
            }
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.READ);
                shared = true;
            } catch (IOException unreadable) {
                throw OcidiffException.runtime("cannot read the lock file " + lockFile + " of the store " + storeFile
                        + ": " + unreadable.getMessage() + "; check its permissions", unreadable);
            }
        }
        try {
            long deadline = System.nanoTime() + BRIEF_WAIT.toNanos();
            FileLock lock = tryLock(channel, shared);
            while (lock == null) {
                String[] owner = readOwner(channel);
                // A holder that is not the run the file names is a reader that could not write its own name.
                boolean brief = owner.length > 1 && owner[1].equals(BRIEF) || !alive(owner[0]);
                if (!brief || System.nanoTime() > deadline) {
                    channel.close();
                    throw brief ? OcidiffException.runtime("the store " + storeFile + " is in use by another ocidiff"
                            + " run (pid " + owner[0] + "), which has not let go of it in " + BRIEF_WAIT.toMinutes()
                            + " minutes", null) : inUse(storeFile, owner[0]);
                }
                Thread.sleep(100);
                lock = tryLock(channel, shared);
            }
            if (!shared) {
                writeOwner(channel, hold);
            }
            return new StoreLock(lockFile, channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw OcidiffException.runtime("interrupted while waiting for the store " + storeFile, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw OcidiffException.runtime("cannot lock the store " + storeFile + " with " + lockFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static OcidiffException inUse(Path storeFile, String pid) {
        return OcidiffException.runtime("the store " + storeFile + " is in use by another ocidiff run (pid " + pid
                + "): run this again once it has finished", null);
    }

    /** The holder's pid ("unknown" when the file is empty), then "brief" when it holds the store briefly. */
    private static String[] readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String owner = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return owner.isEmpty() ? new String[] {"unknown"} : owner.split(" ");
    }

    /** The lock, shared by readers of a lock file they may not write, or held alone; null while another holds it. */
    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        return shared ? channel.tryLock(0, Long.MAX_VALUE, true) : channel.tryLock();
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Written over the old content, then cut: a reader never sees an empty file between the two. */
    private static void writeOwner(FileChannel channel, Hold hold) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + (hold == Hold.BRIEF ? " " + BRIEF : "") + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        channel.write(ByteBuffer.wrap(pid), 0);
        channel.truncate(pid.length);
        channel.force(false);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // Closing the channel below releases it as well.
            }
            closeQuietly(channel);
        }
        HELD.remove(lockFile);
    }
}

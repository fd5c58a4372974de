package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer guard: an OS lock on a file beside the database, holding the owner's pid. Taken
 * before H2 opens the database so that a second run fails with our message, not H2's. The OS drops
 * the lock when the process dies, so a killed run never leaves the store locked. The file itself is
 * left in place: deleting it would let a waiting process lock an unlinked file.
 */
final class StoreLock implements AutoCloseable {

    /**
     * Lock files held by this JVM. Checked before opening the file again: on Linux, closing any channel
     * of a file drops every lock this process holds on it, so a refused second Store of this JVM would
     * otherwise free the store for other processes.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path lockFile, Path storeFile) {
        if (!HELD.add(lockFile)) {
            throw inUse(storeFile, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return lock(lockFile, storeFile);
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
    }

    private static StoreLock lock(Path lockFile, Path storeFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot create the lock file " + lockFile + " of the store " + storeFile
                    + ": " + e.getMessage() + "; check the folder's permissions", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = readPid(channel);
                channel.close();
                throw inUse(storeFile, owner);
            }
            writePid(channel);
            return new StoreLock(lockFile, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw OcidiffException.runtime("cannot lock the store " + storeFile + " with " + lockFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static OcidiffException inUse(Path storeFile, String pid) {
        return OcidiffException.runtime("the store " + storeFile + " is in use by another ocidiff run (pid " + pid
                + ")", null);
    }

    private static String readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.isEmpty() ? "unknown" : pid;
    }

    /** Written over the old content, then cut: a reader never sees an empty file between the two. */
    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
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
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
        HELD.remove(lockFile);
    }
}

package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disk under a store failing: full, over a quota or a file size limit, read-only, or an I/O error.
 * H2 reports it as a general error around the system's I/O exception, jOOQ wraps that again, and the line
 * a user read was "Cannot commit transaction" or "Error getting connection from data source". Found in
 * the failure's causes, it is told with the file and the fix. H2 writes nothing more once its file failed:
 * the snapshots committed before stay, and the next run discards the one cut short.
 */
public final class DiskFailure {

    /** The reason given when only the channel H2 closed on an earlier failed write is found. */
    static final String CLOSED_AFTER_FAILED_WRITE = "its file was closed after a write to it failed";

    /** The store file this process opened last: the one a failure of its database concerns. */
    private static volatile Path lastOpened;

    private DiskFailure() {
    }

    /** Notes the store file opened, for {@link #describe}. */
    static void opened(Path file) {
        lastOpened = file;
    }

    /** One line with the store file, the system's reason and the fix, when {@code failure} came from its disk. */
    public static Optional<String> describe(Throwable failure) {
        return describe(failure, lastOpened);
    }

    /** {@link #describe(Throwable)} for the store {@code file} (null: not known). */
    static Optional<String> describe(Throwable failure, Path file) {
        return cause(failure).map(io -> "the disk under the store " + (file == null ? "" : file + " ") + "failed ("
                + reason(io) + "): make room on it, or make it writable, and run again; the snapshots committed "
                + "before are kept, and the next run discards what this one left unfinished");
    }

    /**
     * Throws the one line of {@link #describe} when {@code failure} came from the disk: opening the store
     * says so instead of calling the store damaged and advising to move it away.
     */
    static void throwIfFound(Throwable failure, Path file) {
        Optional<String> disk = describe(failure, file);
        if (disk.isPresent()) {
            throw OcidiffException.runtime(disk.get(), failure);
        }
    }

    /**
     * What the system said, e.g. "No space left on device". When H2's own writer thread met the failure
     * first, closing the file, the failure at hand may be only the closed channel, which says nothing.
     */
    static String reason(IOException io) {
        if (io.getMessage() != null) {
            return io.getMessage();
        }
        return io instanceof ClosedChannelException ? CLOSED_AFTER_FAILED_WRITE : io.getClass().getSimpleName();
    }

    /** The I/O exception below one of H2's among the causes (and suppressed failures) of {@code failure}. */
    static Optional<IOException> cause(Throwable failure) {
        // Met again below H2 after once above it, a failure is walked again.
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Throwable> seenBelowH2 = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Below> pending = new ArrayDeque<>(List.of(new Below(failure, false)));
        IOException silent = null;
        while (!pending.isEmpty()) {
            Below next = pending.poll();
            Throwable t = next.failure();
            if (!(next.h2() ? seenBelowH2 : seen).add(t)) {
                continue;
            }
            if (next.h2() && t instanceof IOException io) {
                // A channel closed by the first failure says nothing (no message): the system's reason does.
                if (io.getMessage() != null) {
                    return Optional.of(io);
                }
                silent = silent == null ? io : silent;
            }
            boolean h2 = next.h2() || t.getClass().getName().startsWith("org.h2.");
            if (t.getCause() != null) {
                pending.add(new Below(t.getCause(), h2));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.add(new Below(suppressed, h2));
            }
        }
        return Optional.ofNullable(silent);
    }

    /** A failure met walking the causes, and whether it was found below one of H2's. */
    private record Below(Throwable failure, boolean h2) {
    }
}

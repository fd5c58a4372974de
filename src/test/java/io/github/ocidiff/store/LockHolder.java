package io.github.ocidiff.store;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child JVM holding a store's lock, as another ocidiff run would: {@code LockHolder PREFIX BRIEF|RUN|SHARED MILLIS}.
 * Prints "held" once it holds it, then lets go after MILLIS. SHARED holds it as a reader that may not write the lock
 * file does: a shared lock, its own pid nowhere.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        if (args[1].equals("SHARED")) {
            try (FileChannel channel = FileChannel.open(Path.of(args[0] + ".lock"), StandardOpenOption.READ);
                 FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
                held(args[2]);
            }
            return;
        }
        try (StoreLock ignored = StoreLock.acquire(Path.of(args[0] + ".lock"), Path.of(args[0] + ".mv.db"),
                StoreLock.Hold.valueOf(args[1]), false)) {
            held(args[2]);
        }
    }

    private static void held(String millis) throws InterruptedException {
        System.out.println("held");
        System.out.flush();
        Thread.sleep(Long.parseLong(millis));
    }
}

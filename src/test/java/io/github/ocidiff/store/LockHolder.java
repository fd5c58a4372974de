package io.github.ocidiff.store;

import java.nio.file.Path;

/**
 * A child JVM holding a store's lock, as another ocidiff run would: {@code LockHolder PREFIX BRIEF|RUN MILLIS}.
 * Prints "held" once it holds it, then lets go after MILLIS.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (StoreLock ignored = StoreLock.acquire(Path.of(args[0] + ".lock"), Path.of(args[0] + ".mv.db"),
                StoreLock.Hold.valueOf(args[1]))) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[2]));
        }
    }
}

package io.github.ocidiff.store;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The snapshot this process made visible last, for what a stop signal tells: a run stopped after its commit keeps
 * its snapshot, one stopped before leaves nothing (see the CLI's shutdown hook). The commit's last step is held
 * under a lock, so that what is told about a stop that comes during it is what the step did.
 */
public final class Commits {

    private static final ReentrantLock COMMITTING = new ReentrantLock();
    private static volatile long last;

    private Commits() {
    }

    /** Runs the step that makes snapshot {@code id} visible, and records it once that returned. */
    static void committing(long id, Runnable step) {
        COMMITTING.lock();
        try {
            step.run();
            last = id;
        } finally {
            COMMITTING.unlock();
        }
    }

    /** The snapshot committed last in this process, once a commit under way ended (or {@code wait} passed). */
    public static OptionalLong last(Duration wait) {
        try {
            if (COMMITTING.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                COMMITTING.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long id = last;
        return id == 0 ? OptionalLong.empty() : OptionalLong.of(id);
    }
}

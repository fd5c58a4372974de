package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One thread that does a snapshot's database work in submission order, so that the crawl's threads
 * hand a page over and go on paging instead of queuing for H2, which writes one transaction at a time
 * anyway. At most {@link #QUEUED} tasks wait: a slow disk slows the crawl down instead of filling the
 * heap with pages. The first failure stops the thread's work and is thrown to every later caller.
 */
final class WriteBehind implements AutoCloseable {

    /**
     * Tasks (pages) waiting for the thread: a few ride out a slow batch; more would only add to the live
     * heap, which the crawl's pages in flight and the latest state already fill.
     */
    private static final int QUEUED = 4;

    private final ExecutorService thread;
    private final Semaphore room;
    private volatile RuntimeException failure;
    private volatile boolean stopped;

    WriteBehind(String name) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.room = new Semaphore(QUEUED);
    }

    /** Queues a task, waiting while {@link #QUEUED} tasks are waiting already. */
    void submit(Runnable task) {
        requireHealthy();
        try {
            room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OcidiffException.runtime("interrupted while handing resources to the store", e);
        }
        thread.execute(() -> {
            try {
                if (failure == null && !stopped) {
                    task.run();
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every task submitted so far has run. */
    void drain() {
        try {
            thread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OcidiffException.runtime("interrupted while the store wrote the snapshot", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        requireHealthy();
    }

    private void requireHealthy() {
        RuntimeException e = failure;
        if (e != null) {
            throw OcidiffException.runtime(DiskFailure.describe(e)
                    .orElseGet(() -> "the store could not write the snapshot: " + e.getMessage()), e);
        }
    }

    /**
     * Stops after the running task, dropping the queued ones. Not by interrupting it: an interrupt
     * during file I/O closes H2's file channel under the database.
     */
    @Override
    public void close() {
        stopped = true;
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

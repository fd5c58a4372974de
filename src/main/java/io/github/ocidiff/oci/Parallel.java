package io.github.ocidiff.oci;

import io.github.ocidiff.OcidiffException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one task per scope on a bounded pool of daemon threads and gathers the results in order: how the
 * crawl and attribution fan out over regions and compartments (OciClients bounds each region further);
 * and waits for a task run apart as if it had run in place ({@link #join}).
 */
public final class Parallel {
    private Parallel() {
    }

    /**
     * @param threadName the pool's threads' name, e.g. "ocidiff-crawl"
     * @param activity   what runs, for the message when interrupted, e.g. "snapshot"
     * @return each item's result, in the items' order; the first task's runtime exception is rethrown
     */
    public static <T, R> List<R> map(List<T> items, int threads, String threadName, String activity,
                                     Function<T, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OcidiffException.runtime(activity + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : OcidiffException.runtime(String.valueOf(cause), cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A future's value once done; fails as its task failed, with the task's own exception. */
    public static <R> R join(CompletableFuture<R> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}

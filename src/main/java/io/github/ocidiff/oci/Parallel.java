package io.github.ocidiff.oci;

import io.github.ocidiff.OcidiffException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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
        ExecutorService pool = pool(threads, threadName);
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
            throw interrupted(activity, e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs a task per item until none is left, each item on the pool of its lane (e.g. its region), where a task may
     * hand in more items (to its second argument), which queue behind those waiting in their lane: how a crawl asks
     * again, apart, what one query turned out to hold too much of. With a lane per region, a region's queue never
     * holds threads another region could use.
     *
     * @throws RuntimeException the first task's runtime exception, once no task runs any more
     */
    public static <T> void drain(List<T> items, Function<T, String> laneOf, int threadsPerLane, String threadName,
                                 String activity, BiConsumer<T, Consumer<T>> task) {
        Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();
        // One for the items being handed in, so that the count cannot reach 0 before they all are.
        AtomicInteger pending = new AtomicInteger(1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable finished = () -> {
            if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        };
        Consumer<T> submit = new Consumer<>() {
            @Override
            public void accept(T item) {
                pending.incrementAndGet();
                lanes.computeIfAbsent(laneOf.apply(item), lane -> pool(threadsPerLane, threadName)).execute(() -> {
                    try {
                        if (failure.get() == null) {
                            task.accept(item, this);
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        finished.run();
                    }
                });
            }
        };
        try {
            items.forEach(submit);
            finished.run();
            done.get();
            if (failure.get() != null) {
                throw rethrown(failure.get());
            }
        } catch (InterruptedException e) {
            throw interrupted(activity, e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } finally {
            lanes.values().forEach(ExecutorService::shutdownNow);
        }
    }

    private static ExecutorService pool(int threads, String threadName) {
        return Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static RuntimeException interrupted(String activity, InterruptedException e) {
        Thread.currentThread().interrupt();
        return OcidiffException.runtime(activity + " interrupted", e);
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException re ? re : OcidiffException.runtime(String.valueOf(cause), cause);
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

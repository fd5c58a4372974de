package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void drainRunsTheItemsAndEveryItemTheirTasksHandIn() {
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger ones = new AtomicInteger();
        // Each n above 1 hands in its halves, down to 1s.
        Parallel.drain(List.of(16, 5), n -> n % 2 == 0 ? "even" : "odd", 2, "test", "test", (n, more) -> {
            tasks.incrementAndGet();
            if (n > 1) {
                more.accept(n / 2);
                more.accept(n - n / 2);
            } else {
                ones.incrementAndGet();
            }
        });
        // 16 splits into 31 tasks, 5 into 9; their leaves are 21 ones.
        assertThat(tasks).hasValue(31 + 9);
        assertThat(ones).hasValue(21);
    }

    /** A lane's tasks waiting (a region's requests, say) hold none of another lane's threads. */
    @Test
    void drainRunsEachLaneOnThreadsOfItsOwn() {
        CountDownLatch fastRan = new CountDownLatch(1);
        List<String> waited = new CopyOnWriteArrayList<>();
        Parallel.drain(List.of("slow-1", "slow-2", "fast-1"), item -> item.substring(0, 4), 1, "test", "test",
                (item, more) -> {
                    if (item.startsWith("fast")) {
                        fastRan.countDown();
                        return;
                    }
                    try {
                        // With one thread for all, slow-1 would hold it and fast-1 would never run.
                        waited.add(item + (fastRan.await(10, TimeUnit.SECONDS) ? "" : " timed out"));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(waited).containsExactly("slow-1", "slow-2");
    }

    @Test
    void drainOfNothingReturns() {
        Parallel.drain(List.<Integer>of(), n -> "lane", 2, "test", "test", (n, more) -> {
            throw new AssertionError("no item");
        });
    }

    @Test
    void drainFailsWithTheFirstTasksExceptionOnceNoTaskRuns() {
        AtomicInteger running = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.drain(List.of(1, 2, 3, 4), n -> "lane", 2, "test", "test", (n, more) -> {
            running.incrementAndGet();
            try {
                if (n == 2) {
                    throw new IllegalStateException("task 2 failed");
                }
                more.accept(n + 10);
            } finally {
                running.decrementAndGet();
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 2 failed");
        assertThat(running).hasValue(0);
    }
}

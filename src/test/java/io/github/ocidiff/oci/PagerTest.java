package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerTest {
    private final ExecutorService ahead = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        ahead.shutdownNow();
    }

    /** Pages "1".."last" of a list; the token of a page is its number. */
    private static String next(String page, int last) {
        int n = Integer.parseInt(page);
        return n < last ? String.valueOf(n + 1) : null;
    }

    @Test
    void everyPageIsHandledInOrderOnTheCallersThread() {
        List<String> handled = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Pager.forEachPageAhead(token -> token == null ? "1" : token, page -> next(page, 5), page -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            handled.add(page);
        }, ahead);
        assertThat(handled).containsExactly("1", "2", "3", "4", "5");
    }

    @Test
    void theNextPageIsAskedForWhileThisOneIsHandled() {
        CountDownLatch secondAskedFor = new CountDownLatch(1);
        List<String> handled = new ArrayList<>();
        Function<String, String> fetch = token -> {
            if ("2".equals(token)) {
                secondAskedFor.countDown();
            }
            return token == null ? "1" : token;
        };
        Pager.forEachPageAhead(fetch, page -> next(page, 2), page -> {
            if (page.equals("1")) {
                // Handling page 1 waits for the request of page 2, which only an early request satisfies.
                try {
                    assertThat(secondAskedFor.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            handled.add(page);
        }, ahead);
        assertThat(handled).containsExactly("1", "2");
    }

    @Test
    void aFailedRequestFailsTheLoopWithItsOwnExceptionAfterTheEarlierPages() {
        List<String> handled = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("503 on page 3");
        Function<String, String> fetch = token -> {
            if ("3".equals(token)) {
                throw failure;
            }
            return token == null ? "1" : token;
        };
        assertThatThrownBy(() -> Pager.forEachPageAhead(fetch, page -> next(page, 5), handled::add, ahead))
                .isSameAs(failure);
        assertThat(handled).containsExactly("1", "2");
    }

    @Test
    void aFailedHandlingStopsTheLoop() {
        List<String> fetched = new ArrayList<>();
        Function<String, String> fetch = token -> {
            synchronized (fetched) {
                fetched.add(String.valueOf(token));
            }
            return token == null ? "1" : token;
        };
        assertThatThrownBy(() -> Pager.forEachPageAhead(fetch, page -> next(page, 5), page -> {
            throw new IllegalArgumentException("bad page " + page);
        }, ahead)).hasMessage("bad page 1");
        ahead.shutdown();
        synchronized (fetched) {
            // At most the one page ahead was asked for.
            assertThat(fetched).hasSizeLessThanOrEqualTo(2).startsWith("null");
        }
    }
}

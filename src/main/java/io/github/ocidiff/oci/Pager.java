package io.github.ocidiff.oci;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/** Follows {@code opc-next-page} to the end: the one paging loop of every OCI list call. */
public final class Pager {
    private Pager() {
    }

    /**
     * @param fetch    one request for a page token (null for the first page)
     * @param nextPage the response's next-page token, null on the last page
     */
    public static <R> void forEachPage(Function<String, R> fetch, Function<R, String> nextPage, Consumer<R> each) {
        String page = null;
        do {
            R response = fetch.apply(page);
            each.accept(response);
            page = nextPage.apply(response);
        } while (page != null);
    }

    /**
     * As {@link #forEachPage}, but the next page is asked for (on {@code ahead}) while {@code each} handles
     * this one, so that a list costs per page the longer of the request and the handling, not their sum:
     * over a network, the handling is then hidden behind the next request. At most one request is ahead;
     * when {@code each} fails, its answer is dropped. A failed request fails the loop with its own
     * exception, after the pages before it were handled.
     */
    public static <R> void forEachPageAhead(Function<String, R> fetch, Function<R, String> nextPage, Consumer<R> each,
                                            Executor ahead) {
        R response = fetch.apply(null);
        while (true) {
            String page = nextPage.apply(response);
            CompletableFuture<R> next = page == null ? null : CompletableFuture.supplyAsync(() -> fetch.apply(page), ahead);
            each.accept(response);
            if (next == null) {
                return;
            }
            response = Parallel.join(next);
        }
    }
}

package io.github.ocidiff.oci;

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
}

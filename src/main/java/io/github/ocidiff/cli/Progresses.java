package io.github.ocidiff.cli;

import io.github.ocidiff.crawl.CrawlProgress;
import java.io.PrintWriter;
import java.util.function.Function;

/** How a crawl shows progress: a bar on a terminal, log lines otherwise or with --quiet. */
final class Progresses {
    private Progresses() {
    }

    static <T> T with(boolean quiet, PrintWriter out, Function<CrawlProgress, T> work) {
        if (!quiet && System.console() != null) {
            try (BarProgress bar = new BarProgress()) {
                return work.apply(bar);
            }
        }
        return work.apply(new LineProgress(out));
    }
}

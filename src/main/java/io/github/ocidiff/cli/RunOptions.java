package io.github.ocidiff.cli;

import java.time.Instant;
import picocli.CommandLine.Option;

/** The options of the commands that crawl: how progress shows, and the clock (for replays). */
final class RunOptions {

    @Option(names = {"-q", "--quiet"}, description = "No progress bar: plain log lines only.")
    boolean quiet;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Run as if at this time (RFC 3339), e.g. to replay recorded days; default now.")
    Instant at;

    Instant now() {
        return at != null ? at : Instant.now();
    }
}

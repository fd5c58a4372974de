package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Option;

/** The options of the commands that crawl: how progress shows, and the clock (for replays). */
final class RunOptions {

    /**
     * How far ahead of this machine's clock a run may be dated. Snapshots are added in time order, so one
     * dated years ahead (a mistyped year) would refuse every night until then; a day covers clocks and zones.
     */
    static final Duration AHEAD = Duration.ofDays(1);

    @Option(names = {"-q", "--quiet"}, description = "No progress bar: plain log lines only.")
    boolean quiet;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Run as if at this time (RFC 3339), e.g. to replay recorded days; default now.")
    Instant at;

    Instant now() {
        Instant now = Instant.now();
        if (at == null) {
            return now;
        }
        requireNotAhead("--at " + at, at, now);
        return at;
    }

    /** @throws OcidiffException when {@code time}, which {@code what} names, is more than {@link #AHEAD} from now */
    static void requireNotAhead(String what, Instant time, Instant now) {
        requireNotAhead(what, time, now, AHEAD);
    }

    /** {@link #requireNotAhead(String, Instant, Instant)} allowing {@code ahead} rather than {@link #AHEAD}. */
    static void requireNotAhead(String what, Instant time, Instant now, Duration ahead) {
        if (time.isAfter(now.plus(ahead))) {
            throw OcidiffException.usage(what + " is later than now (" + now.truncatedTo(ChronoUnit.SECONDS)
                    + "): snapshots are added in time order, so one dated ahead would refuse every night"
                    + " until then; give the time of the day it describes");
        }
    }
}

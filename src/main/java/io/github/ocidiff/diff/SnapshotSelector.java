package io.github.ocidiff.diff;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.store.SnapshotInfo;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves what users type for {@code --from}/{@code --to}: a snapshot id, {@code latest},
 * {@code previous}, a date (that day's latest COMPLETE snapshot, else its latest PARTIAL one, with a
 * warning) or an age such as {@code 7d} (the newest snapshot at least that old). FAILED snapshots are
 * never diff ends. An unknown value is an error listing the nearest snapshots.
 */
public final class SnapshotSelector {
    private static final Pattern AGE = Pattern.compile("(\\d+)d");

    /** A resolved end, with a warning for the user or null. */
    public record Selection(SnapshotInfo snapshot, String warning) {
    }

    private final List<SnapshotInfo> usable;
    /** FAILED ones, which collected nothing: named when asked for, as `snapshots` lists them. */
    private final List<SnapshotInfo> failed;

    /** @param snapshots committed snapshots, oldest first */
    public SnapshotSelector(List<SnapshotInfo> snapshots) {
        this.usable = snapshots.stream().filter(s -> s.status() != SnapshotStatus.FAILED).toList();
        this.failed = snapshots.stream().filter(s -> s.status() == SnapshotStatus.FAILED).toList();
    }

    /**
     * The usable snapshot just before {@code to}: the older end when only the newer one is named ({@code diff --to 5}
     * compares 5 with the one before it, not with the one before the latest).
     *
     * @param toOption how the newer end was named, e.g. "--to 5", for the error when nothing is older
     */
    public Selection before(SnapshotInfo to, String toOption) {
        return usable.stream().filter(s -> s.id() < to.id()).reduce((older, newer) -> newer)
                .map(s -> selected(s, null))
                .orElseThrow(() -> OcidiffException.usage(usable.size() == 1
                        ? "the store has only one usable snapshot, " + describe(to) + ": nothing to compare it with"
                        + " yet; take another with `ocidiff snapshot`"
                        : toOption + " is the store's oldest usable snapshot, " + describe(to)
                        + ": nothing older to compare it with; name a later one"));
    }

    public Selection select(String option, String value, Instant now) {
        if (usable.isEmpty()) {
            throw OcidiffException.usage(option + ": the store has no snapshots yet; take one with `ocidiff snapshot`");
        }
        String v = value.trim();
        if (v.equals("latest")) {
            return selected(usable.get(usable.size() - 1), null);
        }
        if (v.equals("previous")) {
            if (usable.size() < 2) {
                throw OcidiffException.usage(option + " previous: the store has only one usable snapshot ("
                        + describe(usable.get(0)) + ")");
            }
            return selected(usable.get(usable.size() - 2), null);
        }
        if (v.matches("\\d+")) {
            // Compared as a number of any length: one too large for an id is as unknown as any other.
            BigInteger id = new BigInteger(v);
            failed.stream().filter(s -> BigInteger.valueOf(s.id()).equals(id)).findFirst().ifPresent(s -> {
                throw OcidiffException.usage(option + " " + v + ": snapshot " + v + " FAILED (it collected nothing);"
                        + " name another, e.g. " + describe(usable.stream().filter(u -> u.id() < s.id())
                        .reduce((a, b) -> b).orElse(usable.get(usable.size() - 1))));
            });
            return usable.stream().filter(s -> BigInteger.valueOf(s.id()).equals(id)).findFirst()
                    .map(s -> selected(s, null))
                    .orElseThrow(() -> unknown(option, v, usable.stream()
                            .sorted(Comparator.comparing(s -> BigInteger.valueOf(s.id()).subtract(id).abs()))
                            .limit(3).toList()));
        }
        Matcher age = AGE.matcher(v);
        if (age.matches()) {
            // 2^31 days and more (millions of years, soon beyond what Instant counts) is older than any snapshot too.
            BigInteger days = new BigInteger(age.group(1));
            Instant cutoff = days.bitLength() < Integer.SIZE ? now.minus(Duration.ofDays(days.longValue()))
                    : Instant.MIN;
            Optional<SnapshotInfo> found = usable.stream().filter(s -> !s.takenAt().isAfter(cutoff))
                    .reduce((a, b) -> b);
            return found.map(s -> selected(s, null)).orElseThrow(() -> unknown(option, v, usable.subList(0,
                    Math.min(3, usable.size()))));
        }
        LocalDate day;
        try {
            day = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw OcidiffException.usage(option + " " + v + ": not a snapshot id, a date (YYYY-MM-DD), latest,"
                    + " previous or an age like 7d");
        }
        List<SnapshotInfo> ofDay = usable.stream().filter(s -> s.day().equals(day)).toList();
        Optional<SnapshotInfo> complete = ofDay.stream().filter(s -> s.status() == SnapshotStatus.COMPLETE).reduce((a, b) -> b);
        if (complete.isPresent()) {
            return selected(complete.get(), null);
        }
        if (!ofDay.isEmpty()) {
            SnapshotInfo partial = ofDay.get(ofDay.size() - 1);
            return selected(partial, "the only snapshot of " + day + " is PARTIAL (" + partial.failedScopes()
                    + " scopes not collected): its missing resources are reported as unknown, not deleted");
        }
        throw unknown(option, v, usable.stream()
                .sorted(Comparator.comparingLong(s -> Math.abs(Duration.between(s.day().atStartOfDay(),
                        day.atStartOfDay()).toDays()))).limit(3).toList());
    }

    /** A snapshot the command line narrowed saw part of the plan: the user is told, whichever way it was named. */
    private static Selection selected(SnapshotInfo s, String warning) {
        if (s.narrowing().isNone()) {
            return new Selection(s, warning);
        }
        String narrowed = "snapshot " + s.id() + " of " + s.day() + " was narrowed to " + s.narrowing().describe()
                + ": what it left out is reported as unknown";
        return new Selection(s, warning == null ? narrowed : warning + "; " + narrowed);
    }

    private static OcidiffException unknown(String option, String value, List<SnapshotInfo> nearest) {
        return OcidiffException.usage(option + " " + value + ": no such snapshot; nearest: "
                + nearest.stream().map(SnapshotSelector::describe).collect(Collectors.joining(", ")));
    }

    private static String describe(SnapshotInfo s) {
        return s.id() + " (" + s.day() + ", " + s.status() + ")";
    }
}

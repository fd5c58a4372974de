package io.github.ocidiff.audit;

import io.github.ocidiff.crawl.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Audit stretches before a diff's window where resources it shows created (or first seen already gone) were
 * created: Resource Search lists a new resource only once it has indexed it, some minutes after, so one created just
 * before the 'from' snapshot shows up created at 'to', its create event in the window of the night before. Each is
 * read around the resource's own {@code timeCreated}, in its compartment, and attributes only those resources. A
 * creation more than {@link #LOOKBACK} before the window is no indexing delay but a resource 'from' did not collect
 * (its caveat says so).
 *
 * @param stretches the stretches to read, nearest the window first
 * @param ocids     the resources they are read for
 * @param leftOut   resources created within the look-back whose stretch is beyond {@link #MOST_STRETCHES}
 */
record LateCreations(List<ScopeWindow> stretches, Set<String> ocids, int leftOut) {

    /** As far back as a creation counts as listed late: a nightly schedule's night, and its indexing delay. */
    static final Duration LOOKBACK = Duration.ofHours(26);
    /** Stretches of one compartment closer than this are read as one: one request instead of two. */
    static final Duration JOIN_WITHIN = Duration.ofMinutes(30);
    /** At most this many Audit requests more: a night of mass creation must not multiply the night's requests. */
    static final int MOST_STRETCHES = 200;
    static final LateCreations NONE = new LateCreations(List.of(), Set.of(), 0);

    LateCreations {
        stretches = List.copyOf(stretches);
        ocids = Set.copyOf(ocids);
    }

    /** A resource whose creation no event of the window shows, where and when it says it was created. */
    record Created(String ocid, Scope scope, Instant at) {
    }

    /**
     * @param created     the resources (created, or first seen already gone) whose creation no Audit event of the
     *                    window shows
     * @param windowStart where the diff's Audit window starts
     */
    static LateCreations of(List<Created> created, Instant windowStart) {
        Instant earliest = windowStart.minus(LOOKBACK);
        Map<Scope, List<Creation>> byScope = new TreeMap<>(Comparator.comparing(Scope::region)
                .thenComparing(Scope::compartmentId, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (Created c : created) {
            if (c.at().isBefore(windowStart) && !c.at().isBefore(earliest)) {
                byScope.computeIfAbsent(c.scope(), s -> new ArrayList<>()).add(new Creation(c.ocid(), around(c.at(),
                        windowStart)));
            }
        }
        List<Joined> joined = new ArrayList<>();
        byScope.forEach((scope, creations) -> {
            creations.sort(Comparator.comparing(c -> c.window().start()));
            Joined current = null;
            for (Creation c : creations) {
                if (current != null && !c.window().start().isAfter(current.end.plus(JOIN_WITHIN))) {
                    current.add(c);
                } else {
                    current = new Joined(scope, c);
                    joined.add(current);
                }
            }
        });
        joined.sort(Comparator.comparing((Joined j) -> j.end).reversed());
        List<ScopeWindow> stretches = new ArrayList<>();
        Set<String> ocids = new HashSet<>();
        int leftOut = 0;
        for (Joined j : joined) {
            if (stretches.size() < MOST_STRETCHES) {
                stretches.add(new ScopeWindow(j.scope, new AuditWindow(j.start, j.end)));
                ocids.addAll(j.ocids);
            } else {
                leftOut += j.ocids.size();
            }
        }
        return new LateCreations(stretches, ocids, leftOut);
    }

    /**
     * The minutes around a creation, up to the window: a create event is logged within seconds of the resource's
     * {@code timeCreated}, either side, and Audit is read by whole minutes.
     */
    private static AuditWindow around(Instant created, Instant windowStart) {
        Instant minute = created.truncatedTo(ChronoUnit.MINUTES);
        Instant end = minute.plus(2, ChronoUnit.MINUTES);
        return new AuditWindow(minute.minus(1, ChronoUnit.MINUTES), end.isBefore(windowStart) ? end : windowStart);
    }

    private record Creation(String ocid, AuditWindow window) {
    }

    /** Creations of one compartment read in one stretch. */
    private static final class Joined {
        final Scope scope;
        final Instant start;
        Instant end;
        final List<String> ocids = new ArrayList<>();

        Joined(Scope scope, Creation first) {
            this.scope = scope;
            this.start = first.window().start();
            this.end = first.window().end();
            ocids.add(first.ocid());
        }

        void add(Creation c) {
            end = c.window().end().isAfter(end) ? c.window().end() : end;
            ocids.add(c.ocid());
        }
    }
}

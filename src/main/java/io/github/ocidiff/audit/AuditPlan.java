package io.github.ocidiff.audit;

import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.KeptEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * How to attribute a window between two snapshots: from the evidence kept for the pairs it is made of
 * (the nightly reports'), longest stretch first, and from Audit only for what no kept pair covers. A
 * drift from a baseline months old then costs no Audit call when every night was reported. A stretch
 * whose kept evidence could not read every scope (a region down then) is used and read again: Audit may
 * answer now, and the events kept stay if it no longer does (past its retention); so is one kept between snapshots
 * that did not both collect everything.
 *
 * @param kept        the kept evidence to use, oldest first
 * @param toRead      the stretches of the window to read from Audit, oldest first: those no kept evidence
 *                    covers and those whose kept evidence is partial
 * @param earlier     stretches before the window, each read for its scope only (see {@link ScopeWindow})
 * @param overlapping kept pairs reaching beyond the window (the nightly report past a PARTIAL night, from the
 *                    COMPLETE snapshot before it): their events within the window attribute the changes they
 *                    attributed then, though not the others, so the window is read from Audit all the same; where
 *                    Audit no longer answers (offline, past its retention) they still name those actors
 * @param bounds      scopes whose events belong to the pair over less than the window, by those bounds: an end that
 *                    filled another snapshot's gaps collected the scopes it took again at its own time, the rest
 *                    earlier (see SnapshotInfo#collectedSince), so a scope's changes lie between when each end
 *                    collected it
 */
public record AuditPlan(List<KeptEvidence> kept, List<AuditWindow> toRead, List<ScopeWindow> earlier,
                        List<KeptEvidence> overlapping, Map<Scope, AuditWindow> bounds) {

    public AuditPlan {
        kept = List.copyOf(kept);
        toRead = List.copyOf(toRead);
        earlier = List.copyOf(earlier);
        overlapping = List.copyOf(overlapping);
        bounds = Map.copyOf(bounds);
    }

    /** A plan whose every scope's events belong to the pair over the whole window. */
    public AuditPlan(List<KeptEvidence> kept, List<AuditWindow> toRead, List<ScopeWindow> earlier,
                     List<KeptEvidence> overlapping) {
        this(kept, toRead, earlier, overlapping, Map.of());
    }

    /** This plan, reading also {@code stretches} before its window. */
    public AuditPlan withEarlier(List<ScopeWindow> stretches) {
        return new AuditPlan(kept, toRead, stretches, overlapping, bounds);
    }

    /** This plan, using also the events of {@code pairs} that fall within its window. */
    public AuditPlan withOverlapping(List<KeptEvidence> pairs) {
        return new AuditPlan(kept, toRead, earlier, pairs, bounds);
    }

    /** This plan, reading the scopes of {@code scopeBounds} within those bounds only. */
    public AuditPlan withBounds(Map<Scope, AuditWindow> scopeBounds) {
        return new AuditPlan(kept, toRead, earlier, overlapping, scopeBounds);
    }

    /** Only what is kept: when Audit cannot be read. */
    public AuditPlan keptOnly() {
        return new AuditPlan(kept, List.of(), List.of(), overlapping, bounds);
    }

    /** The part of {@code window} to read for {@code scope} (see {@code bounds}); empty when none is. */
    Optional<AuditWindow> forScope(AuditWindow window, Scope scope) {
        AuditWindow b = bounds.get(scope);
        if (b == null) {
            return Optional.of(window);
        }
        Instant start = window.start().isAfter(b.start()) ? window.start() : b.start();
        Instant end = window.end().isBefore(b.end()) ? window.end() : b.end();
        return start.isBefore(end) ? Optional.of(new AuditWindow(start, end)) : Optional.empty();
    }

    /**
     * @param within the pairs kept between {@code fromId} and {@code toId} (store.auditEvidenceWithin)
     * @param entire whether a snapshot collected every scope of the plan at its own time (COMPLETE, neither
     *               narrowed nor a fill). A pair kept only the events of its own changes: where an end did not
     *               collect a scope, or a fill kept it from earlier, changes made there in its window surface in
     *               later pairs, whose reports need those events, so such a pair's window is read again.
     */
    public static AuditPlan of(long fromId, long toId, AuditWindow whole, List<KeptEvidence> within,
                               LongPredicate entire) {
        List<KeptEvidence> kept = new ArrayList<>();
        List<AuditWindow> toRead = new ArrayList<>();
        long cursor = fromId;
        Instant cursorTime = whole.start();
        while (cursor < toId) {
            long at = cursor;
            Optional<KeptEvidence> longest = within.stream()
                    .filter(k -> k.fromId() == at && k.toId() > at && k.toId() <= toId)
                    .max(Comparator.comparingLong(KeptEvidence::toId));
            if (longest.isPresent()) {
                EvidenceWindow evidence = longest.get().window();
                kept.add(longest.get());
                if (!evidence.failures().isEmpty() || !entire.test(longest.get().fromId())
                        || !entire.test(longest.get().toId())) {
                    toRead.add(new AuditWindow(evidence.start(), evidence.end()));
                }
                cursor = longest.get().toId();
                cursorTime = evidence.end();
                continue;
            }
            Optional<KeptEvidence> next = within.stream()
                    .filter(k -> k.fromId() > at && k.toId() <= toId && k.fromId() < k.toId())
                    .min(Comparator.comparingLong(KeptEvidence::fromId));
            Instant end = next.map(k -> k.window().start()).orElse(whole.end());
            if (end.isAfter(cursorTime)) {
                toRead.add(new AuditWindow(cursorTime, end));
            }
            if (next.isEmpty()) {
                break;
            }
            cursor = next.get().fromId();
            cursorTime = end.isAfter(cursorTime) ? end : cursorTime;
        }
        return new AuditPlan(kept, toRead, List.of(), List.of());
    }
}

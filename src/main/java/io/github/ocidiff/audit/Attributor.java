package io.github.ocidiff.audit;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.Diff;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.oci.Parallel;
import io.github.ocidiff.store.AuditEvidence;
import io.github.ocidiff.store.KeptEvidence;
import io.github.ocidiff.store.StoredAuditEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Finds who made each change of a diff: the Audit write events of the window between the two
 * snapshots, read per region and compartment, matched by resource OCID. A change with no event falls
 * back to its CreatedBy tag; resources created and deleted inside the window become transient ones.
 * What matched is returned as evidence for the store, so the report can be rendered again later
 * without Audit.
 */
public final class Attributor {

    /**
     * The attributed report rows, the evidence to keep (null when there is none new: tags only, or the kept
     * evidence of the pair itself), what the reader must be warned about, and a note for the command's own
     * output only, null when none: where the actors came from when the report is rendered again, which the
     * report must not say, or it would read otherwise than it did the first time (and than it was published).
     */
    public record Result(List<AttributedChange> changes, List<AttributedTransient> transients, AuditEvidence evidence,
                         List<String> warnings, String note) {
        public Result {
            changes = List.copyOf(changes);
            transients = List.copyOf(transients);
            warnings = List.copyOf(warnings);
        }

        /** This result, its reader also warned of {@code warning}. */
        public Result withWarning(String warning) {
            List<String> more = new ArrayList<>(warnings);
            more.add(warning);
            return new Result(changes, transients, evidence, more, note);
        }

        /** This result with no evidence to keep: it attributed from part of what it should have read. */
        public Result withoutEvidence() {
            return new Result(changes, transients, null, warnings, note);
        }
    }

    private final TagAttribution tags;

    /** @param tags the fallback for changes Audit has no event for */
    public Attributor(TagAttribution tags) {
        this.tags = tags;
    }

    /**
     * Reads Audit for every scope, {@code perRegion} scopes of each region at a time.
     * A scope that cannot be read is a warning, not a failure: its changes fall back to tags.
     */
    public Result fromAudit(Diff diff, Collection<Scope> scopes, AuditWindow window, AuditFeed feed, int perRegion,
                            Instant now) {
        AuditPlan plan = new AuditPlan(List.of(), List.of(window), List.of(), List.of());
        return fromKeptAndAudit(diff, plan, EvidenceSource.NONE, window, scopes, feed, perRegion, now);
    }

    /**
     * Attribution over a window made of stretches already attributed (their kept events: no Audit call)
     * and stretches read from Audit, e.g. a drift from a baseline months ago over the nightly reports'
     * evidence. The result's evidence covers the whole window.
     *
     * @param plan   the kept pairs, the stretches of the window to read from Audit, and those before it, each of
     *               which attributes only the changes of its scope
     * @param events the events of the kept pairs, read a pair at a time: a drift over months of nights keeps
     *               far more events than the heap would hold at once
     * @param feed   may be null when the plan reads nothing
     */
    public Result fromKeptAndAudit(Diff diff, AuditPlan plan, EvidenceSource events, AuditWindow whole,
                                   Collection<Scope> scopes, AuditFeed feed, int perRegion, Instant now) {
        EventMatcher matcher = new EventMatcher(wanted(diff));
        List<KeptEvidence> kept = plan.kept();
        List<AuditWindow> toRead = plan.toRead();
        long eventsRead = 0;
        long writeEvents = 0;
        for (KeptEvidence pair : kept) {
            events.forEach(pair.fromId(), pair.toId(), e -> matcher.accept(AuditEventJson.read(e.json())));
            // A stretch kept with failures is read again (AuditPlan): its counts and failures come from that reading.
            if (pair.window().failures().isEmpty()) {
                eventsRead += pair.window().eventsRead();
                writeEvents += pair.window().writeEvents();
            }
        }
        EventMatcher before = new EventMatcher(wantedBefore(diff, plan.earlier()));
        acceptOverlapping(plan, events, whole, matcher, before);
        long keptAccepted = matcher.writes();
        long keptBefore = before.writes();
        AtomicLong read = new AtomicLong();
        List<String> failures = new ArrayList<>();
        for (AuditWindow window : toRead) {
            failures.addAll(read(window, scopes, plan::forScope, feed, perRegion, matcher, read));
        }
        failures.addAll(read(plan.earlier(), feed, perRegion, before, read));
        // What 'from' did not collect is compared from when it was: what came and went there since is transient too.
        matcher.acceptMatched(before);
        matcher.acceptLifecycle(before);
        LateCreations late = feed == null ? LateCreations.NONE
                : LateCreations.of(unexplainedCreations(diff, matcher), whole.start());
        EventMatcher creations = new EventMatcher(late.ocids());
        failures.addAll(read(late.stretches(), feed, perRegion, creations, read));
        matcher.acceptMatched(creations);
        List<String> warnings = new ArrayList<>();
        // Those kept with failures were read again, as the rest of the window was.
        long reused = kept.stream().filter(pair -> pair.window().failures().isEmpty()).count()
                + plan.overlapping().size();
        if (reused > 0) {
            warnings.add("actors from the Audit events kept for " + reused + (reused == 1 ? " earlier report"
                    : " earlier reports") + (toRead.isEmpty() ? "" : ", and from Audit for the rest of the window"));
        }
        if (!failures.isEmpty()) {
            warnings.add("Audit could not be read for " + failures.size() + " of "
                    + (scopes.size() * toRead.size() + plan.earlier().size() + late.stretches().size())
                    + " scopes (first: " + failures.get(0) + "); changes there may show as unattributed");
        }
        if (late.leftOut() > 0) {
            warnings.add(late.leftOut() + " resources created before the Audit window, which Search listed only after"
                    + " the 'from' snapshot, were not looked up in Audit (more than " + LateCreations.MOST_STRETCHES
                    + " stretches to read); they may show as unattributed");
        }
        Matched matched = match(diff, matcher, whole.start());
        List<StoredAuditEvent> used = new UsedEvents(matched.used());
        return new Result(matched.changes(), matched.transients(), new AuditEvidence(whole.start(), whole.end(), now,
                eventsRead + read.get(), writeEvents + matcher.writes() - keptAccepted + before.writes() - keptBefore
                + creations.writes(), failures, used),
                warnings, null);
    }

    /**
     * The events of the kept pairs reaching beyond the window ({@link AuditPlan#overlapping}): those within it into
     * {@code matcher}, those within a stretch read before it for their own scope into {@code before}.
     */
    private static void acceptOverlapping(AuditPlan plan, EvidenceSource events, AuditWindow whole,
                                          EventMatcher matcher, EventMatcher before) {
        Map<Scope, AuditWindow> earlier = new HashMap<>();
        plan.earlier().forEach(stretch -> earlier.put(stretch.scope(), stretch.window()));
        for (KeptEvidence pair : plan.overlapping()) {
            events.forEach(pair.fromId(), pair.toId(), stored -> {
                if (whole.contains(stored.eventTime())) {
                    matcher.accept(AuditEventJson.read(stored.json()));
                } else if (!earlier.isEmpty() && stored.eventTime().isBefore(whole.start())) {
                    WriteEvent event = AuditEventJson.read(stored.json());
                    AuditWindow stretch = earlier.get(new Scope(event.region(), event.compartmentId()));
                    if (stretch != null && stretch.contains(event.eventTime())) {
                        before.accept(event);
                    }
                }
            });
        }
    }

    /** Streams each stretch into the matcher, for its scope only; returns the scopes that failed, one sentence each. */
    private static List<String> read(List<ScopeWindow> stretches, AuditFeed feed, int perRegion, EventMatcher matcher,
                                     AtomicLong read) {
        Map<AuditWindow, List<Scope>> byWindow = stretches.stream().collect(Collectors.groupingBy(
                ScopeWindow::window, LinkedHashMap::new, Collectors.mapping(ScopeWindow::scope, Collectors.toList())));
        List<String> failures = new ArrayList<>();
        byWindow.forEach((window, scopes) -> failures.addAll(read(window, scopes, (w, scope) -> Optional.of(w), feed,
                perRegion, matcher, read)));
        return failures;
    }

    /**
     * The resources created, or first seen already gone, whose creation no event matched yet (a later update or the
     * deletion may have), with when they say they were created.
     */
    private List<LateCreations.Created> unexplainedCreations(Diff diff, EventMatcher matcher) {
        List<LateCreations.Created> created = new ArrayList<>();
        for (Change c : diff.changes()) {
            if (c.kind() == ChangeKind.CREATED && matcher.eventsOf(c.ocid()).stream().noneMatch(WriteEvent::creates)) {
                tags.createdAt(c.ocid(), c.afterSha256()).ifPresent(at -> created.add(new LateCreations.Created(
                        c.ocid(), new Scope(c.region(), c.compartmentId()), at)));
            }
        }
        for (TransientResource t : diff.transients()) {
            if (matcher.eventsOf(t.ocid()).stream().noneMatch(WriteEvent::creates)) {
                tags.createdAt(t.ocid(), t.sha256()).ifPresent(at -> created.add(new LateCreations.Created(
                        t.ocid(), new Scope(t.region(), t.compartmentId()), at)));
            }
        }
        return created;
    }

    /** Streams one window of every scope into the matcher; returns the scopes that failed, one sentence each. */
    /** @param forScope the part of {@code window} to read for a scope (see {@link AuditPlan#forScope}) */
    private static List<String> read(AuditWindow window, Collection<Scope> scopes,
                                     BiFunction<AuditWindow, Scope, Optional<AuditWindow>> forScope, AuditFeed feed,
                                     int perRegion, EventMatcher matcher, AtomicLong read) {
        long regions = scopes.stream().map(Scope::region).distinct().count();
        int threads = (int) Math.max(1, Math.min(scopes.size(), perRegion * regions));
        return Parallel.map(List.copyOf(scopes), threads, "ocidiff-audit", "attribution", scope -> {
            Optional<AuditWindow> part = forScope.apply(window, scope);
            if (part.isEmpty()) {
                return null;
            }
            try {
                read.addAndGet(feed.writes(scope.region(), scope.compartmentId(), part.get(), matcher::accept));
                return null;
            } catch (OcidiffException e) {
                return scope.region() + " " + scope.compartmentId() + ": " + e.getMessage();
            }
        }).stream().filter(Objects::nonNull).toList();
    }

    /**
     * Attribution from the evidence kept when this pair was first attributed, every scope read then: no Audit
     * call, and nothing new to keep (the result's evidence is null). Evidence kept with failures is read again
     * ({@link #fromKeptAndAudit}).
     */
    public Result fromEvidence(Diff diff, KeptEvidence pair, EvidenceSource events) {
        EventMatcher matcher = new EventMatcher(wanted(diff));
        events.forEach(pair.fromId(), pair.toId(), stored -> matcher.accept(AuditEventJson.read(stored.json())));
        String note = "actors from the Audit events kept on " + pair.window().fetchedAt().truncatedTo(ChronoUnit.SECONDS)
                + " (Audit not called again)";
        Matched matched = match(diff, matcher, pair.window().start());
        return new Result(matched.changes(), matched.transients(), null, List.of(), note);
    }

    /** Tags only (--no-audit, or nowhere to read Audit from). */
    public Result withoutAudit(Diff diff, String why) {
        List<AttributedChange> changes = diff.changes().stream().map(tags::attribute).toList();
        List<AttributedTransient> transients = diff.transients().stream()
                .map(t -> new AttributedTransient(t, List.of())).toList();
        return new Result(changes, transients, null, List.of(why), null);
    }

    /**
     * The resources whose changes a stretch before the window may explain: those in a scope such a stretch is read
     * for, at 'from' or at 'to'. A resource moved into a scope 'from' did not collect was carried forward where it
     * was, so its move may have been made before 'from'; Audit logs a move in the compartment moved to.
     */
    private static Set<String> wantedBefore(Diff diff, List<ScopeWindow> earlier) {
        Set<Scope> scopes = earlier.stream().map(ScopeWindow::scope).collect(Collectors.toSet());
        Set<String> wanted = new HashSet<>();
        for (Change c : diff.changes()) {
            if (scopes.contains(new Scope(c.region(), c.compartmentId())) || (c.previousCompartmentId() != null
                    && scopes.contains(new Scope(c.region(), c.previousCompartmentId())))) {
                wanted.add(c.ocid());
            }
        }
        diff.transients().stream().filter(t -> scopes.contains(new Scope(t.region(), t.compartmentId())))
                .forEach(t -> wanted.add(t.ocid()));
        return wanted;
    }

    private static Set<String> wanted(Diff diff) {
        Set<String> wanted = new HashSet<>();
        diff.changes().forEach(c -> wanted.add(c.ocid()));
        diff.transients().forEach(t -> wanted.add(t.ocid()));
        return wanted;
    }

    /** An event that attributed something, and to which resource: what evidence keeps. */
    private record Used(String ocid, WriteEvent event) {
    }

    /**
     * The evidence's events, each written as JSON when read: a night of 100,000 changes would otherwise hold
     * 100,000 texts of a kilobyte each besides its report, until the store has kept them.
     */
    private static final class UsedEvents extends AbstractList<StoredAuditEvent> implements RandomAccess {
        private final List<Used> used;

        UsedEvents(List<Used> used) {
            this.used = List.copyOf(used);
        }

        @Override
        public StoredAuditEvent get(int index) {
            Used u = used.get(index);
            return new StoredAuditEvent(u.ocid(), u.event().eventId(), u.event().eventTime(), u.event().region(),
                    AuditEventJson.write(u.event()));
        }

        @Override
        public int size() {
            return used.size();
        }
    }

    private record Matched(List<AttributedChange> changes, List<AttributedTransient> transients, List<Used> used) {
    }

    /**
     * @param windowStart where the window starts: a resource created before it (found by {@link LateCreations}) says
     *                    why its creation shows in this diff
     */
    private Matched match(Diff diff, EventMatcher matcher, Instant windowStart) {
        List<Used> used = new ArrayList<>();
        List<AttributedChange> changes = new ArrayList<>();
        for (Change change : diff.changes()) {
            List<WriteEvent> events = matcher.eventsOf(change.ocid());
            if (events.isEmpty()) {
                changes.add(tags.attribute(change, windowStart));
                continue;
            }
            Instant first = events.get(0).eventTime();
            Optional<WriteEvent> movedIn = events.stream().filter(WriteEvent::movesCompartment).findFirst();
            // A caveat already says why: 'from' did not collect its scope.
            if (change.kind() == ChangeKind.CREATED && change.caveat() == null && movedIn.isPresent()
                    && events.stream().noneMatch(WriteEvent::creates)) {
                change = change.withCaveat("moved into this compartment by " + movedIn.get().eventName() + " at "
                        + movedIn.get().eventTime() + ", not created: the 'from' snapshot did not list it where it was"
                        + " (a compartment this report does not cover, or one Search had not indexed it in yet)");
            } else if (change.kind() == ChangeKind.CREATED && change.caveat() == null && first.isBefore(windowStart)) {
                change = change.withCaveat("created " + first + ", before this diff's Audit window: Resource Search"
                        + " did not list it yet when the 'from' snapshot was taken (it lists new resources some minutes"
                        + " after their creation)");
            }
            changes.add(new AttributedChange(change, actors(change.ocid(), events, used), Attribution.AUDIT));
        }
        List<AttributedTransient> transients = new ArrayList<>();
        for (TransientResource t : diff.transients()) {
            transients.add(new AttributedTransient(t, actors(t.ocid(), matcher.eventsOf(t.ocid()), used)));
        }
        for (Map.Entry<String, List<WriteEvent>> seen : matcher.auditOnlyTransients().entrySet()) {
            List<WriteEvent> events = seen.getValue();
            WriteEvent created = events.stream().filter(WriteEvent::creates).findFirst().orElse(events.get(0));
            TransientResource resource = new TransientResource(seen.getKey(), created.resourceTypeFromName(),
                    created.resourceName(), created.region(), created.compartmentId(), null, null);
            transients.add(new AttributedTransient(resource, actors(seen.getKey(), events, used)));
        }
        // In the order the store reads kept events back, so that evidence not kept (a read-only store) reads the same.
        used.sort(Comparator.comparing(Used::ocid).thenComparing(u -> u.event().eventTime())
                .thenComparing(u -> u.event().eventId()));
        return new Matched(changes, transients, used);
    }

    private static List<Actor> actors(String ocid, List<WriteEvent> events, List<Used> used) {
        events.forEach(e -> used.add(new Used(ocid, e)));
        return events.stream().map(WriteEvent::actor).toList();
    }
}

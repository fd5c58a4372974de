package io.github.ocidiff.diff;

import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the two snapshots saw, scope by scope. A resource's scope is its region and its own compartment
 * (not the subtree), as the crawler declares them.
 */
public final class Coverage {

    /** How one snapshot covered one scope. */
    public enum Status {
        /** Fully collected: an absence there means the resource is gone. */
        OK,
        /** Declared but not fully collected: its resources carried forward as last collected, their absence unknown. */
        FAILED,
        /** Not in that snapshot's plan at all (a compartment created later, a region added to the config...). */
        UNDECLARED
    }

    static final Comparator<Scope> SCOPE_ORDER = Comparator.comparing(Scope::region)
            .thenComparing(Scope::compartmentId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Map<Scope, ScopeCoverage> from;
    private final Map<Scope, ScopeCoverage> to;
    /** The compartments 'from' knew of (its tree), whether or not its plan covered them; empty when it kept none. */
    private final Set<String> knownToFrom;
    /** The compartments 'to' knew of, as {@link #knownToFrom}. */
    private final Set<String> knownToTo;
    /** When 'from' began collecting, where this pair's Audit window starts; null when not known. */
    private final Instant fromSince;
    /** The regions 'from' declared, each with whether it collected every scope it declared there. */
    private final Map<String, Boolean> fromWholeRegions = new HashMap<>();

    public Coverage(List<ScopeCoverage> from, List<ScopeCoverage> to) {
        this(from, to, Set.of(), Set.of(), null);
    }

    /**
     * @param knownToFrom the compartments of the tree 'from' recorded (a crawl's, excluded ones too); empty for one
     *                    that recorded none (an import, whose files are each region's whole inventory)
     * @param knownToTo   the same of 'to'
     * @param fromSince   when 'from' began collecting (null: not known), to tell what entered the plan since from what
     *                    was made since
     */
    public Coverage(List<ScopeCoverage> from, List<ScopeCoverage> to, Set<String> knownToFrom, Set<String> knownToTo,
                    Instant fromSince) {
        this.from = index(from);
        this.to = index(to);
        this.knownToFrom = Set.copyOf(knownToFrom);
        this.knownToTo = Set.copyOf(knownToTo);
        this.fromSince = fromSince;
        from.forEach(c -> fromWholeRegions.merge(c.scope().region(), c.ok(), Boolean::logicalAnd));
    }

    private static Map<Scope, ScopeCoverage> index(List<ScopeCoverage> coverage) {
        Map<Scope, ScopeCoverage> map = new HashMap<>();
        coverage.forEach(c -> map.put(c.scope(), c));
        return map;
    }

    public Status inFrom(Scope scope) {
        return status(from.get(scope));
    }

    public Status inTo(Scope scope) {
        return status(to.get(scope));
    }

    private static Status status(ScopeCoverage c) {
        return c == null ? Status.UNDECLARED : c.ok() ? Status.OK : Status.FAILED;
    }

    /**
     * Why a change seen in these scopes may be imprecise, or null when both snapshots fully collected
     * them. A snapshot that did not collect a scope carries its last known state forward, so a change
     * found there may have happened before 'from' (a creation: the resource may already have existed)
     * or the version shown may be older than 'to'.
     *
     * @param fromScope the scope the resource had at 'from' (its 'to' scope when it is new)
     * @param toScope   the scope it has at 'to', null when it vanished
     */
    public String caveat(Scope fromScope, Scope toScope) {
        List<String> notes = new ArrayList<>();
        Status f = inFrom(fromScope);
        if (f != Status.OK && !newSinceFrom(fromScope)) {
            notes.add(describe(fromScope) + " " + describe("'from'", f, from.get(fromScope)));
        }
        if (toScope != null && inTo(toScope) != Status.OK) {
            notes.add(describe(toScope) + " " + describe("'to'", inTo(toScope), to.get(toScope)));
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /**
     * Whether a scope 'from' did not declare is a compartment that did not exist then: 'from' collected its whole
     * region, and knew of no such compartment. What is in it now was made since, no caveat needed; a compartment
     * 'from' knew of but left out (excluded then) may hold resources older than 'from'.
     */
    private boolean newSinceFrom(Scope scope) {
        return inFrom(scope) == Status.UNDECLARED && !knownToFrom.contains(scope.compartmentId())
                && fromWholeRegions.getOrDefault(scope.region(), false);
    }

    /**
     * Whether a scope 'from' declared left the plan by 'to': its compartment was still there at 'to', active, where
     * 'to''s plan did not look (moved under one the configuration leaves out, or the configuration changed). What
     * 'from' held there is out of the plan, not gone and not unknown.
     */
    public boolean leftThePlan(Scope scope) {
        return inFrom(scope) != Status.UNDECLARED && inTo(scope) == Status.UNDECLARED && scope.compartmentId() != null
                && knownToTo.contains(scope.compartmentId());
    }

    /**
     * Whether a scope 'to' declared entered the plan since 'from', which left it out while it may have held resources
     * (a compartment 'from' knew of but did not cover, a region it did not cover): what 'to' holds there is new to the
     * pair, made since 'from' or there before it.
     */
    public boolean enteredThePlan(Scope scope) {
        return inTo(scope) != Status.UNDECLARED && inFrom(scope) == Status.UNDECLARED && !newSinceFrom(scope);
    }

    /** When 'from' began collecting; empty when not known. */
    public Optional<Instant> fromSince() {
        return Optional.ofNullable(fromSince);
    }

    /**
     * For a drift, the {@code gaps} with the scopes that {@link #leftThePlan left the plan} added, in region then
     * compartment order: what the baseline approved there is no longer looked at, so its drift there is unknown.
     *
     * @param left per scope, the resources that left the plan from it
     */
    public List<CoverageGap> withLeftThePlan(List<CoverageGap> gaps, Map<Scope, Long> left) {
        List<CoverageGap> all = new ArrayList<>(gaps);
        leftThePlan().forEach(c -> all.add(new CoverageGap(c.scope().region(), c.scope().compartmentId(),
                "'to' snapshot: not in its plan, which it left since 'from' (its compartment moved, or the configuration"
                        + " changed), so what is there now is not compared", left.getOrDefault(c.scope(), 0L))));
        all.sort(Comparator.comparing(g -> new Scope(g.region(), g.compartmentId()), SCOPE_ORDER));
        return all;
    }

    /** The scopes 'from' declared that {@link #leftThePlan left the plan} by 'to', in region then compartment order. */
    public List<ScopeCoverage> leftThePlan() {
        return from.values().stream().filter(c -> leftThePlan(c.scope()))
                .sorted(Comparator.comparing(ScopeCoverage::scope, SCOPE_ORDER)).toList();
    }

    /** "us-ashburn-1 / ocid1.compartment...", or "(whole region)" for a scope of no compartment. */
    static String describe(Scope scope) {
        return scope.region() + " / " + (scope.compartmentId() == null ? "(whole region)" : scope.compartmentId());
    }

    private static String describe(String snapshot, Status status, ScopeCoverage c) {
        return status == Status.UNDECLARED
                ? "was not in the " + snapshot + " snapshot's plan"
                : "was not fully collected by the " + snapshot + " snapshot"
                        + (c.error() == null ? "" : ": " + c.error());
    }

    /**
     * One row per scope that either snapshot declared and did not fully collect, per scope where
     * resources vanished without the diff being able to call them deleted, and per scope that {@link #enteredThePlan
     * entered the plan} where 'to' holds resources that say nothing of when they were made ({@code undated}): they
     * are listed as created, with a caveat, yet may be older than 'from'. In region then compartment order. A scope
     * declared by 'to' alone that is a compartment made since, or by 'from' alone with nothing vanished, is no gap:
     * compartments come and go, and their resources are then truly created or deleted.
     *
     * <p>{@code unknownResources} counts the resources of 'from' whose state at 'to' the diff cannot
     * tell: those that vanished ({@code vanished}, per their 'from' scope) or, for a scope 'to' failed to
     * collect, every resource 'from' collected there (the store carried them forward unverified). When
     * neither snapshot collected a scope, its resource count is not known and only the vanished ones
     * are counted: a lower bound.
     */
    public List<CoverageGap> gaps(Map<Scope, Long> vanished, Set<Scope> undated) {
        TreeSet<Scope> scopes = new TreeSet<>(SCOPE_ORDER);
        from.values().stream().filter(c -> !c.ok()).forEach(c -> scopes.add(c.scope()));
        to.values().stream().filter(c -> !c.ok()).forEach(c -> scopes.add(c.scope()));
        undated.stream().filter(this::enteredThePlan).forEach(scopes::add);
        vanished.forEach((scope, n) -> {
            if (n > 0) {
                scopes.add(scope);
            }
        });
        List<CoverageGap> gaps = new ArrayList<>(scopes.size());
        for (Scope scope : scopes) {
            List<String> reasons = new ArrayList<>(2);
            Status f = inFrom(scope);
            Status t = inTo(scope);
            if (f != Status.OK) {
                reasons.add(reason("'from'", f, from.get(scope)) + (f == Status.UNDECLARED && t == Status.OK
                        ? ", so what 'to' holds there is listed as created, though it may be older than 'from'" : ""));
            }
            if (t != Status.OK) {
                reasons.add(reason("'to'", t, to.get(scope)));
            }
            long unknown = vanished.getOrDefault(scope, 0L);
            if (reasons.isEmpty()) {
                // Both ends collected it: what went, went at a snapshot between that did not (out of its plan then,
                // or failed), where no one saw whether it was deleted or moved on.
                reasons.add("resources went at a snapshot between the two that did not collect this scope, so whether"
                        + " they were deleted or moved elsewhere is not known");
            }
            if (t == Status.FAILED && f == Status.OK) {
                // the vanished ones are among those 'from' collected: not counted twice
                unknown = Math.max(unknown, from.get(scope).resources());
            }
            gaps.add(new CoverageGap(scope.region(), scope.compartmentId(), String.join("; ", reasons), unknown));
        }
        return gaps;
    }

    private static String reason(String snapshot, Status status, ScopeCoverage c) {
        if (status == Status.UNDECLARED) {
            return snapshot + " snapshot: not in its plan";
        }
        return snapshot + " snapshot: " + (c.error() == null ? "not fully collected" : c.error());
    }
}

package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.audit.Attributor;
import io.github.ocidiff.audit.AuditFeed;
import io.github.ocidiff.audit.AuditPlan;
import io.github.ocidiff.audit.AuditWindow;
import io.github.ocidiff.audit.ScopeWindow;
import io.github.ocidiff.audit.TagAttribution;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.config.Spelling;
import io.github.ocidiff.crawl.Compartment;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.BaselineScope;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.ChangeRules;
import io.github.ocidiff.diff.CompartmentScope;
import io.github.ocidiff.diff.Coverage;
import io.github.ocidiff.diff.CoverageGap;
import io.github.ocidiff.diff.Diff;
import io.github.ocidiff.diff.DiffEngine;
import io.github.ocidiff.diff.IgnoreRules;
import io.github.ocidiff.diff.Principal;
import io.github.ocidiff.diff.RuleResults;
import io.github.ocidiff.diff.RuleTally;
import io.github.ocidiff.diff.SetArrays;
import io.github.ocidiff.diff.SnapshotSelector;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.SnapshotRef;
import io.github.ocidiff.report.TrendPoint;
import io.github.ocidiff.store.AuditEvidence;
import io.github.ocidiff.store.Baseline;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.KeptEvidence;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import io.github.ocidiff.store.StoredResource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The report of what changed between two snapshots: resolves the ends, runs the diff over only the
 * intervals that start or end between them, attributes each change through Audit (or the evidence
 * kept when the pair was first attributed), and names compartments as the snapshots saw them.
 */
public final class DiffJob {

    /** A waiver covering changes and expiring within this many days of the report's day is a warning. */
    static final int WAIVER_NOTICE_DAYS = 7;

    /** Nights shown in the report's trend chart. */
    static final int TREND_NIGHTS = 30;

    /**
     * The report and the warnings to show the user (e.g. a PARTIAL end).
     *
     * @param unkept the Audit evidence that attributed the report where the store could not keep it (a store this
     *               user may not write), for an evidence pack to hold; empty where it is kept, or there is none
     */
    public record Result(Report report, List<String> warnings, Optional<AuditEvidence> unkept) {
        Result(Report report, List<String> warnings) {
            this(report, warnings, Optional.empty());
        }
    }

    private final Store store;
    private final RulesConfig rules;
    private final AuditAccess audit;

    public DiffJob(Store store, RulesConfig rules, AuditAccess audit) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
    }

    /** @param fromValue the older end, or null for the snapshot before {@code toValue}'s */
    public Result run(String fromValue, String toValue, Instant now) {
        SnapshotSelector selector = new SnapshotSelector(store.snapshots());
        SnapshotSelector.Selection to = selector.select("--to", toValue, now);
        SnapshotSelector.Selection from = fromValue == null ? selector.before(to.snapshot(), "--to " + toValue)
                : selector.select("--from", fromValue, now);
        if (from.snapshot().id() >= to.snapshot().id()) {
            throw OcidiffException.usage("--from " + fromValue + " (snapshot " + from.snapshot().id()
                    + ") must be older than --to " + toValue + " (snapshot " + to.snapshot().id() + ")");
        }
        return run(from.snapshot(), to.snapshot(), List.of(from, to).stream()
                .map(SnapshotSelector.Selection::warning).filter(w -> w != null).toList(), now);
    }

    /** The report between two committed snapshots, {@code from} older than {@code to}. */
    public Result run(SnapshotInfo from, SnapshotInfo to, List<String> selectionWarnings, Instant now) {
        return report(from, to, Optional.empty(), selectionWarnings, now);
    }

    /**
     * The drift from the baseline called {@code name} to the snapshot {@code atValue} names (an id, a date,
     * latest, ...), as {@code atOption} (e.g. "--at") gave it.
     */
    public Result drift(String name, String atOption, String atValue, Instant now) {
        Baseline baseline = Baselines.named(store, name);
        SnapshotSelector.Selection at = new SnapshotSelector(store.snapshots()).select(atOption, atValue, now);
        return drift(baseline, at.snapshot(), at.warning() == null ? List.of() : List.of(at.warning()), now);
    }

    /**
     * The drift from an approved state: the report from the baseline's snapshot to {@code to}, narrowed to
     * the compartments and resource types the baseline covers.
     */
    public Result drift(Baseline baseline, SnapshotInfo to, List<String> selectionWarnings, Instant now) {
        SnapshotInfo from = store.snapshot(baseline.snapshotId()).orElseThrow(() -> new OcidiffException(OcidiffException.RUNTIME,
                "baseline " + baseline.name() + " pins snapshot " + baseline.snapshotId() + ", which the store no "
                        + "longer has; set the baseline again with ocidiff baseline set"));
        if (from.id() > to.id()) {
            throw OcidiffException.usage("--at: snapshot " + to.id() + " is older than baseline " + baseline.name()
                    + " (snapshot " + from.id() + "); choose a later snapshot");
        }
        List<String> warnings = new ArrayList<>(selectionWarnings);
        warnings.addAll(typesNeverHeld(baseline));
        return report(from, to, Optional.of(baseline), warnings, now);
    }

    /**
     * A baseline's resource types the store never held a resource of: a mistyped one (Bukcet) would otherwise pass
     * every drift review without a word. Said at each drift, as {@code baseline set} said it once.
     */
    private List<String> typesNeverHeld(Baseline baseline) {
        List<String> missing = baseline.resourceTypes().stream()
                .filter(type -> !type.equals(IgnoreRule.ANY_TYPE) && !store.holdsType(type)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        List<String> known = store.resourceTypes();
        return missing.stream().map(type -> "baseline " + baseline.name() + " covers resource type " + type
                + ", of which the store holds none" + Spelling.closest(type, known).map(t -> " (did you mean " + t
                + "?)").orElse("") + ": its drift there is none; if mistyped, 'baseline rm " + baseline.name()
                + "' and set it again").toList();
    }

    private Result report(SnapshotInfo from, SnapshotInfo to, Optional<Baseline> baseline,
                          List<String> selectionWarnings, Instant now) {
        List<ScopeCoverage> fromCoverage = store.coverage(from.id());
        List<ScopeCoverage> toCoverage = store.coverage(to.id());
        // A resource that went at a snapshot between went for good, whatever 'to' collected.
        Map<Long, Coverage> between = new HashMap<>();
        DiffEngine.GoneAt goneAt = (id, scope) -> id == to.id() ? null
                : between.computeIfAbsent(id, at -> new Coverage(List.of(), store.coverage(at))).inTo(scope);
        // Each end's compartment tree, read once: for coverage, names, and a drift's compartments moved.
        Optional<List<Compartment>> fromTree = store.compartments(from.id());
        Optional<List<Compartment>> toTree = from.id() == to.id() ? fromTree : store.compartments(to.id());
        Coverage coverage = new Coverage(fromCoverage, toCoverage, ids(fromTree), ids(toTree), from.collectedSince());
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.withDefaults(rules), coverage, goneAt);
        if (from.id() != to.id()) {
            store.forEachChangeBetween(from.id(), to.id(), engine);
        }
        Names names = names(fromTree, toTree);
        Diff diff = returned(engine.result(), from);
        // Attribution sees the whole diff even for a baseline's narrower scope: the evidence it keeps for the
        // pair must serve any later report of the pair, and of longer windows made of it.
        Attributor.Result attributed = attribute(diff, from, to, scopes(fromCoverage, toCoverage), now);
        List<String> warnings = new ArrayList<>(selectionWarnings);
        warnings.addAll(leftThePlan(coverage, toCoverage, diff, names));
        warnings.addAll(attributed.warnings());
        if (diff.detailsUncompared() > 0) {
            long n = diff.detailsUncompared();
            warnings.add(String.format("details of %,d resource%s (policy statements, security rules, bucket settings)"
                    + " %s not compared: one of the two snapshots did not fetch them (an import, or a change of"
                    + " snapshot.enrich)", n, n == 1 ? "" : "s", n == 1 ? "was" : "were"));
        }
        LocalDate day = LocalDate.ofInstant(to.takenAt(), ZoneOffset.UTC);
        RuleTally tally = new RuleTally(new ChangeRules(rules, names.tree()), day);
        Optional<BaselineScope> scope = baseline.map(b -> new BaselineScope(b, names.tree()));
        List<AttributedChange> found = new ArrayList<>(attributed.changes());
        baseline.ifPresent(b -> found.addAll(carriedByCompartments(b, from, fromTree, to, toTree, diff)));
        List<AttributedChange> changes = found.stream()
                .filter(c -> scope.map(s -> s.covers(c.change())).orElse(true))
                .filter(c -> tally.keep(c.change(), principals(c.actors()))).toList();
        List<AttributedTransient> transients = attributed.transients().stream()
                .filter(t -> scope.map(s -> s.covers(t.resource())).orElse(true))
                .filter(t -> tally.keep(t.resource(), principals(t.actors()))).toList();
        // A drift cannot tell what changed where the plan no longer looks: the baseline's area there is a gap.
        List<CoverageGap> gaps = scope.map(s -> s.gaps(coverage.withLeftThePlan(diff.gaps(), diff.leftThePlan())))
                .orElse(diff.gaps());
        boolean complete = scope.isPresent() ? gaps.isEmpty() : diff.complete();
        RuleResults results = tally.result(diff.ignored());
        warnings.addAll(expiringWaivers(results, day));
        if (!names.paths().isEmpty()) {
            warnings.addAll(rulesNamingNoCompartment(names.tree()));
        }
        Report report = new Report(to.tenancyId(), names.tenancyName(), SnapshotRef.of(from), SnapshotRef.of(to), now,
                changes, transients, gaps, complete, results, baseline, names.paths(), trend(to), warnings,
                names.formerPaths());
        if (attributed.note() != null) {
            warnings.add(0, attributed.note());
        }
        return new Result(report, warnings, store.readOnly() ? Optional.ofNullable(attributed.evidence())
                : Optional.empty());
    }

    /**
     * The diff, its creations of resources the store saw before 'from' said to be returns: a resource Search stopped
     * listing for a while (or one in a compartment the configuration left out for a while) is no new resource, and
     * neither its CreatedBy tag nor an Audit event of the window explains its showing again.
     */
    private Diff returned(Diff diff, SnapshotInfo from) {
        if (diff.changes().stream().noneMatch(c -> c.kind() == ChangeKind.CREATED)) {
            return diff;
        }
        Map<String, Long> went = store.wentBefore(diff.changes().stream().filter(c -> c.kind() == ChangeKind.CREATED)
                .map(Change::ocid).toList(), from.id());
        Map<Long, String> days = new HashMap<>();
        List<Change> changes = diff.changes().stream().map(c -> {
            Long gone = c.kind() == ChangeKind.CREATED ? went.get(c.ocid()) : null;
            if (gone == null) {
                return c;
            }
            String snapshot = "snapshot " + gone + days.computeIfAbsent(gone, id -> store.snapshot(id)
                    .map(s -> " (" + SnapshotRef.of(s).day() + ")").orElse(""));
            // One that entered the plan with its scope was not absent, only not looked for: its caveat says so already.
            return c.withCaveat(diff.notCreated().contains(c.ocid()) ? "the store last held it before " + snapshot
                    : "back after an absence: " + snapshot + " was the first not to list it; not created");
        }).toList();
        Set<String> notCreated = new HashSet<>(diff.notCreated());
        notCreated.addAll(went.keySet());
        return new Diff(changes, diff.transients(), diff.gaps(), diff.complete(), diff.ignored(), diff.changesIgnored(),
                diff.noChange(), diff.detailsUncompared(), notCreated, diff.leftThePlan());
    }

    /**
     * The compartments, or whole regions, whose resources 'from' held and 'to''s plan left out while they were still
     * there (a compartment moved under one the configuration leaves out, or the configuration changed): what they
     * hold is neither deleted nor unknown, only no longer looked at, which the report says once, the night it happens.
     */
    private static List<String> leftThePlan(Coverage coverage, List<ScopeCoverage> toCoverage, Diff diff, Names names) {
        Set<String> regionsOfTo = new HashSet<>();
        toCoverage.forEach(c -> regionsOfTo.add(c.scope().region()));
        Map<String, Long> regions = new TreeMap<>();
        Map<String, Map<String, Long>> compartments = new LinkedHashMap<>();
        for (ScopeCoverage left : coverage.leftThePlan()) {
            String region = left.scope().region();
            // What went with it: not those deleted or moved elsewhere the same night, which the report lists.
            long n = diff.leftThePlan().getOrDefault(left.scope(), 0L);
            if (n == 0) {
                continue;
            }
            if (regionsOfTo.contains(region)) {
                compartments.computeIfAbsent(left.scope().compartmentId(), id -> new TreeMap<>())
                        .merge(region, n, Long::sum);
            } else {
                regions.merge(region, n, Long::sum);
            }
        }
        List<String> warnings = new ArrayList<>();
        regions.forEach((region, n) -> warnings.add("region " + region + " left the plan (the configuration no longer"
                + " covers it): " + notDeleted(n, "")));
        compartments.forEach((id, byRegion) -> {
            String former = names.formerPaths().get(id);
            warnings.add("compartment " + names.paths().getOrDefault(id, id) + (former == null ? ""
                    : " (until then " + former + ")") + " left the plan (the configuration does not cover it now): "
                    + notDeleted(byRegion.values().stream().mapToLong(Long::longValue).sum(),
                    " in " + String.join(", ", byRegion.keySet())));
        });
        return warnings;
    }

    /** "its 1 resource in us-ashburn-1 is not reported deleted, ...". */
    private static String notDeleted(long n, String where) {
        return String.format("its %,d resource%s%s %s not reported deleted, and left out from now on", n,
                n == 1 ? "" : "s", where, n == 1 ? "is" : "are");
    }

    /** The compartments of a recorded tree; none when the snapshot recorded none. */
    private static Set<String> ids(Optional<List<Compartment>> tree) {
        Set<String> ids = new HashSet<>();
        tree.ifPresent(compartments -> compartments.forEach(c -> ids.add(c.id())));
        return ids;
    }

    /**
     * For a drift: the resources a compartment of theirs took into or out of the baseline's compartments, moved under
     * another parent, with no change of their own to show it; the approved area gained or lost them all the same.
     * Listed as moved, from their compartment as it was to it as it is, unattributed (the compartment's move is not
     * theirs).
     */
    private List<AttributedChange> carriedByCompartments(Baseline baseline, SnapshotInfo from,
                                                         Optional<List<Compartment>> thenTree, SnapshotInfo to,
                                                         Optional<List<Compartment>> nowTree, Diff diff) {
        if (baseline.compartments().isEmpty() || thenTree.isEmpty() || nowTree.isEmpty()) {
            return List.of();
        }
        CompartmentScope then = CompartmentScope.of(thenTree.get());
        CompartmentScope now = CompartmentScope.of(nowTree.get());
        Map<String, String> thenPaths = CompartmentPaths.of(thenTree.get());
        Map<String, String> nowPaths = CompartmentPaths.of(nowTree.get());
        Predicate<String> coveredThen = id -> baseline.compartments().stream().anyMatch(c -> then.covers(c, id));
        // The baseline's compartments as the compartments they named then, by OCID: one renamed since still covers its
        // subtree, whatever its path is now.
        List<String> anchors = thenTree.get().stream().filter(c -> coveredThen.test(c.id())
                && (c.parentId() == null || !coveredThen.test(c.parentId()))).map(Compartment::id).toList();
        Set<String> entered = new HashSet<>();
        Set<String> left = new HashSet<>();
        for (String id : thenPaths.keySet()) {
            if (!nowPaths.containsKey(id)) {
                continue; // gone: its resources went with it, each a change of its own
            }
            boolean before = coveredThen.test(id);
            boolean after = anchors.stream().anyMatch(anchor -> now.covers(anchor, id));
            if (after && !before) {
                entered.add(id);
            } else if (before && !after) {
                left.add(id);
            }
        }
        if (entered.isEmpty() && left.isEmpty()) {
            return List.of();
        }
        Set<String> changed = new HashSet<>();
        diff.changes().forEach(c -> changed.add(c.ocid()));
        List<AttributedChange> carried = new ArrayList<>();
        Consumer<StoredResource> carry = r -> carried.add(new AttributedChange(new Change(ChangeKind.MOVED, r.ocid(),
                r.resourceType(), r.region(), r.compartmentId(), r.compartmentId(), r.displayName(), List.of(), List.of(),
                "its compartment moved " + (entered.contains(r.compartmentId()) ? "into" : "out of") + " the baseline's"
                        + " compartments, from " + thenPaths.get(r.compartmentId()) + " to " + nowPaths.get(r.compartmentId())
                        + "; the resource itself did not change", r.sha256(), r.sha256()), List.of(), Attribution.NONE));
        store.forEachResourceAt(to.id(), r -> {
            if (entered.contains(r.compartmentId()) && !changed.contains(r.ocid())) {
                carry.accept(r);
            }
        });
        store.forEachResourceAt(from.id(), r -> {
            if (left.contains(r.compartmentId()) && !changed.contains(r.ocid())) {
                carry.accept(r);
            }
        });
        return carried;
    }

    /**
     * Suppress rules and waivers whose compartment neither snapshot had: a typo ("prdo"), or a compartment renamed
     * since, keeps them from applying, which nothing else would show.
     */
    private List<String> rulesNamingNoCompartment(CompartmentScope tree) {
        Map<String, String> named = new LinkedHashMap<>();
        rules.suppress().forEach(r -> named.put("suppress rule " + r.name(), r.selector().compartment()));
        rules.waivers().forEach(w -> named.put("waiver " + w.name(), w.selector().compartment()));
        List<String> warnings = new ArrayList<>();
        named.forEach((rule, compartment) -> {
            if (compartment != null && !tree.knows(compartment)) {
                warnings.add(rule + " names compartment " + compartment + ", which neither snapshot has, so it applies"
                        + " to nothing here; give an OCID or a path below the tenancy, like prod/app (top level: "
                        + String.join(", ", tree.topLevel()) + ")");
            }
        });
        return warnings;
    }

    /** A waiver about to lapse turns its changes into drift: say so while there is time to renew it. */
    private static List<String> expiringWaivers(RuleResults results, LocalDate day) {
        return results.expiringWithin(day, WAIVER_NOTICE_DAYS).stream().map(w -> {
            long left = ChronoUnit.DAYS.between(day, w.waiver().expires());
            return "waiver " + w.waiver().name() + " (" + w.changes() + (w.changes() == 1 ? " change" : " changes")
                    + ") expires on " + w.waiver().expires() + ", in " + left + (left == 1 ? " day" : " days")
                    + "; renew it or fix the drift";
        }).toList();
    }

    private static List<Principal> principals(List<Actor> actors) {
        return actors.stream().map(a -> new Principal(a.principalName(), a.principalId())).toList();
    }

    /** The nightly job's report: against {@code base}, or an inventory when there is nothing to compare with. */
    public Result nightly(Optional<SnapshotInfo> base, SnapshotInfo to, Instant now) {
        return base.isPresent() ? run(base.get(), to, List.of(), now) : inventory(to, now);
    }

    /**
     * The first run's report: nothing to compare with, so an inventory: no changes, the snapshot's own
     * coverage gaps, and a warning that says so.
     */
    public Result inventory(SnapshotInfo snapshot, Instant now) {
        List<CoverageGap> gaps = store.coverage(snapshot.id()).stream().filter(c -> !c.ok())
                .map(c -> new CoverageGap(c.scope().region(), c.scope().compartmentId(), "snapshot: " + c.error(), 0))
                .toList();
        List<String> warnings = List.of(String.format("first snapshot: an inventory of %,d resources with nothing to "
                + "compare it with yet; changes are reported from the next run on", snapshot.resourceCount()));
        Names names = names(store.compartments(snapshot.id()));
        Report report = new Report(snapshot.tenancyId(), names.tenancyName(), SnapshotRef.of(snapshot), SnapshotRef.of(snapshot), now,
                List.of(), List.of(), gaps, gaps.isEmpty(), RuleResults.ignoredOnly(List.of()), Optional.empty(),
                names.paths(), trend(snapshot), warnings);
        return new Result(report, warnings);
    }

    /**
     * The tenancy's name and each compartment's path from the root, as the snapshots saw them; {@code tree}
     * resolves the compartments rules and baselines name; {@code formerPaths}, the paths at the first snapshot
     * named of the compartments whose path a later one changed.
     */
    private record Names(String tenancyName, Map<String, String> paths, CompartmentScope tree,
                         Map<String, String> formerPaths) {
    }

    /** The names of the snapshots' compartments (their trees, in snapshot order; absent: not recorded), the later's winning. */
    @SafeVarargs
    private static Names names(Optional<List<Compartment>>... trees) {
        Map<String, String> paths = new HashMap<>();
        Map<String, String> first = Map.of();
        List<Map<String, String>> belowTenancy = new ArrayList<>();
        String tenancyName = null;
        for (int i = 0; i < trees.length; i++) {
            Optional<List<Compartment>> tree = trees[i];
            if (tree.isPresent()) {
                tenancyName = CompartmentPaths.tenancyName(tree.get()).orElse(tenancyName);
                Map<String, String> these = CompartmentPaths.of(tree.get());
                first = i == 0 ? these : first;
                paths.putAll(these);
                Map<String, String> below = new HashMap<>();
                tree.get().forEach(c -> below.put(c.id(), c.path()));
                belowTenancy.add(below);
            }
        }
        Map<String, String> former = new HashMap<>();
        first.forEach((id, path) -> {
            if (!path.equals(paths.get(id))) {
                former.put(id, path);
            }
        });
        return new Names(tenancyName, paths, CompartmentScope.across(belowTenancy), former);
    }

    private Attributor.Result attribute(Diff diff, SnapshotInfo from, SnapshotInfo to, Set<Scope> scopes, Instant now) {
        Attributor attributor = new Attributor(new TagAttribution(store::versionJson, diff.notCreated()));
        if (from.id() == to.id()) {
            return attributor.withoutAudit(diff, "drift at the baseline's own snapshot: nothing can have changed");
        }
        if (!(audit instanceof AuditAccess.Read read)) {
            return attributor.withoutAudit(diff, "Audit skipped (--no-audit): actors only from CreatedBy tags");
        }
        Optional<EvidenceWindow> exact = store.auditWindow(from.id(), to.id());
        // Kept while Audit failed somewhere, it is read again below (the plan's partial stretch), as Audit may
        // answer now: else one report made offline would leave the pair unattributed for good.
        if (exact.isPresent() && exact.get().failures().isEmpty()) {
            return attributor.fromEvidence(diff, new KeptEvidence(from.id(), to.id(), exact.get()),
                    store::forEachAuditEvent);
        }
        AuditWindow whole = AuditWindow.between(from.collectedSince(), to.takenAt());
        Set<Long> entire = new HashSet<>();
        store.snapshots().stream().filter(s -> s.status() == SnapshotStatus.COMPLETE && s.narrowing().isNone()
                && s.fill().isEmpty()).forEach(s -> entire.add(s.id()));
        AuditPlan plan = AuditPlan.of(from.id(), to.id(), whole, store.auditEvidenceWithin(from.id(), to.id()),
                entire::contains).withEarlier(earlier(from, whole))
                .withOverlapping(store.auditEvidenceOverlapping(from.id(), to.id()))
                .withBounds(bounds(from, to, whole, scopes));
        AuditFeed feed = null;
        if (!plan.toRead().isEmpty() || !plan.earlier().isEmpty()) {
            try {
                feed = read.feed().get();
            } catch (OcidiffException e) {
                String why = "Audit not consulted (" + e.getMessage() + ")";
                if (plan.kept().isEmpty() && plan.overlapping().isEmpty()) {
                    return attributor.withoutAudit(diff, why + "; actors only from CreatedBy tags");
                }
                // What was kept still names actors; nothing is stored, so a later run can fill the stretches.
                Attributor.Result partial = attributor.fromKeptAndAudit(diff, plan.keptOnly(), store::forEachAuditEvent,
                        whole, scopes, null, read.perRegion(), now).withoutEvidence();
                return partial.withWarning(why + " for " + plan.toRead().size() + " stretches no earlier report"
                        + " fully covered; actors there only from what was kept, else CreatedBy tags");
            }
        }
        Attributor.Result result = attributor.fromKeptAndAudit(diff, plan, store::forEachAuditEvent, whole, scopes, feed,
                read.perRegion(), now);
        if (store.readOnly()) {
            return result.withWarning("the store is read-only to this user: the Audit events that attributed this"
                    + " report were not kept, so the next report of these snapshots reads Audit again");
        }
        store.saveAuditEvidence(from.id(), to.id(), result.evidence());
        return result;
    }

    /**
     * The scopes whose changes lie within part of the window: where {@code from} filled another snapshot's gaps,
     * those it took again were collected at its own time, not since the window's start (a scope taken again at
     * 22:00 after a night at 20:00 holds what was made in between, which the pair before attributed); where
     * {@code to} did, those it kept were collected when the snapshot it filled was, and what was made there since
     * shows in the next pair.
     */
    private Map<Scope, AuditWindow> bounds(SnapshotInfo from, SnapshotInfo to, AuditWindow whole, Set<Scope> scopes) {
        if (from.fill().isEmpty() && to.fill().isEmpty()) {
            return Map.of();
        }
        Predicate<Scope> retakenByFrom = retaken(from);
        Predicate<Scope> retakenByTo = retaken(to);
        Map<Scope, AuditWindow> bounds = new HashMap<>();
        for (Scope scope : scopes) {
            Instant start = from.fill().isPresent() && retakenByFrom.test(scope) ? from.takenAt() : from.collectedSince();
            Instant end = to.fill().isPresent() && !retakenByTo.test(scope) ? to.collectedSince() : to.takenAt();
            AuditWindow window = AuditWindow.between(start, end);
            if (!window.equals(whole)) {
                bounds.put(scope, window);
            }
        }
        return bounds;
    }

    /**
     * The scopes a snapshot that filled another's gaps took again: its narrowing, resolved as the crawl did against
     * the compartments it saw. None when it filled nothing, or its compartments no longer resolve.
     */
    private Predicate<Scope> retaken(SnapshotInfo snapshot) {
        if (snapshot.fill().isEmpty()) {
            return scope -> false;
        }
        Narrowing retaken = snapshot.fill().get().retaken();
        Set<String> compartments = new HashSet<>();
        if (!retaken.compartments().isEmpty()) {
            Optional<Set<String>> resolved = CompartmentPaths.resolve(store, snapshot, retaken.compartments());
            if (resolved.isEmpty()) {
                return scope -> false;
            }
            compartments.addAll(resolved.get());
        }
        return scope -> (retaken.regions().isEmpty() || retaken.regions().contains(scope.region()))
                && (retaken.compartments().isEmpty() || compartments.contains(scope.compartmentId()));
    }

    /**
     * For each scope {@code from} did not collect, the stretch from when it was last collected up to {@code whole}
     * (see {@link LastCollected}); none for a scope last collected within the minute {@code whole} starts.
     */
    private List<ScopeWindow> earlier(SnapshotInfo from, AuditWindow whole) {
        List<ScopeWindow> stretches = new ArrayList<>();
        LastCollected.before(store, from).forEach((scope, s) -> {
            AuditWindow stretch = AuditWindow.between(s.collectedSince(), from.collectedSince());
            if (!stretch.end().isAfter(whole.start())) {
                stretches.add(new ScopeWindow(scope, stretch));
            }
        });
        return stretches;
    }

    /** Every scope either snapshot declared: the compartments and regions the configuration covers. */
    private static Set<Scope> scopes(List<ScopeCoverage> from, List<ScopeCoverage> to) {
        Set<Scope> scopes = new LinkedHashSet<>();
        from.forEach(c -> scopes.add(c.scope()));
        to.forEach(c -> scopes.add(c.scope()));
        return scopes;
    }

    /**
     * The store's first snapshot is left out: everything in it is "new", which is no night's change. So
     * are snapshots narrowed on the command line: they are no night's inventory, only part of one. A point a night:
     * a PARTIAL night whose gaps a later snapshot filled is that fill's point, its changes those of
     * the night (what it collected) and of the fill (what it took again since), rather than a second bar of the day.
     */
    private List<TrendPoint> trend(SnapshotInfo to) {
        List<SnapshotInfo> upTo = store.snapshots().stream().skip(1)
                .filter(s -> s.id() <= to.id() && (s.narrowing().isNone() || s.id() == to.id())).toList();
        Map<Long, SnapshotInfo> byId = new HashMap<>();
        Set<Long> filled = new HashSet<>();
        for (SnapshotInfo s : upTo) {
            byId.put(s.id(), s);
            s.fill().ifPresent(f -> filled.add(f.filledId()));
        }
        List<TrendPoint> nights = new ArrayList<>();
        for (SnapshotInfo s : upTo) {
            if (filled.contains(s.id())) {
                continue;
            }
            long changes = s.changesFromPrevious();
            for (SnapshotInfo at = s; at.fill().isPresent() && byId.containsKey(at.fill().get().filledId()); ) {
                at = byId.get(at.fill().get().filledId());
                changes += at.changesFromPrevious();
            }
            nights.add(new TrendPoint(s.id(), s.takenAt(), s.status(), changes));
        }
        return nights.subList(Math.max(0, nights.size() - TREND_NIGHTS), nights.size());
    }
}

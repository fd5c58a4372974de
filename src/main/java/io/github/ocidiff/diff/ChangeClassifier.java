package io.github.ocidiff.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.Lifecycle;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.store.StoredResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one resource whose content differs between two snapshots amounts to, with OCI's lifecycle
 * semantics (terminated resources stay visible in Search for a while) and the snapshots' coverage (a
 * partial crawl must never look like a deletion):
 *
 * <table>
 * <tr><th>before</th><th>after</th><th>outcome</th></tr>
 * <tr><td>absent</td><td>live</td><td>CREATED (with a caveat when 'from' did not collect its scope)</td></tr>
 * <tr><td>absent</td><td>ending or ended</td><td>transient</td></tr>
 * <tr><td>live</td><td>ending or ended</td><td>DELETED</td></tr>
 * <tr><td>live</td><td>absent, scope collected by the snapshot it went at ('to' or one between)</td><td>DELETED
 *     (with a caveat when 'from' did not collect it: deleted since it was last collected)</td></tr>
 * <tr><td>live</td><td>absent, scope not fully collected there</td><td>unknown (counted in its coverage gap)</td></tr>
 * <tr><td>ending or ended</td><td>absent, ending or ended</td><td>no change: its deletion was reported when it began</td></tr>
 * <tr><td>live (or ending/ended, revived)</td><td>live</td><td>MOVED if the compartment changed, else MODIFIED,
 *     else (only set arrays reordered, or every change ignored) no change</td></tr>
 * </table>
 *
 * The {@code details} of the types in {@code snapshot.enrich} are compared only when both versions have them: one
 * without them was not enriched (imported from saved Search results, or taken while its type was not in
 * {@code snapshot.enrich}), which says nothing about its statements or rules.
 *
 * <p>Ignore rules are applied before the kind is chosen: a rule that ignores {@code /compartmentId} turns
 * moves into modifications (or nothing), as whoever wrote it asked. CREATED and DELETED carry no
 * property changes, so rules do not touch them.
 */
public final class ChangeClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPARTMENT = "/compartmentId";
    private static final String DETAILS = "details";

    private final JsonDiff jsonDiff;
    private final IgnoreRules ignore;
    private final Coverage coverage;

    public ChangeClassifier(JsonDiff jsonDiff, IgnoreRules ignore, Coverage coverage) {
        this.jsonDiff = jsonDiff;
        this.ignore = ignore;
        this.coverage = coverage;
    }

    /**
     * @param before the version at 'from', null when absent there
     * @param after  the version at 'to', null when absent there
     */
    public Outcome classify(StoredResource before, StoredResource after) {
        return classify(before, after, null);
    }

    /**
     * @param goneAt for a vanished resource, how the snapshot its version ended at covered its scope, when that one
     *               is before 'to' (it ended there, found gone while collected, whatever 'to' collected); null for
     *               'to'
     */
    public Outcome classify(StoredResource before, StoredResource after, Coverage.Status goneAt) {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a version before or after");
        }
        if (before == null) {
            return appeared(after);
        }
        Lifecycle was = Lifecycle.of(before.lifecycleState());
        if (after == null) {
            return vanished(before, was, goneAt);
        }
        Lifecycle is = Lifecycle.of(after.lifecycleState());
        if (was.isGone() && is.isGone()) {
            return new Outcome.Unchanged(NoChangeReason.ALREADY_GONE);
        }
        if (is.isGone()) {
            // In 'from''s compartment, as the pair sees it, though it moved before it went: where a drift of the area
            // it left looks for it (a DELETED change names no other compartment).
            return new Outcome.Changed(deleted(before, coverage.caveat(scope(before), scope(after)), after.sha256()),
                    List.of(), false);
        }
        return compared(before, after);
    }

    /**
     * A resource created after 'from' and gone by 'to' ({@code last}: its last version), at snapshot {@code wentAt}:
     * transient, where the snapshot that found it gone ({@code goneAt}, as for {@link #classify}) collected its scope;
     * created, with a caveat, where it went out of the plan (moved out, or its compartment did) still live.
     */
    public Outcome livedBetween(StoredResource last, long wentAt, Coverage.Status goneAt) {
        Scope scope = scope(last);
        Coverage.Status at = goneAt(goneAt, scope);
        if (at == Coverage.Status.UNDECLARED && !Lifecycle.of(last.lifecycleState()).isGone()
                && (coverage.inFrom(scope) == Coverage.Status.UNDECLARED || coverage.leftThePlan(scope))) {
            return new Outcome.Changed(created(last, outOfThePlan(wentAt)), List.of(), false);
        }
        if (at != Coverage.Status.OK) {
            return new Outcome.Unknown(scope);
        }
        return transientOf(last);
    }

    /**
     * A resource that changed after 'from' (a version {@code last} began between the two) and then went, at snapshot
     * {@code wentAt}: judged by where and as what it went. Out of the plan, it is what it became before it left (moved
     * out, say), with a caveat; deleted or unknown where it last was, so it is.
     *
     * @param goneAt how the snapshot it went at covered {@code last}'s scope, as for {@link #classify}
     */
    public Outcome wentAfterChanging(StoredResource before, StoredResource last, long wentAt, Coverage.Status goneAt) {
        Lifecycle lastState = Lifecycle.of(last.lifecycleState());
        if (lastState.isGone()) {
            return classify(before, last);
        }
        Outcome went = vanished(last, lastState, goneAt);
        if (went instanceof Outcome.Changed deleted) {
            // Deleted where it last was: told in 'from''s compartment, as a deletion seen by lifecycle is (classify).
            return new Outcome.Changed(deleted(before, deleted.change().caveat(), null), List.of(), false);
        }
        if (!(went instanceof Outcome.Unchanged u && u.reason() == NoChangeReason.LEFT_THE_PLAN)) {
            return went;
        }
        Outcome became = classify(before, last);
        return became instanceof Outcome.Changed c ? new Outcome.Changed(c.change().withCaveat(outOfThePlan(wentAt)),
                c.ignoredBy(), c.detailsUncompared()) : went;
    }

    private static String outOfThePlan(long wentAt) {
        return "out of the plan from snapshot " + wentAt + ": not listed since, where the configuration does not look";
    }

    /** How the snapshot a resource went at covered its scope: {@code goneAt}, or for 'to' (null) 'to''s coverage. */
    private Coverage.Status goneAt(Coverage.Status goneAt, Scope scope) {
        return goneAt != null ? goneAt : coverage.inTo(scope);
    }

    private static Outcome transientOf(StoredResource seen) {
        return new Outcome.Transient(new TransientResource(seen.ocid(), seen.resourceType(), seen.displayName(),
                seen.region(), seen.compartmentId(), seen.lifecycleState(), seen.sha256()));
    }

    private Outcome appeared(StoredResource after) {
        if (Lifecycle.of(after.lifecycleState()).isGone()) {
            return transientOf(after);
        }
        // Still CREATED when 'from' missed its scope: the resource exists and was not in 'from', and
        // hiding it would hide a resource from a drift review; the caveat says it may be older than that.
        Scope scope = scope(after);
        Optional<Instant> made = coverage.enteredThePlan(scope) && coverage.fromSince().isPresent()
                ? timeCreated(after) : Optional.empty();
        if (made.isPresent()) {
            // Its scope entered the plan: made since 'from' it is a creation like any, older it entered with its scope.
            boolean older = made.get().isBefore(coverage.fromSince().get());
            Change change = created(after, older ? Coverage.describe(scope) + " was not in the 'from' snapshot's plan;"
                    + " created " + made.get() + ", before 'from': it entered the plan with its scope, not created" : null);
            return older ? new Outcome.Entered(change) : new Outcome.Changed(change, List.of(), false);
        }
        return new Outcome.Changed(created(after, coverage.caveat(scope, scope)), List.of(), false);
    }

    /** Deleted as 'from' held it: its compartment then, whatever it became before it went. */
    private static Change deleted(StoredResource before, String caveat, String afterSha256) {
        return new Change(ChangeKind.DELETED, before.ocid(), before.resourceType(), before.region(),
                before.compartmentId(), null, before.displayName(), List.of(), List.of(), caveat, before.sha256(),
                afterSha256);
    }

    private static Change created(StoredResource after, String caveat) {
        return new Change(ChangeKind.CREATED, after.ocid(), after.resourceType(), after.region(), after.compartmentId(),
                null, after.displayName(), List.of(), List.of(), caveat, null, after.sha256());
    }

    /** The {@code timeCreated} a version states, if any that parses. */
    private static Optional<Instant> timeCreated(StoredResource version) {
        try {
            return Optional.of(Instant.parse(parse(version).path("timeCreated").asText("")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Outcome vanished(StoredResource before, Lifecycle was, Coverage.Status goneAt) {
        if (was.isGone()) {
            return new Outcome.Unchanged(NoChangeReason.ALREADY_GONE);
        }
        Scope scope = scope(before);
        Coverage.Status at = goneAt(goneAt, scope);
        if (at == Coverage.Status.UNDECLARED
                && (coverage.inFrom(scope) == Coverage.Status.UNDECLARED || coverage.leftThePlan(scope))) {
            return new Outcome.Unchanged(NoChangeReason.LEFT_THE_PLAN);
        }
        // Only the snapshot it went at must have collected the scope: 'from' carried forward what was last collected
        // there, so a resource gone since was deleted since then (the caveat says so), and hiding it would hide it
        // from a review; and what went at a snapshot before 'to' went for good, whether 'to' collected it or not.
        if (at != Coverage.Status.OK) {
            return new Outcome.Unknown(scope);
        }
        return new Outcome.Changed(deleted(before, coverage.caveat(scope, null), null), List.of(), false);
    }

    private Outcome compared(StoredResource before, StoredResource after) {
        String type = after.resourceType();
        JsonNode was = parse(before);
        JsonNode is = parse(after);
        boolean detailsUncompared = was.has(DETAILS) != is.has(DETAILS);
        if (detailsUncompared) {
            ((ObjectNode) was).remove(DETAILS);
            ((ObjectNode) is).remove(DETAILS);
        }
        JsonDiff.Result diff = jsonDiff.compare(type, was, is);
        if (diff.isEmpty()) {
            return new Outcome.Unchanged(detailsUncompared ? NoChangeReason.DETAILS_UNCOMPARED : NoChangeReason.REORDERED);
        }
        List<PropertyChange> kept = new ArrayList<>();
        List<IgnoreRule> ignoredBy = new ArrayList<>();
        for (PropertyChange p : diff.properties()) {
            Optional<IgnoreRule> rule = ignore.match(type, p.path());
            if (rule.isPresent()) {
                ignoredBy.add(rule.get());
            } else {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return new Outcome.Ignored(ignoredBy, detailsUncompared);
        }
        List<TextDiff> texts = diff.texts().stream().filter(t -> explainsAny(t, kept)).toList();
        boolean moved = kept.stream().anyMatch(p -> p.path().equals(COMPARTMENT));
        return new Outcome.Changed(new Change(moved ? ChangeKind.MOVED : ChangeKind.MODIFIED, after.ocid(), type,
                after.region(), after.compartmentId(), moved ? before.compartmentId() : null, after.displayName(),
                kept, texts, coverage.caveat(scope(before), scope(after)), before.sha256(), after.sha256()),
                ignoredBy, detailsUncompared);
    }

    /** A line diff stays while one of the property changes it explains does. */
    private static boolean explainsAny(TextDiff text, List<PropertyChange> kept) {
        String below = text.path() + "/";
        return kept.stream().anyMatch(p -> p.path().equals(text.path()) || p.path().startsWith(below));
    }

    private static Scope scope(StoredResource r) {
        return new Scope(r.region(), r.compartmentId());
    }

    private static JsonNode parse(StoredResource r) {
        try {
            return JSON.readTree(r.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored version " + r.sha256() + " of " + r.ocid() + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}

package io.github.ocidiff.diff;

import static io.github.ocidiff.diff.Versions.APP;
import static io.github.ocidiff.diff.Versions.ASHBURN;
import static io.github.ocidiff.diff.Versions.NETWORK;
import static io.github.ocidiff.diff.Versions.SANDBOX;
import static io.github.ocidiff.diff.Versions.TENANCY;
import static io.github.ocidiff.diff.Versions.failed;
import static io.github.ocidiff.diff.Versions.instance;
import static io.github.ocidiff.diff.Versions.ok;
import static io.github.ocidiff.diff.Versions.parse;
import static io.github.ocidiff.diff.Versions.resource;
import static io.github.ocidiff.diff.Versions.stored;
import static io.github.ocidiff.diff.Versions.value;
import static io.github.ocidiff.diff.Versions.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.store.IntervalEdge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffEngineTest {

    private static final String I1 = "ocid1.instance.oc1.iad.one";
    private static final String I2 = "ocid1.instance.oc1.iad.two";
    private static final String TROUBLE = "Resource Search in us-ashburn-1 failed: 503 ServiceUnavailable";

    /** Every scope of the tests, fully collected, 5 resources each. */
    private static final List<ScopeCoverage> ALL_OK = List.of(ok(ASHBURN, TENANCY, 5), ok(ASHBURN, APP, 5),
            ok(ASHBURN, NETWORK, 5), ok(ASHBURN, SANDBOX, 5));

    private static IntervalEdge edge(ObjectNode before, ObjectNode after) {
        String ocid = (before != null ? before : after).get("identifier").asText();
        return new IntervalEdge(ocid, before == null ? null : stored(before), after == null ? null : stored(after));
    }

    private static Diff diff(IntervalEdge... edges) {
        return diff(IgnoreRules.none(), ALL_OK, ALL_OK, edges);
    }

    private static Diff diff(IgnoreRules rules, List<ScopeCoverage> from, List<ScopeCoverage> to, IntervalEdge... edges) {
        return DiffEngine.diff(List.of(edges), rules, from, to);
    }

    private static List<ScopeCoverage> allOkBut(ScopeCoverage replacement) {
        List<ScopeCoverage> out = new ArrayList<>(ALL_OK);
        out.removeIf(c -> c.scope().equals(replacement.scope()));
        out.add(replacement);
        return out;
    }

    private static List<ScopeCoverage> allOkWithout(String compartmentId) {
        return ALL_OK.stream().filter(c -> !c.scope().compartmentId().equals(compartmentId)).toList();
    }

    // ---- lifecycle

    @Test
    void aResourceNotInFromIsCreatedWithoutPropertyChanges() {
        ObjectNode after = instance(I1, APP, "RUNNING");

        Diff diff = diff(edge(null, after));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.CREATED);
            assertThat(c.ocid()).isEqualTo(I1);
            assertThat(c.resourceType()).isEqualTo("Instance");
            assertThat(c.region()).isEqualTo(ASHBURN);
            assertThat(c.compartmentId()).isEqualTo(APP);
            assertThat(c.previousCompartmentId()).isNull();
            assertThat(c.displayName()).isEqualTo("web-1");
            assertThat(c.properties()).isEmpty();
            assertThat(c.caveat()).isNull();
            assertThat(c.beforeSha256()).isNull();
            assertThat(c.afterSha256()).isEqualTo(stored(after).sha256());
        });
        assertThat(diff.complete()).isTrue();
    }

    @Test
    void aResourceThatTurnedTerminatedIsDeletedNotModified() {
        ObjectNode before = instance(I1, APP, "RUNNING");
        ObjectNode after = with(with(before, "/lifecycleState", "TERMINATED"), "/displayName", "web-1 (terminated)");

        Diff diff = diff(edge(before, after));

        assertThat(diff.changes()).extracting(Change::kind, Change::ocid, Change::compartmentId, Change::displayName,
                        Change::properties)
                .containsExactly(tuple(ChangeKind.DELETED, I1, APP, "web-1", List.of()));
    }

    @Test
    void aResourceThatStartedTerminatingIsAlreadyDeleted() {
        ObjectNode before = resource("Vcn", "ocid1.vcn.oc1.iad.v", NETWORK, "AVAILABLE", "main-vcn");

        Diff diff = diff(edge(before, with(before, "/lifecycleState", "TERMINATING")));

        assertThat(diff.changes()).extracting(Change::kind).containsExactly(ChangeKind.DELETED);
    }

    @Test
    void aScheduledKeyDeletionIsAModificationBecauseItCanBeCancelled() {
        ObjectNode before = resource("Key", "ocid1.key.oc1.iad.k", APP, "ENABLED", "master");

        Diff diff = diff(edge(before, with(before, "/lifecycleState", "PENDING_DELETION")));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MODIFIED);
            assertThat(c.properties()).containsExactly(
                    new PropertyChange("/lifecycleState", value("\"ENABLED\""), value("\"PENDING_DELETION\"")));
        });
    }

    @Test
    void aResourceAlreadyTerminatedThatVanishedIsNoChange() {
        ObjectNode before = instance(I1, APP, "TERMINATED");

        Diff diff = diff(edge(before, null));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.transients()).isEmpty();
        assertThat(diff.noChange()).isEqualTo(Map.of(NoChangeReason.ALREADY_GONE, 1L));
    }

    @Test
    void aResourceThatWentFromTerminatingToTerminatedIsNoChange() {
        ObjectNode before = instance(I1, APP, "TERMINATING");

        Diff diff = diff(edge(before, with(before, "/lifecycleState", "TERMINATED")));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.noChange()).isEqualTo(Map.of(NoChangeReason.ALREADY_GONE, 1L));
    }

    @Test
    void aResourceFirstSeenTerminatedIsTransientNotAChange() {
        ObjectNode after = instance(I1, APP, "TERMINATED");

        Diff diff = diff(edge(null, after));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.transients()).containsExactly(
                new TransientResource(I1, "Instance", "web-1", ASHBURN, APP, "TERMINATED", stored(after).sha256()));
    }

    /**
     * Created after 'from' and gone by 'to' (a span of nights): transient, as its last version shows it, where the
     * snapshot that found it gone collected its scope; else unknown, as a resource that vanished there would be.
     */
    @Test
    void aResourceThatLivedOnlyBetweenTheSnapshotsIsTransientWhereItsEndWasSeen() {
        ObjectNode last = instance(I1, APP, "STOPPED");
        ObjectNode other = instance(I2, SANDBOX, "RUNNING");
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(), new Coverage(ALL_OK, ALL_OK),
                (snapshotId, scope) -> scope.compartmentId().equals(SANDBOX) ? Coverage.Status.UNDECLARED
                        : Coverage.Status.OK);
        engine.accept(IntervalEdge.livedBetween(stored(last), 3));
        engine.accept(IntervalEdge.livedBetween(stored(other), 3));

        Diff diff = engine.result();

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.transients()).containsExactly(
                new TransientResource(I1, "Instance", "web-1", ASHBURN, APP, "STOPPED", stored(last).sha256()));
        assertThat(diff.gaps()).extracting(CoverageGap::compartmentId, CoverageGap::unknownResources)
                .containsExactly(tuple(SANDBOX, 1L));
    }

    /** Moved into network between the two ends, then gone from there while network was collected: deleted, in app. */
    @Test
    void aResourceMovedThenGoneIsDeletedWhereFromHeldIt() {
        ObjectNode before = instance(I1, APP, "RUNNING");
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(), new Coverage(ALL_OK, ALL_OK),
                (snapshotId, scope) -> Coverage.Status.OK);
        engine.accept(new IntervalEdge(I1, stored(before), null, 3L, stored(with(before, "/compartmentId", NETWORK))));

        assertThat(engine.result().changes()).extracting(Change::kind, Change::compartmentId, Change::beforeSha256)
                .containsExactly(tuple(ChangeKind.DELETED, APP, stored(before).sha256()));
    }

    /**
     * Created after 'from' in app, then moved into sandbox, which neither end's plan covers, and not looked for after
     * snapshot 3: a creation that went out of the plan, not a resource of unknown fate.
     */
    @Test
    void aResourceCreatedBetweenThatWentOutOfThePlanIsCreatedWithACaveat() {
        List<ScopeCoverage> withoutSandbox = allOkWithout(SANDBOX);
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(),
                new Coverage(withoutSandbox, withoutSandbox), (snapshotId, scope) -> Coverage.Status.UNDECLARED);
        engine.accept(IntervalEdge.livedBetween(stored(instance(I1, SANDBOX, "RUNNING")), 3));

        Diff diff = engine.result();

        assertThat(diff.changes()).extracting(Change::kind, Change::compartmentId, Change::caveat).containsExactly(
                tuple(ChangeKind.CREATED, SANDBOX, "out of the plan from snapshot 3: not listed since, where the"
                        + " configuration does not look"));
        assertThat(diff.gaps()).isEmpty();
    }

    /**
     * Moved into network, then terminated there: deleted, in app, where 'from' held it, so that a drift of app (the
     * area it left) shows it; a DELETED change names no other compartment.
     */
    @Test
    void aResourceMovedThenTerminatedIsDeletedWhereFromHeldIt() {
        ObjectNode before = instance(I1, APP, "RUNNING");
        Diff diff = diff(edge(before, with(with(before, "/compartmentId", NETWORK), "/lifecycleState", "TERMINATED")));

        assertThat(diff.changes()).extracting(Change::kind, Change::compartmentId)
                .containsExactly(tuple(ChangeKind.DELETED, APP));
    }

    /**
     * Moved the night before into sandbox, which the configuration leaves out (neither end's plan): gone from the
     * store since, it left the plan, which that night's report showed; no deletion, no gap.
     */
    @Test
    void aResourceGoneFromACompartmentNeitherPlanCoversLeftThePlan() {
        List<ScopeCoverage> notSandbox = allOkWithout(SANDBOX);

        Diff diff = diff(IgnoreRules.none(), notSandbox, notSandbox, edge(instance(I1, SANDBOX, "RUNNING"), null));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.gaps()).isEmpty();
        assertThat(diff.complete()).isTrue();
        assertThat(diff.noChange()).isEqualTo(Map.of(NoChangeReason.LEFT_THE_PLAN, 1L));

        // Left out at 'to' only (excluded since): unknown, as before.
        Diff excludedSince = diff(IgnoreRules.none(), ALL_OK, notSandbox, edge(instance(I1, SANDBOX, "RUNNING"), null));
        assertThat(excludedSince.gaps()).extracting(CoverageGap::compartmentId).containsExactly(SANDBOX);
    }

    @Test
    void aDeletionThatWasUndoneIsAModificationOfTheLifecycleState() {
        ObjectNode before = resource("Bucket", "ocid1.bucket.oc1.iad.b", APP, "DELETING", "logs");

        Diff diff = diff(edge(before, with(before, "/lifecycleState", "ACTIVE")));

        assertThat(diff.changes()).extracting(Change::kind, Change::properties).containsExactly(tuple(
                ChangeKind.MODIFIED,
                List.of(new PropertyChange("/lifecycleState", value("\"DELETING\""), value("\"ACTIVE\"")))));
    }

    // ---- coverage

    @Test
    void aResourceThatVanishedFromAScopeBothSnapshotsCollectedIsDeleted() {
        ObjectNode before = instance(I1, APP, "RUNNING");

        Diff diff = diff(edge(before, null));

        assertThat(diff.changes()).extracting(Change::kind, Change::ocid, Change::compartmentId, Change::afterSha256)
                .containsExactly(tuple(ChangeKind.DELETED, I1, APP, null));
        assertThat(diff.gaps()).isEmpty();
        assertThat(diff.complete()).isTrue();
    }

    @Test
    void aResourceThatVanishedFromAScopeTheToSnapshotFailedIsUnknownNotDeleted() {
        List<ScopeCoverage> to = allOkBut(failed(ASHBURN, APP, TROUBLE));

        Diff diff = diff(IgnoreRules.none(), ALL_OK, to, edge(instance(I1, APP, "RUNNING"), null));

        assertThat(diff.changes()).isEmpty();
        // all 5 resources 'from' collected in that scope are unverified at 'to', the vanished one among them
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, APP, "'to' snapshot: " + TROUBLE, 5));
        assertThat(diff.complete()).isFalse();
    }

    /**
     * 'from' carried the resource forward as last collected; 'to' collected its scope and it is gone: deleted since
     * then, with a caveat, rather than left out of a drift review as unknown.
     */
    @Test
    void aResourceGoneFromAScopeOnlyTheToSnapshotCollectedIsDeletedWithACaveat() {
        List<ScopeCoverage> from = allOkBut(failed(ASHBURN, APP, TROUBLE));

        Diff diff = diff(IgnoreRules.none(), from, ALL_OK, edge(instance(I1, APP, "RUNNING"), null));

        assertThat(diff.changes()).extracting(Change::kind, Change::ocid, Change::caveat).containsExactly(
                tuple(ChangeKind.DELETED, I1, ASHBURN + " / " + APP + " was not fully collected by the 'from' snapshot: "
                        + TROUBLE));
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, APP, "'from' snapshot: " + TROUBLE, 0));
    }

    /**
     * What went at a snapshot between the two that collected its scope went for good: DELETED, though 'to' (a night its
     * region was down) did not collect it; what went at 'to' itself stays unknown there.
     */
    @Test
    void aResourceThatWentAtASnapshotBetweenThatCollectedItIsDeletedWhateverToCollected() {
        List<ScopeCoverage> to = allOkBut(failed(ASHBURN, APP, TROUBLE));
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(), ALL_OK, to,
                (id, scope) -> id == 7 ? Coverage.Status.OK : null);

        engine.accept(new IntervalEdge(I1, stored(instance(I1, APP, "RUNNING")), null, 7L));
        engine.accept(new IntervalEdge(I2, stored(instance(I2, APP, "RUNNING")), null, 9L));
        Diff diff = engine.result();

        assertThat(diff.changes()).extracting(Change::kind, Change::ocid).containsExactly(tuple(ChangeKind.DELETED, I1));
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, APP, "'to' snapshot: " + TROUBLE, 5));
    }

    @Test
    void aResourceThatVanishedFromAScopeNeitherSnapshotCollectedIsUnknown() {
        List<ScopeCoverage> failed = allOkBut(failed(ASHBURN, APP, TROUBLE));

        Diff diff = diff(IgnoreRules.none(), failed, failed, edge(instance(I1, APP, "RUNNING"), null));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, APP,
                "'from' snapshot: " + TROUBLE + "; 'to' snapshot: " + TROUBLE, 1));
    }

    @Test
    void aResourceThatVanishedFromAScopeOutsideTheToPlanIsUnknownNotDeleted() {
        List<ScopeCoverage> to = allOkWithout(SANDBOX);

        Diff diff = diff(IgnoreRules.none(), ALL_OK, to,
                edge(instance(I1, SANDBOX, "RUNNING"), null), edge(instance(I2, SANDBOX, "STOPPED"), null));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, SANDBOX, "'to' snapshot: not in its plan", 2));
        assertThat(diff.complete()).isFalse();
    }

    /**
     * App left the plan at snapshot 5 and came back by 'to', both ends collecting it: a resource whose version went at
     * 5 was not seen deleted, so its fate is unknown, in a gap that says why.
     */
    @Test
    void aResourceThatWentWhereASnapshotBetweenDidNotLookIsUnknownInAGapSayingSo() {
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(), new Coverage(ALL_OK, ALL_OK),
                (id, scope) -> id == 5 ? Coverage.Status.UNDECLARED : null);
        engine.accept(new IntervalEdge(I1, stored(instance(I1, APP, "RUNNING")), null, 5L));

        Diff diff = engine.result();

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, APP, "resources went at a snapshot between"
                + " the two that did not collect this scope, so whether they were deleted or moved elsewhere is not known",
                1));
    }

    @Test
    void aScopeAnySnapshotFailedIsAGapEvenWithoutChanges() {
        List<ScopeCoverage> from = allOkBut(failed(ASHBURN, NETWORK, "the crawl ended without reporting this scope as done"));
        List<ScopeCoverage> to = allOkBut(failed(ASHBURN, NETWORK, TROUBLE));

        Diff diff = diff(IgnoreRules.none(), from, to);

        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, NETWORK,
                "'from' snapshot: the crawl ended without reporting this scope as done; 'to' snapshot: " + TROUBLE, 0));
        assertThat(diff.complete()).isFalse();
    }

    @Test
    void aResourceCreatedInAScopeTheFromSnapshotFailedIsCreatedWithACaveat() {
        List<ScopeCoverage> from = allOkBut(failed(ASHBURN, APP, TROUBLE));

        Diff diff = diff(IgnoreRules.none(), from, ALL_OK, edge(null, instance(I1, APP, "RUNNING")));

        assertThat(diff.changes()).extracting(Change::kind, Change::caveat).containsExactly(tuple(ChangeKind.CREATED,
                "us-ashburn-1 / " + APP + " was not fully collected by the 'from' snapshot: " + TROUBLE));
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, APP, "'from' snapshot: " + TROUBLE, 0));
    }

    /**
     * Sandbox existed at 'from', which left it out (excluded then): what it holds now may be older than 'from', which
     * the pair cannot tell, so the scope is a gap, and the report is not complete.
     */
    @Test
    void aResourceCreatedInACompartmentTheFromPlanLeftOutIsCreatedWithACaveatInAGap() {
        List<ScopeCoverage> from = allOkWithout(SANDBOX);
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(),
                new Coverage(from, ALL_OK, Set.of(APP, SANDBOX), Set.of(), null), DiffEngine.GoneAt.TO);
        engine.accept(edge(null, instance(I1, SANDBOX, "RUNNING")));

        Diff diff = engine.result();

        assertThat(diff.changes()).extracting(Change::kind, Change::caveat).containsExactly(tuple(ChangeKind.CREATED,
                "us-ashburn-1 / " + SANDBOX + " was not in the 'from' snapshot's plan"));
        assertThat(diff.gaps()).containsExactly(new CoverageGap(ASHBURN, SANDBOX, "'from' snapshot: not in its plan, so"
                + " what 'to' holds there is listed as created, though it may be older than 'from'", 0));
        assertThat(diff.complete()).isFalse();
    }

    /**
     * Sandbox, which 'from' collected, is still in 'to''s tree but not in its plan (moved under a compartment the
     * configuration leaves out, or the configuration changed): what it held left the plan, neither deleted nor unknown.
     * Had sandbox gone from 'to''s tree too, that would be unknown: a gap.
     */
    @Test
    void aResourceOfACompartmentThatLeftThePlanLeftItWithItNoGap() {
        IntervalEdge gone = edge(instance(I1, SANDBOX, "RUNNING"), null);
        List<ScopeCoverage> to = allOkWithout(SANDBOX);
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(),
                new Coverage(ALL_OK, to, Set.of(APP, SANDBOX), Set.of(APP, SANDBOX), null), DiffEngine.GoneAt.TO);
        engine.accept(gone);

        Diff diff = engine.result();

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.noChange()).containsExactly(Map.entry(NoChangeReason.LEFT_THE_PLAN, 1L));
        assertThat(diff.gaps()).isEmpty();
        assertThat(diff.complete()).isTrue();

        DiffEngine unknownTree = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(),
                new Coverage(ALL_OK, to, Set.of(APP, SANDBOX), Set.of(APP), null), DiffEngine.GoneAt.TO);
        unknownTree.accept(gone);
        assertThat(unknownTree.result().gaps()).containsExactly(new CoverageGap(ASHBURN, SANDBOX,
                "'to' snapshot: not in its plan", 1));
    }

    /**
     * Sandbox, which 'from' knew of but left out, entered the plan since: a resource made before 'from' began
     * collecting entered with it (listed, as the pair first holds it, but no creation, nor its tag an actor); one made
     * since is a creation like any. Both say when they were made, so nothing is unknown: no gap.
     */
    @Test
    void aResourceOfAScopeThatEnteredThePlanIsCreatedOnlyIfMadeSinceFrom() {
        Instant fromSince = Instant.parse("2026-11-01T23:00:00Z");
        DiffEngine engine = new DiffEngine(SetArrays.DEFAULT, IgnoreRules.none(),
                new Coverage(allOkWithout(SANDBOX), ALL_OK, Set.of(APP, SANDBOX), Set.of(APP, SANDBOX), fromSince),
                DiffEngine.GoneAt.TO);
        engine.accept(edge(null, instance(I1, SANDBOX, "RUNNING").put("timeCreated", "2026-09-01T09:00:00Z")));
        engine.accept(edge(null, instance(I2, SANDBOX, "RUNNING").put("timeCreated", "2026-11-02T10:00:00.000Z")));

        Diff diff = engine.result();

        assertThat(diff.changes()).extracting(Change::ocid, Change::kind, Change::caveat).containsExactly(
                tuple(I1, ChangeKind.CREATED, "us-ashburn-1 / " + SANDBOX + " was not in the 'from' snapshot's plan;"
                        + " created 2026-09-01T09:00:00Z, before 'from': it entered the plan with its scope, not created"),
                tuple(I2, ChangeKind.CREATED, null));
        assertThat(diff.notCreated()).containsExactly(I1);
        assertThat(diff.gaps()).isEmpty();
        assertThat(diff.complete()).isTrue();
    }

    /**
     * Sandbox did not exist at 'from' (unknown to its tree; or 'from' an import, each of whose files is its region's
     * whole inventory, though it names only compartments holding resources): what it holds was made since.
     */
    @Test
    void aResourceCreatedInACompartmentNewSinceFromIsCreatedWithoutACaveat() {
        Diff diff = diff(IgnoreRules.none(), allOkWithout(SANDBOX), ALL_OK, edge(null, instance(I1, SANDBOX, "RUNNING")));

        assertThat(diff.changes()).extracting(Change::kind, Change::caveat).containsExactly(tuple(ChangeKind.CREATED,
                null));
        assertThat(diff.complete()).isTrue();
    }

    // ---- moves and property changes

    @Test
    void aCompartmentChangeIsAMoveListingItsOtherChangesToo() {
        ObjectNode before = with(instance(I1, APP, "RUNNING"), "/freeformTags/env", "prod");
        ObjectNode after = with(with(with(before, "/compartmentId", SANDBOX), "/freeformTags/env", "test"),
                "/displayName", "web-2");

        Diff diff = diff(edge(before, after));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MOVED);
            assertThat(c.compartmentId()).isEqualTo(SANDBOX);
            assertThat(c.previousCompartmentId()).isEqualTo(APP);
            assertThat(c.displayName()).isEqualTo("web-2");
            assertThat(c.properties()).containsExactly(
                    new PropertyChange("/compartmentId", value("\"" + APP + "\""), value("\"" + SANDBOX + "\"")),
                    new PropertyChange("/displayName", value("\"web-1\""), value("\"web-2\"")),
                    new PropertyChange("/freeformTags/env", value("\"prod\""), value("\"test\"")));
        });
    }

    /** Saved Search results have no details: a snapshot imported from them says nothing about statements or rules. */
    @Test
    void detailsFetchedAtOneEndOnlyAreNotComparedAndCounted() {
        String sl = "ocid1.securitylist.oc1.iad.one";
        ObjectNode imported = resource("SecurityList", sl, NETWORK, "AVAILABLE", "default");
        ObjectNode crawled = with(imported, "/details/ingressSecurityRules", List.of(Map.of("source", "0.0.0.0/0")));
        ObjectNode renamed = with(crawled, "/displayName", "public");
        ObjectNode policy = resource("Policy", "ocid1.policy.oc1..one", TENANCY, "ACTIVE", "admins");

        Diff diff = diff(edge(imported, crawled), edge(crawled, with(imported, "/displayName", "public")),
                edge(imported, renamed), edge(policy, with(policy, "/details/statements", List.of("allow"))));

        assertThat(diff.changes()).hasSize(2).allSatisfy(c -> assertThat(c.properties())
                .containsExactly(new PropertyChange("/displayName", value("\"default\""), value("\"public\""))));
        assertThat(diff.noChange()).containsEntry(NoChangeReason.DETAILS_UNCOMPARED, 2L);
        assertThat(diff.detailsUncompared()).isEqualTo(4);
        // Both ends with details: compared as ever.
        assertThat(diff(edge(crawled, with(crawled, "/details/ingressSecurityRules", List.of()))).changes())
                .flatExtracting(Change::properties).extracting(PropertyChange::path)
                .containsExactly("/details/ingressSecurityRules/0");
    }

    @Test
    void aFreeformTagChangeIsAModificationOfThatTag() {
        ObjectNode before = with(instance(I1, APP, "RUNNING"), "/freeformTags/env", "prod");

        Diff diff = diff(edge(before, with(before, "/freeformTags/env", "staging")));

        assertThat(diff.changes()).extracting(Change::kind, Change::compartmentId, Change::previousCompartmentId,
                        Change::properties)
                .containsExactly(tuple(ChangeKind.MODIFIED, APP, null,
                        List.of(new PropertyChange("/freeformTags/env", value("\"prod\""), value("\"staging\"")))));
    }

    @Test
    void aDefinedTagChangeIsAModificationOfThatTagInItsNamespace() {
        ObjectNode before = with(instance(I1, APP, "RUNNING"), "/definedTags/Operations/CostCenter", "42");

        Diff diff = diff(edge(before, with(before, "/definedTags/Operations/CostCenter", "43")));

        assertThat(diff.changes()).flatExtracting(Change::properties).containsExactly(
                new PropertyChange("/definedTags/Operations/CostCenter", value("\"42\""), value("\"43\"")));
    }

    @Test
    void aTagKeyWithSlashAndTildeIsEscapedInThePointer() {
        ObjectNode before = instance(I1, APP, "RUNNING");

        Diff diff = diff(edge(before, with(before, "/freeformTags/team~1a~0b", "x")));

        assertThat(diff.changes()).flatExtracting(Change::properties).containsExactly(
                new PropertyChange("/freeformTags/team~1a~0b", null, value("\"x\"")));
        assertThat(stored(with(before, "/freeformTags/team~1a~0b", "x")).json()).contains("\"team/a~b\":\"x\"");
    }

    // ---- set arrays

    private static ObjectNode policy(String... statements) {
        ObjectNode node = resource("Policy", "ocid1.policy.oc1..p", TENANCY, "ACTIVE", "ocidiff-read");
        return with(node, "/details/statements", List.of(statements));
    }

    @Test
    void aPolicyWhoseStatementsWereOnlyReorderedIsNoChange() {
        Diff diff = diff(edge(policy("Allow group a to read all-resources in tenancy", "Allow group b to inspect vcns in tenancy"),
                policy("Allow group b to inspect vcns in tenancy", "Allow group a to read all-resources in tenancy")));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.noChange()).isEqualTo(Map.of(NoChangeReason.REORDERED, 1L));
    }

    @Test
    void aChangedPolicyStatementIsAModificationWithALineDiff() {
        ObjectNode before = policy("Allow group ocidiff-readers to inspect all-resources in tenancy",
                "Allow group ocidiff-readers to read audit-events in tenancy");
        ObjectNode after = policy("Allow group ocidiff-readers to inspect all-resources in tenancy",
                "Allow group ocidiff-readers to manage audit-events in tenancy");

        Diff diff = diff(edge(before, after));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MODIFIED);
            assertThat(c.properties()).containsExactly(
                    new PropertyChange("/details/statements/1",
                            value("\"Allow group ocidiff-readers to read audit-events in tenancy\""), null),
                    new PropertyChange("/details/statements/1",
                            null, value("\"Allow group ocidiff-readers to manage audit-events in tenancy\"")));
            assertThat(c.texts()).containsExactly(new TextDiff("/details/statements", List.of(
                    "  Allow group ocidiff-readers to inspect all-resources in tenancy",
                    "- Allow group ocidiff-readers to read audit-events in tenancy",
                    "+ Allow group ocidiff-readers to manage audit-events in tenancy")));
        });
    }

    private static final String SSH = """
            {"isStateless": false, "protocol": "6", "source": "10.0.0.0/16", "sourceType": "CIDR_BLOCK",
             "tcpOptions": {"destinationPortRange": {"max": 22, "min": 22}}}""";
    private static final String HTTPS_WORLD = """
            {"isStateless": false, "protocol": "6", "source": "0.0.0.0/0", "sourceType": "CIDR_BLOCK",
             "tcpOptions": {"destinationPortRange": {"max": 443, "min": 443}}}""";
    private static final String HTTPS_CORP = """
            {"isStateless": false, "protocol": "6", "source": "192.168.0.0/16", "sourceType": "CIDR_BLOCK",
             "tcpOptions": {"destinationPortRange": {"max": 443, "min": 443}}}""";

    private static ObjectNode securityList(String... ingress) {
        ObjectNode node = resource("SecurityList", "ocid1.securitylist.oc1.iad.s", NETWORK, "AVAILABLE", "default");
        return with(node, "/details/ingressSecurityRules", value("[" + String.join(",", ingress) + "]"));
    }

    @Test
    void aSecurityRuleSourceChangeIsShownAsThatRulesSource() {
        Diff diff = diff(edge(securityList(SSH, HTTPS_WORLD), securityList(SSH, HTTPS_CORP)));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.MODIFIED);
            assertThat(c.properties()).containsExactly(new PropertyChange("/details/ingressSecurityRules/1/source",
                    value("\"0.0.0.0/0\""), value("\"192.168.0.0/16\"")));
            assertThat(c.texts()).isEmpty();
        });
    }

    @Test
    void aNetworkSecurityGroupWhoseRulesWereOnlyReorderedIsNoChange() {
        ObjectNode nsg = resource("NetworkSecurityGroup", "ocid1.networksecuritygroup.oc1.iad.n", NETWORK, "AVAILABLE", "web");
        String egress = """
                {"destination": "0.0.0.0/0", "direction": "EGRESS", "id": "r2", "protocol": "all"}""";
        String ingress = """
                {"direction": "INGRESS", "id": "r1", "protocol": "6", "source": "0.0.0.0/0"}""";

        Diff diff = diff(edge(with(nsg, "/details/securityRules", value("[" + egress + "," + ingress + "]")),
                with(nsg, "/details/securityRules", value("[" + ingress + "," + egress + "]"))));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.noChange()).isEqualTo(Map.of(NoChangeReason.REORDERED, 1L));
    }

    // ---- ignore rules

    private static final IgnoreRule TERRAFORM_TAGS =
            new IgnoreRule("Instance", "/freeformTags/*", "tags are managed by Terraform");

    @Test
    void anIgnoreRuleWithAStarSegmentRemovesMatchingPropertiesAndCountsThem() {
        ObjectNode before = with(instance(I1, APP, "RUNNING"), "/freeformTags/env", "prod");
        ObjectNode after = with(with(before, "/freeformTags/env", "test"), "/displayName", "web-2");

        Diff diff = diff(IgnoreRules.of(List.of(TERRAFORM_TAGS)), ALL_OK, ALL_OK, edge(before, after));

        assertThat(diff.changes()).flatExtracting(Change::properties).containsExactly(
                new PropertyChange("/displayName", value("\"web-1\""), value("\"web-2\"")));
        assertThat(diff.ignored()).containsExactly(new IgnoreCount(TERRAFORM_TAGS, 1, 1));
        assertThat(diff.changesIgnored()).isZero();
    }

    @Test
    void aChangeWhosePropertiesAreAllIgnoredDisappearsButIsCounted() {
        ObjectNode before = with(instance(I1, APP, "RUNNING"), "/freeformTags/env", "prod");
        ObjectNode after = with(with(before, "/freeformTags/env", "test"), "/freeformTags/owner", "ops");

        Diff diff = diff(IgnoreRules.of(List.of(TERRAFORM_TAGS)), ALL_OK, ALL_OK, edge(before, after));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.changesIgnored()).isEqualTo(1);
        assertThat(diff.ignored()).containsExactly(new IgnoreCount(TERRAFORM_TAGS, 2, 1));
    }

    @Test
    void aBucketEtagChangeIsIgnoredByDefaultAndCounted() {
        ObjectNode before = with(resource("Bucket", "ocid1.bucket.oc1.iad.b", APP, "ACTIVE", "logs"),
                "/details/etag", "e1");

        Diff diff = diff(IgnoreRules.withDefaults(RulesConfig.none()), ALL_OK, ALL_OK,
                edge(before, with(before, "/details/etag", "e2")));

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.changesIgnored()).isEqualTo(1);
        assertThat(diff.ignored()).extracting(i -> i.rule().path(), IgnoreCount::properties).containsExactly(
                tuple("/details/etag", 1L), tuple("/details/approximateCount", 0L),
                tuple("/details/approximateSize", 0L), tuple("/systemTags/orcl-cloud/free-tier-retained", 0L));
    }

    @Test
    void aLineDiffGoesWithTheStatementChangesItExplainsWhenThoseAreIgnored() {
        IgnoreRule statements = new IgnoreRule("Policy", "/details/statements", "reviewed in git");
        ObjectNode before = policy("Allow group a to read all-resources in tenancy");
        ObjectNode after = with(policy("Allow group b to read all-resources in tenancy"), "/details/description", "x");

        Diff diff = diff(IgnoreRules.of(List.of(statements)), ALL_OK, ALL_OK, edge(before, after));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.properties()).extracting(PropertyChange::path).containsExactly("/details/description");
            assertThat(c.texts()).isEmpty();
        });
        assertThat(diff.ignored()).containsExactly(new IgnoreCount(statements, 2, 1));
    }

    // ---- order

    @Test
    void changesComeInKindTypeCompartmentNameOcidOrderWhateverTheInputOrder() {
        ObjectNode vcn = resource("Vcn", "ocid1.vcn.oc1.iad.v", NETWORK, "AVAILABLE", "main");
        ObjectNode moved = instance("ocid1.instance.oc1.iad.m", APP, "RUNNING");
        List<IntervalEdge> edges = new ArrayList<>(List.of(
                edge(vcn, with(vcn, "/displayName", "main-vcn")),
                edge(moved, with(moved, "/compartmentId", SANDBOX)),
                edge(instance("ocid1.instance.oc1.iad.d", APP, "RUNNING"), null),
                edge(null, resource("Instance", "ocid1.instance.oc1.iad.c3", SANDBOX, "RUNNING", "a")),
                edge(null, resource("Instance", "ocid1.instance.oc1.iad.c2", APP, "RUNNING", "b")),
                edge(null, resource("Instance", "ocid1.instance.oc1.iad.c1", APP, "RUNNING", "a")),
                edge(null, resource("Instance", "ocid1.instance.oc1.iad.c0", APP, "RUNNING", "a")),
                edge(null, resource("Bucket", "ocid1.bucket.oc1.iad.b", SANDBOX, "ACTIVE", "z"))));
        List<String> expected = List.of("ocid1.bucket.oc1.iad.b", "ocid1.instance.oc1.iad.c0",
                "ocid1.instance.oc1.iad.c1", "ocid1.instance.oc1.iad.c2", "ocid1.instance.oc1.iad.c3",
                "ocid1.instance.oc1.iad.d", "ocid1.vcn.oc1.iad.v", "ocid1.instance.oc1.iad.m");

        Diff forward = DiffEngine.diff(edges, IgnoreRules.none(), ALL_OK, ALL_OK);
        Collections.reverse(edges);
        Diff backward = DiffEngine.diff(edges, IgnoreRules.none(), ALL_OK, ALL_OK);

        assertThat(forward.changes()).extracting(Change::ocid).containsExactlyElementsOf(expected);
        assertThat(forward.changes()).extracting(Change::kind).containsExactly(ChangeKind.CREATED, ChangeKind.CREATED,
                ChangeKind.CREATED, ChangeKind.CREATED, ChangeKind.CREATED, ChangeKind.DELETED, ChangeKind.MODIFIED,
                ChangeKind.MOVED);
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void theEngineReadsACanonicalFixtureResource() {
        ObjectNode before = parse("""
                {"compartmentId": "ocid1.compartment.oc1..aaaaaaaaprod", "definedTags": {},
                 "details": {"etag": "e1", "publicAccessType": "NoPublicAccess", "versioning": "Enabled"},
                 "displayName": "logs", "freeformTags": {"team": "ops"}, "identifier": "ocid1.bucket.oc1.iad.b",
                 "lifecycleState": "ACTIVE", "region": "us-ashburn-1", "resourceType": "Bucket", "systemTags": {}}""");
        ObjectNode after = with(with(before, "/details/etag", "e2"), "/details/publicAccessType", "ObjectRead");

        Diff diff = diff(IgnoreRules.withDefaults(RulesConfig.none()),
                List.of(ok(ASHBURN, "ocid1.compartment.oc1..aaaaaaaaprod", 1)),
                List.of(ok(ASHBURN, "ocid1.compartment.oc1..aaaaaaaaprod", 1)), edge(before, after));

        assertThat(diff.changes()).flatExtracting(Change::properties).containsExactly(new PropertyChange(
                "/details/publicAccessType", value("\"NoPublicAccess\""), value("\"ObjectRead\"")));
        assertThat(diff.ignored().get(0)).isEqualTo(new IgnoreCount(IgnoreRules.DEFAULTS.get(0), 1, 1));
    }
}

package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AuditEventJson;
import io.github.ocidiff.audit.WriteEvent;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.IgnoreRules;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.report.History;
import io.github.ocidiff.report.HistoryStep;
import io.github.ocidiff.report.NotCollected;
import io.github.ocidiff.report.SnapshotRef;
import io.github.ocidiff.report.StepKind;
import io.github.ocidiff.report.Vanished;
import io.github.ocidiff.store.PairedAuditEvent;
import io.github.ocidiff.store.ResourceVersion;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.StoredAuditEvent;
import io.github.ocidiff.store.StoredResource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Steps from fake versions over five nightly snapshots (2026-11-01 .. 05), every scope collected unless said. */
class HistoryStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASHBURN = "us-ashburn-1";
    private static final String APP = "ocid1.compartment.oc1..app";
    private static final String DEV = "ocid1.compartment.oc1..dev";
    private static final String WEB = "ocid1.instance.oc1.iad.web";
    private static final String POLICY = "ocid1.policy.oc1..policy";
    private static final String TROUBLE = "Resource Search in us-ashburn-1 failed: 503 ServiceUnavailable";

    private final Map<Long, SnapshotInfo> snapshots = new HashMap<>();
    private final Map<Long, List<ScopeCoverage>> coverage = new HashMap<>();
    /** Each snapshot's compartment tree, where not both compartments (snapshot 1: an import, which records none). */
    private final Map<Long, Map<String, String>> trees = new HashMap<>(Map.of(1L, Map.of()));
    private IgnoreRules ignore = IgnoreRules.none();

    HistoryStepsTest() {
        for (long id = 1; id <= 5; id++) {
            snapshot(id, SnapshotStatus.COMPLETE, 0);
            coverage.put(id, List.of(ok(APP), ok(DEV)));
        }
    }

    private void snapshot(long id, SnapshotStatus status, int failedScopes) {
        Instant at = Instant.parse("2026-11-0" + id + "T23:59:59Z");
        snapshots.put(id, new SnapshotInfo(id, at, LocalDate.parse("2026-11-0" + id), "ocid1.tenancy.oc1..t", "crawl",
                status, 10, failedScopes, 1, at, at, Narrowing.NONE));
    }

    private static ScopeCoverage ok(String compartmentId) {
        return new ScopeCoverage(new Scope(ASHBURN, compartmentId), true, null, 1, 5, 10);
    }

    private static ScopeCoverage failed(String compartmentId) {
        return new ScopeCoverage(new Scope(ASHBURN, compartmentId), false, TROUBLE, 0, 0, 10);
    }

    private History history(List<ResourceVersion> versions, PairedAuditEvent... events) {
        HistorySteps steps = new HistorySteps(snapshots.values().stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList(), coverage::get,
                id -> trees.getOrDefault(id, Map.of(APP, "acme/app", DEV, "acme/dev")), ignore);
        return steps.of(versions, List.of(events));
    }

    private static ObjectNode instance(String compartmentId, String state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("compartmentId", compartmentId);
        node.put("displayName", "web-1");
        node.set("freeformTags", JSON.createObjectNode());
        node.put("identifier", WEB);
        node.put("lifecycleState", state);
        node.put("region", ASHBURN);
        node.put("resourceType", "Instance");
        return node;
    }

    private static ObjectNode tagged(ObjectNode node, String key, String value) {
        ObjectNode copy = node.deepCopy();
        ((ObjectNode) copy.get("freeformTags")).put(key, value);
        return copy;
    }

    private static ResourceVersion version(long from, Long to, ObjectNode node) {
        String json = node.toString();
        StoredResource r = new StoredResource(node.get("identifier").asText(), ASHBURN, node.get("resourceType").asText(),
                node.get("compartmentId").asText(), node.get("lifecycleState").asText(), node.get("displayName").asText(),
                "sha-" + Integer.toHexString(json.hashCode()), json);
        return new ResourceVersion(from, to, r);
    }

    private static PairedAuditEvent event(long from, long to, String id, String time, String name, String who) {
        WriteEvent e = new WriteEvent(id, "com.oraclecloud.computeApi." + name, Instant.parse(time), ASHBURN, name, APP,
                WEB, "web-1", null, "PUT", "/instances/" + WEB, "200", who, "ocid1.user.oc1.." + who, "natv",
                "198.51.100.1", "Console");
        return new PairedAuditEvent(from, to, new StoredAuditEvent(WEB, id, e.eventTime(), ASHBURN, AuditEventJson.write(e)));
    }

    private static Long id(SnapshotRef ref) {
        return ref == null ? null : ref.snapshotId();
    }

    @Test
    void aResourceOfTheFirstSnapshotIsFirstSeenThenModifiedMovedAndDeletedAsTheDiffSaysIt() {
        ObjectNode running = instance(APP, "RUNNING");
        ObjectNode owned = tagged(running, "owner", "web-team");
        ObjectNode moved = owned.deepCopy().put("compartmentId", DEV);
        History history = history(List.of(version(1, 2L, running), version(2, 3L, owned), version(3, 4L, moved),
                version(4, null, moved.deepCopy().put("lifecycleState", "TERMINATED"))));

        assertThat(history.ocid()).isEqualTo(WEB);
        assertThat(history.resourceType()).isEqualTo("Instance");
        assertThat(history.displayName()).isEqualTo("web-1");
        assertThat(history.steps()).extracting(HistoryStep::kind)
                .containsExactly(StepKind.FIRST_SEEN, StepKind.MODIFIED, StepKind.MOVED, StepKind.DELETED);
        assertThat(history.steps()).extracting(s -> id(s.since()), s -> id(s.lastSeen()), s -> id(s.until()),
                s -> id(s.comparedWith())).containsExactly(
                tuple(1L, 1L, 2L, null), tuple(2L, 2L, 3L, 1L),
                tuple(3L, 3L, 4L, 2L), tuple(4L, 5L, null, 3L));
        assertThat(history.steps().get(1).properties()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/freeformTags/owner");
            assertThat(p.before()).isNull();
            assertThat(p.after().asText()).isEqualTo("web-team");
        });
        assertThat(history.steps().get(2).properties()).extracting(PropertyChange::path).containsExactly("/compartmentId");
        assertThat(history.steps().get(3).properties()).isEmpty();
        assertThat(history.steps()).extracting(HistoryStep::compartmentPath)
                .containsExactly(null, "acme/app", "acme/dev", "acme/dev");
        assertThat(history.steps()).allSatisfy(s -> {
            assertThat(s.vanished()).isNull();
            assertThat(s.notCollected()).isEmpty();
            assertThat(s.caveat()).isNull();
        });
        assertThat(history.steps().get(3).current()).isTrue();
    }

    @Test
    void aResourceNewAfterTheFirstSnapshotIsCreatedWithTheDiffsCaveatAndOneFirstSeenTerminatedIsTransient() {
        coverage.put(2L, List.of(failed(APP), ok(DEV)));
        HistoryStep created = history(List.of(version(3, null, instance(APP, "RUNNING")))).steps().get(0);
        assertThat(created.kind()).isEqualTo(StepKind.CREATED);
        assertThat(id(created.comparedWith())).isEqualTo(2L);
        assertThat(created.caveat()).contains(APP).contains("'from'").contains(TROUBLE);

        HistoryStep blip = history(List.of(version(4, null, instance(DEV, "TERMINATED")))).steps().get(0);
        assertThat(blip.kind()).isEqualTo(StepKind.TRANSIENT);
        assertThat(blip.caveat()).isNull();
    }

    @Test
    void newVersionsNoReportListsAreIgnoredReorderedOrAlreadyGoneAndIgnoresAreCounted() {
        IgnoreRule build = new IgnoreRule("Instance", "/freeformTags/build", "CI stamps every build");
        ignore = IgnoreRules.of(List.of(build));
        ObjectNode running = instance(APP, "RUNNING");
        History history = history(List.of(version(1, 2L, running), version(2, 3L, tagged(running, "build", "41")),
                version(3, 4L, running.deepCopy().put("lifecycleState", "TERMINATING")),
                version(4, null, running.deepCopy().put("lifecycleState", "TERMINATED"))));
        assertThat(history.steps()).extracting(HistoryStep::kind).containsExactly(StepKind.FIRST_SEEN,
                StepKind.IGNORED, StepKind.DELETED, StepKind.ALREADY_GONE);
        assertThat(history.steps().get(1).ignoredBy()).containsExactly(build);
        assertThat(history.steps().get(1).properties()).isEmpty();

        ObjectNode policy = JSON.createObjectNode().put("compartmentId", APP).put("displayName", "p")
                .put("identifier", POLICY).put("lifecycleState", "ACTIVE").put("resourceType", "Policy");
        policy.putObject("details").putArray("statements").add("Allow a").add("Allow b");
        ObjectNode reordered = policy.deepCopy();
        reordered.putObject("details").putArray("statements").add("Allow b").add("Allow a");
        assertThat(history(List.of(version(1, 2L, policy), version(2, null, reordered))).steps())
                .extracting(HistoryStep::kind).containsExactly(StepKind.FIRST_SEEN, StepKind.REORDERED);
    }

    @Test
    void aResourceGoneFromACollectedScopeIsDeletedFromOneNotInThePlanUnknownAndAfterItsDeletionDropped() {
        Vanished deleted = history(List.of(version(1, 3L, instance(APP, "RUNNING")))).steps().get(0).vanished();
        assertThat(deleted.fate()).isEqualTo(Vanished.Fate.DELETED);
        assertThat(id(deleted.at())).isEqualTo(3L);
        assertThat(id(deleted.comparedWith())).isEqualTo(2L);
        assertThat(deleted.caveat()).isNull();

        // App no longer in the plan at 3, yet in its tree: it left the plan, and took web-1 with it.
        coverage.put(3L, List.of(ok(DEV)));
        Vanished left = history(List.of(version(1, 3L, instance(APP, "RUNNING")))).steps().get(0).vanished();
        assertThat(left.fate()).isEqualTo(Vanished.Fate.LEFT_THE_PLAN);
        // Nor in the tree (no longer active): where web-1 went, no one can tell.
        trees.put(3L, Map.of(DEV, "acme/dev"));
        Vanished unknown = history(List.of(version(1, 3L, instance(APP, "RUNNING")))).steps().get(0).vanished();
        assertThat(unknown.fate()).isEqualTo(Vanished.Fate.UNKNOWN);
        assertThat(unknown.caveat()).isEqualTo("us-ashburn-1 / " + APP + " was not in the 'to' snapshot's plan");

        History dropped = history(List.of(version(1, 2L, instance(DEV, "RUNNING")),
                version(2, 4L, instance(DEV, "TERMINATED"))));
        assertThat(dropped.steps().get(0).vanished()).isNull();
        assertThat(dropped.steps().get(1).vanished().fate()).isEqualTo(Vanished.Fate.DROPPED);
        assertThat(id(dropped.steps().get(1).until())).isEqualTo(4L);
    }

    /** A snapshot narrowed to another region saw nothing of this one, and no nightly report compares with it. */
    @Test
    void aNarrowedSnapshotThatLeftTheScopeOutIsNotCollectedAndNeverCompared() {
        Instant at = Instant.parse("2026-11-04T09:00:00Z");
        snapshots.put(4L, new SnapshotInfo(4, at, LocalDate.parse("2026-11-04"), "ocid1.tenancy.oc1..t", "crawl",
                SnapshotStatus.COMPLETE, 10, 0, 1, at, at, new Narrowing(List.of("eu-frankfurt-1"), List.of())));
        String leftOut = "left out by --region eu-frankfurt-1";
        coverage.put(4L, List.of(new ScopeCoverage(new Scope(ASHBURN, APP), false, leftOut, 0, 0, 0),
                new ScopeCoverage(new Scope(ASHBURN, DEV), false, leftOut, 0, 0, 0)));
        ObjectNode running = instance(APP, "RUNNING");
        History history = history(List.of(version(1, 5L, running), version(5, null, tagged(running, "owner", "x"))),
                event(3, 5, "e1", "2026-11-04T05:00:00Z", "UpdateInstance", "terraform"));

        HistoryStep carried = history.steps().get(0);
        assertThat(id(carried.lastSeen())).isEqualTo(3L);
        assertThat(carried.notCollected()).extracting(n -> n.snapshot().snapshotId(), NotCollected::reason)
                .containsExactly(tuple(4L, leftOut));
        HistoryStep modified = history.steps().get(1);
        assertThat(id(modified.comparedWith())).isEqualTo(3L);
        assertThat(modified.caveat()).isNull();
        assertThat(modified.actors()).extracting(Actor::principalName).containsExactly("terraform");
    }

    /** As the nightly report says it: deleted during an outage of its scope, judged against the night before it. */
    @Test
    void aResourceDeletedWhileItsScopeWentUncollectedIsDeletedSinceTheLastNightThatCollectedIt() {
        snapshot(3, SnapshotStatus.PARTIAL, 1);
        coverage.put(3L, List.of(failed(APP), ok(DEV)));
        Vanished deleted = history(List.of(version(1, 4L, instance(APP, "RUNNING"))),
                event(2, 4, "e1", "2026-11-03T10:00:00Z", "TerminateInstance", "ivan")).steps().get(0).vanished();
        assertThat(deleted.fate()).isEqualTo(Vanished.Fate.DELETED);
        assertThat(id(deleted.at())).isEqualTo(4L);
        assertThat(id(deleted.comparedWith())).isEqualTo(2L);
        assertThat(deleted.actors()).extracting(Actor::principalName).containsExactly("ivan");

        ObjectNode running = instance(APP, "RUNNING");
        HistoryStep retagged = history(List.of(version(1, 4L, running), version(4, null, tagged(running, "owner", "x"))))
                .steps().get(1);
        assertThat(retagged.kind()).isEqualTo(StepKind.MODIFIED);
        assertThat(id(retagged.comparedWith())).isEqualTo(2L);
    }

    @Test
    void anAbsenceEndsOneStepAndTheNextReappearsComparedWithTheVersionBeforeIt() {
        coverage.put(2L, List.of(ok(DEV)));
        trees.put(2L, Map.of(DEV, "acme/dev"));
        ObjectNode running = instance(APP, "RUNNING");
        History history = history(List.of(version(1, 2L, tagged(running, "owner", "a")),
                version(4, null, tagged(running, "owner", "b"))));

        HistoryStep before = history.steps().get(0);
        assertThat(id(before.until())).isEqualTo(2L);
        assertThat(before.vanished().fate()).isEqualTo(Vanished.Fate.UNKNOWN);
        HistoryStep back = history.steps().get(1);
        assertThat(back.kind()).isEqualTo(StepKind.REAPPEARED);
        assertThat(id(back.comparedWith())).isEqualTo(1L);
        assertThat(back.properties()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/freeformTags/owner");
            assertThat(p.before().asText()).isEqualTo("a");
            assertThat(p.after().asText()).isEqualTo("b");
        });
    }

    @Test
    void snapshotsThatDidNotCollectItsScopeCarryTheVersionForwardUnseenAndFailedOnesAreNeverCompared() {
        snapshot(2, SnapshotStatus.PARTIAL, 1);
        coverage.put(2L, List.of(failed(APP), ok(DEV)));
        snapshot(4, SnapshotStatus.FAILED, 2);
        coverage.put(4L, List.of(failed(APP), failed(DEV)));
        ObjectNode running = instance(APP, "RUNNING");
        History history = history(List.of(version(1, 5L, running), version(5, null, tagged(running, "owner", "x"))));

        HistoryStep carried = history.steps().get(0);
        assertThat(id(carried.lastSeen())).isEqualTo(3L);
        assertThat(carried.notCollected()).extracting(n -> n.snapshot().snapshotId(), NotCollected::reason)
                .containsExactly(tuple(2L, TROUBLE), tuple(4L, TROUBLE));
        HistoryStep modified = history.steps().get(1);
        assertThat(modified.kind()).isEqualTo(StepKind.MODIFIED);
        assertThat(id(modified.comparedWith())).isEqualTo(3L);
        assertThat(modified.caveat()).isNull();
    }

    /** After pruning, the first snapshot kept may have carried the resource unseen: its first step says so. */
    @Test
    void aFirstStepAtASnapshotThatDidNotCollectItsScopeSaysSo() {
        snapshot(1, SnapshotStatus.PARTIAL, 1);
        coverage.put(1L, List.of(failed(APP), ok(DEV)));
        History history = history(List.of(version(1, null, instance(APP, "RUNNING"))));

        HistoryStep first = history.steps().get(0);
        assertThat(first.kind()).isEqualTo(StepKind.FIRST_SEEN);
        assertThat(id(first.since())).isEqualTo(1L);
        assertThat(id(first.lastSeen())).isEqualTo(5L);
        assertThat(first.notCollected()).extracting(n -> n.snapshot().snapshotId(), NotCollected::reason)
                .containsExactly(tuple(1L, TROUBLE));
    }

    @Test
    void actorsAreTheEventsOfTheNightBeforeAStepOnceFromEveryKeptPairSpanningIt() {
        ObjectNode running = instance(APP, "RUNNING");
        ObjectNode owned = tagged(running, "owner", "web-team");
        List<PairedAuditEvent> events = new ArrayList<>(List.of(
                event(1, 2, "e1", "2026-11-02T10:00:00Z", "UpdateInstance", "alice"),
                // a diff from 1 to 3 kept both nights' events: each belongs to its own night
                event(1, 3, "e1", "2026-11-02T10:00:00Z", "UpdateInstance", "alice"),
                event(1, 3, "e2", "2026-11-03T10:00:00Z", "TerminateInstance", "bob")));
        History history = history(List.of(version(1, 2L, running), version(2, 3L, owned),
                version(3, null, owned.deepCopy().put("lifecycleState", "TERMINATED"))),
                events.toArray(PairedAuditEvent[]::new));

        assertThat(history.steps().get(0).actors()).isEmpty();
        assertThat(history.steps().get(1).actors()).extracting(Actor::principalName, Actor::eventName)
                .containsExactly(tuple("alice", "UpdateInstance"));
        assertThat(history.steps().get(2).actors()).extracting(Actor::principalName, Actor::eventName)
                .containsExactly(tuple("bob", "TerminateInstance"));
        assertThat(history.steps().stream().map(HistoryStep::vanished).filter(Objects::nonNull)).isEmpty();
    }
}

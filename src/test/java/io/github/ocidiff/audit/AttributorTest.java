package io.github.ocidiff.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.diff.Diff;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.store.AuditEvidence;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.KeptEvidence;
import io.github.ocidiff.store.StoredAuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AttributorTest {
    private static final String APP = "ocid1.compartment.oc1..app";
    private static final String DEV = "ocid1.compartment.oc1..dev";
    private static final Scope ASHBURN_APP = new Scope("us-ashburn-1", APP);
    private static final Scope ASHBURN_DEV = new Scope("us-ashburn-1", DEV);
    private static final Scope FRANKFURT_APP = new Scope("eu-frankfurt-1", APP);
    private static final AuditWindow WINDOW = AuditWindow.between(Instant.parse("2026-11-01T23:59:59Z"),
            Instant.parse("2026-11-02T23:59:59Z"));
    private static final Instant NOW = Instant.parse("2026-11-03T00:10:00Z");

    private static final String WEB = "ocid1.instance.oc1.iad.web";
    private static final String NEW = "ocid1.instance.oc1.iad.new";
    private static final String TAGGED = "ocid1.instance.oc1.iad.tagged";
    private static final String QUIET = "ocid1.vcn.oc1.iad.quiet";
    private static final String SHORT_LIVED = "ocid1.instance.oc1.iad.shortlived";
    private static final String BLIP = "ocid1.bucket.oc1.iad.blip";

    /**
     * A resource of dev, which 'from' did not collect (carried forward from the night before: dev is read back to then,
     * {@link #BEFORE}), changed beside WEB in app, which 'from' collected.
     */
    private static final String OLD = "ocid1.instance.oc1.iad.old";
    private static final AuditWindow BEFORE = AuditWindow.between(Instant.parse("2026-10-31T23:59:59Z"),
            WINDOW.start());
    private static final Diff WITH_DEV = new Diff(List.of(change(ChangeKind.MODIFIED, WEB, "w2"),
            new Change(ChangeKind.MODIFIED, OLD, "Instance", "us-ashburn-1", DEV, null, "o", List.of(), List.of(),
                    "carried", null, "o2")), List.of(), List.of(), false, List.of(), 0, Map.of(), 0);

    private static Change change(ChangeKind kind, String ocid, String afterSha) {
        return new Change(kind, ocid, "Instance", "us-ashburn-1", APP, null, "n", List.of(), List.of(), null, null,
                afterSha);
    }

    private static WriteEvent event(String id, String time, String name, String action, String status,
                                    String resourceId, String payloadId, String who) {
        return new WriteEvent(id, "com.oraclecloud.x." + name, Instant.parse(time), "us-ashburn-1", name, APP,
                resourceId, "res-" + id, payloadId, action, "/x", status, who, "ocid1.user.oc1.." + who, "natv",
                "198.51.100.1", "Console");
    }

    /** Answers per scope from a list of events, passing on the writes as the real feed does; a missing scope fails. */
    private record FakeFeed(Map<Scope, List<WriteEvent>> events) implements AuditFeed {
        @Override
        public long writes(String region, String compartmentId, AuditWindow window, Consumer<WriteEvent> sink) {
            List<WriteEvent> scope = events.get(new Scope(region, compartmentId));
            if (scope == null) {
                throw OcidiffException.runtime("Audit in " + region + " failed: 503", null);
            }
            scope.stream().filter(e -> WriteEvent.isWrite(e.action(), e.status())).forEach(sink);
            return scope.size() * 10L;
        }
    }

    /** Answers dev's scopes from {@code dev}, the others from {@code app}: the events of the window asked for. */
    private static AuditFeed feed(List<WriteEvent> dev, List<WriteEvent> app) {
        return (region, compartmentId, window, sink) -> {
            List<WriteEvent> events = (compartmentId.equals(DEV) ? dev : app).stream()
                    .filter(e -> window.contains(e.eventTime())).toList();
            events.forEach(sink);
            return events.size();
        };
    }

    /** {@link #WITH_DEV} attributed from Audit, dev read back to {@link #BEFORE}. */
    private Attributor.Result withDevReadBack(AuditFeed feed) {
        AuditPlan plan = new AuditPlan(List.of(), List.of(WINDOW), List.of(new ScopeWindow(ASHBURN_DEV, BEFORE)),
                List.of());
        return new Attributor(tags).fromKeptAndAudit(WITH_DEV, plan, EvidenceSource.NONE, WINDOW,
                List.of(ASHBURN_APP, ASHBURN_DEV), feed, 2, NOW);
    }

    private final TagAttribution tags = new TagAttribution((ocid, sha) -> Map.of("tagged-v1", "{\"definedTags\":{\"Oracle-Tags\":"
            + "{\"CreatedBy\":\"dana@example.com\",\"CreatedOn\":\"2026-11-02T08:00:00Z\"}}}", "plain", "{}").get(sha));

    private final Diff diff = new Diff(List.of(change(ChangeKind.MODIFIED, WEB, "w2"),
            change(ChangeKind.CREATED, NEW, "plain"), change(ChangeKind.CREATED, TAGGED, "tagged-v1"),
            change(ChangeKind.MODIFIED, QUIET, "q2")),
            List.of(new TransientResource(SHORT_LIVED, "Instance", "tmp", "us-ashburn-1", APP, "TERMINATED",
                    null)),
            List.of(), true, List.of(), 0, Map.of(), 0);

    private final List<WriteEvent> appEvents = List.of(
            event("e3", "2026-11-02T12:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "bob"),
            event("e1", "2026-11-02T09:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "alice"),
            event("e4", "2026-11-02T10:00:00Z", "LaunchInstance", "POST", "200", null, NEW, "carol"),
            event("e5", "2026-11-02T10:30:00Z", "UpdateVcn", "PUT", "409", QUIET, null, "mallory"),
            event("e6", "2026-11-02T11:00:00Z", "LaunchInstance", "POST", "200", null, SHORT_LIVED, "erin"),
            event("e7", "2026-11-02T11:30:00Z", "TerminateInstance", "DELETE", "204", SHORT_LIVED, null, "erin"));
    private final List<WriteEvent> devEvents = List.of(
            event("e8", "2026-11-02T13:00:00Z", "CreateBucket", "POST", "200", null, BLIP, "frank"),
            event("e9", "2026-11-02T13:05:00Z", "DeleteBucket", "DELETE", "204", BLIP, null, "frank"),
            event("e1", "2026-11-02T09:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "alice"));

    @Test
    void matchesWriteEventsByResourceAndCreatedIdInTimeOrder() {
        var result = new Attributor(tags).fromAudit(diff, List.of(ASHBURN_APP, ASHBURN_DEV),
                WINDOW, new FakeFeed(Map.of(ASHBURN_APP, appEvents, ASHBURN_DEV, devEvents)), 2, NOW);

        Map<String, AttributedChange> byOcid = new java.util.HashMap<>();
        result.changes().forEach(c -> byOcid.put(c.change().ocid(), c));
        assertThat(byOcid.get(WEB).attribution()).isEqualTo(Attribution.AUDIT);
        // Seen in two compartments' answers, counted once; oldest first.
        assertThat(byOcid.get(WEB).actors()).extracting(Actor::principalName).containsExactly("alice", "bob");
        assertThat(byOcid.get(NEW).actors()).extracting(Actor::eventName).containsExactly("LaunchInstance");
        assertThat(byOcid.get(TAGGED).attribution()).isEqualTo(Attribution.TAG);
        assertThat(byOcid.get(TAGGED).actors().get(0).principalName()).isEqualTo("dana@example.com");
        // A failed write is no evidence.
        assertThat(byOcid.get(QUIET).attribution()).isEqualTo(Attribution.NONE);
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void transientResourcesGetTheirActorsAndAuditAloneRevealsOthers() {
        var result = new Attributor(tags).fromAudit(diff, List.of(ASHBURN_APP, ASHBURN_DEV),
                WINDOW, new FakeFeed(Map.of(ASHBURN_APP, appEvents, ASHBURN_DEV, devEvents)), 1, NOW);

        assertThat(result.transients()).extracting(t -> t.resource().ocid()).containsExactly(SHORT_LIVED, BLIP);
        assertThat(result.transients().get(0).actors()).extracting(Actor::eventName)
                .containsExactly("LaunchInstance", "TerminateInstance");
        TransientResource blip = result.transients().get(1).resource();
        assertThat(blip.resourceType()).isEqualTo("Bucket");
        assertThat(blip.displayName()).isEqualTo("res-e8");
        assertThat(result.transients().get(1).actors()).extracting(Actor::principalName).containsExactly("frank", "frank");
    }

    @Test
    void keepsWhatMatchedAsEvidenceThatRendersTheSameReportAgain() {
        Attributor attributor = new Attributor(tags);
        var first = attributor.fromAudit(diff, List.of(ASHBURN_APP, ASHBURN_DEV),
                WINDOW, new FakeFeed(Map.of(ASHBURN_APP, appEvents, ASHBURN_DEV, devEvents)), 2, NOW);
        AuditEvidence evidence = first.evidence();
        assertThat(evidence.eventsRead()).isEqualTo(90);
        assertThat(evidence.writeEvents()).isEqualTo(8);
        assertThat(evidence.start()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(evidence.events()).extracting(e -> e.ocid() + " " + e.eventId()).containsExactlyInAnyOrder(
                WEB + " e1", WEB + " e3", NEW + " e4", SHORT_LIVED + " e6", SHORT_LIVED + " e7", BLIP + " e8",
                BLIP + " e9");

        EvidenceWindow window = new EvidenceWindow(evidence.start(), evidence.end(), evidence.fetchedAt(),
                evidence.eventsRead(), evidence.writeEvents(), evidence.failures(), evidence.events().size());
        var again = attributor.fromEvidence(diff, new KeptEvidence(1, 2, window),
                (from, to, consumer) -> evidence.events().forEach(consumer));
        assertThat(again.changes()).isEqualTo(first.changes());
        assertThat(again.transients()).isEqualTo(first.transients());
        assertThat(again.warnings()).isEmpty();
        assertThat(again.note()).startsWith("actors from the Audit events kept on");
    }

    @Test
    void aScopeAuditCannotReadIsAWarningAndItsChangesFallBackToTags() {
        var result = new Attributor(tags).fromAudit(diff, List.of(ASHBURN_APP, FRANKFURT_APP), WINDOW,
                new FakeFeed(Map.of(ASHBURN_APP, List.of())), 2, NOW);
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("Audit could not be read for 1 of 2 scopes (first: eu-frankfurt-1 " + APP
                        + ": Audit in eu-frankfurt-1 failed: 503)");
        assertThat(result.evidence().failures()).hasSize(1);
        assertThat(result.changes()).extracting(AttributedChange::attribution)
                .containsExactly(Attribution.NONE, Attribution.NONE, Attribution.TAG, Attribution.NONE);
    }

    /**
     * 'from' did not collect dev (its region down that night), so it carried dev's resources forward from the night
     * before: dev is read back to then, and what that stretch shows attributes only the changes of dev. WEB, in app,
     * which 'from' collected, keeps only the events of the window.
     */
    @Test
    void aStretchBeforeTheWindowAttributesOnlyTheChangesOfTheScopeItIsReadFor() {
        List<WriteEvent> dev = List.of(
                event("d1", "2026-11-01T08:00:00Z", "UpdateInstance", "PUT", "200", OLD, null, "gina"),
                event("d2", "2026-11-01T09:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "hank"),
                event("d3", "2026-11-02T09:30:00Z", "UpdateInstance", "PUT", "200", OLD, null, "ivan"));
        List<WriteEvent> app = List.of(
                event("a1", "2026-11-01T07:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "judy"),
                event("a2", "2026-11-02T10:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "kim"));
        var result = withDevReadBack(feed(dev, app));

        assertThat(result.changes()).extracting(c -> c.change().ocid(),
                c -> c.actors().stream().map(Actor::principalName).toList()).containsExactly(
                tuple(WEB, List.of("kim")), tuple(OLD, List.of("gina", "ivan")));
        assertThat(result.evidence().eventsRead()).isEqualTo(4);
        assertThat(result.evidence().events()).extracting(e -> e.eventId()).containsExactlyInAnyOrder("d1", "d3", "a2");
        assertThat(result.warnings()).isEmpty();
    }

    /**
     * LATE was created at 23:50 the night before, minutes before 'from', which Search did not list it in yet: its create
     * event is read around its timeCreated, and attributes it (and nothing else of that compartment); the change says
     * why its creation shows in this window. The evidence kept renders it the same again.
     */
    @Test
    void aResourceCreatedBeforeTheWindowThatFromDidNotListIsAttributedByItsCreateEvent() {
        String late = "ocid1.instance.oc1.iad.late";
        Change created = change(ChangeKind.CREATED, late, "late-v1");
        Diff withLate = new Diff(List.of(created, change(ChangeKind.MODIFIED, WEB, "w2")), List.of(), List.of(), true,
                List.of(), 0, Map.of(), 0);
        TagAttribution versions = new TagAttribution((ocid, sha) -> "{\"timeCreated\":\"2026-11-01T23:50:20.000Z\"}");
        List<WriteEvent> app = List.of(
                event("l1", "2026-11-01T23:50:12Z", "LaunchInstance", "POST", "200", null, late, "lena"),
                event("w0", "2026-11-01T23:51:00Z", "UpdateInstance", "PUT", "200", WEB, null, "old-night"),
                event("w1", "2026-11-02T10:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "kim"),
                // Changed in the window too: that event is no creation, which is still looked up.
                event("l2", "2026-11-02T11:00:00Z", "UpdateInstance", "PUT", "200", late, null, "max"));
        List<AuditWindow> asked = new ArrayList<>();
        AuditFeed feed = (region, compartmentId, window, sink) -> {
            synchronized (asked) {
                asked.add(window);
            }
            return feed(List.of(), app).writes(region, compartmentId, window, sink);
        };

        var result = new Attributor(versions).fromAudit(withLate, List.of(ASHBURN_APP), WINDOW, feed, 2, NOW);

        assertThat(asked).containsExactlyInAnyOrder(WINDOW, new AuditWindow(Instant.parse("2026-11-01T23:49:00Z"),
                Instant.parse("2026-11-01T23:52:00Z")));
        assertThat(result.changes()).extracting(c -> c.change().ocid(), AttributedChange::attribution,
                c -> c.actors().stream().map(Actor::principalName).toList()).containsExactly(
                tuple(late, Attribution.AUDIT, List.of("lena", "max")), tuple(WEB, Attribution.AUDIT, List.of("kim")));
        assertThat(result.changes().get(0).change().caveat()).isEqualTo("created 2026-11-01T23:50:12Z, before this"
                + " diff's Audit window: Resource Search did not list it yet when the 'from' snapshot was taken (it"
                + " lists new resources some minutes after their creation)");
        assertThat(result.changes().get(1).change().caveat()).isNull();
        assertThat(result.warnings()).isEmpty();

        AuditEvidence evidence = result.evidence();
        EvidenceWindow window = new EvidenceWindow(evidence.start(), evidence.end(), evidence.fetchedAt(),
                evidence.eventsRead(), evidence.writeEvents(), evidence.failures(), evidence.events().size());
        var again = new Attributor(versions).fromEvidence(withLate, new KeptEvidence(1, 2, window),
                (from, to, consumer) -> evidence.events().forEach(consumer));
        assertThat(again.changes()).isEqualTo(result.changes());
    }

    /**
     * A resource created a month before the window, which 'from' did not list (Search's paging skipped it that night):
     * no event of the window, none looked up so far back, yet its change says it is no creation of this window.
     */
    @Test
    void aResourceCreatedLongBeforeTheWindowSaysItsCreationIsNotOfThisWindow() {
        String skipped = "ocid1.instance.oc1.iad.skipped";
        Diff withSkipped = new Diff(List.of(change(ChangeKind.CREATED, skipped, "s1")), List.of(), List.of(), true,
                List.of(), 0, Map.of(), 0);
        TagAttribution versions = new TagAttribution((ocid, sha) -> "{\"timeCreated\":\"2026-10-01T08:00:00Z\"}");

        var result = new Attributor(versions).fromAudit(withSkipped, List.of(ASHBURN_APP), WINDOW,
                new FakeFeed(Map.of(ASHBURN_APP, appEvents)), 2, NOW);

        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.attribution()).isEqualTo(Attribution.NONE);
            assertThat(c.change().caveat()).isEqualTo("created 2026-10-01T08:00:00Z, before this diff's Audit window,"
                    + " yet the 'from' snapshot did not list it: it may have moved in from a compartment this report"
                    + " does not cover, or Resource Search did not list it yet (it lists new resources some minutes"
                    + " after their creation, and may skip one while it pages)");
        });
    }

    /** Moved in from a compartment the configuration leaves out: new to the report, and its change says it was moved. */
    @Test
    void aResourceMovedInFromACompartmentNotCoveredSaysSo() {
        String movedIn = "ocid1.instance.oc1.iad.movedin";
        Diff withMovedIn = new Diff(List.of(change(ChangeKind.CREATED, movedIn, "m1")), List.of(), List.of(), true,
                List.of(), 0, Map.of(), 0);
        TagAttribution versions = new TagAttribution((ocid, sha) -> "{\"timeCreated\":\"2025-03-01T08:00:00Z\"}");
        List<WriteEvent> events = List.of(event("m", "2026-11-02T09:30:00Z", "ChangeInstanceCompartment", "POST", "200",
                movedIn, null, "mover"));

        var result = new Attributor(versions).fromAudit(withMovedIn, List.of(ASHBURN_APP), WINDOW,
                new FakeFeed(Map.of(ASHBURN_APP, events)), 2, NOW);

        assertThat(result.changes()).singleElement().satisfies(c -> {
            assertThat(c.attribution()).isEqualTo(Attribution.AUDIT);
            assertThat(c.actors()).extracting(Actor::principalName).containsExactly("mover");
            assertThat(c.change().caveat()).isEqualTo("moved into this compartment by ChangeInstanceCompartment at"
                    + " 2026-11-02T09:30:00Z, not created: the 'from' snapshot did not list it where it was (a"
                    + " compartment this report does not cover, or one Search had not indexed it in yet)");
        });
    }

    /**
     * A bucket made and removed in dev after dev was last collected, before 'from' (which carried dev forward): dev is
     * compared from then, so the bucket is transient in this report, as in the nightly one from that snapshot.
     */
    @Test
    void aResourceMadeAndGoneInAStretchBeforeTheWindowIsTransient() {
        List<WriteEvent> dev = List.of(
                event("t1", "2026-11-01T10:00:00Z", "CreateBucket", "POST", "200", null, BLIP, "olga"),
                event("t2", "2026-11-01T10:30:00Z", "DeleteBucket", "DELETE", "204", BLIP, null, "olga"));
        var result = withDevReadBack(feed(dev, List.of()));

        assertThat(result.transients()).singleElement().satisfies(t -> {
            assertThat(t.resource().ocid()).isEqualTo(BLIP);
            assertThat(t.actors()).extracting(Actor::eventName).containsExactly("CreateBucket", "DeleteBucket");
        });
    }

    /**
     * A pair kept from the night before 'from' to 'to' (the nightly report past a PARTIAL night) while Audit does not
     * answer: its events within the window attribute the changes, those of its earlier night do not, but for the scope
     * 'from' did not collect, whose stretch before the window they fall in.
     */
    @Test
    void aKeptPairReachingBeyondTheWindowAttributesWithItsEventsOfTheWindow() {
        List<WriteEvent> kept = List.of(
                event("j1", "2026-11-01T07:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "judy"),
                new WriteEvent("g1", "com.oraclecloud.x.UpdateInstance", Instant.parse("2026-11-01T08:00:00Z"),
                        "us-ashburn-1", "UpdateInstance", DEV, OLD, "res-g1", null, "PUT", "/x", "200", "gina",
                        "ocid1.user.oc1..gina", "natv", "198.51.100.1", "Console"),
                event("k1", "2026-11-02T10:00:00Z", "UpdateInstance", "PUT", "200", WEB, null, "kim"));
        List<StoredAuditEvent> stored = kept.stream().map(e -> new StoredAuditEvent(e.resourceIds().iterator().next(),
                e.eventId(), e.eventTime(), e.region(), AuditEventJson.write(e))).toList();
        KeptEvidence wider = new KeptEvidence(1, 3, new EvidenceWindow(BEFORE.start(), WINDOW.end(), NOW, 30, 3,
                List.of(), 3));
        AuditPlan plan = new AuditPlan(List.of(), List.of(WINDOW), List.of(new ScopeWindow(
                new Scope("us-ashburn-1", DEV), BEFORE)), List.of(wider));
        List<KeptEvidence> asked = new ArrayList<>();
        EvidenceSource events = (from, to, consumer) -> {
            asked.add(new KeptEvidence(from, to, wider.window()));
            stored.forEach(consumer);
        };

        var result = new Attributor(tags).fromKeptAndAudit(WITH_DEV, plan, events, WINDOW,
                List.of(ASHBURN_APP, ASHBURN_DEV), new FakeFeed(Map.of()), 2, NOW);

        assertThat(asked).extracting(KeptEvidence::fromId, KeptEvidence::toId).containsExactly(tuple(1L, 3L));
        assertThat(result.changes()).extracting(c -> c.change().ocid(),
                c -> c.actors().stream().map(Actor::principalName).toList()).containsExactly(
                tuple(WEB, List.of("kim")), tuple(OLD, List.of("gina")));
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).startsWith(
                "actors from the Audit events kept for 1 earlier report, and from Audit for the rest of the window"));
        assertThat(result.evidence().writeEvents()).as("none read from Audit").isZero();
    }

    /**
     * A volume created at 23:50 the night before, which 'from' did not list yet, and deleted in the window: first seen
     * terminated, transient; its creation is looked up around its timeCreated as a created one's is.
     */
    @Test
    void aTransientCreatedBeforeTheWindowGetsItsCreatorToo() {
        String gone = "ocid1.volume.oc1.iad.gone";
        Diff withGone = new Diff(List.of(), List.of(new TransientResource(gone, "Volume", "v", "us-ashburn-1", APP,
                "TERMINATED", "gone-v1")), List.of(), true, List.of(), 0, Map.of(), 0);
        TagAttribution versions = new TagAttribution((ocid, sha) -> "{\"timeCreated\":\"2026-11-01T23:50:20.000Z\"}");
        List<WriteEvent> app = List.of(
                event("c1", "2026-11-01T23:50:12Z", "CreateVolume", "POST", "200", null, gone, "lena"),
                event("c2", "2026-11-02T09:00:00Z", "DeleteVolume", "DELETE", "204", gone, null, "max"));
        var result = new Attributor(versions).fromAudit(withGone, List.of(ASHBURN_APP), WINDOW, feed(List.of(), app), 2,
                NOW);

        assertThat(result.transients()).singleElement().satisfies(t -> assertThat(t.actors())
                .extracting(Actor::principalName, Actor::eventName)
                .containsExactly(tuple("lena", "CreateVolume"), tuple("max", "DeleteVolume")));
    }

    @Test
    void withoutAuditOnlyTagsAttribute() {
        var result = new Attributor(tags).withoutAudit(diff, "skipped");
        assertThat(result.evidence()).isNull();
        assertThat(result.warnings()).containsExactly("skipped");
        assertThat(result.transients()).extracting(t -> t.actors().size()).containsExactly(0);
    }

    @Test
    void writeEventsSurviveTheirJsonForm() {
        List<WriteEvent> all = new ArrayList<>(appEvents);
        all.addAll(devEvents);
        for (WriteEvent e : all) {
            assertThat(AuditEventJson.read(AuditEventJson.write(e))).isEqualTo(e);
        }
    }

    @Test
    void onlySuccessfulWritesCount() {
        assertThat(WriteEvent.isWrite("POST", "200")).isTrue();
        assertThat(WriteEvent.isWrite("delete", "204")).isTrue();
        assertThat(WriteEvent.isWrite("GET", "200")).isFalse();
        assertThat(WriteEvent.isWrite("PUT", "404")).isFalse();
        assertThat(WriteEvent.isWrite("PUT", null)).isFalse();
    }
}

package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.StoreSnapshotTest.snapshot;
import static io.github.ocidiff.store.jooq.Tables.AUDIT_EVENT;
import static io.github.ocidiff.store.jooq.Tables.COMPARTMENT_TREE;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Compartment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreEvidenceTest {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-03T00:00:00Z");

    @TempDir
    Path dir;

    private final CanonicalResource web = resource(ASHBURN_A, "web", "RUNNING");
    private final CanonicalResource webStopped = resource(ASHBURN_A, "web", "STOPPED");

    /** The evidence kept for a pair as the store gives it: what was read, then its events one at a time. */
    private static Optional<AuditEvidence> kept(Store store, long from, long to) {
        return store.auditWindow(from, to).map(w -> {
            List<StoredAuditEvent> events = new ArrayList<>();
            store.forEachAuditEvent(from, to, events::add);
            assertThat(events).hasSize(w.matchedEvents());
            return new AuditEvidence(w.start(), w.end(), w.fetchedAt(), w.eventsRead(), w.writeEvents(), w.failures(),
                    events);
        });
    }

    private static StoredAuditEvent event(String ocid, String id, String time) {
        return new StoredAuditEvent(ocid, id, Instant.parse(time), "us-ashburn-1", "{\"eventId\":\"" + id + "\"}");
    }

    @Test
    void keepsTheMatchedEventsOfAPairAndReplacesThemOnARerun() {
        try (Store store = Store.open(dir.resolve("s"))) {
            long first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped))).id();
            StoredAuditEvent stop = event(web.ocid(), "e2", "2026-11-02T10:00:00Z");
            StoredAuditEvent update = event(web.ocid(), "e1", "2026-11-02T09:00:00Z");
            store.saveAuditEvidence(first, second, new AuditEvidence(START, END, END, 1200, 3,
                    List.of("eu-frankfurt-1 ocid1.compartment.oc1..a: 503"), List.of(stop, update)));

            AuditEvidence kept = kept(store, first, second).orElseThrow();
            assertThat(kept.events()).containsExactly(update, stop);
            assertThat(kept.eventsRead()).isEqualTo(1200);
            assertThat(kept.failures()).containsExactly("eu-frankfurt-1 ocid1.compartment.oc1..a: 503");
            assertThat(kept(store, second, first)).isEmpty();

            store.saveAuditEvidence(first, second, new AuditEvidence(START, END, END, 1300, 1, List.of(), List.of(stop)));
            assertThat(kept(store, first, second).orElseThrow().events()).containsExactly(stop);
            assertThat(store.auditEventsOf(web.ocid()))
                    .containsExactly(new PairedAuditEvent(first, second, stop));
        }
        assertThat(Resources.rows(dir.resolve("s"), AUDIT_EVENT)).isEqualTo(1);
    }

    /** Events are kept compressed; those kept as text before migration V10 read as they were. */
    @Test
    void eventsAreKeptCompressedAndTextKeptBeforeStillReads() {
        long first;
        long second;
        String json = "{\"data\":{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaexample\",\"identity\":"
                + "{\"principalName\":\"terraform\",\"userAgent\":\"Terraform/1.9.8 (+https://www.terraform.io)\"}"
                + ",\"request\":{\"action\":\"PUT\",\"path\":\"/20160918/instances/" + web.ocid() + "\"}},"
                + "\"eventId\":\"e1\",\"eventType\":\"com.oraclecloud.computeApi.UpdateInstance\"}";
        StoredAuditEvent update = new StoredAuditEvent(web.ocid(), "e1", Instant.parse("2026-11-02T09:00:00Z"),
                "us-ashburn-1", json);
        try (Store store = Store.open(dir.resolve("s"))) {
            first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped))).id();
            store.saveAuditEvidence(first, second,
                    new AuditEvidence(START, END, END, 10, 1, List.of(), List.of(update)));
        }
        Record2<String, byte[]> row = Resources.closedStore(dir.resolve("s"),
                dsl -> dsl.select(AUDIT_EVENT.BODY, AUDIT_EVENT.BODY_ZSTD).from(AUDIT_EVENT).fetchOne());
        assertThat(row.value1()).isNull();
        assertThat(row.value2().length).isLessThan(json.length() * 2 / 3);
        // As a store written before V10 holds it.
        Resources.closedStore(dir.resolve("s"), dsl -> dsl.update(AUDIT_EVENT).set(AUDIT_EVENT.BODY, json)
                .setNull(AUDIT_EVENT.BODY_ZSTD).execute());
        try (Store store = Store.open(dir.resolve("s"))) {
            assertThat(kept(store, first, second).orElseThrow().events()).containsExactly(update);
        }
    }

    @Test
    void keepsAnEventOnceWhateverItsMatches() {
        CanonicalResource volume = resource(ASHBURN_A, "volume", "AVAILABLE");
        try (Store store = Store.open(dir.resolve("s"))) {
            long first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped, volume))).id();
            // One launch that created the volume too; listed twice for the instance.
            StoredAuditEvent launch = event(web.ocid(), "e1", "2026-11-02T09:00:00Z");
            StoredAuditEvent launchOfVolume = new StoredAuditEvent(volume.ocid(), "e1", launch.eventTime(),
                    launch.region(), launch.json());
            store.saveAuditEvidence(first, second, new AuditEvidence(START, END, END, 10, 1, List.of(),
                    List.of(launch, launchOfVolume, launch)));

            assertThat(kept(store, first, second).orElseThrow().events())
                    .containsExactlyInAnyOrder(launch, launchOfVolume);
        }
        assertThat(Resources.rows(dir.resolve("s"), AUDIT_EVENT)).isEqualTo(1);
    }

    @Test
    void deletingTheLatestSnapshotDropsItsEvidenceAndTree() {
        try (Store store = Store.open(dir.resolve("s"))) {
            long first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped))).id();
            store.saveAuditEvidence(first, second, new AuditEvidence(START, END, END, 1, 1, List.of(),
                    List.of(event(web.ocid(), "e1", "2026-11-02T09:00:00Z"))));
            store.saveCompartments(second, List.of(new Compartment("t", null, "acme", "")));

            store.deleteSnapshot(second);

            assertThat(kept(store, first, second)).isEmpty();
            assertThat(store.auditEventsOf(web.ocid())).isEmpty();
            assertThat(store.compartments(second)).isEmpty();
        }
        assertThat(Resources.rows(dir.resolve("s"), COMPARTMENT_TREE)).isZero();
        assertThat(Resources.rows(dir.resolve("s"), AUDIT_EVENT)).isZero();
    }

    /** The events of a pair that goes are deleted unless another pair matched them too. */
    @Test
    void anEventAnotherPairMatchedStaysWhenAPairGoes() {
        try (Store store = Store.open(dir.resolve("s"))) {
            long first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped))).id();
            long third = snapshot(store, 2, Map.of(ASHBURN_A, List.of(web))).id();
            StoredAuditEvent stop = event(web.ocid(), "e1", "2026-11-02T09:00:00Z");
            StoredAuditEvent start = event(web.ocid(), "e2", "2026-11-03T09:00:00Z");
            store.saveAuditEvidence(first, second, new AuditEvidence(START, END, END, 1, 1, List.of(), List.of(stop)));
            // A longer window (a drift, say) over both nights.
            store.saveAuditEvidence(first, third, new AuditEvidence(START, END.plusSeconds(86_400), END, 2, 2,
                    List.of(), List.of(stop, start)));

            store.deleteSnapshot(third);

            assertThat(kept(store, first, third)).isEmpty();
            assertThat(kept(store, first, second).orElseThrow().events()).containsExactly(stop);
        }
        assertThat(Resources.rows(dir.resolve("s"), AUDIT_EVENT)).isEqualTo(1);
    }

    @Test
    void storesEachDistinctCompartmentTreeOnce() {
        List<Compartment> tree = List.of(new Compartment("t", null, "acme", ""),
                new Compartment("p", "t", "prod", "prod"), new Compartment("a", "p", "app", "prod/app"));
        try (Store store = Store.open(dir.resolve("s"))) {
            long first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(web))).id();
            store.saveCompartments(first, tree);
            store.saveCompartments(second, List.of(tree.get(2), tree.get(0), tree.get(1)));

            assertThat(store.compartments(second).orElseThrow()).containsExactlyInAnyOrderElementsOf(tree);
        }
        assertThat(Resources.rows(dir.resolve("s"), COMPARTMENT_TREE)).isEqualTo(1);
    }

    @Test
    void listsEveryVersionOfOneResource() {
        try (Store store = Store.open(dir.resolve("s"))) {
            long first = snapshot(store, 0, Map.of(ASHBURN_A, List.of(web))).id();
            long second = snapshot(store, 1, Map.of(ASHBURN_A, List.of(webStopped))).id();
            snapshot(store, 2, Map.of(ASHBURN_A, List.of(webStopped)));

            List<ResourceVersion> versions = store.versionsOf(web.ocid());
            assertThat(versions).extracting(ResourceVersion::validFrom).containsExactly(first, second);
            assertThat(versions.get(0).validTo()).isEqualTo(second);
            assertThat(versions.get(1).validTo()).isNull();
            assertThat(versions.get(1).resource().lifecycleState()).isEqualTo("STOPPED");
            assertThat(store.versionsOf("ocid1.instance.oc1..nothing")).isEmpty();
        }
    }
}

package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeneratedTenancyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEAD = Set.of("TERMINATED", "DELETED");
    /** What an Audit stateChange names when Search shows the update. */
    private static final List<String> SEARCH_FIELDS = List.of("displayName", "freeformTags", "lifecycleState");

    /** Small but busy: 5 % churn a day, so every kind of change happens in every region. */
    private static GeneratorSpec small() {
        return GeneratorSpec.defaults().withSeed(7).withResourceCount(600).withCompartments(2, 2)
                .withChurnRate(0.05).withDays(6).withTransientPerDay(4).withReadEventsPerWrite(2);
    }

    @Test
    void theSameSeedGivesByteIdenticalJsonAndAnotherSeedAnotherTenancy() throws Exception {
        String first = dump(new GeneratedTenancy(small()));
        assertThat(dump(new GeneratedTenancy(small()))).isEqualTo(first);
        GeneratedTenancy other = new GeneratedTenancy(small().withSeed(8));
        assertThat(dump(other)).isNotEqualTo(first);
        assertThat(other.tenancy().path("id").asText()).isNotEqualTo(new GeneratedTenancy(small()).tenancy().path("id").asText());
    }

    @Test
    void tenancyRegionsAndCompartmentsAreShapedAsIdentityReturnsThem() {
        GeneratedTenancy tenancy = new GeneratedTenancy(GeneratorSpec.defaults());
        JsonNode t = tenancy.tenancy();
        assertThat(t.path("id").asText()).matches("ocid1\\.tenancy\\.oc1\\.\\.aaaaaaaa[a-z2-7]{52}");
        assertThat(t.path("name").asText()).isEqualTo("acme-sim");
        assertThat(t.path("homeRegionKey").asText()).isEqualTo("IAD");
        assertThat(t.has("freeformTags") && t.has("definedTags") && t.has("description")).isTrue();

        assertThat(tenancy.regions()).extracting(r -> r.path("regionKey").asText()).containsExactly("IAD", "FRA", "LHR");
        assertThat(tenancy.regions()).extracting(r -> r.path("isHomeRegion").asBoolean()).containsExactly(true, false, false);
        assertThat(tenancy.regions()).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("READY"));

        List<JsonNode> compartments = tenancy.compartments();
        assertThat(compartments).hasSize(3 + 9 + 27);
        Set<String> ids = compartments.stream().map(c -> c.path("id").asText()).collect(Collectors.toSet());
        ids.add(t.path("id").asText());
        assertThat(compartments).allSatisfy(c -> {
            assertThat(c.path("id").asText()).matches("ocid1\\.compartment\\.oc1\\.\\.aaaaaaaa[a-z2-7]{52}");
            assertThat(ids).contains(c.path("compartmentId").asText());
            assertThat(c.path("lifecycleState").asText()).isEqualTo("ACTIVE");
            assertThat(c.path("isAccessible").asBoolean()).isTrue();
            assertThat(c.path("name").asText()).isNotBlank();
            assertThat(c.has("description") && c.has("timeCreated") && c.has("freeformTags") && c.has("definedTags")).isTrue();
        });
        assertThat(compartments.subList(0, 3)).extracting(c -> c.path("name").asText()).containsExactly("prod", "dev", "shared");
        assertThat(compartments.subList(0, 3)).allSatisfy(c ->
                assertThat(c.path("compartmentId").asText()).isEqualTo(t.path("id").asText()));
    }

    @Test
    void resourcesAreShapedAsResourceSearchReturnsThem() {
        GeneratedTenancy tenancy = new GeneratedTenancy(GeneratorSpec.defaults());
        List<JsonNode> all = all(tenancy, "us-ashburn-1", ResourceQuery.all(), 1000);
        assertThat(all).hasSizeGreaterThan(1000);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (JsonNode r : all) {
            assertThat(r.fieldNames()).toIterable().containsExactly("additionalDetails", "availabilityDomain",
                    "compartmentId", "definedTags", "displayName", "freeformTags", "identifier", "identityContext",
                    "lifecycleState", "resourceType", "searchContext", "systemTags", "timeCreated");
            assertThat(r.path("searchContext").isNull()).isTrue();
            assertThat(r.path("identifier").asText()).matches(
                    "ocid1\\.[a-z]+\\.oc1\\.(iad)?\\.aaaaaaaa[a-z2-7]{52}");
            assertThat(r.path("freeformTags").path("env").asText()).isNotBlank();
            Instant created = Instant.parse(r.path("timeCreated").asText());
            if (created.isBefore(start)) {
                assertThat(r.path("lifecycleState").asText()).isIn("RUNNING", "STOPPED", "AVAILABLE", "ACTIVE",
                        "TERMINATED", "DELETED");
            }
        }
        JsonNode instance = all.stream().filter(r -> r.path("resourceType").asText().equals("Instance")
                && r.path("definedTags").has("Oracle-Tags")).findFirst().orElseThrow();
        assertThat(instance.path("identifier").asText()).startsWith("ocid1.instance.oc1.iad.aaaaaaaa");
        assertThat(instance.path("availabilityDomain").asText()).matches("[A-Z][a-z]{3}:US-ASHBURN-AD-[123]");
        assertThat(instance.path("definedTags").path("Oracle-Tags").path("CreatedOn").asText())
                .isEqualTo(instance.path("timeCreated").asText());
        assertThat(instance.path("timeCreated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode policy = all.stream().filter(r -> r.path("resourceType").asText().equals("Policy")).findFirst().orElseThrow();
        assertThat(policy.path("identifier").asText()).startsWith("ocid1.policy.oc1..aaaaaaaa");
        assertThat(policy.path("availabilityDomain").isNull()).isTrue();
        assertThat(all(tenancy, "eu-frankfurt-1", query(Set.of("Policy"), Set.of()), 100)).isEmpty();
        assertThat(all(tenancy, "eu-frankfurt-1", query(Set.of("Instance"), Set.of()), 100)).allSatisfy(r ->
                assertThat(r.path("identifier").asText()).startsWith("ocid1.instance.oc1.fra."));
    }

    @Test
    void pagingReturnsEveryResourceOnceNewestFirst() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        tenancy.selectDay(LocalDate.of(2026, 11, 6));
        for (JsonNode region : tenancy.regions()) {
            String name = region.path("regionName").asText();
            List<JsonNode> paged = all(tenancy, name, ResourceQuery.all(), 37);
            List<JsonNode> single = tenancy.resources(name, ResourceQuery.all(), 0, 100_000).items();
            assertThat(ids(paged)).containsExactlyElementsOf(ids(single));
            assertThat(new HashSet<>(ids(paged))).hasSize(paged.size());
            assertThat(paged).hasSize((int) tenancy.count(name, ResourceQuery.all()));
            for (int i = 1; i < paged.size(); i++) {
                assertThat(paged.get(i - 1).path("timeCreated").asText())
                        .isGreaterThanOrEqualTo(paged.get(i).path("timeCreated").asText());
            }
            Set<String> byCompartment = new HashSet<>();
            for (String compartment : compartmentIds(tenancy)) {
                List<JsonNode> items = all(tenancy, name, query(Set.of(), Set.of(compartment)), 13);
                assertThat(items).allSatisfy(r -> assertThat(r.path("compartmentId").asText()).isEqualTo(compartment));
                items.forEach(r -> assertThat(byCompartment.add(r.path("identifier").asText())).isTrue());
            }
            assertThat(byCompartment).containsExactlyInAnyOrderElementsOf(ids(paged));
        }
        Page last = tenancy.resources("us-ashburn-1", ResourceQuery.all(), 0, 5);
        assertThat(last.nextOffset()).isEqualTo(5);
        assertThat(tenancy.resources("us-ashburn-1", ResourceQuery.all(), 1_000_000, 5))
                .isEqualTo(new Page(List.of(), null));
        assertThat(tenancy.resources("xx-nowhere-1", ResourceQuery.all(), 0, 5)).isEqualTo(new Page(List.of(), null));
    }

    @Test
    void aPageAtAnyOffsetEqualsTheSameSliceOfTheFullListing() {
        GeneratorSpec spec = small().withResourceCount(20_000).withDays(10).withChurnRate(0.04)
                .withChurnMix(0.3, 0.2, 0.2, 0.3);
        GeneratedTenancy tenancy = new GeneratedTenancy(spec);
        tenancy.selectDay(LocalDate.of(2026, 11, 10));
        List<String> compartments = compartmentIds(tenancy);
        List<ResourceQuery> queries = List.of(ResourceQuery.all(),
                query(Set.of("instance", "BUCKET", "Subnet"), Set.of()),
                query(Set.of(), Set.of(compartments.get(1), compartments.get(4), compartments.get(6))),
                query(Set.of("Volume"), Set.of(compartments.get(2), compartments.get(5))));
        SplittableRandom random = new SplittableRandom(1);
        for (ResourceQuery q : queries) {
            List<String> full = ids(all(tenancy, "us-ashburn-1", q, 1000));
            assertThat(full).isNotEmpty();
            for (int i = 0; i < 25; i++) {
                int offset = random.nextInt(full.size());
                Page page = tenancy.resources("us-ashburn-1", q, offset, 4);
                int to = Math.min(full.size(), offset + 4);
                assertThat(ids(page.items())).containsExactlyElementsOf(full.subList(offset, to));
                assertThat(page.nextOffset()).isEqualTo(to < full.size() ? to : null);
            }
        }
    }

    @Test
    void filtersSelectTypesCaseInsensitivelyAndCompartmentsExactly() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        List<JsonNode> instances = all(tenancy, "us-ashburn-1", query(Set.of("iNsTaNcE"), Set.of()), 50);
        assertThat(instances).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("resourceType").asText()).isEqualTo("Instance"));
        List<JsonNode> everything = all(tenancy, "us-ashburn-1", ResourceQuery.all(), 500);
        assertThat(instances).hasSize((int) everything.stream()
                .filter(r -> r.path("resourceType").asText().equals("Instance")).count());
        assertThat(all(tenancy, "us-ashburn-1", query(Set.of("NoSuchType"), Set.of()), 50)).isEmpty();
        assertThat(all(tenancy, "us-ashburn-1", query(Set.of(), Set.of("ocid1.compartment.oc1..unknown")), 50)).isEmpty();
        String root = tenancy.tenancy().path("id").asText();
        assertThat(all(tenancy, "us-ashburn-1", query(Set.of(), Set.of(root)), 50)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.path("compartmentId").asText()).isEqualTo(root));
        // compartmentId != root: every other resource, newest first as ever.
        ResourceQuery notRoot = new ResourceQuery(Set.of(), Set.of(), Set.of(root, "ocid1.compartment.oc1..unknown"), Set.of());
        assertThat(all(tenancy, "us-ashburn-1", notRoot, 50)).isEqualTo(everything.stream()
                .filter(r -> !r.path("compartmentId").asText().equals(root)).toList());
    }

    @Test
    void eachDaysDifferencesAreExactlyTheAuditWriteEventsOfThatDay() {
        GeneratorSpec spec = small();
        GeneratedTenancy tenancy = new GeneratedTenancy(spec);
        List<Map<String, JsonNode>> snapshots = new ArrayList<>();
        for (LocalDate day : tenancy.days()) {
            tenancy.selectDay(day);
            Map<String, JsonNode> snapshot = new LinkedHashMap<>();
            for (JsonNode region : tenancy.regions()) {
                for (JsonNode r : all(tenancy, region.path("regionName").asText(), ResourceQuery.all(), 1000)) {
                    snapshot.put(r.path("identifier").asText(), r);
                }
            }
            snapshots.add(snapshot);
        }
        int creates = 0;
        int updates = 0;
        int moves = 0;
        int deletes = 0;
        int configUpdates = 0;
        Set<String> everSeen = snapshots.stream().flatMap(s -> s.keySet().stream()).collect(Collectors.toSet());
        for (int d = 1; d < snapshots.size(); d++) {
            Map<String, JsonNode> before = snapshots.get(d - 1);
            Map<String, JsonNode> after = snapshots.get(d);
            Set<String> created = new HashSet<>();
            Set<String> deleted = new HashSet<>();
            Set<String> moved = new HashSet<>();
            Set<String> modified = new HashSet<>();
            for (Map.Entry<String, JsonNode> e : after.entrySet()) {
                JsonNode was = before.get(e.getKey());
                JsonNode now = e.getValue();
                if (was == null) {
                    created.add(e.getKey());
                    assertThat(DEAD).doesNotContain(now.path("lifecycleState").asText());
                } else if (!dead(was) && dead(now)) {
                    deleted.add(e.getKey());
                } else if (!was.path("compartmentId").equals(now.path("compartmentId"))) {
                    moved.add(e.getKey());
                } else if (!was.equals(now)) {
                    modified.add(e.getKey());
                }
            }
            for (Map.Entry<String, JsonNode> e : before.entrySet()) {
                if (!after.containsKey(e.getKey())) {
                    // vanished: deleted two days before, listed as deleted the day before
                    assertThat(dead(e.getValue())).as("vanished %s", e.getKey()).isTrue();
                    assertThat(d).isGreaterThanOrEqualTo(2);
                    assertThat(dead(snapshots.get(d - 2).get(e.getKey()))).isTrue();
                    if (d >= 3) {
                        assertThat(dead(snapshots.get(d - 3).get(e.getKey()))).isFalse();
                    }
                }
            }

            LocalDate day = tenancy.days().get(d);
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<String, List<JsonNode>> writes = new HashMap<>();
            for (JsonNode region : tenancy.regions()) {
                for (String compartment : compartmentIds(tenancy)) {
                    for (JsonNode event : audit(tenancy, region.path("regionName").asText(), compartment, start,
                            start.plus(1, ChronoUnit.DAYS), 100)) {
                        assertThat(event.path("data").path("compartmentId").asText()).isEqualTo(compartment);
                        if (!event.path("data").path("request").path("action").asText().equals("GET")) {
                            writes.computeIfAbsent(event.path("data").path("resourceId").asText(), k -> new ArrayList<>())
                                    .add(event);
                        }
                    }
                }
            }
            Set<String> createdEvents = new HashSet<>();
            Set<String> deletedEvents = new HashSet<>();
            Set<String> movedEvents = new HashSet<>();
            Set<String> updatedEvents = new HashSet<>();
            Set<String> configEvents = new HashSet<>();
            for (Map.Entry<String, List<JsonNode>> e : writes.entrySet()) {
                String id = e.getKey();
                if (e.getValue().size() == 2) {
                    // a transient resource: created and deleted that day, never listed by Search
                    assertThat(e.getValue()).extracting(w -> w.path("data").path("request").path("action").asText())
                            .containsExactlyInAnyOrder("POST", "DELETE");
                    assertThat(everSeen).doesNotContain(id);
                    continue;
                }
                assertThat(e.getValue()).as("one change per resource and day: %s", id).hasSize(1);
                JsonNode event = e.getValue().get(0);
                String name = event.path("data").path("eventName").asText();
                if (name.startsWith("Create") || name.equals("LaunchInstance")) {
                    createdEvents.add(id);
                    assertThat(event.path("data").path("compartmentId").asText())
                            .isEqualTo(after.get(id).path("compartmentId").asText());
                    assertThat(event.path("data").path("response").path("payload").path("id").asText()).isEqualTo(id);
                } else if (name.startsWith("Delete") || name.equals("TerminateInstance")
                        || name.equals("ScheduleVaultDeletion")) {
                    deletedEvents.add(id);
                } else if (event.path("data").path("stateChange").path("current").has("compartmentId")) {
                    movedEvents.add(id);
                    assertThat(event.path("data").path("stateChange").path("current").path("compartmentId").asText())
                            .isEqualTo(after.get(id).path("compartmentId").asText());
                    assertThat(event.path("data").path("compartmentId").asText())
                            .isEqualTo(before.get(id).path("compartmentId").asText());
                } else if (SEARCH_FIELDS.stream().anyMatch(event.path("data").path("stateChange").path("current")::has)) {
                    updatedEvents.add(id);
                } else {
                    // statements, rules or bucket settings: only the full-resource GETs show them, not Search
                    configEvents.add(id);
                    assertThat(name).isIn("UpdatePolicy", "UpdateSecurityList", "UpdateNetworkSecurityGroupSecurityRules",
                            "UpdateBucket");
                    assertThat(id).matches("ocid1\\.(policy|securitylist|networksecuritygroup|bucket)\\..*");
                    assertThat(after.get(id)).isEqualTo(before.get(id));
                }
            }
            assertThat(created).as("day %s creates", day).isEqualTo(createdEvents);
            assertThat(deleted).as("day %s deletes", day).isEqualTo(deletedEvents);
            assertThat(moved).as("day %s moves", day).isEqualTo(movedEvents);
            assertThat(modified).as("day %s updates", day).isEqualTo(updatedEvents);
            creates += created.size();
            updates += modified.size();
            configUpdates += configEvents.size();
            moves += moved.size();
            deletes += deleted.size();
        }
        assertThat(creates).isEqualTo(5 * spec.createsPerDay());
        assertThat(moves).isEqualTo(5 * spec.movesPerDay());
        assertThat(deletes).isEqualTo(5 * spec.deletesPerDay());
        assertThat(updates).isBetween(5 * spec.updatesPerDay() / 2, 5 * spec.updatesPerDay() * 2);
        assertThat(configUpdates).isPositive().isLessThan(updates);
    }

    @Test
    void deletedResourcesTurnTerminatedThenVanishAfterTwoDays() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        LocalDate day = LocalDate.of(2026, 11, 2);
        tenancy.selectDay(day);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> deleted = new ArrayList<>();
        for (String compartment : compartmentIds(tenancy)) {
            for (JsonNode event : audit(tenancy, "us-ashburn-1", compartment, start, start.plus(1, ChronoUnit.DAYS), 500)) {
                if (event.path("data").path("request").path("action").asText().equals("DELETE")
                        && !event.path("data").path("resourceName").asText().startsWith("autoscale-")) {
                    deleted.add(event.path("data").path("resourceId").asText());
                }
            }
        }
        assertThat(deleted).isNotEmpty();
        Map<String, JsonNode> dayOf = index(all(tenancy, "us-ashburn-1", ResourceQuery.all(), 1000));
        tenancy.selectDay(day.plusDays(1));
        Map<String, JsonNode> dayAfter = index(all(tenancy, "us-ashburn-1", ResourceQuery.all(), 1000));
        tenancy.selectDay(day.plusDays(2));
        Map<String, JsonNode> twoDaysAfter = index(all(tenancy, "us-ashburn-1", ResourceQuery.all(), 1000));
        for (String id : deleted) {
            assertThat(DEAD).contains(dayOf.get(id).path("lifecycleState").asText());
            assertThat(dayAfter.get(id)).isEqualTo(dayOf.get(id));
            assertThat(twoDaysAfter).doesNotContainKey(id);
        }
    }

    /** Named resources are those a full listing shows, in any compartment, and only while it shows them. */
    @Test
    void identifierQueriesFindTheNamedResourcesWhereverTheListingHasThem() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        LocalDate day = LocalDate.of(2026, 11, 2);
        tenancy.selectDay(day);
        Map<String, JsonNode> listed = index(all(tenancy, "us-ashburn-1", ResourceQuery.all(), 1000));
        List<String> named = new ArrayList<>(listed.keySet()).subList(0, 40);
        List<String> asked = new ArrayList<>(named);
        asked.add("ocid1.instance.oc1.iad.nosuchresource");
        asked.add(index(all(tenancy, "eu-frankfurt-1", ResourceQuery.all(), 1000)).keySet().iterator().next());
        ResourceQuery query = new ResourceQuery(Set.of(), Set.of(), Set.of(), Set.copyOf(asked));
        Map<String, JsonNode> found = index(all(tenancy, "us-ashburn-1", query, 7));
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(named);
        named.forEach(id -> assertThat(found.get(id)).isEqualTo(listed.get(id)));
        // Three days on, resources deleted that day have left the listing, and the lookup, too.
        tenancy.selectDay(day.plusDays(3));
        Set<String> later = index(all(tenancy, "us-ashburn-1", ResourceQuery.all(), 1000)).keySet();
        assertThat(index(all(tenancy, "us-ashburn-1", query, 50)).keySet())
                .containsExactlyInAnyOrderElementsOf(named.stream().filter(later::contains).toList());
    }

    @Test
    void auditWindowsAreHalfOpenSortedAndPaged() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        String compartment = busiestCompartment(tenancy);
        Instant day = Instant.parse("2026-11-03T00:00:00Z");
        List<JsonNode> whole = audit(tenancy, "us-ashburn-1", compartment, day, day.plus(1, ChronoUnit.DAYS), 1000);
        assertThat(whole).hasSizeGreaterThan(10);
        for (int i = 1; i < whole.size(); i++) {
            assertThat(time(whole.get(i - 1))).isBeforeOrEqualTo(time(whole.get(i)));
        }
        assertThat(whole).allSatisfy(e -> assertThat(time(e)).isBetween(day, day.plus(1, ChronoUnit.DAYS).minusMillis(1)));
        assertThat(ids(audit(tenancy, "us-ashburn-1", compartment, day, day.plus(1, ChronoUnit.DAYS), 7)))
                .containsExactlyElementsOf(ids(whole));

        Instant seam = time(whole.get(whole.size() / 2)).truncatedTo(ChronoUnit.MINUTES);
        List<JsonNode> before = audit(tenancy, "us-ashburn-1", compartment, day, seam, 1000);
        List<JsonNode> after = audit(tenancy, "us-ashburn-1", compartment, seam, day.plus(1, ChronoUnit.DAYS), 1000);
        assertThat(before).allSatisfy(e -> assertThat(time(e)).isBefore(seam));
        assertThat(after).allSatisfy(e -> assertThat(time(e)).isAfterOrEqualTo(seam));
        List<String> joined = new ArrayList<>(ids(before));
        joined.addAll(ids(after));
        assertThat(joined).containsExactlyElementsOf(ids(whole));

        List<JsonNode> twoDays = audit(tenancy, "us-ashburn-1", compartment, day, day.plus(2, ChronoUnit.DAYS), 50);
        List<String> expected = new ArrayList<>(ids(whole));
        expected.addAll(ids(audit(tenancy, "us-ashburn-1", compartment, day.plus(1, ChronoUnit.DAYS),
                day.plus(2, ChronoUnit.DAYS), 1000)));
        assertThat(ids(twoDays)).containsExactlyElementsOf(expected);

        assertThat(audit(tenancy, "us-ashburn-1", compartment, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), 100)).isEmpty();
        assertThat(tenancy.auditEvents("us-ashburn-1", "ocid1.compartment.oc1..unknown", day,
                day.plus(1, ChronoUnit.DAYS), 0, 10)).isEqualTo(new Page(List.of(), null));
    }

    @Test
    void auditEventsAreShapedAsListEventsReturnsThem() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        Instant day = Instant.parse("2026-11-02T00:00:00Z");
        List<JsonNode> events = new ArrayList<>();
        for (String compartment : compartmentIds(tenancy)) {
            events.addAll(audit(tenancy, "us-ashburn-1", compartment, day, day.plus(1, ChronoUnit.DAYS), 1000));
        }
        Set<String> eventNames = new HashSet<>();
        Set<String> principals = new HashSet<>();
        for (JsonNode e : events) {
            assertThat(e.fieldNames()).toIterable().containsExactly("eventType", "cloudEventsVersion",
                    "eventTypeVersion", "source", "eventId", "eventTime", "contentType", "data");
            assertThat(e.path("cloudEventsVersion").asText()).isEqualTo("0.1");
            assertThat(e.path("eventTypeVersion").asText()).isEqualTo("2.0");
            assertThat(e.path("eventId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            JsonNode data = e.path("data");
            assertThat(data.fieldNames()).toIterable().containsExactly("eventGroupingId", "eventName", "compartmentId",
                    "compartmentName", "resourceName", "resourceId", "availabilityDomain", "freeformTags",
                    "definedTags", "identity", "request", "response", "stateChange", "additionalDetails");
            assertThat(data.path("identity").fieldNames()).toIterable().containsExactly("principalName", "principalId",
                    "authType", "callerName", "callerId", "tenantId", "ipAddress", "credentials", "userAgent",
                    "consoleSessionId");
            assertThat(data.path("request").path("action").asText()).isIn("GET", "POST", "PUT", "DELETE");
            assertThat(data.path("response").path("status").asText()).isIn("200", "204");
            assertThat(e.path("eventType").asText()).startsWith("com.oraclecloud.");
            eventNames.add(data.path("eventName").asText());
            principals.add(data.path("identity").path("principalName").asText());
        }
        assertThat(eventNames).contains("LaunchInstance", "TerminateInstance", "GetInstance");
        assertThat(principals).contains("alice@example.com", "bob@example.com", "ci-pipeline", "terraform");
        assertThat(new HashSet<>(ids(events))).hasSize(events.size());
    }

    @Test
    void daysAreTheConfiguredSpanAndUnknownDaysAreRejected() {
        GeneratedTenancy tenancy = new GeneratedTenancy(small());
        assertThat(tenancy.days()).hasSize(6).startsWith(LocalDate.of(2026, 11, 1)).endsWith(LocalDate.of(2026, 11, 6));
        assertThat(tenancy.currentDay()).isEqualTo(LocalDate.of(2026, 11, 1));
        tenancy.selectDay(LocalDate.of(2026, 11, 4));
        assertThat(tenancy.currentDay()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThatThrownBy(() -> tenancy.selectDay(LocalDate.of(2026, 11, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-11-07");
        assertThat(tenancy.regionDown("us-ashburn-1")).isFalse();
        assertThatThrownBy(() -> tenancy.resources("us-ashburn-1", ResourceQuery.all(), -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    }

    @Test
    void aMillionResourcesArePagedAtAFarOffsetWithoutMaterialisingThem() {
        GeneratedTenancy tenancy = new GeneratedTenancy(GeneratorSpec.defaults().withResourceCount(1_000_000));
        tenancy.selectDay(LocalDate.of(2026, 11, 7));
        long total = tenancy.count("us-ashburn-1", ResourceQuery.all());
        assertThat(total).isGreaterThan(300_000);
        long perCompartment = 0;
        for (String compartment : compartmentIds(tenancy)) {
            perCompartment += tenancy.count("us-ashburn-1", query(Set.of(), Set.of(compartment)));
        }
        assertThat(perCompartment).isEqualTo(total);

        int far = (int) (total * 2 / 3);
        Page page = tenancy.resources("us-ashburn-1", ResourceQuery.all(), far, 50);
        Page overlapping = tenancy.resources("us-ashburn-1", ResourceQuery.all(), far + 40, 50);
        assertThat(page.items()).hasSize(50);
        assertThat(page.nextOffset()).isEqualTo(far + 50);
        assertThat(ids(overlapping.items()).subList(0, 10)).containsExactlyElementsOf(ids(page.items()).subList(40, 50));
        List<JsonNode> both = new ArrayList<>(page.items());
        both.addAll(overlapping.items().subList(10, 50));
        for (int i = 1; i < both.size(); i++) {
            assertThat(both.get(i - 1).path("timeCreated").asText())
                    .isGreaterThanOrEqualTo(both.get(i).path("timeCreated").asText());
        }
        assertThat(new HashSet<>(ids(both))).hasSize(90);

        Page tail = tenancy.resources("us-ashburn-1", ResourceQuery.all(), (int) total - 3, 50);
        assertThat(tail.items()).hasSize(3);
        assertThat(tail.nextOffset()).isNull();
        Page newest = tenancy.resources("us-ashburn-1", ResourceQuery.all(), 0, 3);
        assertThat(Instant.parse(newest.items().get(0).path("timeCreated").asText()))
                .isAfterOrEqualTo(Instant.parse("2026-11-07T00:00:00Z"));

        String compartment = compartmentIds(tenancy).get(20);
        Instant day = Instant.parse("2026-11-05T00:00:00Z");
        List<JsonNode> events = audit(tenancy, "us-ashburn-1", compartment, day, day.plus(1, ChronoUnit.DAYS), 1000);
        assertThat(events).isNotEmpty();
    }

    // helpers

    private static String dump(GeneratedTenancy tenancy) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(JSON.writeValueAsString(tenancy.tenancy()));
        out.append(JSON.writeValueAsString(tenancy.regions()));
        out.append(JSON.writeValueAsString(tenancy.compartments()));
        for (LocalDate day : tenancy.days()) {
            tenancy.selectDay(day);
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (JsonNode region : tenancy.regions()) {
                String name = region.path("regionName").asText();
                out.append(JSON.writeValueAsString(all(tenancy, name, ResourceQuery.all(), 250)));
                for (String compartment : compartmentIds(tenancy)) {
                    out.append(JSON.writeValueAsString(audit(tenancy, name, compartment, start,
                            start.plus(1, ChronoUnit.DAYS), 500)));
                }
            }
        }
        return out.toString();
    }

    private static List<JsonNode> all(GeneratedTenancy tenancy, String region, ResourceQuery query, int limit) {
        List<JsonNode> items = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            Page page = tenancy.resources(region, query, offset, limit);
            items.addAll(page.items());
            offset = page.nextOffset();
        }
        return items;
    }

    private static List<JsonNode> audit(GeneratedTenancy tenancy, String region, String compartment, Instant start,
                                        Instant end, int limit) {
        List<JsonNode> items = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            Page page = tenancy.auditEvents(region, compartment, start, end, offset, limit);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            items.addAll(page.items());
            offset = page.nextOffset();
        }
        return items;
    }

    private static List<String> compartmentIds(GeneratedTenancy tenancy) {
        List<String> ids = new ArrayList<>();
        ids.add(tenancy.tenancy().path("id").asText());
        tenancy.compartments().forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static String busiestCompartment(GeneratedTenancy tenancy) {
        Instant day = Instant.parse("2026-11-03T00:00:00Z");
        String best = null;
        int most = -1;
        for (String compartment : compartmentIds(tenancy)) {
            int n = audit(tenancy, "us-ashburn-1", compartment, day, day.plus(1, ChronoUnit.DAYS), 1000).size();
            if (n > most) {
                most = n;
                best = compartment;
            }
        }
        return best;
    }

    private static ResourceQuery query(Set<String> types, Set<String> compartments) {
        return new ResourceQuery(types, compartments);
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(r -> r.has("eventId") ? r.path("eventId").asText() : r.path("identifier").asText())
                .toList();
    }

    private static Map<String, JsonNode> index(List<JsonNode> items) {
        Map<String, JsonNode> map = new HashMap<>();
        items.forEach(r -> map.put(r.path("identifier").asText(), r));
        return map;
    }

    private static boolean dead(JsonNode resource) {
        return DEAD.contains(resource.path("lifecycleState").asText());
    }

    private static Instant time(JsonNode event) {
        return Instant.parse(event.path("eventTime").asText());
    }
}

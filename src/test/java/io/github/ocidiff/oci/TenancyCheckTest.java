package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.SimHarness;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenancyCheckTest {

    private static TenancyCheck.Result check(SimHarness sim, List<String> include, List<String> exclude) {
        var config = sim.config();
        try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
            return new TenancyCheck(clients, List.of(), item -> true).run(include, exclude);
        }
    }

    @Test
    void reportsTenancyRegionsCompartmentsAndResourcesPerRegion() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            TenancyCheck.Result result = check(sim, List.of(), List.of());
            assertThat(result.ok()).isTrue();
            assertThat(result.tenancyName()).isEqualTo("acme-fixture");
            assertThat(result.homeRegion()).isEqualTo("us-ashburn-1");
            assertThat(result.regions()).extracting(TenancyCheck.RegionResult::region, TenancyCheck.RegionResult::resources)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("us-ashburn-1", 6L),
                            org.assertj.core.groups.Tuple.tuple("eu-frankfurt-1", 1L));
        }
    }

    /** Of each type asked for, the first resource Search answered that the predicate accepts, for its details. */
    @Test
    void keepsOneResourceOfEachTypeAskedFor() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            var config = sim.config();
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci())) {
                TenancyCheck.Result result = new TenancyCheck(clients, List.of("Bucket", "Policy", "Vault"),
                        item -> !item.path("displayName").asText().isEmpty()).run(List.of(), List.of());
                assertThat(result.regions().get(0).samples()).extracting(item -> item.path("identifier").asText())
                        .containsExactlyInAnyOrder("ocid1.bucket.oc1.iad.aaaaaaaabucket", "ocid1.policy.oc1..aaaaaaaapolicy");
                assertThat(result.regions().get(1).samples()).isEmpty();
            }
        }
    }

    @Test
    void aRegionDownInTheFixtureIsReportedByName() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.source().selectDay(LocalDate.parse("2026-11-03"));
            TenancyCheck.Result result = check(sim, List.of(), List.of());
            assertThat(result.ok()).isFalse();
            TenancyCheck.RegionResult frankfurt = result.regions().get(1);
            assertThat(frankfurt.region()).isEqualTo("eu-frankfurt-1");
            assertThat(frankfurt.searchProblem())
                    .startsWith("Resource Search in eu-frankfurt-1 failed: 503 ServiceUnavailable");
            assertThat(result.regions().get(0).ok()).isTrue();
        }
    }

    @Test
    void aRegionTakenDownByFaultInjectionIsReportedByName() {
        FaultPlan faults = FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1"));
        try (SimHarness sim = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE), faults)) {
            TenancyCheck.Result result = check(sim, List.of(), List.of());
            assertThat(result.regions()).filteredOn(r -> !r.ok())
                    .extracting(TenancyCheck.RegionResult::region).containsExactly("eu-frankfurt-1");
        }
    }

    @Test
    void includeAndExcludeNarrowTheRegions() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            assertThat(check(sim, List.of(), List.of("us-ashburn-1")).regions())
                    .extracting(TenancyCheck.RegionResult::region).containsExactly("eu-frankfurt-1");
            assertThatThrownBy(() -> check(sim, List.of("ap-tokyo-1"), List.of()))
                    .hasMessageContaining("regions.include: ap-tokyo-1 is not a READY region subscription")
                    .hasMessageContaining("us-ashburn-1, eu-frankfurt-1");
        }
    }
}

package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.SimHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureTenancyTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/small");

    @Test
    void replaysDaysInOrderWithTheirResourcesNewestFirst() {
        FixtureTenancy fixture = FixtureTenancy.open(FIXTURE);
        assertThat(fixture.days()).containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-03"));
        fixture.selectDay(LocalDate.parse("2026-11-02"));
        Page page = fixture.resources("us-ashburn-1", ResourceQuery.all(), 0, 2);
        assertThat(page.items()).extracting(r -> r.path("displayName").asText()).containsExactly("web-2", "web-1");
        assertThat(page.nextOffset()).isEqualTo(2);
    }

    @Test
    void keepsUnknownFieldsOfResources() {
        FixtureTenancy fixture = FixtureTenancy.open(FIXTURE);
        Page page = fixture.resources("us-ashburn-1", new ResourceQuery(java.util.Set.of("Bucket"), java.util.Set.of()), 0, 10);
        assertThat(page.items().get(0).path("unknownFutureField").path("kept").asBoolean()).isTrue();
    }

    @Test
    void auditWindowsSpanDaysAndExcludeTheirEnd() {
        FixtureTenancy fixture = FixtureTenancy.open(FIXTURE);
        Page events = fixture.auditEvents("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaaprodapp",
                Instant.parse("2026-11-02T14:05:00Z"), Instant.parse("2026-11-03T00:01:00Z"), 0, 100);
        assertThat(events.items()).extracting(e -> e.path("data").path("eventName").asText())
                .containsExactly("LaunchInstance", "GetInstance", "TerminateInstance");
        Page excludingEnd = fixture.auditEvents("us-ashburn-1", "ocid1.compartment.oc1..aaaaaaaaprodapp",
                Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"), 0, 100);
        assertThat(excludingEnd.items()).hasSize(3);
    }

    @Test
    void aRegionMarkedUnavailableIsDownThatDayOnly() {
        FixtureTenancy fixture = FixtureTenancy.open(FIXTURE);
        assertThat(fixture.regionDown("eu-frankfurt-1")).isFalse();
        fixture.selectDay(LocalDate.parse("2026-11-03"));
        assertThat(fixture.regionDown("eu-frankfurt-1")).isTrue();
        assertThat(fixture.regionDown("us-ashburn-1")).isFalse();
    }

    @Test
    void aMalformedFileIsReportedWithItsPathAndPosition(@TempDir Path dir) throws IOException {
        SimHarness.copyOf(FIXTURE, dir);
        Files.writeString(dir.resolve("days/2026-11-02/resources/us-ashburn-1.json"), "[\n  {\"identifier\": \"x\",,}\n]");
        assertThatThrownBy(() -> FixtureTenancy.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days/2026-11-02/resources/us-ashburn-1.json: line 2");
    }

    @Test
    void aResourceWithoutItsIdentifyingFieldsIsRefusedNamingTheItem(@TempDir Path dir) throws IOException {
        SimHarness.copyOf(FIXTURE, dir);
        Files.writeString(dir.resolve("days/2026-11-02/resources/us-ashburn-1.json"), "[{\"identifier\": \"ocid1.x\","
                + " \"resourceType\": \"Vcn\", \"compartmentId\": \"c\"}, {\"identifier\": \"ocid1.y\","
                + " \"compartmentId\": \"c\"}]");
        assertThatThrownBy(() -> FixtureTenancy.open(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("days/2026-11-02/resources/us-ashburn-1.json: item 2 has no \"resourceType\" string;"
                        + " every resource has resourceType, identifier and compartmentId (fixture-format.md)");
    }

    @Test
    void anUnknownDayIsRefusedWithTheRange() {
        FixtureTenancy fixture = FixtureTenancy.open(FIXTURE);
        assertThatThrownBy(() -> fixture.selectDay(LocalDate.parse("2026-12-01")))
                .hasMessageContaining("2026-12-01").hasMessageContaining("2026-11-01 to 2026-11-03");
    }
}

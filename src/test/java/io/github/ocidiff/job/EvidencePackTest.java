package io.github.ocidiff.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.RulesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvidencePackTest {

    /** A rule kind the configuration may grow, with the field types configuration records use. */
    record Waiver(String ocid, LocalDate expires, Optional<String> ticket, Optional<String> approver, Duration grace,
                  Instant approvedAt, Path evidence, Map<String, String> labels) {
    }

    record GrownRules(List<IgnoreRule> ignore, List<Waiver> waivers) {
    }

    @Test
    void rulesAreSerialisedFieldByFieldWhateverTheirFields() {
        assertThat(EvidencePack.configJson(new RulesConfig(List.of(new IgnoreRule("*", "/freeformTags/*", "noise")),
                List.of(), List.of())).toString()).isEqualTo("{\"ignore\":[{\"resourceType\":\"*\",\"path\":\"/freeformTags/*\","
                + "\"reason\":\"noise\"}],\"suppress\":[],\"waivers\":[]}");

        io.github.ocidiff.config.Waiver real = new io.github.ocidiff.config.Waiver("CHG-1", "vendor access", "ann",
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-04"),
                new io.github.ocidiff.config.ChangeSelector(null, "SecurityList", null, "/details/ingressSecurityRules"));
        io.github.ocidiff.config.SuppressRule oke = new io.github.ocidiff.config.SuppressRule("oke", "nodes",
                new io.github.ocidiff.config.ChangeSelector(null, null, "prod", null),
                List.of(io.github.ocidiff.config.RuleKind.TRANSIENT), "ocid1.nodepool.*");
        assertThat(EvidencePack.configJson(new RulesConfig(List.of(), List.of(oke), List.of(real))).toString()).isEqualTo(
                "{\"ignore\":[],\"suppress\":[{\"name\":\"oke\",\"reason\":\"nodes\",\"selector\":{\"ocid\":null,"
                        + "\"resourceType\":null,\"compartment\":\"prod\",\"path\":null},\"kinds\":[\"TRANSIENT\"],"
                        + "\"actor\":\"ocid1.nodepool.*\"}],\"waivers\":[{\"name\":\"CHG-1\",\"reason\":\"vendor access\","
                        + "\"approver\":\"ann\",\"approved\":\"2026-11-01\",\"expires\":\"2026-11-04\",\"selector\":{"
                        + "\"ocid\":null,\"resourceType\":\"SecurityList\",\"compartment\":null,"
                        + "\"path\":\"/details/ingressSecurityRules\"}}]}");

        Waiver waiver = new Waiver("ocid1.bucket.oc1..x", LocalDate.parse("2026-12-31"), Optional.of("CHG-42"),
                Optional.empty(), Duration.ofHours(36), Instant.parse("2026-11-01T10:00:00Z"), Path.of("tickets/CHG-42.pdf"),
                Map.of("team", "data", "env", "prod"));
        assertThat(EvidencePack.configJson(new GrownRules(List.of(), List.of(waiver))).toString()).isEqualTo(
                "{\"ignore\":[],\"waivers\":[{\"ocid\":\"ocid1.bucket.oc1..x\",\"expires\":\"2026-12-31\","
                        + "\"ticket\":\"CHG-42\",\"approver\":null,\"grace\":\"PT36H\",\"approvedAt\":\"2026-11-01T10:00:00Z\","
                        + "\"evidence\":\"tickets/CHG-42.pdf\",\"labels\":{\"env\":\"prod\",\"team\":\"data\"}}]}");
    }
}

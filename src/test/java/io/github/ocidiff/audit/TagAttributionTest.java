package io.github.ocidiff.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagAttributionTest {
    private static Change change(ChangeKind kind, String afterSha) {
        return new Change(kind, "ocid1.x", "Instance", "us-ashburn-1", "c", null, "web", List.of(), List.of(), null,
                null, afterSha);
    }

    @Test
    void aCreatedResourceNamesItsCreatorFromOracleTags() {
        var tags = new TagAttribution((ocid, sha) -> Map.of("h", "{\"definedTags\":{\"Oracle-Tags\":{\"CreatedBy\":\"bob@example.com\","
                + "\"CreatedOn\":\"2026-11-02T14:05:00.000Z\"}}}").get(sha));
        AttributedChange a = tags.attribute(change(ChangeKind.CREATED, "h"));
        assertThat(a.attribution()).isEqualTo(Attribution.TAG);
        assertThat(a.actors()).containsExactly(new Actor("bob@example.com", null, TagAttribution.EVENT_NAME,
                Instant.parse("2026-11-02T14:05:00Z"), null, null, null, null));
    }

    @Test
    void withoutTheTagOrForOtherKindsThereIsNoEvidence() {
        var tags = new TagAttribution((ocid, sha) -> Map.of("h", "{\"definedTags\":{}}", "t", "{\"definedTags\":{\"Oracle-Tags\":"
                + "{\"CreatedBy\":\"bob\",\"CreatedOn\":\"2026-11-02T14:05:00Z\"}}}").get(sha));
        assertThat(tags.attribute(change(ChangeKind.CREATED, "h")).attribution()).isEqualTo(Attribution.NONE);
        assertThat(tags.attribute(change(ChangeKind.MODIFIED, "t")).attribution()).isEqualTo(Attribution.NONE);
    }
}

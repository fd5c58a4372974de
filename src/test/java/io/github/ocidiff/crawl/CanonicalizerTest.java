package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.bmc.resourcesearch.model.ResourceSummary;
import com.oracle.bmc.resourcesearch.model.SearchContext;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode raw(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void sortsKeysAtEveryLevelDropsNullsAndSearchContextAndRecordsTheRegion() throws Exception {
        CanonicalResource r = Canonicalizer.of(raw("""
                {"resourceType":"Instance","identifier":"ocid1.instance.x","compartmentId":"c","lifecycleState":"RUNNING",
                 "timeCreated":"2026-10-20T10:00:00.000Z","displayName":null,"searchContext":{"highlights":{}},
                 "freeformTags":{"z":"1","a":"2"},"zzUnknown":{"kept":true}}"""), "us-ashburn-1");
        assertThat(r.json()).isEqualTo("{\"compartmentId\":\"c\",\"freeformTags\":{\"a\":\"2\",\"z\":\"1\"},"
                + "\"identifier\":\"ocid1.instance.x\",\"lifecycleState\":\"RUNNING\",\"region\":\"us-ashburn-1\","
                + "\"resourceType\":\"Instance\",\"timeCreated\":\"2026-10-20T10:00:00Z\",\"zzUnknown\":{\"kept\":true}}");
        assertThat(r.ocid()).isEqualTo("ocid1.instance.x");
        assertThat(r.displayName()).isNull();
        assertThat(r.sha256()).hasSize(64).isEqualTo(Canonicalizer.sha256(r.json()));
    }

    @Test
    void theSameContentHashesAlikeWhateverTheKeyOrderOrTimeFormat() throws Exception {
        CanonicalResource a = Canonicalizer.of(raw("{\"identifier\":\"x\",\"timeCreated\":\"2026-01-01T00:00:00.000Z\",\"freeformTags\":{\"a\":\"1\",\"b\":\"2\"}}"), "r");
        CanonicalResource b = Canonicalizer.of(raw("{\"freeformTags\":{\"b\":\"2\",\"a\":\"1\"},\"timeCreated\":\"2026-01-01T00:00:00Z\",\"identifier\":\"x\"}"), "r");
        assertThat(a.sha256()).isEqualTo(b.sha256());
    }

    @Test
    void aTagChangeChangesTheHash() throws Exception {
        CanonicalResource a = Canonicalizer.of(raw("{\"identifier\":\"x\",\"freeformTags\":{\"env\":\"dev\"}}"), "r");
        CanonicalResource b = Canonicalizer.of(raw("{\"identifier\":\"x\",\"freeformTags\":{\"env\":\"prod\"}}"), "r");
        assertThat(a.sha256()).isNotEqualTo(b.sha256());
    }

    @Test
    void theSdkModelAndTheRawApiJsonOfOneResourceAreTheSameCanonicalResource() throws Exception {
        ResourceSummary sdk = ResourceSummary.builder().resourceType("Bucket").identifier("ocid1.bucket.x")
                .compartmentId("c").lifecycleState("ACTIVE").displayName("logs")
                .timeCreated(Date.from(Instant.parse("2026-09-15T12:00:00Z")))
                .freeformTags(Map.of("team", "ops")).definedTags(Map.of("Oracle-Tags", Map.of("CreatedBy", "alice")))
                .searchContext(SearchContext.builder().build()).build();
        CanonicalResource fromSdk = Canonicalizer.of(sdk, "us-ashburn-1");
        CanonicalResource fromJson = Canonicalizer.of(raw("""
                {"resourceType":"Bucket","identifier":"ocid1.bucket.x","compartmentId":"c","lifecycleState":"ACTIVE",
                 "displayName":"logs","timeCreated":"2026-09-15T12:00:00.000Z","availabilityDomain":null,
                 "freeformTags":{"team":"ops"},"definedTags":{"Oracle-Tags":{"CreatedBy":"alice"}},"searchContext":null}"""),
                "us-ashburn-1");
        assertThat(fromSdk).isEqualTo(fromJson);
    }
}

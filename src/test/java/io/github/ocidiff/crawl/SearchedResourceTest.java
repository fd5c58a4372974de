package io.github.ocidiff.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.oci.SearchItems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchedResourceTest {

    private static SearchItems page(String... items) throws IOException {
        return SearchItems.of(("{\"items\":[" + String.join(",", items) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static List<Long> digest(SearchedResource r) {
        return List.of(r.digestHigh(), r.digestLow());
    }

    @Test
    void theDigestIsOfTheBytesAnsweredAndTheRegion() throws IOException {
        String item = "{\"resourceType\":\"Instance\",\"identifier\":\"ocid1.instance.a\",\"timeCreated\":\"2026-11-01T00:00:00Z\"}";
        SearchItems night = page(item, "{\"resourceType\":\"Instance\",\"identifier\":\"ocid1.instance.b\"}");
        SearchItems nextNight = page("{\"resourceType\":\"Instance\",\"identifier\":\"ocid1.instance.c\"}", item);
        SearchedResource a = SearchedResource.searched(night, 0, "us-ashburn-1");
        assertThat(a.digested()).isTrue();
        assertThat(digest(SearchedResource.searched(nextNight, 1, "us-ashburn-1"))).isEqualTo(digest(a));
        assertThat(digest(SearchedResource.searched(night, 1, "us-ashburn-1"))).isNotEqualTo(digest(a));
        assertThat(digest(SearchedResource.searched(night, 0, "eu-frankfurt-1"))).isNotEqualTo(digest(a));
        // The same content answered with other bytes is another digest: it is then known by its content.
        SearchItems respaced = page("{\"resourceType\":\"Instance\",\"identifier\": \"ocid1.instance.a\", \"timeCreated\":\"2026-11-01T00:00:00Z\"}");
        SearchedResource b = SearchedResource.searched(respaced, 0, "us-ashburn-1");
        assertThat(digest(b)).isNotEqualTo(digest(a));
        assertThat(b.canonical()).isEqualTo(a.canonical());
    }

    @Test
    void theCanonicalFormIsMadeOnceWhenAskedFor() throws IOException {
        SearchItems night = page("{\"resourceType\":\"Instance\",\"identifier\":\"ocid1.instance.a\",\"searchContext\":null,\"displayName\":\"web\"}");
        SearchedResource r = SearchedResource.searched(night, 0, "us-ashburn-1");
        CanonicalResource canonical = r.canonical();
        assertThat(canonical).isEqualTo(Canonicalizer.of(night.json(0), "us-ashburn-1"));
        assertThat(r.canonical()).isSameAs(canonical);
        SearchedResource imported = SearchedResource.of(canonical);
        assertThat(imported.digested()).isFalse();
        assertThat(imported.canonical()).isSameAs(canonical);
    }
}

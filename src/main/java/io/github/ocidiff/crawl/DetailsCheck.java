package io.github.ocidiff.crawl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.oci.OciClients;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the details of one resource of each enriched type (snapshot.enrich) as a snapshot reads them, so that
 * {@code ocidiff check} names a missing permission (e.g. `read buckets`) before a night's snapshot finds it PARTIAL.
 */
public final class DetailsCheck {
    private final Enricher enricher;
    private final List<String> types;

    /** @param types the enriched types (snapshot.enrich) */
    public DetailsCheck(OciClients clients, List<String> types) {
        this.enricher = new Enricher(clients, types);
        this.types = List.copyOf(types);
    }

    public List<String> types() {
        return types;
    }

    /** Whether this Search item is one whose details a snapshot reads (of an enriched type, not terminated). */
    public boolean wants(ObjectNode searchItem) {
        return enricher.mayWant(searchItem.path("resourceType").asText())
                && !Enricher.gone(searchItem.path("lifecycleState").asText(null));
    }

    /** One line for each of {@code searchItems} (Search's items in {@code region}) whose details could not be read. */
    public List<String> problems(String region, List<ObjectNode> searchItems) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode item : searchItems) {
            try {
                enricher.enrich(Canonicalizer.of(item, region), System.nanoTime());
            } catch (Enricher.Failure e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }
}

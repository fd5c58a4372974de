package io.github.ocidiff.config;

import java.util.List;

/**
 * The {@code snapshot} section. {@code enrich}: resource types whose full resource is fetched with its
 * service's GET call and stored under {@code details}, because Search does not show what compliance
 * cares most about (policy statements, security rules, bucket access); [] turns enrichment off.
 */
public record SnapshotConfig(List<String> enrich) {
    /** The types ocidiff knows how to enrich. */
    public static final List<String> ENRICHABLE = List.of("Policy", "SecurityList", "NetworkSecurityGroup", "Bucket");

    public SnapshotConfig {
        enrich = List.copyOf(enrich);
    }

    static SnapshotConfig read(Section s) {
        List<String> enrich = s.strings("enrich", ENRICHABLE);
        for (String type : enrich) {
            if (!ENRICHABLE.contains(type)) {
                throw s.invalid("enrich", "resource types among " + ENRICHABLE, type);
            }
        }
        return new SnapshotConfig(enrich);
    }
}

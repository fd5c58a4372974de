package io.github.ocidiff.publish;

import java.util.List;

/**
 * What retention removed from the bucket, or with {@code dryRun} what it would remove.
 *
 * @param objectNames the objects of days before the kept ones, in name (so day) order
 */
public record PrunedReports(List<String> objectNames, boolean dryRun) {

    public PrunedReports {
        objectNames = List.copyOf(objectNames);
    }
}

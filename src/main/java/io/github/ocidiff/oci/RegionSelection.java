package io.github.ocidiff.oci;

import io.github.ocidiff.OcidiffException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Which subscribed regions ocidiff covers: READY subscriptions, narrowed by include and exclude lists. */
public final class RegionSelection {
    private RegionSelection() {
    }

    /**
     * @param ready   the tenancy's READY region subscriptions, home region first
     * @param include    regions to keep (empty = all); each must be subscribed
     * @param includeKey where the include list came from (a config key or an option), for errors
     * @param exclude    regions to drop; each must be subscribed or a region OCI knows (one not subscribed yet may be
     *                   excluded ahead), so that a typo is told rather than leaving the region it meant covered
     */
    public static List<String> select(List<String> ready, Collection<String> include, String includeKey,
                                      Collection<String> exclude) {
        for (String region : include) {
            if (!ready.contains(region)) {
                throw OcidiffException.usage(includeKey + ": " + region + " is not a READY region subscription"
                        + " of this tenancy (subscribed: " + String.join(", ", ready) + ")");
            }
        }
        for (String region : exclude) {
            if (!ready.contains(region) && !RegionIds.known(region)) {
                throw OcidiffException.usage("regions.exclude: " + region + " is no region OCI knows (subscribed: "
                        + String.join(", ", ready) + "): correct it or remove it");
            }
        }
        List<String> selected = new ArrayList<>();
        for (String region : ready) {
            if ((include.isEmpty() || include.contains(region)) && !exclude.contains(region)) {
                selected.add(region);
            }
        }
        if (selected.isEmpty()) {
            String excluding = "regions.exclude (" + String.join(", ", exclude) + ")";
            throw OcidiffException.usage((include.isEmpty()
                    ? excluding + " excludes every subscribed region (" + String.join(", ", ready) + ")"
                    : includeKey + " " + String.join(", ", include) + ": all in " + excluding)
                    + ", so nothing is left to cover; exclude less");
        }
        return selected;
    }
}

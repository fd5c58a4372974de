package io.github.ocidiff.oci;

import com.oracle.bmc.Region;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** OCI region identifiers as the APIs and config files write them: us-ashburn-1, us-gov-ashburn-1, eu-frankfurt-1. */
public final class RegionIds {

    /** An OCID's region part to the identifier it stands for, "" when the SDK knows no such region. */
    private static final Map<String, String> OCID_PARTS = new ConcurrentHashMap<>();

    /** A regular expression an identifier matches whole. */
    public static final String PATTERN = "[a-z]{2,}(?:-[a-z]+)+-\\d+";

    /**
     * The regions the SDK ships with, taken before any profile is read: reading a profile whose region it does not
     * know, the SDK adds that region to its list (so that regions newer than it work), typos included.
     */
    private static final Set<String> SHIPPED = Arrays.stream(Region.values()).map(Region::getRegionId)
            .collect(Collectors.toUnmodifiableSet());

    private RegionIds() {
    }

    public static boolean valid(String id) {
        return id != null && id.matches(PATTERN);
    }

    /** Whether the SDK shipped knowing this region (see {@link #SHIPPED}), not just told of it by a profile. */
    public static boolean shipped(String id) {
        return SHIPPED.contains(id);
    }

    /** Whether the SDK knows a region of this identifier (or code), subscribed or not. */
    public static boolean known(String id) {
        try {
            Region.fromRegionCodeOrId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The region a resource's OCID names ({@code ocid1.instance.oc1.iad.…}: a region's code, or its identifier for
     * newer regions), empty for a global resource ({@code ocid1.policy.oc1..…}) or a region the SDK does not know.
     */
    public static Optional<String> ofOcid(String ocid) {
        String[] parts = ocid.split("\\.", 5);
        if (parts.length < 5 || parts[3].isEmpty()) {
            return Optional.empty();
        }
        String id = OCID_PARTS.computeIfAbsent(parts[3], part -> {
            try {
                return Region.fromRegionCodeOrId(part).getRegionId();
            } catch (IllegalArgumentException e) {
                return "";
            }
        });
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}

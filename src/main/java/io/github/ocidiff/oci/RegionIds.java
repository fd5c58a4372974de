package io.github.ocidiff.oci;

/** OCI region identifiers as the APIs and config files write them: us-ashburn-1, us-gov-ashburn-1, eu-frankfurt-1. */
public final class RegionIds {

    /** A regular expression an identifier matches whole. */
    public static final String PATTERN = "[a-z]{2,}(?:-[a-z]+)+-\\d+";

    private RegionIds() {
    }

    public static boolean valid(String id) {
        return id != null && id.matches(PATTERN);
    }
}

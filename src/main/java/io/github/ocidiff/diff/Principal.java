package io.github.ocidiff.diff;

/** Who acted, as rules see it: the principal's name and OCID (either may be null). */
public record Principal(String name, String id) {
}

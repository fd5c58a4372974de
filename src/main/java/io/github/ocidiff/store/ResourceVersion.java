package io.github.ocidiff.store;

/**
 * One version of a resource and the snapshots that saw it: {@code validFrom <= s < validTo}.
 *
 * @param validTo the first snapshot that no longer had this version; null while it still is the latest
 */
public record ResourceVersion(long validFrom, Long validTo, StoredResource resource) {
}

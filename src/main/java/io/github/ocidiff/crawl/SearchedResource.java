package io.github.ocidiff.crawl;

import io.github.ocidiff.oci.SearchItems;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * A resource as the crawl hands it to the store: its canonical form, made when first asked for, and, for
 * a resource of a Search page that is not enriched, a digest of the bytes Search answered for it and of
 * its region. The same bytes in the same region always make the same canonical form, so a store that
 * finds the digest among the latest snapshot's knows the resource unchanged without making that form:
 * most resources, most nights, and making it was most of a crawl's CPU. The digest is SHA-256 (its first
 * 128 bits), so that no one can make changed content look unchanged.
 *
 * <p>Not thread-safe: handed from one thread to the next.
 */
public final class SearchedResource {

    private final boolean digested;
    private final long digestHigh;
    private final long digestLow;
    private Supplier<CanonicalResource> make;
    private CanonicalResource canonical;

    private SearchedResource(boolean digested, long digestHigh, long digestLow, Supplier<CanonicalResource> make,
                             CanonicalResource canonical) {
        this.digested = digested;
        this.digestHigh = digestHigh;
        this.digestLow = digestLow;
        this.make = make;
        this.canonical = canonical;
    }

    /** A resource known only by its canonical form (imported, enriched, or not read raw). */
    public static SearchedResource of(CanonicalResource canonical) {
        return new SearchedResource(false, 0, 0, null, canonical);
    }

    /** Item {@code index} of a Search page of {@code region}, digested now, made canonical when asked. */
    static SearchedResource searched(SearchItems items, int index, String region) {
        MessageDigest sha = Canonicalizer.SHA_256.get();
        sha.update((byte) Canonicalizer.FORM);
        sha.update(region.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        items.digest(index, sha);
        ByteBuffer digest = ByteBuffer.wrap(sha.digest());
        return digested(digest.getLong(), digest.getLong(), () -> Canonicalizer.of(items.json(index), region));
    }

    /**
     * A resource known by a digest of its source, made canonical by {@code make} when asked. The same
     * digest must always make the same canonical form.
     */
    public static SearchedResource digested(long digestHigh, long digestLow, Supplier<CanonicalResource> make) {
        return new SearchedResource(true, digestHigh, digestLow, make, null);
    }

    /** Whether it has a digest of what Search answered; without one it is only ever known by its content. */
    public boolean digested() {
        return digested;
    }

    public long digestHigh() {
        return digestHigh;
    }

    public long digestLow() {
        return digestLow;
    }

    public CanonicalResource canonical() {
        if (canonical == null) {
            canonical = make.get();
            make = null;
        }
        return canonical;
    }
}

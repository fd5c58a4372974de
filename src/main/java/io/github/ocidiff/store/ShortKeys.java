package io.github.ocidiff.store;

import io.github.ocidiff.store.jooq.tables.ResourceInterval;
import io.github.ocidiff.store.jooq.tables.ResourceVersion;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The 64-bit keys by which the store finds intervals by OCID and versions by SHA-256 (migration V6): H2
 * computes them as generated columns, and lookups compute them the same way from the value looked for,
 * then compare the value itself, as two values may share a key.
 */
final class ShortKeys {

    private ShortKeys() {
    }

    /** The interval {@code i} is one of the resource {@code ocid}'s, found through its OCID key. */
    static Condition hasOcid(ResourceInterval i, Field<String> ocid) {
        return i.OCID_KEY.eq(ocidKey(ocid)).and(i.OCID.eq(ocid));
    }

    /** The interval {@code i} is one of the resources {@code ocids}, found through their OCID keys (an IN list). */
    static Condition hasOcidIn(ResourceInterval i, List<String> ocids) {
        return i.OCID_KEY.in(ocids.stream().map(ocid -> ocidKey(DSL.val(ocid))).toList()).and(i.OCID.in(ocids));
    }

    /** The OCID key of {@code ocid}, as resource_interval.ocid_key holds it. */
    static Field<Long> ocidKey(Field<String> ocid) {
        // The casts type a bind value, which H2 would otherwise take for a string of digits to cast.
        return DSL.field("CAST(SUBSTRING(HASH('SHA-256', CAST({0} AS VARCHAR)), 1, 8) AS BIGINT)", SQLDataType.BIGINT, ocid);
    }

    /** The version {@code v} is the content {@code sha256}, found through its SHA-256 key. */
    static Condition hasSha(ResourceVersion v, Field<byte[]> sha256) {
        return v.SHA_KEY.eq(shaKey(sha256)).and(v.SHA256.eq(sha256));
    }

    /** The SHA-256 key of {@code sha256}, as resource_version.sha_key holds it. */
    static Field<Long> shaKey(Field<byte[]> sha256) {
        return DSL.field("CAST(SUBSTRING(CAST({0} AS VARBINARY), 1, 8) AS BIGINT)", SQLDataType.BIGINT, sha256);
    }
}

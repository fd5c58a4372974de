/**
 * The difference between two snapshots, as pure functions over what the store hands over: for each
 * OCID whose content differs, its version before and after ({@link io.github.ocidiff.store.IntervalEdge}),
 * plus the per-scope coverage of both snapshots.
 *
 * <p>{@link io.github.ocidiff.diff.DiffEngine} consumes the edges one at a time and keeps only the
 * result (changes, transient resources, per-scope counts), never the tenancy.
 * {@link io.github.ocidiff.diff.ChangeClassifier} decides what one edge means (OCI lifecycle semantics,
 * coverage), {@link io.github.ocidiff.diff.JsonDiff} lists property changes as RFC 6901 JSON Pointers,
 * and {@link io.github.ocidiff.diff.IgnoreRules} removes, and counts, the changes nobody needs to see.
 * No database, network, clock or printing here.
 */
package io.github.ocidiff.diff;

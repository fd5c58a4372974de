/**
 * The snapshot store: an embedded H2 file, its schema kept by Flyway migrations
 * ({@code db/migration}), every query written with jOOQ classes generated from those migrations.
 * The only package that touches SQL.
 *
 * <p>Storage grows with changes, not with days × resources: each distinct resource content is stored
 * once (addressed by its SHA-256) and each resource's history is a chain of validity intervals over
 * snapshot ids. The state at a snapshot and the difference between two snapshots are read through
 * indexes on the interval bounds, never by scanning the whole history.
 */
package io.github.ocidiff.store;

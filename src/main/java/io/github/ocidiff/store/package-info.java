/**
 * The snapshot store: an embedded H2 file, its schema kept by Flyway migrations
 * ({@code db/migration}), every query written with jOOQ classes generated from those migrations.
 * The only package that touches SQL.
 *
 * <p>Storage grows with changes, not with days × resources: each distinct resource content is stored
 * once (addressed by its SHA-256) and each resource's history is a chain of validity intervals over
 * snapshot ids. The state at a snapshot and the difference between two snapshots are read through
 * indexes on the interval bounds, never by scanning the whole history.
 *
 * <p>A snapshot is written by one store thread: it holds the latest state in memory (an index of the
 * open intervals, read from the file the previous commit saved beside the store, or else scanned once),
 * records unchanged resources there without writing them, opens the intervals of new resources at once,
 * ends those of resources changed in their own compartment once it was collected fully, and stages the
 * rest; the commit then touches only the intervals that may change. Everything written before the commit
 * is invisible to readers and undone if the snapshot never commits.
 */
package io.github.ocidiff.store;

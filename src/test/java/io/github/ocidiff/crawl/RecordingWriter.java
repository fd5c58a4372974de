package io.github.ocidiff.crawl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A SnapshotWriter that keeps everything in memory, for crawler tests without a store. */
final class RecordingWriter implements SnapshotWriter {
    final Map<String, CanonicalResource> resources = new ConcurrentHashMap<>();
    /** By OCID, the scope that wrote the resource (last). */
    final Map<String, Scope> writtenBy = new ConcurrentHashMap<>();
    final List<ScopeCoverage> coverage = new ArrayList<>();
    /** By OCID, the digest a resource came with ({@link SearchedResource}), if any. */
    final Map<String, List<Long>> digests = new ConcurrentHashMap<>();
    List<Scope> declared = List.of();
    /** Resources written, each sighting counted. */
    final AtomicLong writes = new AtomicLong();

    @Override
    public long snapshotId() {
        return 1;
    }

    @Override
    public void declareScopes(List<Scope> scopes) {
        declared = List.copyOf(scopes);
    }

    @Override
    public void write(Scope scope, List<CanonicalResource> batch) {
        if (!declared.contains(scope)) {
            throw new IllegalArgumentException("undeclared scope " + scope);
        }
        writes.addAndGet(batch.size());
        batch.forEach(r -> {
            resources.put(r.ocid(), r);
            writtenBy.put(r.ocid(), scope);
        });
    }

    @Override
    public void writeSearched(Scope scope, List<SearchedResource> batch) {
        batch.stream().filter(SearchedResource::digested).forEach(r ->
                digests.put(r.canonical().ocid(), List.of(r.digestHigh(), r.digestLow())));
        SnapshotWriter.super.writeSearched(scope, batch);
    }

    @Override
    public synchronized void scopeDone(ScopeCoverage c) {
        coverage.add(c);
    }

    @Override
    public SnapshotSummary commit() {
        boolean anyFailed = coverage.stream().anyMatch(c -> !c.ok());
        return new SnapshotSummary(1, Instant.now(), anyFailed ? SnapshotStatus.PARTIAL : SnapshotStatus.COMPLETE,
                resources.size(), coverage.stream().filter(c -> !c.ok()).toList());
    }

    @Override
    public void close() {
    }
}

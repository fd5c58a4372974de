package io.github.ocidiff.job;

import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the scopes a snapshot did not collect (a region down that night, a narrowed run) were last collected: the
 * snapshot carried their resources forward as they were then, so what a diff from it finds changed there may have
 * changed since then. The walk back stops at a snapshot that collected every scope it declared; a scope that one did
 * not declare was outside the plan.
 */
final class LastCollected {

    private LastCollected() {
    }

    /** Each scope {@code snapshot} declared and did not collect, to the latest earlier snapshot that collected it. */
    static Map<Scope, SnapshotInfo> before(Store store, SnapshotInfo snapshot) {
        Set<Scope> missed = new LinkedHashSet<>();
        store.coverage(snapshot.id()).stream().filter(c -> !c.ok()).forEach(c -> missed.add(c.scope()));
        Map<Scope, SnapshotInfo> found = new LinkedHashMap<>();
        List<SnapshotInfo> older = store.snapshots().stream()
                .filter(s -> s.id() < snapshot.id() && s.status() != SnapshotStatus.FAILED).toList();
        for (int i = older.size() - 1; i >= 0 && !missed.isEmpty(); i--) {
            SnapshotInfo s = older.get(i);
            for (ScopeCoverage c : store.coverage(s.id())) {
                if (c.ok() && missed.remove(c.scope())) {
                    found.put(c.scope(), s);
                }
            }
            if (s.status() == SnapshotStatus.COMPLETE && s.narrowing().isNone()) {
                break;
            }
        }
        return found;
    }
}

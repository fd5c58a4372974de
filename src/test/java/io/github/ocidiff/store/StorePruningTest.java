package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.resource;
import static io.github.ocidiff.store.Resources.state;
import static io.github.ocidiff.store.StoreSnapshotTest.snapshot;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.crawl.CanonicalResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: pruning night after night, each at the cost of what it removes. */
class StorePruningTest {

    @TempDir
    Path dir;

    /** Night n: 3,000 resources that never change, and "web", whose state changes every night. */
    private static List<CanonicalResource> night(int n) {
        List<CanonicalResource> resources = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            resources.add(resource(ASHBURN_A, "steady-" + i, "RUNNING"));
        }
        resources.add(resource(ASHBURN_A, "web", n % 2 == 0 ? "RUNNING" : "STOPPED"));
        return resources;
    }

    @Test
    void pruningNightAfterNightKeepsStatesDiffsAndHistoryAndLeavesUnchangedResourcesAlone() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Path file = Path.of(prefix + ".mv.db");
        try (Store store = Store.open(prefix)) {
            List<Long> ids = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                ids.add(snapshot(store, n, Map.of(ASHBURN_A, night(n))).id());
            }
            Map<String, String> stateAt4 = state(store, ids.get(3));
            Map<String, String> stateAt5 = state(store, ids.get(4));
            List<IntervalEdge> changes = store.changesBetween(ids.get(3), ids.get(4));
            String web = night(0).get(3_000).ocid();
            String steady = night(0).get(0).ocid();

            for (int firstKept = 2; firstKept <= 4; firstKept++) {
                long before = Files.size(file);
                store.pruneBefore(ids.get(firstKept - 1), LocalDate.of(2026, 11, 1));
                // Removing a night's changes rewrites what they touched, not the 3,000 that never changed.
                assertThat(Files.size(file) - before).as("growth pruning before %d", firstKept).isLessThan(before / 10);
            }

            assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(ids.get(3), ids.get(4));
            assertThat(state(store, ids.get(3))).isEqualTo(stateAt4);
            assertThat(state(store, ids.get(4))).isEqualTo(stateAt5);
            assertThat(store.changesBetween(ids.get(3), ids.get(4))).isEqualTo(changes);
            // Valid since a snapshot gone: since the first kept.
            assertThat(store.versionsOf(steady)).singleElement().satisfies(v -> {
                assertThat(v.validFrom()).isEqualTo(ids.get(3));
                assertThat(v.validTo()).isNull();
            });
            assertThat(store.versionsOf(web)).extracting(ResourceVersion::validFrom, ResourceVersion::validTo)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ids.get(3), ids.get(4)),
                            org.assertj.core.groups.Tuple.tuple(ids.get(4), null));
        }
        // The first night's 94 blocks, which steady resources name, and the blocks of web's two kept versions:
        // the blocks of its pruned nights are gone. Its first version stays, in a block with steady ones.
        assertThat(Resources.rows(prefix, VERSION_BLOCK)).isEqualTo(94 + 2);
        assertThat(Resources.versions(prefix)).isEqualTo(3_001 + 2);
    }
}

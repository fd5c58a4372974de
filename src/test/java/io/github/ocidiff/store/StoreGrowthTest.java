package io.github.ocidiff.store;

import static io.github.ocidiff.store.Resources.ASHBURN_A;
import static io.github.ocidiff.store.Resources.ASHBURN_B;
import static io.github.ocidiff.store.Resources.NIGHT;
import static io.github.ocidiff.store.Resources.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store grows with changes, not with nights × resources, and reads stream. */
class StoreGrowthTest {

    @TempDir
    Path dir;

    @Test
    void unchangedResourcesCostNothingPerNight() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Path file = Path.of(prefix + ".mv.db");
        int resources = 1000;
        int nights = 10;
        int changesPerNight = resources / 100;
        long sizeAfterFirstNight = 0;
        for (int night = 0; night < nights; night++) {
            List<CanonicalResource> a = new ArrayList<>();
            for (int i = 0; i < resources; i++) {
                // Night n stops resources n*10 .. n*10+9; those of earlier nights stay stopped.
                int group = i / changesPerNight;
                boolean changed = group >= 1 && group <= night;
                a.add(resource(ASHBURN_A, "r" + i, changed ? "STOPPED" : "RUNNING"));
            }
            try (Store store = Store.open(prefix)) {
                StoreSnapshotTest.snapshot(store, night, Map.of(ASHBURN_A, a));
            }
            if (night == 0) {
                sizeAfterFirstNight = Files.size(file);
            }
        }
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).hasSize(nights)
                    .allSatisfy(s -> assertThat(s.resourceCount()).isEqualTo(resources));
            assertThat(store.snapshots().subList(1, nights))
                    .allSatisfy(s -> assertThat(s.changesFromPrevious()).isEqualTo(changesPerNight));
            assertThat(store.changesBetween(1, nights)).hasSize((nights - 1) * changesPerNight);
        }
        int changes = (nights - 1) * changesPerNight;
        assertThat(Resources.intervals(prefix)).isEqualTo(resources + changes);
        assertThat(Resources.versions(prefix)).isEqualTo(resources + changes);
        // 9% more rows after ten nights; the file, compacted on close, follows.
        assertThat(Files.size(file)).isLessThan(sizeAfterFirstNight * 5 / 4);
    }

    @Test
    void aSmallWriteLeavesTheFileAsItIsWhereANightsChurnRewritesIt() throws Exception {
        Path prefix = afterFirstNight();
        Path file = Path.of(prefix + ".mv.db");
        Object afterFirstNight = fileKey(file);

        Store baseline = Store.open(prefix);
        try (baseline) {
            baseline.addBaseline(new Baseline("q4", 1, null, List.of(), List.of(), NIGHT));
        }
        // One row: the file is not copied, and what it leaves dead is below the threshold.
        assertThat(fileKey(file)).isEqualTo(afterFirstNight);
        assertThat(deadPercent(file)).isLessThan(Store.DEAD_PERCENT_TO_COMPACT);
        assertThat(baseline.rewrite()).isEmpty();

        long beforeChurn = Files.size(file);
        Store churn = Store.open(prefix);
        try (churn) {
            StoreSnapshotTest.snapshot(churn, 1, Map.of(ASHBURN_A, night(3000, 600)));
            assertThat(churn.rewrite()).as("only closing rewrites").isEmpty();
        }
        // A fifth of the resources changed: the file is a compact copy, and the store tells how it went.
        assertThat(fileKey(file)).isNotEqualTo(afterFirstNight);
        assertThat(deadPercent(file)).isLessThan(Store.DEAD_PERCENT_TO_COMPACT);
        StoreRewrite rewrite = churn.rewrite().orElseThrow();
        assertThat(rewrite.bytesBefore()).isGreaterThan(beforeChurn);
        assertThat(rewrite.bytesAfter()).isEqualTo(Files.size(file)).isLessThan(rewrite.bytesBefore());
        assertThat(rewrite.deadPercent()).isGreaterThanOrEqualTo(Store.DEAD_PERCENT_TO_COMPACT);
        assertThat(rewrite.took()).isPositive();
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).extracting(SnapshotInfo::changesFromPrevious).containsExactly(3000L, 600L);
            assertThat(store.baseline("q4")).isPresent();
        }
    }

    @Test
    void pruningOldSnapshotsGivesTheirSpaceBack() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Path file = Path.of(prefix + ".mv.db");
        int nights = 8;
        for (int night = 0; night < nights; night++) {
            // Every night a different half of the resources flips state: many versions, many intervals.
            List<CanonicalResource> resources = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                resources.add(resource(ASHBURN_A, "r" + i, (i + night) % 2 == 0 ? "STOPPED" : "RUNNING"));
            }
            try (Store store = Store.open(prefix)) {
                StoreSnapshotTest.snapshot(store, night, Map.of(ASHBURN_A, resources));
            }
        }
        long beforePruning = Files.size(file);
        int intervalsBefore = Resources.intervals(prefix);

        try (Store store = Store.open(prefix)) {
            store.pruneBefore(nights, NIGHT.atZone(ZoneOffset.UTC).toLocalDate());
        }

        assertThat(Resources.intervals(prefix)).isLessThan(intervalsBefore / 2);
        // What the pruned snapshots held is dead once they are gone: the file is rewritten without it.
        assertThat(Files.size(file)).isLessThan(beforePruning * 3 / 4);
        assertThat(deadPercent(file)).isLessThan(Store.DEAD_PERCENT_TO_COMPACT);
    }

    /** The store's prefix after a first night of 3,000 resources. */
    private Path afterFirstNight() {
        Path prefix = dir.resolve("ocidiff");
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, night(3000, 0)));
        }
        return prefix;
    }

    /** {@code resources} resources, the first {@code stopped} of them STOPPED and the others RUNNING. */
    private static List<CanonicalResource> night(int resources, int stopped) {
        List<CanonicalResource> night = new ArrayList<>();
        for (int i = 0; i < resources; i++) {
            night.add(resource(ASHBURN_A, "r" + i, i < stopped ? "STOPPED" : "RUNNING"));
        }
        return night;
    }

    /** Which file the path names (device and inode on Linux): a compaction renames a copy over it. */
    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static int deadPercent(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return Store.deadPercent(store);
        }
    }

    @Test
    void aRewriteThatFailsSaysWhyAndLeavesTheStoreAsItWas() throws Exception {
        Path prefix = afterFirstNight();
        Path file = Path.of(prefix + ".mv.db");
        Store churn = Store.open(prefix);
        StoreSnapshotTest.snapshot(churn, 1, Map.of(ASHBURN_A, night(3000, 600)));
        // Where the copy goes, something the rewrite can neither remove nor write over.
        Path inTheWay = Files.createDirectories(Path.of(file + ".tempFile").resolve("in-the-way"));
        assertThatThrownBy(churn::close).isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("the store " + file.toAbsolutePath().normalize()
                        + " was saved, but rewriting it compactly failed (")
                .hasMessageEndingWith("): the rewrite needs room for a copy of the store beside it; the store is "
                        + "intact, and the next run that writes to it tries again");
        assertThat(churn.rewrite()).isEmpty();
        Files.delete(inTheWay);
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).extracting(SnapshotInfo::changesFromPrevious).containsExactly(3000L, 600L);
        }
    }

    @Test
    void closingAfterASnapshotDiscardsACompactionCopyACrashLeftBehind() throws Exception {
        Path prefix = dir.resolve("ocidiff");
        Path leftover = Path.of(prefix + ".mv.db.tempFile");
        List<CanonicalResource> resources = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            resources.add(resource(ASHBURN_A, "r" + i, "RUNNING"));
        }
        try (Store store = Store.open(prefix)) {
            StoreSnapshotTest.snapshot(store, 0, Map.of(ASHBURN_A, resources));
            // What a kill during an earlier compaction leaves: a partial copy beside the store.
            Files.write(leftover, new byte[4096]);
        }
        assertThat(leftover).doesNotExist();
        try (Store store = Store.open(prefix)) {
            assertThat(store.snapshots()).singleElement().satisfies(s -> assertThat(s.resourceCount()).isEqualTo(2000));
        }
        assertThat(Resources.versions(prefix)).isEqualTo(2000);
    }

    @Test
    void streamsTheStateOfTwoHundredThousandResources() {
        Path prefix = dir.resolve("ocidiff");
        int count = 200_000;
        Scope scope = ASHBURN_B;
        try (Store store = Store.open(prefix)) {
            long id;
            try (SnapshotWriter writer = store.begin(NIGHT, "tenancy", "crawl")) {
                writer.declareScopes(List.of(scope));
                // Written page by page, as a crawl does, never as one list.
                for (int page = 0; page < count / 1000; page++) {
                    List<CanonicalResource> resources = new ArrayList<>(1000);
                    for (int i = page * 1000; i < (page + 1) * 1000; i++) {
                        resources.add(resource(scope, "big-" + i, "RUNNING"));
                    }
                    writer.write(scope, resources);
                }
                writer.scopeDone(Resources.ok(scope, count));
                id = writer.commit().id();
            }
            AtomicLong seen = new AtomicLong();
            AtomicLong jsonChars = new AtomicLong();
            store.forEachResourceAt(id, r -> {
                seen.incrementAndGet();
                jsonChars.addAndGet(r.json().length());
            });
            assertThat(seen).hasValue(count);
            assertThat(jsonChars.get()).isGreaterThan(count * 100L);
        }
    }
}

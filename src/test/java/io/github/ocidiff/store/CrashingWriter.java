package io.github.ocidiff.store;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link StoreRecoveryTest}: stages a snapshot, says so on stdout, and waits to
 * be killed before it commits.
 */
public final class CrashingWriter {

    static final String STAGED = "staged";

    private CrashingWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        Store store = Store.open(Path.of(args[0]));
        SnapshotWriter writer = store.begin(Instant.parse(args[1]), "tenancy", "crawl");
        writer.declareScopes(List.of(Resources.ASHBURN_A));
        List<CanonicalResource> resources = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            resources.add(Resources.resource(Resources.ASHBURN_A, "crashing-" + i, "RUNNING"));
        }
        writer.write(Resources.ASHBURN_A, resources);
        System.out.println(STAGED);
        System.out.flush();
        Thread.sleep(120_000);
    }
}

package io.github.ocidiff.store;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.SnapshotWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Run in a child JVM by {@link StoreRecoveryTest}: writes a snapshot (new resources, opened at once, and
 * a changed one, staged and its interval ended; into an empty store, without its deferred keys), says so
 * on stdout once it is in the database, and waits to be killed before it commits; or, with a third argument
 * {@code commit}, commits, waiting to be killed as the snapshot is about to be marked committed
 * ({@link HaltOnCommit}).
 */
public final class CrashingWriter {

    static final String STAGED = "staged";

    private CrashingWriter() {
    }

    public static void main(String[] args) throws InterruptedException, SQLException {
        Store store = Store.open(Path.of(args[0]));
        boolean firstSnapshot = store.latestCommitted().isEmpty();
        SnapshotWriter writer = store.begin(Instant.parse(args[1]), "tenancy", "crawl");
        writer.declareScopes(List.of(Resources.ASHBURN_A));
        List<CanonicalResource> resources = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            resources.add(Resources.resource(Resources.ASHBURN_A, "crashing-" + i, "RUNNING"));
        }
        resources.add(Resources.resource(Resources.ASHBURN_A, "web", "STOPPED"));
        writer.write(Resources.ASHBURN_A, resources);
        // Its scope done, web's changed interval is ended before the commit.
        writer.scopeDone(Resources.ok(Resources.ASHBURN_A, resources.size()));
        ((StagedSnapshotWriter) writer).awaitWritten();
        // H2 saves commits to the file within a second; save them now, so that the kill finds them there.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath(), "sa", "")) {
            c.createStatement().execute("CHECKPOINT");
            ResultSet ended = c.createStatement().executeQuery("select count(*) from resource_interval where valid_to = "
                    + writer.snapshotId());
            ended.next();
            if (ended.getLong(1) != (firstSnapshot ? 0 : 1)) {
                throw new IllegalStateException("web's interval was not ended before the commit");
            }
            if (DeferredKeys.missing(DSL.using(c, SQLDialect.H2)).size() != (firstSnapshot ? 2 : 0)) {
                throw new IllegalStateException("the primary keys are not deferred exactly for a first snapshot");
            }
        }
        System.out.println(STAGED);
        System.out.flush();
        if (args.length > 2 && args[2].equals("commit")) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath(),
                    "sa", "")) {
                c.createStatement().execute("CREATE TRIGGER halt_on_commit BEFORE UPDATE ON snapshot FOR EACH ROW CALL \""
                        + HaltOnCommit.class.getName() + "\"");
            }
            System.setProperty(HaltOnCommit.ARMED, "true");
            writer.commit();
            throw new IllegalStateException("the snapshot was marked committed");
        }
        Thread.sleep(120_000);
    }
}

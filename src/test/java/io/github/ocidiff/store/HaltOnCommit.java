package io.github.ocidiff.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.tools.TriggerAdapter;

/**
 * An H2 trigger on the snapshot table, installed by {@link CrashingWriter} in a child JVM: when a snapshot is
 * about to be marked committed, the commit's other steps are done; it saves them to the file, says so on stdout
 * and waits to be killed. Does nothing in a JVM that did not arm it (the test's own, which reopens the store).
 */
public final class HaltOnCommit extends TriggerAdapter {

    static final String ARMED = "ocidiff.test.haltOnCommit";
    static final String COMMITTING = "committing";

    @Override
    public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
        if (!Boolean.getBoolean(ARMED) || "RUNNING".equals(newRow.getString("STATUS"))) {
            return;
        }
        connection.createStatement().execute("CHECKPOINT");
        System.out.println(COMMITTING);
        System.out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLException("not killed in time");
    }
}

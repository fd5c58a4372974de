package io.github.ocidiff.store;

import static io.github.ocidiff.store.jooq.Tables.RESOURCE_INTERVAL;
import static io.github.ocidiff.store.jooq.Tables.RESOURCE_VERSION;
import static io.github.ocidiff.store.jooq.Tables.VERSION_BLOCK;

import io.github.ocidiff.crawl.CanonicalResource;
import io.github.ocidiff.crawl.Canonicalizer;
import io.github.ocidiff.crawl.Scope;
import io.github.ocidiff.crawl.ScopeCoverage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Test data: resources with canonical JSON, scopes, and a look at a closed store's tables. */
final class Resources {

    /** When the first night's snapshot of a store test is taken; later nights follow a day apart. */
    static final Instant NIGHT = Instant.parse("2026-11-01T02:00:00Z");
    static final Scope ASHBURN_A = new Scope("us-ashburn-1", "ocid1.compartment.oc1..a");
    static final Scope ASHBURN_B = new Scope("us-ashburn-1", "ocid1.compartment.oc1..b");
    static final Scope FRANKFURT_A = new Scope("eu-frankfurt-1", "ocid1.compartment.oc1..a");

    private Resources() {
    }

    static CanonicalResource resource(Scope scope, String name, String state) {
        return resource(scope, "ocid1.instance.oc1." + scope.region() + "." + name, name, state);
    }

    static CanonicalResource resource(Scope scope, String ocid, String name, String state) {
        String json = "{\"compartmentId\":\"" + scope.compartmentId() + "\",\"displayName\":\"" + name
                + "\",\"identifier\":\"" + ocid + "\",\"lifecycleState\":\"" + state + "\",\"region\":\""
                + scope.region() + "\",\"resourceType\":\"Instance\"}";
        return new CanonicalResource(ocid, scope.region(), "Instance", scope.compartmentId(), state, name, json,
                Canonicalizer.sha256(json));
    }

    static ScopeCoverage ok(Scope scope, long resources) {
        return new ScopeCoverage(scope, true, null, 1, resources, 5);
    }

    static ScopeCoverage failed(Scope scope) {
        return new ScopeCoverage(scope, false, "Resource Search in " + scope.region() + " failed: 503", 1, 0, 5);
    }

    /** OCID to JSON of the state at a snapshot. */
    static Map<String, String> state(Store store, long id) {
        Map<String, String> state = new HashMap<>();
        store.forEachResourceAt(id, r -> state.put(r.ocid(), r.json()));
        return state;
    }

    static Map<String, String> json(CanonicalResource... resources) {
        Map<String, String> state = new HashMap<>();
        for (CanonicalResource r : resources) {
            state.put(r.ocid(), r.json());
        }
        return state;
    }

    /** Reads the tables of a closed store directly. */
    static <T> T closedStore(Path prefix, Function<DSLContext, T> query) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + prefix.toAbsolutePath(), "sa", "")) {
            return query.apply(DSL.using(c, SQLDialect.H2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int rows(Path prefix, Table<?> table) {
        return closedStore(prefix, dsl -> dsl.fetchCount(table));
    }

    /** The versions stored: each line of each block, and each row stored before blocks. */
    static int versions(Path prefix) {
        return closedStore(prefix, dsl -> dsl.fetchCount(RESOURCE_VERSION) + dsl.select(VERSION_BLOCK.BODY)
                .from(VERSION_BLOCK).fetch(VERSION_BLOCK.BODY).stream()
                .mapToInt(body -> JsonBodies.decompress(body).split("\n", -1).length).sum());
    }

    static int intervals(Path prefix) {
        return rows(prefix, RESOURCE_INTERVAL);
    }
}

package io.github.ocidiff.store;

import io.github.ocidiff.crawl.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Small numbers for the scopes (region × compartment) of one snapshot, so that the open-interval index
 * keeps an int per interval instead of a reference. Not thread-safe, like the index.
 */
final class ScopeIds {

    private final Map<Scope, Integer> ids = new HashMap<>();
    private final List<Scope> scopes = new ArrayList<>();
    private Scope last;
    private int lastId;

    int id(Scope scope) {
        return ids.computeIfAbsent(scope, s -> {
            scopes.add(s);
            return scopes.size() - 1;
        });
    }

    /**
     * The id of a scope given by its parts, as the open intervals are read: rows written page by page
     * mostly share the previous row's scope, which is then found without hashing its OCID.
     */
    int id(String region, String compartmentId) {
        if (last == null || !last.region().equals(region) || !Objects.equals(last.compartmentId(), compartmentId)) {
            last = new Scope(region, compartmentId);
            lastId = id(last);
        }
        return lastId;
    }

    Scope scope(int id) {
        return scopes.get(id);
    }

    int count() {
        return scopes.size();
    }

    void clear() {
        ids.clear();
        scopes.clear();
        last = null;
    }
}

package io.github.ocidiff.store;

import io.github.ocidiff.crawl.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small numbers for the scopes (region × compartment) of one snapshot, so that the open-interval index
 * keeps an int per interval instead of a reference. Not thread-safe, like the index.
 */
final class ScopeIds {

    private final Map<Scope, Integer> ids = new HashMap<>();
    private final List<Scope> scopes = new ArrayList<>();

    int id(Scope scope) {
        return ids.computeIfAbsent(scope, s -> {
            scopes.add(s);
            return scopes.size() - 1;
        });
    }

    Scope scope(int id) {
        return scopes.get(id);
    }

    int count() {
        return scopes.size();
    }
}

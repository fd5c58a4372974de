package io.github.ocidiff.audit;

import io.github.ocidiff.crawl.Scope;
import java.util.Objects;

/**
 * An Audit stretch read for one scope only, before the window of a diff whose 'from' did not collect that scope: from
 * when it was last collected, since 'from' carried its resources forward as they were then.
 */
public record ScopeWindow(Scope scope, AuditWindow window) {

    public ScopeWindow {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
    }
}

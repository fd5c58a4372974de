package io.github.ocidiff.audit;

import java.util.function.Consumer;

/** Where Audit events come from: the Audit API of a region, page by page. */
public interface AuditFeed {

    /**
     * Streams the successful write events of one compartment (not its subtree) in a window.
     *
     * @return every event read, reads included, for the report's statistics
     * @throws io.github.ocidiff.OcidiffException when the events cannot be read, with a one-line reason
     */
    long writes(String region, String compartmentId, AuditWindow window, Consumer<WriteEvent> sink);
}

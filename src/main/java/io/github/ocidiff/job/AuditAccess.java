package io.github.ocidiff.job;

import io.github.ocidiff.audit.AuditFeed;
import java.util.function.Supplier;

/** Whether and how a report reads Audit: a closed set, so every caller says which it means. */
public sealed interface AuditAccess {

    /** --no-audit: actors only from CreatedBy tags, and no Audit evidence kept. */
    record Skip() implements AuditAccess {
    }

    /**
     * Read Audit (unless the store kept evidence for the pair).
     *
     * @param feed    opens the feed on first need, so a report rendered from kept evidence never connects;
     *                may throw an OcidiffException, which then becomes a warning
     * @param perRegion scopes of one region read in parallel
     */
    record Read(Supplier<AuditFeed> feed, int perRegion) implements AuditAccess {
    }
}

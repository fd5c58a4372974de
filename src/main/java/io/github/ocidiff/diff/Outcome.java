package io.github.ocidiff.diff;

import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.crawl.Scope;
import java.util.List;

/** What one resource whose content differs between two snapshots amounts to. */
public sealed interface Outcome {

    /**
     * A change to report.
     *
     * @param ignoredBy          one entry per property change the rules removed from it
     * @param detailsUncompared  its details were fetched at one end only, so not compared (see {@link ChangeClassifier})
     */
    record Changed(Change change, List<IgnoreRule> ignoredBy, boolean detailsUncompared) implements Outcome {
        public Changed {
            ignoredBy = List.copyOf(ignoredBy);
        }
    }

    /**
     * A resource of a scope that entered the plan since 'from' whose {@code timeCreated} is older than 'from': listed
     * CREATED, as the pair first holds it, with a caveat that it was not created (nor is its CreatedBy tag an actor).
     */
    record Entered(Change change) implements Outcome {
    }

    /** Every property change was ignored: no change, but each one counts against its rule. */
    record Ignored(List<IgnoreRule> ignoredBy, boolean detailsUncompared) implements Outcome {
        public Ignored {
            ignoredBy = List.copyOf(ignoredBy);
        }
    }

    /** First seen already terminated. */
    record Transient(TransientResource resource) implements Outcome {
    }

    /** Vanished from a scope a snapshot did not fully collect: maybe deleted, maybe not. */
    record Unknown(Scope scope) implements Outcome {
    }

    /** Differs in the store, but not a change. */
    record Unchanged(NoChangeReason reason) implements Outcome {
    }
}

package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.Spelling;
import io.github.ocidiff.crawl.Compartment;
import io.github.ocidiff.crawl.SnapshotStatus;
import io.github.ocidiff.diff.CompartmentScope;
import io.github.ocidiff.diff.SnapshotSelector;
import io.github.ocidiff.job.Baselines;
import io.github.ocidiff.store.Baseline;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ocidiff baseline}: approved states, pinned snapshots for compliance reviews. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        header = "Pin, list, show or remove approved states (baselines).",
        description = {"Approved states: a baseline pins a snapshot (never pruned nor retaken), optionally",
                "narrowed to some compartments and resource types, for drift checks."},
        subcommands = {BaselineCommand.Set.class, BaselineCommand.Ls.class, BaselineCommand.Show.class,
                BaselineCommand.Rm.class})
public final class BaselineCommand extends BaseCommand implements Runnable {

    @Override
    public void run() {
        throw OcidiffCommand.missingCommand(spec);
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Pin a snapshot as the approved state NAME.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Parameters(paramLabel = "NAME", description = "The baseline's name, e.g. 2026-q4-review.")
        String name;

        @Option(names = "--snapshot", defaultValue = "latest", paramLabel = "ID|DATE",
                description = "The snapshot to pin: an id, a date, latest (default) or previous.")
        String snapshot;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why, or who approved it.")
        String note;

        @Option(names = "--compartment", paramLabel = "C", description = "Cover only this compartment subtree (repeatable).")
        List<String> compartments = new ArrayList<>();

        @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "Cover only these resource types, e.g. Policy,Bucket.")
        List<String> types = new ArrayList<>();

        @Override
        public Integer call() {
            if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
                throw OcidiffException.usage("baseline name '" + name + "': use letters, digits, '.', '_' and '-'");
            }
            PrintWriter out = parent.out();
            try (Store store = Session.openExistingStore(parent.config(), parent.err())) {
                SnapshotSelector.Selection selected = new SnapshotSelector(store.snapshots())
                        .select("--snapshot", snapshot, Instant.now());
                if (selected.warning() != null) {
                    parent.err().println("ocidiff: warning: " + selected.warning());
                }
                SnapshotInfo s = selected.snapshot();
                Baseline baseline = new Baseline(name, s.id(), note, checkCompartments(store, s), checkTypes(store),
                        Instant.now());
                if (s.status() != SnapshotStatus.COMPLETE) {
                    parent.err().println("ocidiff: warning: snapshot " + s.id() + " is " + s.status() + ": "
                            + s.failedScopes() + " of its scopes were not collected, their resources carried from an"
                            + " earlier night; an approved state is better pinned to a COMPLETE snapshot");
                }
                store.addBaseline(baseline);
                out.printf("baseline %s pins snapshot %d (%s, %s, %,d resources)%n", name, s.id(), s.day(), s.status(),
                        s.resourceCount());
            }
            return 0;
        }

        /**
         * A mistyped type would narrow every drift check to nothing, and --fail-on-drift pass: one the store has
         * never held a resource of is told, with the type it may have meant. It is kept: a baseline may cover a
         * type there is none of yet (Bucket in a tenancy that has none, but has Budgets).
         */
        private List<String> checkTypes(Store store) {
            if (types.isEmpty()) {
                return types;
            }
            List<String> known = store.resourceTypes();
            for (String type : types) {
                if (type.isBlank()) {
                    throw OcidiffException.usage("--type " + String.join(",", types) + ": an empty type name; list"
                            + " types like Policy,Bucket");
                }
                if (type.equals(IgnoreRule.ANY_TYPE) || known.stream().anyMatch(type::equalsIgnoreCase)) {
                    continue;
                }
                parent.err().println("ocidiff: warning: --type " + type + ": the store holds no resource of that"
                        + " type" + Spelling.closest(type, known).map(t -> " (did you mean " + t + "?)").orElse("")
                        + "; the baseline covers it should one appear, else 'baseline rm " + name + "' and set it"
                        + " again");
            }
            return types;
        }

        /**
         * The compartments as the baseline keeps them: a path as reports write it, from the tenancy's name
         * ("acme/prod/app"), becomes the path below the tenancy. A compartment the snapshot never saw would
         * silently narrow every drift check to nothing, so it is refused.
         */
        private List<String> checkCompartments(Store store, SnapshotInfo s) {
            Optional<List<Compartment>> tree = store.compartments(s.id());
            if (tree.isEmpty()) {
                // An imported snapshot records no tree; drift resolves the names against the later snapshot.
                return List.copyOf(new LinkedHashSet<>(compartments));
            }
            CompartmentScope scope = CompartmentScope.of(tree.get());
            LinkedHashSet<String> kept = new LinkedHashSet<>(); // each once, however often written
            for (String written : compartments) {
                String c = scope.belowTenancy(written);
                kept.add(c);
                if (!scope.knows(c)) {
                    throw OcidiffException.usage("--compartment " + written + ": snapshot " + s.id() + " has no such compartment; "
                            + "give its OCID or its path below the tenancy, like prod/app (top level: "
                            + String.join(", ", scope.topLevel()) + ")");
                }
            }
            return List.copyOf(kept);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the baselines.")
    static final class Ls implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.out();
            try (Store store = Session.openStoreToRead(parent.config(), parent.err())) {
                List<Baseline> baselines = store.baselines();
                if (baselines.isEmpty()) {
                    out.println("no baselines; 'ocidiff baseline set NAME' pins the latest snapshot");
                }
                for (Baseline b : baselines) {
                    // One line a baseline, whatever its note holds.
                    out.printf("%-24s snapshot %-5d %s%s%n", b.name(), b.snapshotId(), scope(b),
                            b.note() == null ? "" : "; " + String.join(" / ", b.note().strip().split("\\R+")));
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one baseline.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = parent.out();
            try (Store store = Session.openStoreToRead(parent.config(), parent.err())) {
                Baseline b = Baselines.named(store, name);
                SnapshotInfo s = store.snapshot(b.snapshotId()).orElseThrow();
                out.printf("baseline  %s%nsnapshot  %d taken %s (%s, %,d resources)%nscope     %s%nset at    %s%n",
                        b.name(), s.id(), s.takenAt(), s.status(), s.resourceCount(), scope(b), b.createdAt());
                if (b.note() != null) {
                    out.println("note      " + b.note().strip().replaceAll("\\R", "\n          "));
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a baseline (its snapshot may then be pruned).")
    static final class Rm implements Callable<Integer> {
        @ParentCommand
        BaselineCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Store store = Session.openExistingStore(parent.config(), parent.err())) {
                if (!store.removeBaseline(name)) {
                    throw Baselines.unknown(store, name);
                }
            }
            parent.out().println("baseline " + name + " removed");
            return 0;
        }
    }

    private static String scope(Baseline b) {
        return (b.compartments().isEmpty() ? "all compartments" : "compartments " + String.join(", ", b.compartments()))
                + "; " + (b.resourceTypes().isEmpty() ? "all types" : "types " + String.join(", ", b.resourceTypes()));
    }
}

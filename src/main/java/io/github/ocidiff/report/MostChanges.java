package io.github.ocidiff.report;

import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What most of a report's changes share, the most frequent first: their actors, resource types and changed
 * properties. A night of many changes is mostly one or two things (a tag rolled out over 90,000 resources by one
 * pipeline), which a list of changes, however filtered, hides and this says at once. Array indices in property
 * paths count as one ({@code /statements/*}).
 */
public final class MostChanges {
    /** Changes above which a report sums them up: a shorter list reads at a glance. */
    public static final int ABOVE = 20;
    /** Names a ranking shows. */
    static final int SHOWN = 5;

    private MostChanges() {
    }

    /** A count of changes: an actor's, a resource type's, a property path's (the resources it changed on). */
    public record Count(String name, long changes) {
    }

    /**
     * One ranking.
     *
     * @param label what is counted, e.g. "By actor"
     * @param top   the {@value #SHOWN} most frequent, most first, ties by name
     * @param more  how many more there are
     */
    public record Ranking(String label, List<Count> top, int more) {
        public Ranking {
            top = List.copyOf(top);
        }

        /** "terraform 2,990, alice@example.com 10 and 4 more". */
        public String describe() {
            String shown = top.stream().map(c -> String.format(Locale.ROOT, "%s %,d", c.name(), c.changes()))
                    .collect(Collectors.joining(", "));
            return more > 0 ? shown + " and " + more + " more" : shown;
        }
    }

    /** Whether the report has changes enough to sum up (more than {@value #ABOVE}). */
    public static boolean worth(Report report) {
        return report.changes().size() > ABOVE;
    }

    /** The rankings by actor, by resource type and (when any changed) by property path. */
    public static List<Ranking> of(Report report) {
        Map<String, Long> actors = new HashMap<>();
        Map<String, Long> types = new HashMap<>();
        Map<String, Long> properties = new HashMap<>();
        for (AttributedChange attributed : report.changes()) {
            Change c = attributed.change();
            actors(attributed).forEach(name -> actors.merge(name, 1L, Long::sum));
            types.merge(String.valueOf(c.resourceType()), 1L, Long::sum);
            c.properties().stream().map(p -> p.path().replaceAll("/\\d+(?=/|$)", "/*")).distinct()
                    .forEach(path -> properties.merge(path, 1L, Long::sum));
        }
        List<Ranking> rankings = new ArrayList<>();
        rankings.add(ranking("By actor", actors));
        rankings.add(ranking("By type", types));
        if (!properties.isEmpty()) {
            rankings.add(ranking("Properties changed most (resources)", properties));
        }
        return rankings;
    }

    /** Who made the change, each once: "unattributed" when nobody is known, "unknown principal" for a nameless one. */
    public static List<String> actors(AttributedChange attributed) {
        if (attributed.attribution() == Attribution.NONE || attributed.actors().isEmpty()) {
            return List.of("unattributed");
        }
        return attributed.actors().stream().map(Actor::principalName).distinct()
                .map(name -> name == null ? "unknown principal" : name).toList();
    }

    private static Ranking ranking(String label, Map<String, Long> counts) {
        List<Count> ranked = counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.changes() != b.changes() ? Long.compare(b.changes(), a.changes())
                        : a.name().compareTo(b.name()))
                .toList();
        return new Ranking(label, ranked.subList(0, Math.min(SHOWN, ranked.size())),
                Math.max(0, ranked.size() - SHOWN));
    }
}

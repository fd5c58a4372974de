package io.github.ocidiff.crawl;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line narrowed a snapshot to ({@code --region}, {@code --compartment}), below what the
 * configuration covers; an empty list does not narrow that axis. Compartments are compared as written
 * (an OCID, a name or a path), so the same compartment written two ways counts as two. As JSON:
 * {@code {"regions": [...], "compartments": [...]}}.
 */
public record Narrowing(List<String> regions, List<String> compartments) {

    /** Everything the configuration covers. */
    public static final Narrowing NONE = new Narrowing(List.of(), List.of());

    public Narrowing {
        regions = regions.stream().distinct().toList();
        compartments = compartments.stream().distinct().toList();
    }

    @JsonIgnore
    public boolean isNone() {
        return regions.isEmpty() && compartments.isEmpty();
    }

    /** Whether a snapshot narrowed so covers everything a snapshot narrowed to {@code asked} would. */
    public boolean covers(Narrowing asked) {
        return covers(regions, asked.regions) && covers(compartments, asked.compartments);
    }

    private static boolean covers(List<String> mine, List<String> asked) {
        return mine.isEmpty() || !asked.isEmpty() && mine.containsAll(asked);
    }

    /**
     * As the command line says it, e.g. "--region us-ashburn-1 --compartment prod"; empty when not narrowed. At most
     * {@value #NAMED} of each axis are named, the rest counted: a fill after a night of gaps names them by the score.
     */
    public String describe() {
        List<String> words = new ArrayList<>();
        describe(words, "--region", regions, "regions");
        describe(words, "--compartment", compartments, "compartments");
        return String.join(" ", words);
    }

    private static final int NAMED = 3;

    private static void describe(List<String> words, String option, List<String> values, String noun) {
        values.stream().limit(NAMED).forEach(v -> words.add(option + " " + v));
        if (values.size() > NAMED) {
            words.add(String.format("(and %,d more %s)", values.size() - NAMED, noun));
        }
    }
}

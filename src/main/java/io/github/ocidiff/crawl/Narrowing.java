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

    /** As the command line says it, e.g. "--region us-ashburn-1 --compartment prod"; empty when not narrowed. */
    public String describe() {
        List<String> words = new ArrayList<>();
        regions.forEach(r -> words.add("--region " + r));
        compartments.forEach(c -> words.add("--compartment " + c));
        return String.join(" ", words);
    }
}

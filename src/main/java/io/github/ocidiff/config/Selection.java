package io.github.ocidiff.config;

import java.util.List;

/**
 * An include/exclude pair ({@code regions}, {@code compartments}). An empty include list means all;
 * exclude wins over include. Matching is left to the crawler, which knows what the names refer to.
 */
public record Selection(List<String> include, List<String> exclude) {

    public Selection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    static Selection read(Section s) {
        return new Selection(s.strings("include"), s.strings("exclude"));
    }
}

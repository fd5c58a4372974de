package io.github.ocidiff.config;

import java.util.List;

/** The {@code rules} section: changes the diff leaves out. */
public record RulesConfig(List<IgnoreRule> ignore) {

    public RulesConfig {
        ignore = List.copyOf(ignore);
    }

    static RulesConfig read(Section s) {
        return new RulesConfig(s.list("ignore", IgnoreRule::read));
    }
}

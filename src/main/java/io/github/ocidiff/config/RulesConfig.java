package io.github.ocidiff.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code rules} section: property changes the diff leaves out ({@code ignore}), whole changes that
 * are noise ({@code suppress}), and approved drift ({@code waivers}).
 */
public record RulesConfig(List<IgnoreRule> ignore, List<SuppressRule> suppress, List<Waiver> waivers) {

    public RulesConfig {
        ignore = List.copyOf(ignore);
        suppress = List.copyOf(suppress);
        waivers = List.copyOf(waivers);
    }

    /** No rule at all. */
    public static RulesConfig none() {
        return new RulesConfig(List.of(), List.of(), List.of());
    }

    static RulesConfig read(Section s) {
        List<IgnoreRule> ignore = s.list("ignore", IgnoreRule::read);
        List<SuppressRule> suppress = s.list("suppress", SuppressRule::read);
        List<Waiver> waivers = s.list("waivers", Waiver::read);
        Set<String> names = new HashSet<>();
        unique(s, "suppress", suppress.stream().map(SuppressRule::name).toList(), names);
        unique(s, "waivers", waivers.stream().map(Waiver::name).toList(), names);
        return new RulesConfig(ignore, suppress, waivers);
    }

    private static void unique(Section s, String key, List<String> ruleNames, Set<String> seen) {
        for (int i = 0; i < ruleNames.size(); i++) {
            if (!seen.add(ruleNames.get(i))) {
                throw s.error(key + "[" + i + "].name", "\"" + ruleNames.get(i) + "\" names two rules; "
                        + "give each suppress rule and waiver its own name");
            }
        }
    }
}

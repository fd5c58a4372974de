package io.github.ocidiff.diff;

import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.RulesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which property changes to leave out of reports: the configured {@code rules.ignore} plus a few
 * built-in defaults. A rule's path is a JSON Pointer whose {@code *} tokens match any one token; it
 * matches a property path equal to it or below it ({@code /details} covers {@code /details/etag}).
 * A pattern deeper than the change (rule {@code /freeformTags/env}, change at {@code /freeformTags})
 * does not match: part of a value cannot be ignored. The first matching rule, in {@link #rules()}
 * order, takes the change, and the diff counts it against that rule: nothing disappears uncounted.
 */
public final class IgnoreRules {

    /**
     * Fields that change without anyone acting, or that only echo another change. Each is defensible on
     * its own; everything else, including timestamps that only move on a real change, is reported.
     */
    public static final List<IgnoreRule> DEFAULTS = List.of(
            new IgnoreRule("Bucket", "/details/etag",
                    "the bucket's entity tag is regenerated on every update of the bucket, so it only echoes the "
                            + "settings that changed with it"),
            new IgnoreRule("Bucket", "/details/approximateCount",
                    "object counts move with the data written by applications, not with the bucket's configuration"),
            new IgnoreRule("Bucket", "/details/approximateSize",
                    "stored bytes move with the data written by applications, not with the bucket's configuration"),
            new IgnoreRule(IgnoreRule.ANY_TYPE, "/systemTags/orcl-cloud/free-tier-retained",
                    "Oracle sets this system tag itself when a free-tier trial ends; no one in the tenancy acts"));

    private record Compiled(IgnoreRule rule, List<String> tokens) {
    }

    private final List<IgnoreRule> rules;
    private final List<Compiled> compiled;

    private IgnoreRules(List<IgnoreRule> rules) {
        this.rules = List.copyOf(rules);
        List<Compiled> c = new ArrayList<>(rules.size());
        rules.forEach(r -> c.add(new Compiled(r, JsonPointers.tokens(r.path()))));
        this.compiled = List.copyOf(c);
    }

    /** Exactly these rules, no defaults. */
    public static IgnoreRules of(List<IgnoreRule> rules) {
        return new IgnoreRules(rules);
    }

    /** No rule: every property change is reported. */
    public static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /** The configured rules first (their counts go to the rule the user wrote), then {@link #DEFAULTS}. */
    public static IgnoreRules withDefaults(RulesConfig config) {
        List<IgnoreRule> all = new ArrayList<>(config.ignore());
        all.addAll(DEFAULTS);
        return new IgnoreRules(all);
    }

    /** The rules in matching order. */
    public List<IgnoreRule> rules() {
        return rules;
    }

    /** The first rule that ignores {@code path} of a resource of {@code resourceType}, if any. */
    public Optional<IgnoreRule> match(String resourceType, String path) {
        List<String> tokens = null;
        for (Compiled c : compiled) {
            if (!typeMatches(c.rule().resourceType(), resourceType)) {
                continue;
            }
            if (tokens == null) {
                tokens = JsonPointers.tokens(path);
            }
            if (JsonPointers.covers(c.tokens(), tokens)) {
                return Optional.of(c.rule());
            }
        }
        return Optional.empty();
    }

    /** Types are compared ignoring case: config files are typed by people, "VCN" means Vcn. */
    static boolean typeMatches(String ruleType, String resourceType) {
        return IgnoreRule.ANY_TYPE.equals(ruleType) || ruleType.equalsIgnoreCase(resourceType);
    }
}

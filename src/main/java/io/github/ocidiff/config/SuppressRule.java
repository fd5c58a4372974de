package io.github.ocidiff.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Changes that are noise: left out of reports and of drift, and counted against the rule. Every
 * criterion given must hold.
 *
 * @param kinds changes of these kinds only (TRANSIENT: resources created and deleted between two
 *              snapshots); empty for every kind
 * @param actor a glob ({@code *} any run of characters) over the principal's name or OCID; when given,
 *              the change must have actors and every one of them must match, so that a person's edit
 *              among a service's is still reported
 */
public record SuppressRule(String name, String reason, ChangeSelector selector, List<RuleKind> kinds, String actor) {

    public SuppressRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(selector, "selector");
        kinds = List.copyOf(kinds);
    }

    /** The criteria as a reader would write them. */
    public String describe() {
        StringBuilder text = new StringBuilder(selector.describe());
        if (!kinds.isEmpty()) {
            text.append(", ").append(String.join("/", kinds.stream().map(RuleKind::name).toList()));
        }
        if (actor != null) {
            text.append(", by ").append(actor);
        }
        return text.toString();
    }

    static SuppressRule read(Section s) {
        String name = RuleNames.read(s, "suppress rule");
        String rule = "suppress rule \"" + name + "\"";
        ChangeSelector selector = ChangeSelector.read(s);
        List<String> kindNames = s.strings("kind");
        String actor = s.optionalString("actor");
        String reason = s.optionalString("reason");
        s.checkKeys(); // a misspelt key reads as "missing"; report the spelling, not the absence
        selector.check(s, rule);
        List<RuleKind> kinds = kindNames.stream().map(k -> RuleKind.parse(s, "kind", k, rule)).toList();
        if (reason == null) {
            throw s.error("reason", "is required in " + rule + "; say why these changes are noise, for the reviewers");
        }
        // Every kind named is no criterion either.
        if (selector.noCriterion() && actor == null && (kinds.isEmpty() || kinds.containsAll(EnumSet.allOf(RuleKind.class)))) {
            throw s.error("name", rule + " has no criterion and would hide every change; give resourceType, "
                    + "compartment, path, ocid, kind (not all of them) or actor");
        }
        return new SuppressRule(name, reason, selector, kinds, actor);
    }
}

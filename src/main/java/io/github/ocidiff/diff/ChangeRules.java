package io.github.ocidiff.diff;

import io.github.ocidiff.config.ChangeSelector;
import io.github.ocidiff.config.RuleKind;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.config.SuppressRule;
import io.github.ocidiff.config.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured suppress rules and waivers, resolved against one tenancy's compartment tree. The first
 * matching suppress rule, in configuration order, takes a change; a waiver that is still in force wins
 * over one that has expired (a renewed waiver may sit beside the old one).
 */
public final class ChangeRules {

    private record Suppress(SuppressRule rule, Glob actor) {
    }

    private final List<Suppress> suppress;
    private final List<Waiver> waivers;
    private final CompartmentScope compartments;

    public ChangeRules(RulesConfig config, CompartmentScope compartments) {
        List<Suppress> compiled = new ArrayList<>();
        config.suppress().forEach(r -> compiled.add(new Suppress(r, r.actor() == null ? null : new Glob(r.actor()))));
        this.suppress = List.copyOf(compiled);
        this.waivers = config.waivers();
        this.compartments = compartments;
    }

    /** The suppress rules, in matching order. */
    public List<SuppressRule> suppressRules() {
        return suppress.stream().map(Suppress::rule).toList();
    }

    /** The waivers, in configuration order. */
    public List<Waiver> waivers() {
        return waivers;
    }

    /** The rule that suppresses this change, if any. */
    public Optional<SuppressRule> suppressing(Change change, List<Principal> actors) {
        RuleKind kind = RuleKind.valueOf(change.kind().name());
        return suppressing(kind, change.ocid(), change.resourceType(), change.compartmentId(), change.properties(),
                actors);
    }

    /** The rule that suppresses this transient resource, if any. */
    public Optional<SuppressRule> suppressing(TransientResource resource, List<Principal> actors) {
        return suppressing(RuleKind.TRANSIENT, resource.ocid(), resource.resourceType(), resource.compartmentId(),
                List.of(), actors);
    }

    private Optional<SuppressRule> suppressing(RuleKind kind, String ocid, String type, String compartmentId,
                                               List<PropertyChange> properties, List<Principal> actors) {
        for (Suppress s : suppress) {
            SuppressRule rule = s.rule();
            if ((rule.kinds().isEmpty() || rule.kinds().contains(kind))
                    && selects(rule.selector(), ocid, type, compartmentId, properties)
                    && (s.actor() == null || allBy(s.actor(), actors))) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The waiver covering this change on {@code day}, with whether it has expired by then. */
    public Optional<WaiverVerdict> waiver(Change change, LocalDate day) {
        WaiverVerdict expired = null;
        for (Waiver w : waivers) {
            if (selects(w.selector(), change.ocid(), change.resourceType(), change.compartmentId(), change.properties())) {
                if (!w.expiredOn(day)) {
                    return Optional.of(new WaiverVerdict(w, false));
                }
                expired = expired == null ? new WaiverVerdict(w, true) : expired;
            }
        }
        return Optional.ofNullable(expired);
    }

    private boolean selects(ChangeSelector s, String ocid, String type, String compartmentId,
                            List<PropertyChange> properties) {
        return (s.ocid() == null || s.ocid().equals(ocid))
                && (s.resourceType() == null || IgnoreRules.typeMatches(s.resourceType(), type))
                && (s.compartment() == null || compartments.covers(s.compartment(), compartmentId))
                && (s.path() == null || allUnder(s.path(), properties));
    }

    /** A path criterion selects property changes only, and only when it covers every one of them. */
    private static boolean allUnder(String pattern, List<PropertyChange> properties) {
        List<String> tokens = JsonPointers.tokens(pattern);
        return !properties.isEmpty()
                && properties.stream().allMatch(p -> JsonPointers.covers(tokens, JsonPointers.tokens(p.path())));
    }

    /** Every actor matches, by name or OCID; a change without actors is nobody's, so no actor rule takes it. */
    private static boolean allBy(Glob actor, List<Principal> actors) {
        return !actors.isEmpty() && actors.stream().allMatch(a -> actor.matches(a.name()) || actor.matches(a.id()));
    }
}

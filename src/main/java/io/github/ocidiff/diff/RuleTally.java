package io.github.ocidiff.diff;

import io.github.ocidiff.config.SuppressRule;
import io.github.ocidiff.config.Waiver;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link ChangeRules} to a report's changes one at a time, counting what each rule took and
 * recording waiver verdicts as of {@code day}. Not thread-safe.
 */
public final class RuleTally {
    private final ChangeRules rules;
    private final LocalDate day;
    private final Map<SuppressRule, long[]> suppressed = new LinkedHashMap<>(); // rule → {changes, transients}
    private final Map<Waiver, Long> waiverUses = new LinkedHashMap<>();
    private final Map<String, WaiverVerdict> waived = new HashMap<>();

    /** @param day waivers expiring on or before it have expired */
    public RuleTally(ChangeRules rules, LocalDate day) {
        this.rules = rules;
        this.day = day;
        rules.suppressRules().forEach(r -> suppressed.put(r, new long[2]));
        rules.waivers().forEach(w -> waiverUses.put(w, 0L));
    }

    /** False when a suppress rule takes the change (it is counted); else true, with its waiver verdict kept. */
    public boolean keep(Change change, List<Principal> actors) {
        Optional<SuppressRule> rule = rules.suppressing(change, actors);
        if (rule.isPresent()) {
            suppressed.get(rule.get())[0]++;
            return false;
        }
        rules.waiver(change, day).ifPresent(v -> {
            waived.put(change.ocid(), v);
            waiverUses.merge(v.waiver(), 1L, Long::sum);
        });
        return true;
    }

    /** False when a suppress rule takes the transient resource (it is counted). */
    public boolean keep(TransientResource resource, List<Principal> actors) {
        Optional<SuppressRule> rule = rules.suppressing(resource, actors);
        rule.ifPresent(r -> suppressed.get(r)[1]++);
        return rule.isEmpty();
    }

    /** The counts so far, with the diff's ignore-rule counts. */
    public RuleResults result(List<IgnoreCount> ignored) {
        return new RuleResults(ignored,
                suppressed.entrySet().stream().map(e -> new SuppressCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                        .toList(),
                waiverUses.entrySet().stream().map(e -> new WaiverCount(e.getKey(), e.getKey().expiredOn(day),
                        e.getValue())).toList(),
                waived);
    }
}

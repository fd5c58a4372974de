package io.github.ocidiff.diff;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the rules did to one report: each rule with its count (zero counts included, in configuration
 * order) and the waiver verdict of each change a waiver covers.
 *
 * @param waived change OCID → the waiver covering it
 */
public record RuleResults(List<IgnoreCount> ignored, List<SuppressCount> suppressed, List<WaiverCount> waivers,
                          Map<String, WaiverVerdict> waived) {

    public RuleResults {
        ignored = List.copyOf(ignored);
        suppressed = List.copyOf(suppressed);
        waivers = List.copyOf(waivers);
        waived = Map.copyOf(waived);
    }

    /** Only the ignore rules' counts: no suppress rule or waiver in play. */
    public static RuleResults ignoredOnly(List<IgnoreCount> ignored) {
        return new RuleResults(ignored, List.of(), List.of(), Map.of());
    }

    /** The verdict for the change of {@code ocid}, or null when no waiver covers it. */
    public WaiverVerdict verdict(String ocid) {
        return waived.get(ocid);
    }

    /** Waivers in force on {@code day} that cover changes here and expire within {@code days} days of it. */
    public List<WaiverCount> expiringWithin(LocalDate day, int days) {
        return waivers.stream().filter(w -> !w.expired() && w.changes() > 0
                && w.waiver().expires().isBefore(day.plusDays(days + 1L))).toList();
    }

    /** Changes and transient resources the suppress rules left out. */
    public long suppressedTotal() {
        return suppressed.stream().mapToLong(s -> s.changes() + s.transients()).sum();
    }
}

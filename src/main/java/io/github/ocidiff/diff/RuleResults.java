package io.github.ocidiff.diff;

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

    /** Changes and transient resources the suppress rules left out. */
    public long suppressedTotal() {
        return suppressed.stream().mapToLong(s -> s.changes() + s.transients()).sum();
    }
}

package io.github.ocidiff.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Approved drift: changes the selector covers are shown as waived, not hidden, until {@code expires};
 * from that day on (UTC) they are drift again and the waiver is listed as expired.
 *
 * @param approved the day it was approved; {@code expires} must come after it
 * @param expires  the first day it no longer waives anything
 */
public record Waiver(String name, String reason, String approver, LocalDate approved, LocalDate expires,
                     ChangeSelector selector) {

    public Waiver {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(approved, "approved");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(selector, "selector");
    }

    /** Whether it has expired on {@code day}. */
    public boolean expiredOn(LocalDate day) {
        return !day.isBefore(expires);
    }

    static Waiver read(Section s) {
        String name = RuleNames.read(s, "waiver");
        String rule = "waiver \"" + name + "\"";
        ChangeSelector selector = ChangeSelector.read(s);
        String reason = s.optionalString("reason");
        String approver = s.optionalString("approver");
        String approvedText = s.optionalString("approved");
        String expiresText = s.optionalString("expires");
        s.checkKeys(); // a misspelt key reads as "missing"; report the spelling, not the absence
        selector.check(s, rule);
        if (selector.noCriterion()) {
            throw s.error("name", rule + " selects nothing; give the resource's ocid, or resourceType, compartment "
                    + "and/or path");
        }
        if (reason == null) {
            throw s.error("reason", "is required in " + rule + "; say why this drift is accepted");
        }
        if (approver == null) {
            throw s.error("approver", "is required in " + rule + "; name who approved it");
        }
        LocalDate approved = date(s, "approved", approvedText, rule);
        LocalDate expires = date(s, "expires", expiresText, rule);
        if (!expires.isAfter(approved)) {
            throw s.error("expires", rule + " expires on " + expires + ", not after it was approved on " + approved
                    + "; a waiver must expire after its approval day");
        }
        return new Waiver(name, reason, approver, approved, expires, selector);
    }

    private static LocalDate date(Section s, String key, String text, String rule) {
        if (text == null) {
            throw s.error(key, "is required in " + rule + "; write a date like 2026-12-31");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw s.invalid(key, "a date YYYY-MM-DD in " + rule, text);
        }
    }
}

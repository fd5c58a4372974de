package io.github.ocidiff.publish;

import io.github.ocidiff.config.EmailConfig;
import io.github.ocidiff.report.Report;

/**
 * Whether tonight's report goes out by mail, and why: the job prints the reason either way.
 *
 * @param reason one sentence, e.g. "no changes and publish.email.onlyWhenChanged is true"
 */
public record MailDecision(boolean send, String reason) {

    /**
     * The rules, in order: email must be enabled; an incomplete report is always sent, because silence
     * would read as "nothing changed" when part of the tenancy was not even looked at; otherwise
     * {@code onlyWhenChanged} skips a night without changes and {@code minChanges} a night with fewer.
     * Transient resources (created and deleted between two snapshots) count as changes.
     */
    public static MailDecision decide(EmailConfig email, Report report) {
        long changed = changed(report);
        if (!email.enabled()) {
            return new MailDecision(false, "publish.email.enabled is false");
        }
        if (!report.complete()) {
            return new MailDecision(true, "the report is incomplete (" + report.gaps().size()
                    + " scope(s) not collected), which is sent whatever the change count");
        }
        if (changed == 0 && email.onlyWhenChanged()) {
            return new MailDecision(false, "no changes and publish.email.onlyWhenChanged is true");
        }
        if (changed < email.minChanges()) {
            return new MailDecision(false, changed + " change(s), fewer than publish.email.minChanges ("
                    + email.minChanges() + ")");
        }
        return new MailDecision(true, changed + " change(s)");
    }

    /** Changed resources: the changes plus the transient resources. */
    static long changed(Report report) {
        return report.changes().size() + report.transients().size();
    }
}

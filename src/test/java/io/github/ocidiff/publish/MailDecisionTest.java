package io.github.ocidiff.publish;

import static io.github.ocidiff.publish.Reports.change;
import static io.github.ocidiff.publish.Reports.gap;
import static io.github.ocidiff.publish.Reports.report;
import static io.github.ocidiff.publish.Reports.transientResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.config.EmailConfig;
import io.github.ocidiff.diff.ChangeKind;
import io.github.ocidiff.report.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailDecisionTest {

    private static final Report NOTHING = report(List.of());
    private static final Report TWO = report(List.of(change(ChangeKind.CREATED, "web-1", "alice"),
            change(ChangeKind.DELETED, "web-2", null)));

    private static EmailConfig email(boolean enabled, boolean onlyWhenChanged, int minChanges) {
        return new EmailConfig(enabled, "smtp.example.com", 587, null, null, "ocidiff@example.com",
                List.of("ops@example.com"), onlyWhenChanged, minChanges, true, "[ocidiff]", 2);
    }

    @Test
    void disabledEmailSendsNothing() {
        assertThat(MailDecision.decide(email(false, false, 0), TWO))
                .isEqualTo(new MailDecision(false, "publish.email.enabled is false"));
    }

    @Test
    void aNightWithoutChangesIsSkippedWhenOnlyWhenChanged() {
        assertThat(MailDecision.decide(email(true, true, 0), NOTHING))
                .isEqualTo(new MailDecision(false, "no changes and publish.email.onlyWhenChanged is true"));
    }

    @Test
    void aNightWithoutChangesIsSentWhenNotOnlyWhenChanged() {
        assertThat(MailDecision.decide(email(true, false, 0), NOTHING)).isEqualTo(new MailDecision(true, "0 change(s)"));
    }

    @Test
    void fewerChangesThanTheThresholdAreSkipped() {
        assertThat(MailDecision.decide(email(true, true, 3), TWO))
                .isEqualTo(new MailDecision(false, "2 change(s), fewer than publish.email.minChanges (3)"));
    }

    @Test
    void asManyChangesAsTheThresholdAreSent() {
        assertThat(MailDecision.decide(email(true, true, 2), TWO)).isEqualTo(new MailDecision(true, "2 change(s)"));
    }

    @Test
    void transientResourcesCountAsChanges() {
        Report onlyTransient = report(List.of(), List.of(transientResource("tmp-1")), List.of(), List.of());

        assertThat(MailDecision.decide(email(true, true, 1), onlyTransient)).isEqualTo(new MailDecision(true, "1 change(s)"));
    }

    @Test
    void anIncompleteReportIsSentWhateverTheCount() {
        Report incomplete = report(List.of(), List.of(), List.of(gap()), List.of());

        MailDecision decision = MailDecision.decide(email(true, true, 5), incomplete);

        assertThat(decision).isEqualTo(new MailDecision(true,
                "the report is incomplete (1 scope(s) not collected), which is sent whatever the change count"));
    }
}

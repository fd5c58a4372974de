package io.github.ocidiff.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditWindowTest {

    @Test
    void roundsBothEndsUpToTheMinuteSoConsecutiveWindowsMeetExactly() {
        Instant night1 = Instant.parse("2026-11-01T23:59:59Z");
        Instant night2 = Instant.parse("2026-11-02T23:59:59.400Z");
        Instant night3 = Instant.parse("2026-11-04T02:00:00Z");
        AuditWindow first = AuditWindow.between(night1, night2);
        AuditWindow second = AuditWindow.between(night2, night3);
        assertThat(first).isEqualTo(new AuditWindow(Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z")));
        assertThat(second.start()).isEqualTo(first.end());
        assertThat(second.end()).isEqualTo(night3);
    }

    @Test
    void snapshotsWithinOneMinuteGetTheSmallestWindowAuditAccepts() {
        AuditWindow w = AuditWindow.between(Instant.parse("2026-11-02T10:00:10Z"), Instant.parse("2026-11-02T10:00:50Z"));
        assertThat(w).isEqualTo(new AuditWindow(Instant.parse("2026-11-02T10:01:00Z"), Instant.parse("2026-11-02T10:02:00Z")));
    }
}

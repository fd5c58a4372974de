package io.github.ocidiff.publish;

import static io.github.ocidiff.publish.Reports.change;
import static io.github.ocidiff.publish.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.EmailConfig;
import io.github.ocidiff.diff.ChangeKind;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail through GreenMail's in-process SMTP server. GreenMail speaks plain SMTP with AUTH but not
 * STARTTLS, so mail is sent with {@code startTls: false} here; with the default {@code startTls: true}
 * the test shows that a server without STARTTLS is refused before any credentials are sent.
 */
class EmailPublisherTest {

    private static final String USER = "ocid1.user.oc1..smtp@ocid1.tenancy.oc1..acme";
    private static final String PASSWORD = "s3cret-Pass";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ocidiff@example.com", USER, PASSWORD));

    @TempDir
    Path dir;

    private static EmailConfig config(String password, boolean startTls, int port) {
        return new EmailConfig(true, "127.0.0.1", port, USER, password, "ocidiff@example.com",
                List.of("ops@example.com", "audit@example.com"), true, 0, startTls, "[ocidiff]", 2);
    }

    private static EmailConfig config() {
        return config(PASSWORD, false, SMTP.getSmtp().getPort());
    }

    private static SummaryMail summary() {
        return SummaryMail.of(report(List.of(change(ChangeKind.CREATED, "web-1", "alice@example.com"))), "[ocidiff]",
                "reports/2026-11-25/report.html");
    }

    @Test
    void sendsTheSummaryAsTextAndHtmlWithTheReportFilesAttached() throws Exception {
        ReportFile html = ReportFile.of(Files.writeString(dir.resolve("report.html"), "<html>full ü</html>"));
        ReportFile json = ReportFile.of(Files.writeString(dir.resolve("report.json"), "{\"schemaVersion\":1}"));
        SummaryMail mail = summary();

        new EmailPublisher(config()).send(mail, List.of(html, json));

        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(mail.subject());
        assertThat(received.getFrom()).containsExactly(new InternetAddress("ocidiff@example.com"));
        assertThat(received.getRecipients(Message.RecipientType.TO)).containsExactly(
                new InternetAddress("ops@example.com"), new InternetAddress("audit@example.com"));
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getContentType()).startsWith("multipart/mixed");

        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(text(alternative.getBodyPart(0))).isEqualTo(mail.text());
        assertThat(alternative.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(text(alternative.getBodyPart(1))).isEqualTo(mail.html());

        assertAttachment(mixed.getBodyPart(1), html);
        assertAttachment(mixed.getBodyPart(2), json);
    }

    /**
     * A night of many changes writes reports larger than a mail server takes (OCI Email Delivery: 2 MB by default):
     * what fits goes as it is, what fits zipped goes zipped, the rest is named in the mail, which stays within the limit.
     */
    @Test
    void filesBeyondTheLimitAreZippedOrLeftOutAndNamedAndTheMailFits() throws Exception {
        ReportFile html = LargeFiles.compressible(dir, "report.html", 1_500_000);
        ReportFile json = LargeFiles.noise(dir, "report.json", 1_600_000, 3);
        ReportFile csv = ReportFile.of(Files.writeString(dir.resolve("report.csv"), "kind,name\nMODIFIED,web-1\n"));
        EmailConfig oneMegabyte = new EmailConfig(true, "127.0.0.1", SMTP.getSmtp().getPort(), USER, PASSWORD,
                "ocidiff@example.com", List.of("ops@example.com"), true, 0, false, "[ocidiff]", 1);

        new EmailPublisher(oneMegabyte).send(summary(), List.of(json, html, csv));

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        received.writeTo(raw);
        assertThat(raw.size()).isLessThanOrEqualTo(1024 * 1024);
        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        BodyPart zipped = mixed.getBodyPart(1);
        assertThat(zipped.getFileName()).isEqualTo("report.html.zip");
        assertThat(new ContentType(zipped.getContentType()).getBaseType()).isEqualTo("application/zip");
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(zipped.getInputStream())) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("report.html");
            assertThat(zip.readAllBytes()).isEqualTo(Files.readAllBytes(html.path()));
        }
        assertAttachment(mixed.getBodyPart(2), csv);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String note = "Not attached, as the mail may not exceed 1.0 MB (publish.email.maxMessageMb, or the mail server's"
                + " limit): report.json (1.5 MB); they are beside the full report.";
        assertThat(text(alternative.getBodyPart(0))).endsWith("\n" + note + "\n");
        assertThat(text(alternative.getBodyPart(1))).endsWith("<p>" + note.replace("'", "&#39;") + "</p>\n</body></html>\n");
    }

    /** A server that announces a smaller limit than publish.email.maxMessageMb gets mail within its own. */
    @Test
    void theSizeTheServerAnnouncesBoundsTheMailWhereItIsSmaller() throws Exception {
        ReportFile html = LargeFiles.compressible(dir, "report.html", 300_000);
        ReportFile json = LargeFiles.noise(dir, "report.json", 400_000, 5);
        try (ScriptedSmtp server = new ScriptedSmtp(200_000, "250 OK")) {
            new EmailPublisher(unauthenticated(server.port())).send(summary(), List.of(json, html));

            byte[] mail = server.received();
            assertThat(mail.length).isLessThanOrEqualTo(200_000);
            MimeMessage received = new MimeMessage(null, new java.io.ByteArrayInputStream(mail));
            Multipart mixed = (Multipart) received.getContent();
            assertThat(mixed.getCount()).isEqualTo(2);
            assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("report.html.zip");
            assertThat(text(((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0)))
                    .contains("Not attached, as the mail may not exceed 0.2 MB (publish.email.maxMessageMb, or the mail"
                            + " server's limit): report.json (0.4 MB)");
        }
    }

    /** A mail the server refuses as too large (552) says what to set. */
    @Test
    void aMailRefusedAsTooLargeNamesTheSettingToLower() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(0, "552 5.3.4 Message size exceeds fixed maximum message size")) {
            EmailPublisher publisher = new EmailPublisher(unauthenticated(server.port()));

            assertThatThrownBy(() -> publisher.send(summary(), List.of()))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessage("sending the report mail via SMTP server 127.0.0.1:" + server.port() + " failed: the server"
                            + " refused the message as too large (552 5.3.4 Message size exceeds fixed maximum message"
                            + " size); set publish.email.maxMessageMb below its limit");
        }
    }

    private static EmailConfig unauthenticated(int port) {
        return new EmailConfig(true, "127.0.0.1", port, null, null, "ocidiff@example.com", List.of("ops@example.com"),
                true, 0, false, "[ocidiff]", 2);
    }

    @Test
    void withoutFilesTheMailIsTheAlternativeAlone() throws Exception {
        new EmailPublisher(config()).send(summary(), List.of());

        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void publishSendsWhatTheDecisionAllows() throws Exception {
        EmailPublisher publisher = new EmailPublisher(config());

        EmailPublisher.Delivery quiet = publisher.publish(report(List.of()), null, List.of());
        EmailPublisher.Delivery busy = publisher.publish(report(List.of(change(ChangeKind.DELETED, "web-1", null))),
                "reports/2026-11-25/report.html", List.of());

        assertThat(quiet).isEqualTo(new EmailPublisher.Delivery(new MailDecision(false,
                "no changes and publish.email.onlyWhenChanged is true"), Optional.empty()));
        assertThat(busy).isEqualTo(new EmailPublisher.Delivery(new MailDecision(true, "1 change(s)"), Optional.empty()));
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(2).allSatisfy(m -> assertThat(m.getSubject())
                .isEqualTo("[ocidiff] tenancy acme 2026-11-25: 0 created, 1 deleted, 0 modified, 0 moved — 1 unattributed"));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword() {
        int port = SMTP.getSmtp().getPort();
        EmailPublisher publisher = new EmailPublisher(config("wrong-Pass-123", false, port));

        assertThatThrownBy(() -> publisher.send(summary(), List.of()))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("sending the report mail via SMTP server 127.0.0.1:" + port
                        + " failed: authentication as " + USER + " failed (535 ")
                .hasMessageEndingWith("); check publish.email.username and publish.email.password (for OCI Email"
                        + " Delivery: the user's SMTP credentials, not the console password)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-Pass-123", "\n"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerWithoutStartTlsIsRefusedWhenStartTlsIsRequired() {
        int port = SMTP.getSmtp().getPort();
        EmailPublisher publisher = new EmailPublisher(config(PASSWORD, true, port));

        assertThatThrownBy(() -> publisher.send(summary(), List.of()))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("sending the report mail via SMTP server 127.0.0.1:" + port + " failed: the server does not"
                        + " offer STARTTLS, and publish.email.startTls requires it; check publish.email.host and"
                        + " publish.email.port (OCI Email Delivery: 587), or set startTls: false for a trusted local"
                        + " relay only");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedConnectionNamesHostAndPort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        EmailPublisher publisher = new EmailPublisher(config(PASSWORD, false, closed));

        assertThatThrownBy(() -> publisher.send(summary(), List.of()))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("sending the report mail via SMTP server 127.0.0.1:" + closed + " failed: connection refused;"
                        + " check publish.email.host and publish.email.port")
                .extracting(e -> ((OcidiffException) e).exitCode()).isEqualTo(OcidiffException.RUNTIME);
    }

    /** A From with a name: the envelope sender is the address alone, which relays check (501 otherwise). */
    @Test
    void aSenderWithANameGoesAsItsAddressInTheEnvelope() throws Exception {
        EmailConfig named = new EmailConfig(true, "127.0.0.1", SMTP.getSmtp().getPort(), USER, PASSWORD,
                "ocidiff reports <ocidiff@example.com>", List.of("ops@example.com"), true, 0, false, "[ocidiff]", 2);
        new EmailPublisher(named).send(summary(), List.of());
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getHeader("Return-Path")).containsExactly("<ocidiff@example.com>");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("ocidiff reports <ocidiff@example.com>"));
    }

    /** `ocidiff check` tries the envelope and sends nothing: each recipient refused is named, then the sender. */
    @Test
    void verifyingNamesARefusedRecipientOrSenderAndSendsNothing() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(1_048_576, "250 OK", "bad@example.com")) {
            EmailConfig two = new EmailConfig(true, "127.0.0.1", server.port(), null, null, "ocidiff@example.com",
                    List.of("bad@example.com", "ops@example.com"), true, 0, false, "[ocidiff]", 2);

            assertThatThrownBy(() -> new EmailPublisher(two).verify()).isInstanceOf(OcidiffException.class)
                    .hasMessage("the SMTP server 127.0.0.1:" + server.port() + " refused the recipient bad@example.com"
                            + " (550 5.1.1 <bad@example.com>: Recipient address rejected: User unknown); correct or"
                            + " remove it in publish.email.to");
            assertThat(server.receivedAny()).isFalse();
        }
        try (ScriptedSmtp server = new ScriptedSmtp(1_048_576, "250 OK", "ocidiff@example.com")) {
            assertThatThrownBy(() -> new EmailPublisher(unauthenticated(server.port())).verify())
                    .hasMessage("the SMTP server 127.0.0.1:" + server.port() + " refused the sender ocidiff@example.com"
                            + " (553 5.7.1 <ocidiff@example.com>: Sender address rejected: not an approved sender);"
                            + " check that publish.email.from is an approved sender");
        }
        try (ScriptedSmtp server = new ScriptedSmtp(1_048_576, "250 OK")) {
            assertThat(new EmailPublisher(unauthenticated(server.port())).verify()).isEqualTo("127.0.0.1:"
                    + server.port() + " took the sender ocidiff@example.com and the recipient ops@example.com; mails up"
                    + " to 1.0 MB");
        }
    }

    /** A recipient the server refuses does not keep the mail from the others: it goes, and the refused is named. */
    @Test
    void aRecipientTheServerRefusesIsNamedAndTheOthersGetTheMail() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp(0, "250 OK", "bad@example.com")) {
            EmailConfig two = new EmailConfig(true, "127.0.0.1", server.port(), null, null, "ocidiff@example.com",
                    List.of("bad@example.com", "ops@example.com"), true, 0, false, "[ocidiff]", 2);

            Optional<String> refused = new EmailPublisher(two).send(summary(), List.of());

            MimeMessage received = new MimeMessage(null, new java.io.ByteArrayInputStream(server.received()));
            assertThat(received.getSubject()).startsWith("[ocidiff]");
            assertThat(refused).contains("the SMTP server 127.0.0.1:" + server.port() + " refused bad@example.com (550"
                    + " 5.1.1 <bad@example.com>: Recipient address rejected: User unknown) and took the mail for"
                    + " ops@example.com, to whom it is not sent again; correct or remove it in publish.email.to");
        }
    }

    /** Every recipient refused: named, with the fix. */
    @Test
    void recipientsTheServerRefusesAreNamed() throws Exception {
        jakarta.mail.SendFailedException refused = new jakarta.mail.SendFailedException("Invalid Addresses", null,
                null, new InternetAddress[] {new InternetAddress("ops@example.com")},
                new InternetAddress[] {new InternetAddress("bad@example.com")});
        assertThat(new EmailPublisher(config()).failure("sending the report mail", refused).getMessage()).isEqualTo("sending the report mail via"
                + " SMTP server 127.0.0.1:" + SMTP.getSmtp().getPort() + " failed: the server refused the recipient"
                + " bad@example.com (Invalid Addresses); correct or remove it in publish.email.to");
    }

    @Test
    void aSenderThatIsNotAnAddressIsAConfigurationError() {
        EmailConfig bad = new EmailConfig(true, "127.0.0.1", SMTP.getSmtp().getPort(), null, null, "ocidiff at example",
                List.of("ops@example.com"), true, 0, false, "[ocidiff]", 2);

        assertThatThrownBy(() -> new EmailPublisher(bad).send(summary(), List.of()))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("publish.email.from: \"ocidiff at example\" is not an email address (")
                .extracting(e -> ((OcidiffException) e).exitCode()).isEqualTo(OcidiffException.USAGE);
    }

    @Test
    void aMissingReportFileIsNamedBeforeConnecting() {
        ReportFile missing = ReportFile.of(dir.resolve("report.html"));

        assertThatThrownBy(() -> new EmailPublisher(config()).send(summary(), List.of(missing)))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("cannot attach report file " + missing.path()
                        + ": it does not exist or is not readable; was it written?");
    }

    private static String text(BodyPart part) throws IOException, MessagingException {
        return ((String) part.getContent()).replace("\r\n", "\n");
    }

    private static void assertAttachment(BodyPart part, ReportFile file) throws IOException, MessagingException {
        assertThat(part.getFileName()).isEqualTo(file.name());
        assertThat(part.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
        assertThat(new ContentType(part.getContentType()).getBaseType())
                .isEqualTo(new ContentType(file.contentType()).getBaseType());
        try (InputStream in = part.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(file.path()));
        }
    }
}

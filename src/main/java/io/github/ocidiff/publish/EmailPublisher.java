package io.github.ocidiff.publish;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.EmailConfig;
import io.github.ocidiff.report.Report;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Mails the daily report over SMTP the way OCI Email Delivery takes it: port 587, the connection
 * upgraded with STARTTLS before anything else is said (required unless {@code publish.email.startTls}
 * is false), AUTH with the SMTP credentials, and an approved sender as From. The mail is
 * multipart/mixed: the summary as multipart/alternative (text and HTML), then the report files that fit
 * in its size limit.
 * The password goes to the server and nowhere else: no message of this class contains it.
 */
public final class EmailPublisher {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Bytes of a mail's headers, its parts' boundaries and the note of what was not attached, at most. */
    private static final int HEADERS = 16 * 1024;

    private final EmailConfig config;
    private final String server; // host:port, for messages

    public EmailPublisher(EmailConfig config) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("publish.email.enabled is false: nothing to send with");
        }
        this.config = config;
        this.server = config.host() + ":" + config.port();
    }

    /**
     * What became of the night's mail.
     *
     * @param refused when the server took the mail for some recipients and refused others: which, and why
     */
    public record Delivery(MailDecision decision, Optional<String> refused) {
    }

    /** Decides by {@link MailDecision#decide} and sends the summary with the report files when it says so. */
    public Delivery publish(Report report, String reportLocation, List<ReportFile> attachments) {
        MailDecision decision = MailDecision.decide(config, report);
        Optional<String> refused = Optional.empty();
        if (decision.send()) {
            refused = send(SummaryMail.of(report, config.subjectPrefix(), reportLocation), attachments);
        }
        return new Delivery(decision, refused);
    }

    /**
     * Sends one mail to every recipient of {@code publish.email.to}, with as many of the files as fit in the smaller of
     * {@code publish.email.maxMessageMb} and the size the server announces (see {@link MailAttachments}); those that do
     * not are named in it. A recipient the server refuses does not keep the mail from the others.
     *
     * @return the recipients the server refused while it took the mail for the others, and why
     */
    public Optional<String> send(SummaryMail mail, List<ReportFile> attachments) {
        for (ReportFile file : attachments) {
            if (!Files.isReadable(file.path())) {
                throw new OcidiffException(OcidiffException.RUNTIME, "cannot attach report file " + file.path()
                        + ": it does not exist or is not readable; was it written?");
            }
        }
        Session session = Session.getInstance(properties());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(config.host(), config.port(), config.username(), config.password());
            MimeMessage message;
            try {
                message = message(session, mail, attachments, limit(transport));
            } catch (MessagingException | IOException e) {
                throw OcidiffException.runtime("cannot build the report mail: " + redact(e.getMessage()), e);
            }
            transport.sendMessage(message, message.getAllRecipients());
            return Optional.empty();
        } catch (SendFailedException e) {
            Address[] sent = e.getValidSentAddresses();
            Address[] invalid = e.getInvalidAddresses();
            if (sent == null || sent.length == 0 || invalid == null || invalid.length == 0) {
                throw failure("sending the report mail", e);
            }
            // The server's own words for the first refused address, where "Invalid Addresses" says nothing.
            MessagingException why = cause(e, SMTPAddressFailedException.class) != null
                    ? cause(e, SMTPAddressFailedException.class) : e;
            return Optional.of("the SMTP server " + server + " refused " + addresses(invalid) + " (" + reason(why)
                    + ") and took the mail for " + addresses(sent) + ", to whom it is not sent again; correct or"
                    + " remove " + (invalid.length == 1 ? "it" : "them") + " in publish.email.to");
        } catch (MessagingException e) {
            throw failure("sending the report mail", e);
        }
    }

    /**
     * What `ocidiff check` can prove without sending: the server answers, takes the credentials (over STARTTLS where
     * required), and accepts the sender and every recipient of an envelope that is then reset, so that no mail goes
     * out. A server that judges recipients only once it has the message accepts them here all the same.
     *
     * @return e.g. "smtp.example.com:587 (STARTTLS, as reports) took the sender ops@example.com and 2 recipients;
     *         mails up to 20.0 MB"
     */
    public String verify() {
        String from = address("publish.email.from", config.from()).getAddress();
        List<String> to = new ArrayList<>();
        for (int i = 0; i < config.to().size(); i++) {
            to.add(address("publish.email.to[" + i + "]", config.to().get(i)).getAddress());
        }
        Session session = Session.getInstance(properties());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(config.host(), config.port(), config.username(), config.password());
            SMTPTransport smtp = (SMTPTransport) transport;
            if (smtp.simpleCommand("MAIL FROM:<" + from + ">") != 250) {
                throw new OcidiffException(OcidiffException.RUNTIME, "the SMTP server " + server + " refused the sender "
                        + from + " (" + lastAnswer(smtp) + "); check that publish.email.from is an approved sender");
            }
            List<String> refused = new ArrayList<>();
            for (String recipient : to) {
                int code = smtp.simpleCommand("RCPT TO:<" + recipient + ">");
                if (code != 250 && code != 251) {
                    refused.add(recipient + " (" + lastAnswer(smtp) + ")");
                }
            }
            smtp.simpleCommand("RSET");
            if (!refused.isEmpty()) {
                throw new OcidiffException(OcidiffException.RUNTIME, "the SMTP server " + server + " refused the"
                        + " recipient" + (refused.size() == 1 ? " " : "s ") + String.join(", ", refused) + "; correct or remove "
                        + (refused.size() == 1 ? "it" : "them") + " in publish.email.to");
            }
            List<String> how = new ArrayList<>();
            if (config.startTls()) {
                how.add("STARTTLS");
            }
            if (config.username() != null) {
                how.add("as " + config.username());
            }
            return server + (how.isEmpty() ? "" : " (" + String.join(", ", how) + ")") + " took the sender " + from
                    + " and " + (to.size() == 1 ? "the recipient " + to.get(0) : to.size() + " recipients")
                    + "; mails up to " + megabytes(limit(transport));
        } catch (MessagingException e) {
            throw failure("trying the report mail's envelope", e);
        }
    }

    /** The server's last reply, on one line. */
    private String lastAnswer(SMTPTransport smtp) {
        return redact(smtp.getLastServerResponse()).trim();
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /**
     * The largest mail to send: {@code publish.email.maxMessageMb}, or the size the server announces (SMTP SIZE, RFC
     * 1870; 0 or none: no limit announced) where that is smaller.
     */
    private long limit(Transport transport) {
        long limit = config.maxMessageBytes();
        String size = transport instanceof SMTPTransport smtp ? smtp.getExtensionParameter("SIZE") : null;
        if (size != null) {
            try {
                long announced = Long.parseLong(size.trim());
                if (announced > 0) {
                    limit = Math.min(limit, announced);
                }
            } catch (NumberFormatException e) {
                // A malformed announcement tells nothing: the configured limit stands.
            }
        }
        return limit;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        // The envelope sender, which Email Delivery checks is approved: the address alone, as a From written
        // "ocidiff reports <ocidiff@example.com>" went out whole and relays refused it (501, bad syntax).
        p.put("mail.smtp.from", address("publish.email.from", config.from()).getAddress());
        p.put("mail.smtp.auth", String.valueOf(config.username() != null));
        p.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        // Required, not merely preferred: a server (or a man in the middle) that drops STARTTLS must not
        // receive the credentials in clear text.
        p.put("mail.smtp.starttls.required", String.valueOf(config.startTls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        // One recipient refused (a typo, a mailbox closed) kept the mail from all of them, every night.
        p.put("mail.smtp.sendpartial", "true");
        String millis = String.valueOf(TIMEOUT.toMillis()); // without them a stalled server hangs the night's job
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        return p;
    }

    private MimeMessage message(Session session, SummaryMail mail, List<ReportFile> files, long limit)
            throws MessagingException, IOException {
        // The bodies' worst case (quoted-printable triples what is not ASCII), the headers, and room for the note.
        long bodies = 3L * (mail.text().getBytes(StandardCharsets.UTF_8).length
                + mail.html().getBytes(StandardCharsets.UTF_8).length) + HEADERS;
        MailAttachments fit = MailAttachments.fit(files, limit - bodies);
        if (!fit.leftOut().isEmpty()) {
            mail = mail.noting(notAttached(fit.leftOut(), limit));
        }
        MimeMessage message = new MimeMessage(session);
        message.setFrom(address("publish.email.from", config.from()));
        InternetAddress[] to = new InternetAddress[config.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = address("publish.email.to[" + i + "]", config.to().get(i));
        }
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to a robot

        MimeMultipart alternative = new MimeMultipart("alternative"); // plainest first, as RFC 2046 orders them
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(html);
        if (fit.attached().isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart summary = new MimeBodyPart();
            summary.setContent(alternative);
            mixed.addBodyPart(summary);
            for (MailAttachments.Part attachment : fit.attached()) {
                MimeBodyPart part = new MimeBodyPart();
                attachment.attachTo(part);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** "Not attached, as the mail may not exceed 2.0 MB (...): report.json (53.9 MB), ...; they are beside ...". */
    private static String notAttached(List<MailAttachments.LeftOut> leftOut, long limit) {
        return "Not attached, as the mail may not exceed " + megabytes(limit) + " (publish.email.maxMessageMb, or the"
                + " mail server's limit): " + leftOut.stream().map(f -> f.name() + " (" + megabytes(f.bytes()) + ")")
                .collect(Collectors.joining(", ")) + "; they are beside the full report.";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static InternetAddress address(String key, String value) {
        try {
            return new InternetAddress(value, true);
        } catch (AddressException e) {
            throw OcidiffException.usage(key + ": \"" + value + "\" is not an email address (" + e.getMessage()
                    + "); write it like ops@example.com");
        }
    }

    /** One line naming the server and the cause, with the fix. */
    OcidiffException failure(String doing, MessagingException e) {
        String problem;
        if (e instanceof AuthenticationFailedException) {
            problem = "authentication as " + config.username() + " failed (" + reason(e) + "); check"
                    + " publish.email.username and publish.email.password (for OCI Email Delivery: the user's SMTP"
                    + " credentials, not the console password)";
        } else if (cause(e, SMTPSendFailedException.class) != null
                && cause(e, SMTPSendFailedException.class).getReturnCode() == 552) {
            problem = "the server refused the message as too large (" + reason(e) + "); set"
                    + " publish.email.maxMessageMb below its limit";
        } else if (e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                && failed.getInvalidAddresses().length > 0) {
            // Every recipient refused: named, with the fix.
            problem = "the server refused the recipient" + (failed.getInvalidAddresses().length == 1 ? " " : "s ")
                    + addresses(failed.getInvalidAddresses()) + " (" + reason(e) + "); correct or remove "
                    + (failed.getInvalidAddresses().length == 1 ? "it" : "them") + " in publish.email.to";
        } else if (e instanceof SendFailedException) {
            problem = "the server refused the message (" + reason(e) + "); check that publish.email.from is an"
                    + " approved sender and the addresses in publish.email.to";
        } else if (String.valueOf(e.getMessage()).startsWith("STARTTLS is required")) { // Angus's only signal of it
            problem = "the server does not offer STARTTLS, and publish.email.startTls requires it; check"
                    + " publish.email.host and publish.email.port (OCI Email Delivery: 587), or set startTls: false"
                    + " for a trusted local relay only";
        } else if (cause(e, ConnectException.class) != null) {
            problem = "connection refused; check publish.email.host and publish.email.port";
        } else if (cause(e, UnknownHostException.class) != null) {
            problem = "unknown host; check publish.email.host";
        } else if (cause(e, SocketTimeoutException.class) != null) {
            problem = "no answer within " + TIMEOUT.toSeconds() + "s; check publish.email.host, publish.email.port"
                    + " and the firewall";
        } else if (cause(e, SSLException.class) != null) {
            problem = "TLS failed (" + redact(cause(e, SSLException.class).getMessage()) + "); check that"
                    + " publish.email.host is the server's name and that Java trusts its certificate";
        } else {
            problem = reason(e);
        }
        return OcidiffException.runtime(doing + " via SMTP server " + server + " failed: " + problem, e);
    }

    /** The server's answer or the library's complaint, on one line. */
    private String reason(MessagingException e) {
        return redact(String.valueOf(e.getMessage())).trim();
    }

    private String redact(String text) {
        String line = SummaryMail.oneLine(text).replaceAll(" +", " ");
        return config.password() == null || config.password().isEmpty() ? line : line.replace(config.password(), "****");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package io.github.ocidiff.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Objects;

/** The {@code publish.email} section: SMTP delivery of the daily report (e.g. OCI Email Delivery). */
public record EmailConfig(
        boolean enabled,
        String host,        // null unless enabled
        int port,
        String username,    // null = no SMTP authentication
        String password,    // secret: redacted by toString
        String from,
        List<String> to,
        boolean onlyWhenChanged,
        int minChanges,     // fewer changes than this send no mail (an incomplete report is sent regardless)
        boolean startTls,   // true = refuse a server that does not upgrade the connection with STARTTLS
        String subjectPrefix,
        int maxMessageMb) { // the largest mail to send, attachments and all (the server's own limit, if smaller, wins)

    public EmailConfig {
        to = List.copyOf(to);
        Objects.requireNonNull(subjectPrefix, "subjectPrefix");
    }

    /** {@link #maxMessageMb} in bytes. */
    public long maxMessageBytes() {
        return maxMessageMb * 1024L * 1024L;
    }

    static EmailConfig read(Section s) {
        EmailConfig email = new EmailConfig(
                s.bool("enabled", false),
                s.optionalString("host"),
                s.integer("port", 587, 1, 65_535),
                s.optionalString("username"),
                s.optionalString("password"),
                s.optionalString("from"),
                s.strings("to"),
                s.bool("onlyWhenChanged", true),
                s.integer("minChanges", 0, 0, 1_000_000),
                s.bool("startTls", true),
                s.string("subjectPrefix", "[ocidiff]"),
                // OCI Email Delivery's default limit: a mail over the server's limit is refused whole.
                s.integer("maxMessageMb", 2, 1, 1024));
        s.checkKeys(); // a misspelt key reads as "missing"; report the spelling, not the absence
        if (email.enabled) {
            String because = "required when " + s.pathOf("enabled") + " is true";
            if (email.host == null) {
                throw s.error("host", because + "; set the SMTP host, e.g. smtp.email.us-ashburn-1.oci.oraclecloud.com");
            }
            if (email.from == null) {
                throw s.error("from", because + "; set an approved sender address, e.g. ocidiff@example.com");
            }
            if (email.to.isEmpty()) {
                throw s.error("to", because + "; list at least one recipient, e.g. [ops@example.com]");
            }
        }
        // Checked here, not when the night's report is mailed: by then the night would have run for nothing.
        requireAddress(s, "from", email.from);
        for (String to : email.to) {
            requireAddress(s, "to", to);
        }
        if (email.username != null && email.password == null) {
            throw s.error("password", "required when " + s.pathOf("username") + " is set; write ${OCIDIFF_SMTP_PASSWORD}"
                    + " and export the SMTP password in that variable");
        }
        return email;
    }

    private static void requireAddress(Section s, String key, String address) {
        if (address == null) {
            return;
        }
        try {
            new InternetAddress(address, true);
        } catch (AddressException e) {
            throw s.error(key, "\"" + address + "\" is not an email address (" + e.getMessage()
                    + "); write it like ops@example.com");
        }
    }

    /** Like the record's own, but never shows the password. */
    @Override
    public String toString() {
        return "EmailConfig[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? null : "****") + ", from=" + from + ", to=" + to
                + ", onlyWhenChanged=" + onlyWhenChanged + ", minChanges=" + minChanges + ", startTls=" + startTls
                + ", subjectPrefix=" + subjectPrefix + ", maxMessageMb=" + maxMessageMb + "]";
    }
}

package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailConfigTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/tester"));

    private EmailConfig email(String yaml) {
        return loader.parse(yaml, "config.yaml").publish().email();
    }

    @Test
    void enabledEmailNeedsAHost() {
        assertThatThrownBy(() -> email("publish: {email: {enabled: true, from: a@example.com, to: [b@example.com]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.host: required when publish.email.enabled is true; set the SMTP"
                        + " host, e.g. smtp.email.us-ashburn-1.oci.oraclecloud.com");
    }

    @Test
    void enabledEmailNeedsASender() {
        assertThatThrownBy(() -> email("publish: {email: {enabled: true, host: smtp.example.com, to: [b@example.com]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.from: required when publish.email.enabled is true; set an"
                        + " approved sender address, e.g. ocidiff@example.com");
    }

    @Test
    void enabledEmailNeedsARecipient() {
        assertThatThrownBy(() -> email("publish: {email: {enabled: true, host: smtp.example.com, from: a@example.com}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.to: required when publish.email.enabled is true; list at least"
                        + " one recipient, e.g. [ops@example.com]");
    }

    /** Found when the configuration loads, not when the night's report is mailed at its end. */
    @Test
    void addressesAreCheckedAsTheConfigurationLoads() {
        assertThatThrownBy(() -> email("publish: {email: {host: h, from: not-an-email, to: [ops@example.com]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config.yaml: publish.email.from: \"not-an-email\" is not an email address (")
                .hasMessageEndingWith("); write it like ops@example.com");
        assertThatThrownBy(() -> email("publish: {email: {host: h, from: a@example.com, to: [ops@example.com, \"ops@@x\"]}}"))
                .hasMessageStartingWith("config.yaml: publish.email.to: \"ops@@x\" is not an email address (");
        assertThat(email("publish: {email: {from: \"ocidiff <ocidiff@example.com>\", to: [ops@example.com]}}").from())
                .isEqualTo("ocidiff <ocidiff@example.com>");
    }

    @Test
    void disabledEmailNeedsNothing() {
        assertThat(email("publish: {email: {enabled: false}}").host()).isNull();
    }

    @Test
    void misspeltKeyIsReportedRatherThanTheMissingOne() {
        assertThatThrownBy(() -> email(
                "publish: {email: {enabled: true, hots: smtp.example.com, from: a@example.com, to: [b@example.com]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: unknown key \"publish.email.hots\"; did you mean \"host\"?");
    }

    @Test
    void aUsernameNeedsAPassword() {
        assertThatThrownBy(() -> email("publish: {email: {username: ocid1.user.oc1..smtp}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.password: required when publish.email.username is set; write"
                        + " ${OCIDIFF_SMTP_PASSWORD} and export the SMTP password in that variable");
    }

    @Test
    void mailsAreTwoMegabytesAtMostUnlessConfigured() {
        assertThat(email("publish: {email: {}}").maxMessageBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(email("publish: {email: {maxMessageMb: 25}}").maxMessageBytes()).isEqualTo(25L * 1024 * 1024);
        assertThatThrownBy(() -> email("publish: {email: {maxMessageMb: 0}}"))
                .hasMessage("config.yaml: publish.email.maxMessageMb: must be an integer from 1 to 1024, got \"0\"");
    }

    @Test
    void minChangesIsANonNegativeCount() {
        assertThat(email("publish: {email: {minChanges: 3}}").minChanges()).isEqualTo(3);
        assertThatThrownBy(() -> email("publish: {email: {minChanges: -1}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.minChanges: must be an integer from 0 to 1000000, got \"-1\"");
    }

    @Test
    void startTlsIsABoolean() {
        assertThat(email("publish: {email: {startTls: false}}").startTls()).isFalse();
        assertThatThrownBy(() -> email("publish: {email: {startTls: maybe}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: publish.email.startTls: must be true or false, got \"maybe\"");
    }

    @Test
    void toStringRedactsThePassword() {
        EmailConfig email = new EmailConfig(true, "smtp.example.com", 587, "user", "s3cret-value", "a@example.com",
                List.of("b@example.com"), true, 0, true, "[ocidiff]", 2);

        assertThat(email.toString())
                .doesNotContain("s3cret-value")
                .contains("password=****", "username=user", "host=smtp.example.com");
    }

    @Test
    void configToStringRedactsThePassword() {
        Config config = loader.parse("publish: {email: {password: s3cret-value}}", "config.yaml");

        assertThat(config.toString()).doesNotContain("s3cret-value").contains("password=****");
    }
}

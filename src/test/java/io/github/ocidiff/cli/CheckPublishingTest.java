package io.github.ocidiff.cli;

import static io.github.ocidiff.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.ocidiff.SimHarness;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `ocidiff check` tries where reports go as far as it can without publishing: the bucket listed, the mail not sent. */
class CheckPublishingTest {
    private static final String USER = "ocid1.user.oc1..smtp";
    private static final String PASSWORD = "s3cret";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ocidiff@example.com", USER, PASSWORD));

    private static String mail(int port, String password, String to) {
        return "  email:\n    enabled: true\n    host: 127.0.0.1\n    port: " + port + "\n    startTls: false\n"
                + "    username: " + USER + "\n    password: " + password + "\n    from: ocidiff@example.com\n"
                + "    to: [" + to + "]\n";
    }

    @Test
    void nothingConfiguredSaysReportsStayLocal() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            MainTest.Run r = run("--config", sim.writeConfig("").toString(), "check");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("reports bucket   no upload: publish.objectStorage.bucket is not set\n"
                    + "reports mail     no mail: publish.email.enabled is false\n");
        }
    }

    @Test
    void aBucketAndAMailServerThatWorkAreListedAndGreetedAndNoMailGoesOut() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.server.createBucket("us-ashburn-1", "reports");
            MainTest.Run r = run("--config", sim.writeConfig("publish:\n  objectStorage:\n    bucket: reports\n"
                    + mail(SMTP.getSmtp().getPort(), PASSWORD, "ops@example.com, sec@example.com")).toString(), "check");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("reports bucket   bucket reports (namespace " + sim.server.namespace()
                            + ", us-ashburn-1) listed: no reports yet under ocidiff/\n")
                    .contains("reports mail     127.0.0.1:" + SMTP.getSmtp().getPort() + " (as " + USER + ") took the"
                            + " sender ocidiff@example.com and 2 recipients; mails up to 2.0 MB\n");
            assertThat(SMTP.getReceivedMessages()).isEmpty();
        }
    }

    /** The night would fail after its snapshot, hours later: the check names each problem and exits 1. */
    @Test
    void aMissingBucketAndARefusedLoginFailTheCheckNamingTheFix() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            MainTest.Run r = run("--config", sim.writeConfig("publish:\n  objectStorage:\n    bucket: repotrs\n"
                    + mail(SMTP.getSmtp().getPort(), "wrong", "ops@example.com")).toString(), "check");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("reports bucket   FAILED\n  bucket repotrs not found in namespace "
                    + sim.server.namespace() + " (region us-ashburn-1) while listing ocidiff/*: BucketNotFound")
                    .contains("reports mail     FAILED\n  trying the report mail's envelope via SMTP server 127.0.0.1:"
                            + SMTP.getSmtp().getPort() + " failed: authentication as " + USER + " failed");
            assertThat(r.err()).isEqualTo("ocidiff: check failed in [publish.objectStorage, publish.email]\n");
        }
    }

    @Test
    void aMailServerThatIsNotThereIsNamed() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (SimHarness sim = SimHarness.smallFixture()) {
            MainTest.Run r = run("--config", sim.writeConfig("publish:\n" + mail(closed, PASSWORD, "ops@example.com"))
                    .toString(), "check");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("reports mail     FAILED\n  trying the report mail's envelope via SMTP server 127.0.0.1:"
                    + closed + " failed: connection refused; check publish.email.host and publish.email.port\n");
        }
    }
}

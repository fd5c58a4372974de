package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.identity.requests.GetTenancyRequest;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.config.AuthConfig;
import io.github.ocidiff.config.AuthMode;
import io.github.ocidiff.sim.SimCredentials;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;

/** Every way authentication can be misconfigured gives one clear message; a good key signs requests. */
class AuthenticatorTest {

    private static final String TENANCY = "ocid1.tenancy.oc1..aaaaaaaafixturetenancy";

    private static Credentials authenticate(SimHarness sim, Path ociConfig, String profile) {
        var auth = new AuthConfig(AuthMode.CONFIG_FILE, ociConfig, profile, false, null, null);
        return new Authenticator(sim.dir).authenticate(auth);
    }

    private static Path rewrite(SimHarness sim, String from, String to) throws IOException {
        Path copy = sim.dir.resolve("oci/config-edited");
        Files.writeString(copy, Files.readString(sim.credentials.configFile()).replace(from, to));
        return copy;
    }

    @Test
    void aValidApiKeySignsRequestsTheSimulatorAccepts() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Credentials credentials = authenticate(sim, sim.credentials.configFile(), "DEFAULT");
            assertThat(credentials.tenancyId()).isEqualTo(TENANCY);
            assertThat(credentials.region()).isEqualTo("us-ashburn-1");
            assertThat(credentials.description()).contains("profile [DEFAULT]").doesNotContain("BEGIN");
            try (OciClients clients = new OciClients(credentials, sim.config().oci())) {
                assertThat(clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()).getTenancy().getId())
                        .isEqualTo(TENANCY);
            }
        }
    }

    @Test
    void aMissingConfigFileNamesTheFileAndTheFix() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            assertThatThrownBy(() -> authenticate(sim, sim.dir.resolve("nope"), "DEFAULT"))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("nope not found").hasMessageContaining("oci setup config")
                    .extracting(e -> ((OcidiffException) e).exitCode()).isEqualTo(2);
        }
    }

    @Test
    void anUnknownProfileListsTheProfilesThere() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            assertThatThrownBy(() -> authenticate(sim, sim.credentials.configFile(), "PROD"))
                    .hasMessageContaining("profile [PROD] not found").hasMessageContaining("profiles: DEFAULT");
        }
    }

    @Test
    void aMissingKeyFileIsNamed() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Path config = rewrite(sim, sim.credentials.privateKey().toString(), "/nonexistent/key.pem");
            assertThatThrownBy(() -> authenticate(sim, config, "DEFAULT"))
                    .hasMessageContaining("private key /nonexistent/key.pem not found")
                    .hasMessageContaining("key_file of profile [DEFAULT]");
            Path folder = rewrite(sim, sim.credentials.privateKey().toString(),
                    sim.credentials.privateKey().getParent().toString());
            assertThatThrownBy(() -> authenticate(sim, folder, "DEFAULT"))
                    .hasMessageContaining("private key " + sim.credentials.privateKey().getParent() + " is a folder")
                    .hasMessageEndingWith("point key_file at the key's PEM file in it, e.g. oci_api_key.pem");
        }
    }

    @Test
    void aKeyReadableByOthersIsRefusedWithTheChmodFix() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Files.setPosixFilePermissions(sim.credentials.privateKey(), PosixFilePermissions.fromString("rw-r--r--"));
            assertThatThrownBy(() -> authenticate(sim, sim.credentials.configFile(), "DEFAULT"))
                    .hasMessageContaining("readable by other users").hasMessageContaining("chmod 600");
        }
    }

    @Test
    void anEncryptedKeyNeedsTheRightPassPhrase() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            encrypt(sim.credentials.privateKey(), "correct horse");
            assertThatThrownBy(() -> authenticate(sim, sim.credentials.configFile(), "DEFAULT"))
                    .hasMessageContaining("is encrypted but the profile has no pass_phrase");
            Path wrong = rewrite(sim, "region=", "pass_phrase=battery staple\nregion=");
            assertThatThrownBy(() -> authenticate(sim, wrong, "DEFAULT"))
                    .hasMessageContaining("wrong pass_phrase").hasMessageNotContaining("battery staple");
            Path right = rewrite(sim, "region=", "pass_phrase=correct horse\nregion=");
            Credentials credentials = authenticate(sim, right, "DEFAULT");
            try (OciClients clients = new OciClients(credentials, sim.config().oci())) {
                assertThat(clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()).getTenancy().getName())
                        .isEqualTo("acme-fixture");
            }
        }
    }

    /** A mistyped home region sent every call to a region that is not there, which read as a policy problem. */
    @Test
    void aRegionThatIsNoRegionIdentifierIsNamed() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Path config = rewrite(sim, "region=us-ashburn-1", "region=us-ashburn1");
            assertThatThrownBy(() -> authenticate(sim, config, "DEFAULT"))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessage("region=us-ashburn1 in profile [DEFAULT] of " + config + " is not an OCI region"
                            + " identifier; write the tenancy's home region like us-ashburn-1");
        }
    }

    /** A home region mistyped into another well-formed one: the hosts of no such region resolve, which says so. */
    @Test
    void aRegionNoOneKnowsIsNamedWhenItsHostsDoNotResolve() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Path config = rewrite(sim, "region=us-ashburn-1", "region=us-ashburn-9");
            try (OciClients clients = new OciClients(authenticate(sim, config, "DEFAULT"), sim.config().oci())) {
                assertThat(clients.hint(unresolved("identity.us-ashburn-9.oci.oraclecloud.com")))
                        .isEqualTo("; us-ashburn-9, the region of the API key of profile [DEFAULT] of " + config
                                + ", is no region this OCI SDK knows, and its hosts do not resolve: check it for a typo"
                                + " (the tenancy's home region, like us-ashburn-1)");
                // Another host, or a region the SDK knows: the network is the likelier cause.
                assertThat(clients.hint(unresolved("auth.example.internal")))
                        .isEqualTo("; check the network (a proxy, a firewall) and oci.endpoint if the config sets it");
            }
        }
        try (SimHarness sim = SimHarness.smallFixture();
             OciClients clients = new OciClients(authenticate(sim, sim.credentials.configFile(), "DEFAULT"),
                     sim.config().oci())) {
            assertThat(clients.hint(unresolved("identity.us-ashburn-1.oci.oraclecloud.com")))
                    .startsWith("; check the network");
        }
    }

    /** What the SDK throws when a host does not resolve. */
    private static BmcException unresolved(String host) {
        return new BmcException(false, "Processing exception", new ProcessingException(
                new UnknownHostException(host + ": Name or service not known")), null);
    }

    @Test
    void aProfileWithoutFingerprintIsNamed() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Path config = rewrite(sim, "fingerprint=", "#fingerprint=");
            assertThatThrownBy(() -> authenticate(sim, config, "DEFAULT"))
                    .hasMessageContaining("has no fingerprint");
        }
    }

    @Test
    void anUnregisteredKeyIsRejectedByTheServerAsNotAuthenticated() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            SimCredentials other = SimCredentials.create(sim.dir.resolve("other"), TENANCY, "us-ashburn-1");
            Credentials credentials = authenticate(sim, other.configFile(), "DEFAULT");
            try (OciClients clients = new OciClients(credentials, sim.config().oci())) {
                assertThatThrownBy(() -> clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()))
                        .isInstanceOfSatisfying(BmcException.class, e -> {
                            assertThat(e.getStatusCode()).isEqualTo(401);
                            assertThat(e.getServiceCode()).isEqualTo("NotAuthenticated");
                            assertThat(clients.hint(e)).isEqualTo("; check the API key, its fingerprint and the clock");
                        });
            }
        }
    }

    @Test
    void aKeyThatDoesNotMatchItsFingerprintIsRejected() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            SimCredentials other = SimCredentials.create(sim.dir.resolve("other"), TENANCY, "us-ashburn-1");
            Path config = rewrite(sim, sim.credentials.privateKey().toString(), other.privateKey().toString());
            try (OciClients clients = new OciClients(authenticate(sim, config, "DEFAULT"), sim.config().oci())) {
                assertThatThrownBy(() -> clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()))
                        .isInstanceOfSatisfying(BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
            }
        }
    }

    @Test
    void aSessionTokenProfileSignsWithTheSessionKey() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.credentials.addSessionProfile("SESSION", TENANCY, Duration.ofHours(1));
            var auth = new AuthConfig(AuthMode.SESSION_TOKEN, sim.credentials.configFile(), "SESSION", false, null, null);
            Credentials credentials = new Authenticator(sim.dir).authenticate(auth);
            assertThat(credentials.description()).startsWith("session token of profile [SESSION]");
            try (OciClients clients = new OciClients(credentials, sim.config().oci())) {
                assertThat(clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()).getTenancy().getId())
                        .isEqualTo(TENANCY);
            }
        }
    }

    @Test
    void anExpiredSessionTokenIsRejectedByTheServer() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.credentials.addSessionProfile("OLD", TENANCY, Duration.ofMinutes(-5));
            var auth = new AuthConfig(AuthMode.SESSION_TOKEN, sim.credentials.configFile(), "OLD", false, null, null);
            try (OciClients clients = new OciClients(new Authenticator(sim.dir).authenticate(auth), sim.config().oci())) {
                assertThatThrownBy(() -> clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()))
                        .isInstanceOfSatisfying(BmcException.class, e -> {
                            assertThat(e.getStatusCode()).isEqualTo(401);
                            assertThat(e.getMessage()).contains("expired");
                            // Its own advice, not an API key's.
                            assertThat(clients.hint(e)).startsWith("; the session token may have expired")
                                    .contains("oci session refresh");
                        });
            }
        }
    }

    @Test
    void aSessionTokenProfileWithoutItsTokenFileSaysHowToGetOne() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            sim.credentials.addSessionProfile("SESSION", TENANCY, Duration.ofHours(1));
            Files.delete(sim.credentials.configFile().getParent().resolve("session_token"));
            var auth = new AuthConfig(AuthMode.SESSION_TOKEN, sim.credentials.configFile(), "SESSION", false, null, null);
            assertThatThrownBy(() -> new Authenticator(sim.dir).authenticate(auth))
                    .hasMessageContaining("oci session authenticate");
        }
    }

    /** A session profile is what `oci session authenticate` writes: the line names it, not `oci setup config`. */
    @Test
    void aSessionTokenProfileWithoutTheTokenFileKeyNamesTheCommandThatWritesIt() throws IOException {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Files.writeString(sim.credentials.configFile(), Files.readString(sim.credentials.configFile())
                    + "\n[NOTOKEN]\nuser=u\nfingerprint=f\ntenancy=" + TENANCY + "\nkey_file=/nope\n");
            var auth = new AuthConfig(AuthMode.SESSION_TOKEN, sim.credentials.configFile(), "NOTOKEN", false, null, null);
            assertThatThrownBy(() -> new Authenticator(sim.dir).authenticate(auth))
                    .hasMessageEndingWith("has no security_token_file; add it (see `oci session authenticate`)");
        }
    }

    @Test
    void resourcePrincipalOutsideOciSaysWhatIsMissing() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            var auth = new AuthConfig(AuthMode.RESOURCE_PRINCIPAL, sim.credentials.configFile(), "DEFAULT", false, null, null);
            assertThatThrownBy(() -> new Authenticator(sim.dir).authenticate(auth))
                    .hasMessageContaining("OCI_RESOURCE_PRINCIPAL_VERSION");
        }
    }

    /** Replaces a PKCS#8 PEM key file with its AES-256 encrypted form. */
    private static void encrypt(Path keyFile, String passPhrase) throws Exception {
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword(passPhrase.toCharArray()).build();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, encryptor));
        }
        Files.writeString(keyFile, out.toString());
    }
}

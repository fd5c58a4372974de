package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.identity.requests.GetTenancyRequest;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.config.AuthConfig;
import io.github.ocidiff.config.AuthMode;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** auth.mode instance_principal through the real SDK, against the simulator's metadata and Auth services. */
class InstancePrincipalTest {

    private static final String TENANCY = "ocid1.tenancy.oc1..aaaaaaaafixturetenancy";

    private static Credentials authenticate(SimHarness sim, String metadataUrl) {
        Config config = ConfigLoader.resolve(sim.writeInstancePrincipalConfig(metadataUrl), sim.dir, sim.dir);
        return new Authenticator(sim.dir).authenticate(config.auth());
    }

    @Test
    void theInstanceCertificateBuysASessionTokenThatSignsRequests() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            Credentials credentials = authenticate(sim, sim.server.instanceMetadataUrl());

            assertThat(credentials.tenancyId()).isEqualTo(TENANCY);
            assertThat(credentials.region()).isEqualTo("us-ashburn-1");
            assertThat(credentials.description()).isEqualTo("instance principal in us-ashburn-1");
            String keyId = credentials.provider().getKeyId();
            assertThat(keyId).startsWith("ST$");
            assertThat(credentials.provider().getKeyId()).as("the token is kept while valid").isEqualTo(keyId);
            try (OciClients clients = new OciClients(credentials, sim.config().oci())) {
                assertThat(clients.region("us-ashburn-1").identity()
                        .getTenancy(GetTenancyRequest.builder().tenancyId(TENANCY).build()).getTenancy().getId())
                        .isEqualTo(TENANCY);
            }
        }
    }

    @Test
    void anAuthServiceThatIssuesNoTokenIsNamedWithItsAnswer() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            String federation = sim.server.baseUrl() + "/nowhere-1";
            var auth = new AuthConfig(AuthMode.INSTANCE_PRINCIPAL, sim.dir.resolve("unused"), "DEFAULT", false,
                    sim.server.instanceMetadataUrl(), federation);

            assertThatThrownBy(() -> new Authenticator(sim.dir).authenticate(auth))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageStartingWith("instance principal authentication failed: the Auth service at " + federation
                            + " issued no token: 404 NotAuthorizedOrNotFound: Unknown region")
                    .hasMessageEndingWith("; check the system clock (and auth.federationEndpoint, if set)")
                    .message().doesNotContain("\n");
        }
    }

    @Test
    void anAuthServiceThatDoesNotAnswerPointsAtTheNetworkNotTheClock() {
        String federation = SimHarness.refusingUrl() + "/{region}";
        try (SimHarness sim = SimHarness.smallFixture()) {
            var auth = new AuthConfig(AuthMode.INSTANCE_PRINCIPAL, sim.dir.resolve("unused"), "DEFAULT", false,
                    sim.server.instanceMetadataUrl(), federation);

            assertThatThrownBy(() -> new Authenticator(sim.dir).authenticate(auth))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining(" issued no token: connection failed: ")
                    .hasMessageEndingWith("; check the network (a proxy, a firewall) and auth.federationEndpoint, if set")
                    .message().doesNotContain("\n");
        }
    }

    @Test
    void anUnreachableMetadataServiceIsOneLineAtOnce() {
        String url = SimHarness.refusingUrl() + "/opc/v2/";
        try (SimHarness sim = SimHarness.smallFixture()) {
            Instant start = Instant.now();
            String metadataUrl = url;
            assertThatThrownBy(() -> authenticate(sim, metadataUrl))
                    .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
                    .hasMessageStartingWith("instance principal authentication failed: cannot reach the instance metadata"
                            + " service at " + url + " (")
                    .hasMessageEndingWith("; run on an OCI instance or use auth.mode config_file")
                    .message().doesNotContain("\n");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }
}

package io.github.ocidiff.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.auth.InstancePrincipalsAuthenticationDetailsProvider;
import com.oracle.bmc.auth.X509CertificateSupplier;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.SimHarness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;

/** The federation endpoint trusts only the instance's certificate, and only when its key signed the request. */
class AuthApiTest {

    private static final String TENANCY = "ocid1.tenancy.oc1..aaaaaaaafixturetenancy";

    @Test
    void aCertificateOfAnotherAuthorityIsRefused() {
        try (SimHarness sim = SimHarness.smallFixture()) {
            InstanceIdentity foreign = InstanceIdentity.create(TENANCY, "us-ashburn-1");

            assertThatThrownBy(() -> federate(sim, foreign.leaf, (RSAPrivateKey) foreign.leafKeys.getPrivate()))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("not a valid instance certificate");
                    });
        }
    }

    @Test
    void theInstanceCertificateSignedWithAnotherKeyIsRefused() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(metadata(sim, "identity/cert.pem", true).body().getBytes(StandardCharsets.US_ASCII)));
            RSAPrivateKey otherKey = (RSAPrivateKey) SimCredentials.newKeyPair().getPrivate();

            assertThatThrownBy(() -> federate(sim, leaf, otherKey))
                    .isInstanceOfSatisfying(BmcException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("The signature does not match the request.");
                    });
        }
    }

    @Test
    void theMetadataServiceAnswersOnlyWithTheOracleBearerHeader() throws Exception {
        try (SimHarness sim = SimHarness.smallFixture()) {
            assertThat(metadata(sim, "instance/region", false).statusCode()).isEqualTo(401);
            assertThat(metadata(sim, "instance/region", true).body()).isEqualTo("us-ashburn-1");
        }
    }

    /** Asks the simulator's Auth service for a token, presenting {@code leaf} and signing with {@code key}. */
    private static void federate(SimHarness sim, X509Certificate leaf, RSAPrivateKey key) {
        X509CertificateSupplier supplier = new X509CertificateSupplier() {
            @Override
            public CertificateAndPrivateKeyPair getCertificateAndKeyPair() {
                return new CertificateAndPrivateKeyPair(leaf, key);
            }

            @Override
            public X509Certificate getCertificate() {
                return leaf;
            }

            @Override
            public RSAPrivateKey getPrivateKey() {
                return key;
            }
        };
        InstancePrincipalsAuthenticationDetailsProvider.builder()
                .metadataBaseUrl(sim.server.instanceMetadataUrl())
                .federationEndpoint(sim.server.baseUrl() + "/us-ashburn-1")
                .leafCertificateSupplier(supplier)
                .build()
                .getKeyId();
    }

    private static HttpResponse<String> metadata(SimHarness sim, String path, boolean bearer)
            throws IOException, InterruptedException, GeneralSecurityException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.server.instanceMetadataUrl() + path));
        if (bearer) {
            request.header("Authorization", "Bearer Oracle");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.github.ocidiff.sim;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * What OCI gives a compute instance to act as an instance principal, and the instance metadata
 * service serves: a leaf certificate naming the instance, its compartment and its tenancy
 * ({@code OU=opc-tenant:<tenancy>}, where the SDK reads the tenancy), the leaf's private key, and the
 * intermediate CA certificate that issued the leaf. The simulator's Auth service trusts leaves of
 * this CA and signs the tokens it issues with the CA key; OCI uses separate keys, which no client
 * can tell apart.
 */
final class InstanceIdentity {
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATIONAL_UNIT = "2.5.4.11";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String tenancyId;
    final String instanceId;
    final String region;
    final KeyPair authority;
    final X509Certificate intermediate;
    final KeyPair leafKeys;
    final X509Certificate leaf;

    private InstanceIdentity(String tenancyId, String instanceId, String region, KeyPair authority,
                             X509Certificate intermediate, KeyPair leafKeys, X509Certificate leaf) {
        this.tenancyId = tenancyId;
        this.instanceId = instanceId;
        this.region = region;
        this.authority = authority;
        this.intermediate = intermediate;
        this.leafKeys = leafKeys;
        this.leaf = leaf;
    }

    /** A new CA and an instance in the root compartment of {@code tenancyId}, running in {@code region}. */
    static InstanceIdentity create(String tenancyId, String region) {
        String instanceId = "ocid1.instance.oc1." + region + ".simulatorinstance";
        KeyPair authority = SimCredentials.newKeyPair();
        byte[] caName = name(attribute(COMMON_NAME, "ocidiff simulator instance CA"));
        X509Certificate intermediate = certificate(caName, caName, authority.getPublic(), authority.getPrivate(), true);
        KeyPair leafKeys = SimCredentials.newKeyPair();
        byte[] leafName = name(attribute(COMMON_NAME, instanceId),
                attribute(ORGANIZATIONAL_UNIT, "opc-certtype:instance"),
                attribute(ORGANIZATIONAL_UNIT, "opc-compartment:" + tenancyId),
                attribute(ORGANIZATIONAL_UNIT, "opc-instance:" + instanceId),
                attribute(ORGANIZATIONAL_UNIT, "opc-tenant:" + tenancyId));
        X509Certificate leaf = certificate(leafName, caName, leafKeys.getPublic(), authority.getPrivate(), false);
        return new InstanceIdentity(tenancyId, instanceId, region, authority, intermediate, leafKeys, leaf);
    }

    String leafPem() {
        return pem(leaf);
    }

    String keyPem() {
        return Pem.encode("PRIVATE KEY", leafKeys.getPrivate().getEncoded());
    }

    String intermediatePem() {
        return pem(intermediate);
    }

    private static String pem(X509Certificate certificate) {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An X.509 v3 certificate valid from a few minutes ago for a day, like OCI's rotated instance certificates. */
    private static X509Certificate certificate(byte[] subject, byte[] issuer, PublicKey key, PrivateKey signer, boolean ca) {
        Instant now = Instant.now();
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] extensions = ca
                ? Der.explicit(3, Der.sequence(Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true),
                        Der.octetString(Der.sequence(Der.bool(true))))))
                : new byte[0];
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // version 3
                Der.integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)),
                algorithm,
                issuer,
                Der.sequence(Der.utcTime(now.minus(Duration.ofMinutes(5))), Der.utcTime(now.plus(Duration.ofDays(1)))),
                subject,
                key.getEncoded(), // already a DER SubjectPublicKeyInfo
                extensions);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer);
            signature.update(tbs);
            byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signature.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A distinguished name of one attribute per relative name, in the order given. */
    private static byte[] name(byte[]... attributes) {
        byte[][] rdns = new byte[attributes.length][];
        for (int i = 0; i < attributes.length; i++) {
            rdns[i] = Der.set(attributes[i]);
        }
        return Der.sequence(rdns);
    }

    private static byte[] attribute(String oid, String value) {
        return Der.sequence(Der.oid(oid), Der.utf8(value));
    }
}

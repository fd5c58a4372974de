package io.github.ocidiff.sim;

import java.security.PublicKey;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The keys the simulated tenancy's services trust: the user's API key ({@code tenancy/user/fingerprint})
 * and security tokens ({@code ST$<token>}), those of "user" sessions issued against the API key and
 * those of instance principals issued by the simulator's Auth service.
 */
final class TenancyKeys implements SignatureVerifier.Keys {
    private final PublicKey apiKey;
    private final String fingerprint;
    private final String tenancyId;
    private final Supplier<InstanceIdentity> instance;

    TenancyKeys(PublicKey apiKey, String tenancyId, Supplier<InstanceIdentity> instance) {
        this.apiKey = apiKey;
        this.fingerprint = SignatureVerifier.fingerprint(apiKey);
        this.tenancyId = tenancyId;
        this.instance = instance;
    }

    @Override
    public PublicKey find(String keyId) {
        if (keyId.startsWith(SessionToken.KEY_ID_PREFIX)) {
            return SessionToken.verify(keyId.substring(SessionToken.KEY_ID_PREFIX.length()), this::issuer, tenancyId,
                    Instant.now());
        }
        String[] keyParts = keyId.split("/");
        if (keyParts.length != 3) {
            throw new IllegalArgumentException("keyId must be tenancy/user/fingerprint.");
        }
        if (!keyParts[0].equals(tenancyId)) {
            throw new IllegalArgumentException("Unknown tenancy " + keyParts[0] + ".");
        }
        if (!keyParts[2].equals(fingerprint)) {
            throw new IllegalArgumentException("No API key with fingerprint " + keyParts[2] + " is registered for this user.");
        }
        return apiKey;
    }

    private PublicKey issuer(String principalType) {
        return switch (principalType) {
            case "user" -> apiKey;
            case "instance" -> instance.get().authority.getPublic();
            default -> null;
        };
    }
}

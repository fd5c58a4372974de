package io.github.ocidiff.oci;

import com.oracle.bmc.ConfigFileReader;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.auth.InstancePrincipalsAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ResourcePrincipalAuthenticationDetailsProvider;
import com.oracle.bmc.auth.SessionTokenAuthenticationDetailsProvider;
import com.oracle.bmc.http.signing.internal.PEMFileRSAPrivateKeySupplier;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.AuthConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code auth:} settings into signed-request credentials, checking up front everything that
 * would otherwise fail deep inside the SDK: the config file, the profile, the key file, its permissions
 * and its passphrase. Messages name the file and profile and never contain a secret.
 */
public final class Authenticator {

    private final Path userHome;

    public Authenticator(Path userHome) {
        this.userHome = userHome;
    }

    public Credentials authenticate(AuthConfig auth) {
        return switch (auth.mode()) {
            case CONFIG_FILE -> fromConfigFile(auth, false);
            case SESSION_TOKEN -> fromConfigFile(auth, true);
            case INSTANCE_PRINCIPAL -> instancePrincipal(auth);
            case RESOURCE_PRINCIPAL -> resourcePrincipal();
        };
    }

    private Credentials fromConfigFile(AuthConfig auth, boolean sessionToken) {
        Path file = auth.configFile();
        String profile = auth.profile();
        if (!Files.isRegularFile(file)) {
            throw OcidiffException.usage("OCI config file " + file + " not found; create it with `oci setup config`"
                    + " or set auth.configFile in config.yaml");
        }
        ConfigFileReader.ConfigFile configFile;
        try {
            configFile = ConfigFileReader.parse(file.toString(), profile);
        } catch (IllegalArgumentException e) {
            throw OcidiffException.usage("profile [" + profile + "] not found in " + file + " (profiles: "
                    + String.join(", ", profiles(file)) + "); set auth.profile in config.yaml");
        } catch (IOException | IllegalStateException e) {
            throw OcidiffException.usage("OCI config file " + file + " cannot be read: " + e.getMessage());
        }
        List<String> required = new ArrayList<>(List.of("fingerprint", "tenancy", "key_file"));
        required.add(sessionToken ? "security_token_file" : "user");
        for (String key : required) {
            if (configFile.get(key) == null) {
                // A session token's profile is what `oci session authenticate` writes; an API key's, `oci setup config`.
                throw OcidiffException.usage("profile [" + profile + "] in " + file + " has no " + key
                        + "; add it (see " + (sessionToken ? "`oci session authenticate`" : "`oci setup config`") + ")");
            }
        }
        String region = configFile.get("region");
        // RegionIds takes the SDK's regions before the provider below adds this one to them (see RegionIds#shipped).
        if (region != null && !RegionIds.valid(region)) {
            // Read as a region, it sent every call to a region that is not there, told as a policy problem.
            throw OcidiffException.usage("region=" + region + " in profile [" + profile + "] of " + file + " is not an OCI"
                    + " region identifier; write the tenancy's home region like us-ashburn-1");
        }
        Path keyFile = expand(configFile.get("key_file"));
        checkKey(keyFile, configFile.get("pass_phrase"), profile, file, auth.allowInsecureKeyPermissions());
        String where = "profile [" + profile + "] of " + file;
        try {
            if (sessionToken) {
                Path token = expand(configFile.get("security_token_file"));
                if (!Files.isReadable(token)) {
                    throw OcidiffException.usage("security_token_file " + token + " of " + where
                            + " not found; run `oci session authenticate` or `oci session refresh`");
                }
                var provider = new SessionTokenAuthenticationDetailsProvider(configFile);
                return new Credentials(provider, provider.getTenantId(), configFile.get("region"),
                        "session token of " + where, "the session token may have expired (an hour after `oci session"
                        + " authenticate`): run `oci session refresh`, or authenticate again; and check the clock");
            }
            var provider = new ConfigFileAuthenticationDetailsProvider(configFile);
            return new Credentials(provider, provider.getTenantId(), configFile.get("region"), "API key of " + where,
                    "check the API key, its fingerprint and the clock");
        } catch (IOException | RuntimeException e) {
            if (e instanceof OcidiffException oe) {
                throw oe;
            }
            throw OcidiffException.usage("cannot use " + where + ": " + e.getMessage());
        }
    }

    private static void checkKey(Path keyFile, String passPhrase, String profile, Path configFile,
                                 boolean allowInsecure) {
        String where = " (key_file of profile [" + profile + "] in " + configFile + ")";
        if (Files.isDirectory(keyFile)) {
            throw OcidiffException.usage("private key " + keyFile + " is a folder" + where
                    + "; point key_file at the key's PEM file in it, e.g. oci_api_key.pem");
        }
        if (!Files.isRegularFile(keyFile)) {
            throw OcidiffException.usage("private key " + keyFile + " not found" + where
                    + "; fix key_file or create the key with `oci setup keys`");
        }
        if (!Files.isReadable(keyFile)) {
            throw OcidiffException.usage("private key " + keyFile + " is not readable by this user" + where
                    + "; fix its owner or permissions");
        }
        if (!allowInsecure) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                    throw OcidiffException.usage("private key " + keyFile + " is readable by other users" + where
                            + "; run `chmod 600 " + keyFile + "` (or set auth.allowInsecureKeyPermissions: true)");
                }
            } catch (UnsupportedOperationException | IOException e) {
                // Not a POSIX file system: nothing to check.
            }
        }
        try (InputStream in = Files.newInputStream(keyFile)) {
            new PEMFileRSAPrivateKeySupplier(in, passPhrase == null ? null : passPhrase.toCharArray());
        } catch (NullPointerException | IllegalArgumentException e) {
            String problem = passPhrase == null && String.valueOf(e.getMessage()).contains("passphrase")
                    ? "is encrypted but the profile has no pass_phrase"
                    : String.valueOf(e.getMessage()).contains("passphrase") ? "cannot be decrypted: wrong pass_phrase"
                    : "is not a PEM RSA private key (" + e.getMessage() + ")";
            throw OcidiffException.usage("private key " + keyFile + " " + problem + where);
        } catch (IOException | RuntimeException e) {
            throw OcidiffException.usage("private key " + keyFile + " cannot be read" + where + ": " + e.getMessage());
        }
    }

    /**
     * The instance's identity: its certificate from the metadata service, exchanged for a security token
     * at the Auth service now, so that a refusal is an authentication error rather than a failed first call.
     */
    private static Credentials instancePrincipal(AuthConfig auth) {
        String metadataUrl = auth.instanceMetadataUrl() == null ? InstanceMetadata.DEFAULT_URL
                : auth.instanceMetadataUrl().endsWith("/") ? auth.instanceMetadataUrl() : auth.instanceMetadataUrl() + "/";
        String region = InstanceMetadata.region(metadataUrl);
        var builder = InstancePrincipalsAuthenticationDetailsProvider.builder()
                .metadataBaseUrl(metadataUrl)
                .timeoutForEachRetry((int) InstanceMetadata.TIMEOUT.toMillis());
        if (auth.federationEndpoint() != null) {
            builder.federationEndpoint(auth.federationEndpoint().replace("{region}", region));
        }
        try {
            var provider = builder.build();
            provider.getKeyId();
            return new Credentials(provider, builder.getTenancyId(), region, "instance principal in " + region,
                    "check that the instance is in a dynamic group that the policies name, and the clock");
        } catch (BmcException e) {
            // An answer refusing the certificate is most often a clock off; no answer at all, the network or the URL.
            throw OcidiffException.runtime("instance principal authentication failed: the Auth service at "
                    + builder.getFederationEndpoint() + " issued no token: " + OciClients.status(e)
                    + (e.getStatusCode() > 0 ? "; check the system clock (and auth.federationEndpoint, if set)"
                    : "; check the network (a proxy, a firewall) and auth.federationEndpoint, if set"), e);
        } catch (RuntimeException e) {
            throw OcidiffException.runtime("instance principal authentication failed: " + e.getMessage()
                    + "; run on an OCI instance or use auth.mode config_file", e);
        }
    }

    private static Credentials resourcePrincipal() {
        if (System.getenv("OCI_RESOURCE_PRINCIPAL_VERSION") == null) {
            throw OcidiffException.usage("resource principal authentication needs OCI_RESOURCE_PRINCIPAL_VERSION"
                    + " and related variables, which OCI sets inside Functions and Container Instances;"
                    + " set auth.mode for other environments");
        }
        try {
            var provider = ResourcePrincipalAuthenticationDetailsProvider.builder().build();
            String tenancy = provider.getStringClaim(ResourcePrincipalAuthenticationDetailsProvider.ClaimKeys.TENANT_ID_CLAIM_KEY);
            String region = provider.getRegion() == null ? null : provider.getRegion().getRegionId();
            return new Credentials(provider, tenancy, region, "resource principal",
                    "check that the resource is in a dynamic group that the policies name");
        } catch (RuntimeException e) {
            throw OcidiffException.runtime("resource principal authentication failed: " + e.getMessage(), e);
        }
    }

    private static List<String> profiles(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::trim)
                    .filter(l -> l.startsWith("[") && l.endsWith("]"))
                    .map(l -> l.substring(1, l.length() - 1))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Paths inside the OCI config file (key_file, security_token_file) may start with ~. */
    private Path expand(String path) {
        if (path.equals("~")) {
            return userHome;
        }
        if (path.startsWith("~/")) {
            return userHome.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}

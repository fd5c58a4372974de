package io.github.ocidiff.config;

/** How ocidiff authenticates to OCI; written in config.yaml as config_file, instance_principal, ... */
public enum AuthMode {
    /** An API key from a profile of the OCI SDK/CLI config file. */
    CONFIG_FILE,
    /** The instance's identity, for runs on an OCI compute instance in a dynamic group. */
    INSTANCE_PRINCIPAL,
    /** The resource's identity, for runs inside OCI Functions or other resources. */
    RESOURCE_PRINCIPAL,
    /** A session token from `oci session authenticate`, read through the config file profile. */
    SESSION_TOKEN
}

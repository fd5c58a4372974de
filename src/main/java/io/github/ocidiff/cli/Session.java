package io.github.ocidiff.cli;

import io.github.ocidiff.audit.OciAuditFeed;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.job.AuditAccess;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.store.Store;
import java.nio.file.Path;
import java.util.function.Supplier;

/** What the commands open from the configuration: the OCI clients and the store. */
final class Session {
    private Session() {
    }

    static OciClients connect(Config config) {
        var credentials = new Authenticator(Path.of(System.getProperty("user.home"))).authenticate(config.auth());
        return new OciClients(credentials, config.oci());
    }

    /** How a report reads Audit: not at all with --no-audit, else through the clients, connected when needed. */
    static AuditAccess audit(Config config, Supplier<OciClients> clients, boolean skip) {
        return skip ? new AuditAccess.Skip()
                : new AuditAccess.Read(() -> new OciAuditFeed(clients.get()), config.oci().concurrencyPerRegion());
    }

    static Store openStore(Config config) {
        return Store.open(config.store().path());
    }
}

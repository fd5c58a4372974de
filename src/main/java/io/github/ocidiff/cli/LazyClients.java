package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.oci.OciClients;

/** OCI clients connected on first use, so that commands that may not need OCI never authenticate. */
final class LazyClients implements AutoCloseable {
    private final Config config;
    private OciClients clients;

    LazyClients(Config config) {
        this.config = config;
    }

    synchronized OciClients get() {
        if (clients == null) {
            clients = Session.connect(config);
        }
        return clients;
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }
}

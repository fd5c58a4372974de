package io.github.ocidiff.cli;

import io.github.ocidiff.config.Config;
import io.github.ocidiff.job.AuditAccess;
import io.github.ocidiff.oci.OciClients;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code --no-audit}, for every command that attributes changes (daily, diff, drift, evidence). */
final class AuditOption {

    @Option(names = "--no-audit", description = "Don't read Audit nor the events kept from it: actors only from CreatedBy tags.")
    boolean skip;

    AuditAccess access(Config config, Supplier<OciClients> clients) {
        return Session.audit(config, clients, skip);
    }
}

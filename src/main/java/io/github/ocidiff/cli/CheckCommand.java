package io.github.ocidiff.cli;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.TenancyCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code ocidiff check}: verifies credentials, policies and reachability of every covered region. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that ocidiff can authenticate and read what it needs in every covered region:",
                "Identity (tenancy, regions, compartments), Resource Search and Audit. Exit 1 if any region fails."})
public final class CheckCommand extends BaseCommand implements java.util.concurrent.Callable<Integer> {



    @Override
    public Integer call() {
        return run(config(), out());
    }

    static int run(Config config, PrintWriter out) {
        var credentials = new Authenticator(Path.of(System.getProperty("user.home"))).authenticate(config.auth());
        try (OciClients clients = new OciClients(credentials, config.oci())) {
            TenancyCheck.Result result = new TenancyCheck(clients).run(config.regions().include(), config.regions().exclude());
            out.printf("tenancy      %s (%s)%n", result.tenancyName(), result.tenancyId());
            out.printf("credentials  %s%n", credentials.description());
            out.printf("home region  %s; subscribed: %s%n", result.homeRegion(), String.join(", ", result.subscribed()));
            out.printf("compartments %d active%n", result.compartments());
            for (TenancyCheck.RegionResult region : result.regions()) {
                if (region.ok()) {
                    out.printf("%-16s OK      %s in %s, %d ms; audit readable%n", region.region(),
                            SnapshotCommand.count(region.resources(), "resource"), SnapshotCommand.count(region.pages(), "page"),
                            region.millis());
                } else {
                    out.printf("%-16s FAILED%n", region.region());
                    if (region.searchProblem() != null) {
                        out.printf("  %s%n", region.searchProblem());
                    }
                    if (region.auditProblem() != null) {
                        out.printf("  %s%n", region.auditProblem());
                    }
                }
            }
            out.flush();
            if (!result.ok()) {
                throw new OcidiffException(OcidiffException.RUNTIME,
                        "check failed in " + result.regions().stream().filter(r -> !r.ok()).map(TenancyCheck.RegionResult::region).toList());
            }
            return 0;
        }
    }
}

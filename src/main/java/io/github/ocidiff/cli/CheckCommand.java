package io.github.ocidiff.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.crawl.CrawlPlan;
import io.github.ocidiff.crawl.Crawler;
import io.github.ocidiff.crawl.DetailsCheck;
import io.github.ocidiff.crawl.Narrowing;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.TenancyCheck;
import io.github.ocidiff.publish.EmailPublisher;
import io.github.ocidiff.publish.ObjectStoragePublisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/** {@code ocidiff check}: verifies credentials, policies and reachability of every covered region. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check that ocidiff can read all it needs, region by region.",
        description = {"Check that ocidiff can authenticate and read what it needs in every covered region:",
                "Identity (tenancy, regions, compartments), Resource Search, Audit and the details of one resource",
                "of each type in snapshot.enrich; and where reports are published: the bucket listed, the mail server",
                "taking the sender and recipients of a mail it does not send. Exit 1 if any of it fails."})
public final class CheckCommand extends BaseCommand implements java.util.concurrent.Callable<Integer> {



    @Override
    public Integer call() {
        return run(config(), out());
    }

    /** "; details read (Bucket, Policy)": the types whose details were tried, one resource each; none, nothing. */
    private static String detailsRead(List<ObjectNode> samples) {
        return samples.isEmpty() ? "" : samples.stream().map(item -> item.path("resourceType").asText()).sorted()
                .collect(Collectors.joining(", ", "; details read (", ")"));
    }

    /**
     * The report's destinations, tried as far as they can be without publishing; a failure is named as a region's is.
     * A nightly job learns of a missing bucket or a refused login only after its snapshot, hours later.
     */
    private static List<String> publishing(Config config, OciClients clients, PrintWriter out) {
        List<String> failed = new ArrayList<>();
        String bucket;
        try {
            bucket = ObjectStoragePublisher.open(() -> clients, config).map(ObjectStoragePublisher::verify)
                    .orElse("no upload: publish.objectStorage.bucket is not set");
        } catch (OcidiffException e) {
            failed.add("publish.objectStorage");
            bucket = "FAILED\n  " + e.getMessage();
        }
        out.printf("%-16s %s%n", "reports bucket", bucket);
        String mail;
        try {
            mail = config.publish().email().enabled() ? new EmailPublisher(config.publish().email()).verify()
                    : "no mail: publish.email.enabled is false";
        } catch (OcidiffException e) {
            failed.add("publish.email");
            mail = "FAILED\n  " + e.getMessage();
        }
        out.printf("%-16s %s%n", "reports mail", mail);
        return failed;
    }

    static int run(Config config, PrintWriter out) {
        var credentials = new Authenticator(Path.of(System.getProperty("user.home"))).authenticate(config.auth());
        try (OciClients clients = new OciClients(credentials, config.oci())) {
            DetailsCheck details = new DetailsCheck(clients, config.snapshot().enrich());
            TenancyCheck.Result result = new TenancyCheck(clients, details.types(), details::wants)
                    .run(config.regions().include(), config.regions().exclude());
            out.printf("tenancy      %s (%s)%n", result.tenancyName(), result.tenancyId());
            out.printf("credentials  %s%n", credentials.description());
            out.printf("home region  %s; subscribed: %s%n", result.homeRegion(), String.join(", ", result.subscribed()));
            // As a snapshot plans: compartments.include/exclude naming none, or leaving nothing, fail here as there.
            CrawlPlan plan = new Crawler(clients, List.of()).plan(Narrowing.NONE, config.regions().include(),
                    config.regions().exclude(), config.compartments().include(), config.compartments().exclude());
            out.printf("compartments %d active, %d covered by the configuration%n", plan.tree().all().size() - 1,
                    plan.compartments().stream().filter(c -> !c.id().equals(plan.tenancyId())).count());
            List<String> failed = new ArrayList<>();
            for (TenancyCheck.RegionResult region : result.regions()) {
                List<String> detailProblems = region.ok() ? details.problems(region.region(), region.samples()) : List.of();
                if (region.ok() && detailProblems.isEmpty()) {
                    // Search is tried for the whole region, whatever compartments.include/exclude leave to a snapshot.
                    out.printf("%-16s OK      %s in the region (%s, %d ms); audit readable%s%n", region.region(),
                            SnapshotCommand.count(region.resources(), "resource"), SnapshotCommand.count(region.pages(), "page"),
                            region.millis(), detailsRead(region.samples()));
                    continue;
                }
                failed.add(region.region());
                out.printf("%-16s FAILED%n", region.region());
                Stream.concat(Stream.of(region.searchProblem(), region.auditProblem()), detailProblems.stream())
                        .filter(Objects::nonNull).forEach(problem -> out.printf("  %s%n", problem));
            }
            failed.addAll(publishing(config, clients, out));
            out.flush();
            if (!failed.isEmpty()) {
                throw new OcidiffException(OcidiffException.RUNTIME, "check failed in " + failed);
            }
            return 0;
        }
    }
}

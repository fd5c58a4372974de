package io.github.ocidiff.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.objectstorage.requests.HeadObjectRequest;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.SimHarness;
import io.github.ocidiff.config.ObjectStorageConfig;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads and retention through the real OCI SDK against the simulator's Object Storage. */
class ObjectStoragePublisherTest {

    private static final String HOME = "us-ashburn-1";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;

    private SimHarness sim;
    private OciClients clients;

    @BeforeEach
    void start() {
        sim = SimHarness.smallFixture();
        var config = sim.config();
        clients = new OciClients(new Authenticator(sim.dir).authenticate(config.auth()), config.oci());
    }

    @AfterEach
    void stop() {
        clients.close();
        sim.close();
    }

    private ObjectStoragePublisher publisher(String namespace, String region) {
        return new ObjectStoragePublisher(clients, new ObjectStorageConfig("reports", namespace, "ocidiff/", region), HOME);
    }

    private ReportFile file(String name, String content) throws IOException {
        return ReportFile.of(Files.writeString(dir.resolve(name), content));
    }

    @Test
    void eachFileLandsUnderThePrefixAndDayWithItsBytesAndContentType() throws IOException {
        List<ReportFile> files = List.of(file("report.html", "<html>ü</html>"), file("report.json", "{\"schemaVersion\":1}"),
                file("report.md", "# report"), file("report.csv", "kind,ocid\n"));

        List<PublishedObject> published = publisher(null, null).publish(DAY, files);

        String ns = sim.server.namespace();
        assertThat(published).extracting(PublishedObject::name).containsExactly("ocidiff/2026/11/25/report.html",
                "ocidiff/2026/11/25/report.json", "ocidiff/2026/11/25/report.md", "ocidiff/2026/11/25/report.csv");
        assertThat(published.get(0)).isEqualTo(new PublishedObject(HOME, ns, "reports", "ocidiff/2026/11/25/report.html",
                "<html>ü</html>".getBytes(StandardCharsets.UTF_8).length,
                sim.server.baseUrl() + "/" + HOME + "/n/" + ns + "/b/reports/o/ocidiff%2F2026%2F11%2F25%2Freport.html"));
        var stored = sim.server.objects(HOME, "reports");
        assertThat(stored).containsOnlyKeys(published.stream().map(PublishedObject::name).toList());
        for (ReportFile file : files) {
            String name = "ocidiff/2026/11/25/" + file.name();
            assertThat(stored.get(name)).isEqualTo(Files.readAllBytes(file.path()));
            assertThat(clients.region(HOME).objectStorage().headObject(HeadObjectRequest.builder().namespaceName(ns)
                    .bucketName("reports").objectName(name).build()).getContentType()).isEqualTo(file.contentType());
        }
    }

    @Test
    void theNamespaceIsLookedUpOnceWhenNotConfigured() throws IOException {
        ObjectStoragePublisher publisher = publisher(null, null);
        ReportFile html = file("report.html", "<html></html>");

        long before = sim.server.requestCount();
        publisher.publish(DAY, List.of(html));
        long first = sim.server.requestCount() - before;
        publisher.publish(DAY.plusDays(1), List.of(html));
        long second = sim.server.requestCount() - before - first;

        assertThat(publisher.namespace()).isEqualTo(sim.server.namespace());
        assertThat(first).isEqualTo(2); // GetNamespace, PutObject
        assertThat(second).isEqualTo(1); // PutObject
    }

    @Test
    void aConfiguredNamespaceIsNotLookedUp() throws IOException {
        ObjectStoragePublisher publisher = publisher(sim.server.namespace(), null);

        long before = sim.server.requestCount();
        publisher.publish(DAY, List.of(file("report.html", "<html></html>")));

        assertThat(sim.server.requestCount() - before).isEqualTo(1);
    }

    @Test
    void aConfiguredRegionOverridesTheHomeRegion() throws IOException {
        ObjectStoragePublisher publisher = publisher(null, "eu-frankfurt-1");

        publisher.publish(DAY, List.of(file("report.html", "<html></html>")));

        assertThat(publisher.region()).isEqualTo("eu-frankfurt-1");
        assertThat(sim.server.objects("eu-frankfurt-1", "reports")).containsOnlyKeys("ocidiff/2026/11/25/report.html");
        assertThat(sim.server.objects(HOME, "reports")).isEmpty();
    }

    @Test
    void anUnknownNamespaceOrBucketIsOneLineNamingBucketNamespaceObjectAndFix() throws IOException {
        ReportFile html = file("report.html", "<html></html>");

        assertThatThrownBy(() -> publisher("wrongns", null).publish(DAY, List.of(html)))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("bucket reports not found in namespace wrongns (region us-ashburn-1) while uploading"
                        + " ocidiff/2026/11/25/report.html: NotAuthorizedOrNotFound (opc-request-id ")
                .hasMessageEndingWith("); create it or fix publish.objectStorage.bucket (or .namespace, .region), and allow"
                        + " this principal to manage objects in it")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** A region down is no missing permission: the line does not send its reader to change the policies. */
    @Test
    void aNamespaceLookupInARegionDownDoesNotBlamePermissions() throws IOException {
        ReportFile html = file("report.html", "<html></html>");
        try (SimHarness down = SimHarness.start(FixtureTenancy.open(SimHarness.SMALL_FIXTURE),
                FaultPlan.none().withDownRegions(Set.of("eu-frankfurt-1")));
             OciClients downClients = new OciClients(new Authenticator(down.dir).authenticate(down.config().auth()),
                     down.config().oci())) {
            ObjectStoragePublisher publisher = new ObjectStoragePublisher(downClients,
                    new ObjectStorageConfig("reports", null, "ocidiff/", "eu-frankfurt-1"), HOME);
            assertThatThrownBy(() -> publisher.publish(DAY, List.of(html)))
                    .isInstanceOf(OcidiffException.class)
                    .hasMessageContaining("Object Storage GetNamespace in eu-frankfurt-1 failed: 503")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("objectstorage-namespaces")
                            .doesNotContain("publish.objectStorage.namespace"));
        }
    }

    @Test
    void pruningAMissingBucketNamesIt() {
        ObjectStoragePublisher publisher = new ObjectStoragePublisher(clients,
                new ObjectStorageConfig("no-such-bucket", null, "ocidiff/", null), HOME);

        assertThatThrownBy(() -> publisher.prune(DAY, true))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("bucket no-such-bucket not found in namespace " + sim.server.namespace()
                        + " (region us-ashburn-1) while listing ocidiff/*: BucketNotFound (opc-request-id ");
    }

    @Test
    void aMissingReportFileIsNamed() {
        ReportFile missing = ReportFile.of(dir.resolve("report.html"));

        assertThatThrownBy(() -> publisher(null, null).publish(DAY, List.of(missing)))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("cannot read report file " + missing.path() + " (NoSuchFileException");
    }

    @Test
    void retentionDeletesOnlyTheDaysBeforeTheKeptOnes() throws IOException {
        ObjectStoragePublisher publisher = new ObjectStoragePublisher(clients,
                new ObjectStorageConfig("reports", null, "ocidiff/", null), HOME, 2);
        List<ReportFile> files = List.of(file("report.html", "<html></html>"), file("report.json", "{}"));
        for (int day = 20; day <= 25; day++) {
            publisher.publish(LocalDate.of(2026, 11, day), files);
        }
        ObjectStoragePublisher others = new ObjectStoragePublisher(clients,
                new ObjectStorageConfig("reports", null, "", null), HOME);
        others.publish(LocalDate.of(2020, 1, 1), List.of(file("unrelated.txt", "not ours")));

        PrunedReports dryRun = publisher.prune(LocalDate.of(2026, 11, 23), true);

        List<String> expired = List.of("ocidiff/2026/11/20/report.html", "ocidiff/2026/11/20/report.json",
                "ocidiff/2026/11/21/report.html", "ocidiff/2026/11/21/report.json",
                "ocidiff/2026/11/22/report.html", "ocidiff/2026/11/22/report.json");
        assertThat(dryRun).isEqualTo(new PrunedReports(expired, true));
        assertThat(sim.server.objects(HOME, "reports")).hasSize(13);

        PrunedReports pruned = publisher.prune(LocalDate.of(2026, 11, 23), false);

        assertThat(pruned).isEqualTo(new PrunedReports(expired, false));
        assertThat(sim.server.objects(HOME, "reports")).containsOnlyKeys("2020/01/01/unrelated.txt",
                "ocidiff/2026/11/23/report.html", "ocidiff/2026/11/23/report.json",
                "ocidiff/2026/11/24/report.html", "ocidiff/2026/11/24/report.json",
                "ocidiff/2026/11/25/report.html", "ocidiff/2026/11/25/report.json");
        assertThat(publisher.prune(LocalDate.of(2026, 11, 23), false).objectNames()).isEmpty();
    }
}

package io.github.ocidiff.publish;

import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.requests.DeleteObjectRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.ListObjectsRequest;
import com.oracle.bmc.objectstorage.requests.PutObjectRequest;
import com.oracle.bmc.objectstorage.responses.PutObjectResponse;
import com.oracle.bmc.util.StreamUtils;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ObjectStorageConfig;
import io.github.ocidiff.oci.IdentityReader;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Pager;
import io.github.ocidiff.oci.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Uploads a day's report files to {@code {prefix}YYYY/MM/DD/{file}} in the configured bucket, and prunes
 * the days that retention no longer keeps.
 *
 * <p>The bucket lives in {@code publish.objectStorage.region}, by default the tenancy's home region: every
 * tenancy has one, and the reports then stay where the tenancy's identity data already is. Each upload
 * sends Content-MD5, so Object Storage rejects a body damaged on the way, and compares the MD5 it stored.
 */
public final class ObjectStoragePublisher {

    private static final int PAGE_SIZE = 1000; // the most ListObjects returns at once

    private final OciClients clients;
    private final String bucket;
    private final String region;
    private final ObjectNames names;
    private final int pageSize;
    private String namespace; // configured, else looked up on first use

    /**
     * @param homeRegion the tenancy's home region, used unless {@code publish.objectStorage.region} is set
     */
    public ObjectStoragePublisher(OciClients clients, ObjectStorageConfig config, String homeRegion) {
        this(clients, config, homeRegion, PAGE_SIZE);
    }

    /** With a smaller listing page, so that tests can page without a thousand objects. */
    ObjectStoragePublisher(OciClients clients, ObjectStorageConfig config, String homeRegion, int pageSize) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("publish.objectStorage.bucket is not set: nothing to publish to");
        }
        this.clients = clients;
        this.bucket = config.bucket();
        this.namespace = config.namespace();
        this.region = config.region() != null ? config.region() : homeRegion;
        this.names = new ObjectNames(config.prefix());
        this.pageSize = pageSize;
    }

    /** An Object Storage publisher in the home region (unless configured otherwise), when a bucket is set. */
    public static Optional<ObjectStoragePublisher> open(Supplier<OciClients> clients, Config config) {
        if (!config.publish().objectStorage().enabled()) {
            return Optional.empty();
        }
        List<String> ready = new IdentityReader(clients.get()).readyRegions();
        String region = config.publish().objectStorage().region();
        // A region the tenancy does not subscribe to fails as a namespace or policy problem: said as what it is.
        if (region != null && !ready.contains(region)) {
            throw OcidiffException.usage("publish.objectStorage.region " + region + " is not a region this tenancy"
                    + " subscribes to (" + String.join(", ", ready) + "); name one of them, or leave it out for the"
                    + " home region");
        }
        return Optional.of(new ObjectStoragePublisher(clients.get(), config.publish().objectStorage(), ready.get(0)));
    }

    public String region() {
        return region;
    }

    /** The configured namespace, or the tenancy's, asked for once (GetNamespace). */
    public synchronized String namespace() {
        if (namespace == null) {
            try {
                namespace = clients.call(region, Service.OBJECT_STORAGE, () -> client().getNamespace(GetNamespaceRequest.builder().build()))
                        .getValue();
            } catch (BmcException e) {
                // Refused: the namespace can be given instead. Down or unreachable: only time helps.
                boolean refused = e.getStatusCode() == 401 || e.getStatusCode() == 403 || e.getStatusCode() == 404;
                throw OcidiffException.runtime(clients.describe("Object Storage GetNamespace", region, e)
                        + (refused ? "; set publish.objectStorage.namespace, or allow reading objectstorage-namespaces"
                        : "") + clients.hint(e), e);
            }
        }
        return namespace;
    }

    /** Uploads the files of one day's report, replacing any earlier upload of that day. */
    public List<PublishedObject> publish(LocalDate day, List<ReportFile> files) {
        String ns = namespace();
        List<PublishedObject> published = new ArrayList<>();
        for (ReportFile file : files) {
            published.add(upload(ns, names.of(day, file.name()), file));
        }
        return published;
    }

    /** The address {@link #publish} gives the file {@code fileName} of the report of {@code day}. */
    public String url(LocalDate day, String fileName) {
        return url(namespace(), names.of(day, fileName));
    }

    /**
     * Deletes the published files of every day before {@code keepFrom}. Only objects named by the
     * {@code {prefix}YYYY/MM/DD/{file}} layout are considered: anything else under the prefix is left alone.
     * In a versioned bucket a deletion leaves the previous versions, which the bucket's own lifecycle rules
     * remove.
     *
     * @param dryRun list what would go, delete nothing
     */
    public PrunedReports prune(LocalDate keepFrom, boolean dryRun) {
        String ns = namespace();
        List<String> expired = new ArrayList<>();
        forEachReportFile(ns, (name, day) -> {
            if (day.isBefore(keepFrom)) {
                expired.add(name);
            }
        });
        if (!dryRun) {
            for (String name : expired) {
                delete(ns, name);
            }
        }
        return new PrunedReports(expired, dryRun);
    }

    /**
     * What `ocidiff check` can prove without writing to the bucket: its namespace, and that the bucket exists and
     * this principal may list it, as retention does. Only an upload proves the permission to upload.
     *
     * @return e.g. "bucket reports (namespace acme, us-ashburn-1) listed: reports of 3 days under ocidiff/, the last
     *         of 2026-11-27"
     */
    public String verify() {
        String ns = namespace();
        TreeSet<LocalDate> days = new TreeSet<>();
        forEachReportFile(ns, (name, day) -> days.add(day));
        String under = names.prefix().isEmpty() ? "" : " under " + names.prefix();
        return "bucket " + bucket + " (namespace " + ns + ", " + region + ") listed: " + (days.isEmpty()
                ? "no reports yet" + under : "reports of " + days.size() + (days.size() == 1 ? " day" : " days") + under
                + ", the last of " + days.last());
    }

    /** Every report file this layout named under the prefix, with its day; anything else there is skipped. */
    private void forEachReportFile(String ns, BiConsumer<String, LocalDate> action) {
        Pager.forEachPage(start -> call("listing " + names.prefix() + "*", () -> client().listObjects(
                        ListObjectsRequest.builder().namespaceName(ns).bucketName(bucket)
                                .prefix(names.prefix().isEmpty() ? null : names.prefix())
                                .start(start).limit(pageSize).build())),
                response -> response.getListObjects().getNextStartWith(),
                response -> response.getListObjects().getObjects().forEach(o -> names.dayOf(o.getName())
                        .ifPresent(day -> action.accept(o.getName(), day))));
    }

    private PublishedObject upload(String ns, String name, ReportFile file) {
        String md5;
        long size;
        try {
            md5 = md5(file);
            size = Files.size(file.path());
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot read report file " + file.path() + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); was it written?", e);
        }
        // A file stream the SDK can rewind, so that its retrier can send the body again.
        InputStream body = StreamUtils.toInputStream(file.path().toFile());
        try {
            PutObjectResponse response = call("uploading " + name, () -> client().putObject(PutObjectRequest.builder()
                    .namespaceName(ns).bucketName(bucket).objectName(name)
                    .contentType(file.contentType()).contentLength(size).contentMD5(md5)
                    .putObjectBody(body).build()));
            if (response.getOpcContentMd5() != null && !response.getOpcContentMd5().equals(md5)) {
                throw new OcidiffException(OcidiffException.RUNTIME, "Object Storage stored " + name + " in bucket "
                        + bucket + " with MD5 " + response.getOpcContentMd5() + ", but " + file.path() + " has MD5 "
                        + md5 + "; publish again");
            }
        } finally {
            StreamUtils.closeQuietly(body);
        }
        return new PublishedObject(region, ns, bucket, name, size, url(ns, name));
    }

    private void delete(String ns, String name) {
        try {
            clients.call(region, Service.OBJECT_STORAGE, () -> client().deleteObject(DeleteObjectRequest.builder()
                    .namespaceName(ns).bucketName(bucket).objectName(name).build()));
        } catch (BmcException e) {
            if (e.getStatusCode() != 404 || !"ObjectNotFound".equals(e.getServiceCode())) {
                throw failure("deleting " + name, e);
            }
            // Already gone (another run pruned it): the goal is reached.
        }
    }

    private <T> T call(String action, Supplier<T> request) {
        try {
            return clients.call(region, Service.OBJECT_STORAGE, request);
        } catch (BmcException e) {
            throw failure(action, e);
        }
    }

    /** One line naming the bucket, namespace and object, and what to fix. */
    private OcidiffException failure(String action, BmcException e) {
        if (e.getStatusCode() == 404) {
            // OCI answers 404 both for a bucket that does not exist and for one this principal may not use.
            return OcidiffException.runtime("bucket " + bucket + " not found in namespace " + namespace + " (region "
                    + region + ") while " + action + ": " + e.getServiceCode()
                    + (e.getOpcRequestId() == null ? "" : " (opc-request-id " + e.getOpcRequestId() + ")")
                    + "; create it or fix publish.objectStorage.bucket (or .namespace, .region), and allow this"
                    + " principal to manage objects in it", e);
        }
        return OcidiffException.runtime(clients.describe("Object Storage " + action + " (bucket " + bucket
                + ", namespace " + namespace + ")", region, e) + clients.hint(e), e);
    }

    private String url(String ns, String name) {
        return client().getEndpoint() + "/n/" + encode(ns) + "/b/" + encode(bucket) + "/o/" + encode(name);
    }

    private ObjectStorageClient client() {
        return clients.region(region).objectStorage();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String md5(ReportFile file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has MD5
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file.path()), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }
}

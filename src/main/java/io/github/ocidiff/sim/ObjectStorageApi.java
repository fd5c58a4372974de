package io.github.ocidiff.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Object Storage, in memory: GetNamespace, PutObject, GetObject, HeadObject, ListObjects, DeleteObject; and
 * GetBucket and ListBuckets of the buckets Search lists (see {@link ServiceView}).
 * Buckets exist once made ({@link #createBucket}) or once something is put into them; objects are kept per region. PutObject checks a
 * Content-MD5 header against the body, as OCI does.
 */
final class ObjectStorageApi {

    record StoredObject(byte[] data, String contentType, String md5, String etag, Instant created) {
    }

    private final String namespace;
    private final TenancySource source;
    private final ServiceView services;
    private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final AtomicLong etags = new AtomicLong();
    /** By "region|day": see {@link #bucketsListed}. */
    private final Map<String, Map<String, ListedBucket>> bucketsByName = new ConcurrentHashMap<>();

    ObjectStorageApi(String namespace, TenancySource source, ServiceView services) {
        this.namespace = namespace;
        this.source = source;
        this.services = services;
    }

    boolean owns(SimRequest r) {
        return "n".equals(r.segment(0));
    }

    void createBucket(String region, String bucket) {
        buckets.computeIfAbsent(region + "/" + bucket, k -> new ConcurrentSkipListMap<>());
    }

    /** The objects of one bucket in one region (a copy), for tests and the admin endpoint. */
    Map<String, StoredObject> objects(String region, String bucket) {
        return new LinkedHashMap<>(buckets.getOrDefault(region + "/" + bucket, new ConcurrentSkipListMap<>()));
    }

    SimResponse handle(SimRequest r) {
        List<String> s = r.segments();
        if (s.size() == 1 && r.method().equals("GET")) {
            return SimResponse.json(TextNode.valueOf(namespace));
        }
        if (s.size() == 3 && "b".equals(s.get(2)) && r.method().equals("GET")) {
            return listBuckets(r, s.get(1));
        }
        if (s.size() == 4 && "b".equals(s.get(2)) && r.method().equals("GET")) {
            return getBucket(r, s.get(3));
        }
        if (s.size() < 5 || !"b".equals(s.get(2)) || !"o".equals(s.get(4))) {
            throw SimError.notFound("No such Object Storage operation: " + r.method() + " /" + String.join("/", s));
        }
        if (!s.get(1).equals(namespace)) {
            throw SimError.notFound("Either the namespace " + s.get(1) + " does not exist or you are not authorized.");
        }
        String bucketKey = r.region() + "/" + s.get(3);
        if (s.size() == 5) {
            if (!r.method().equals("GET")) {
                throw SimError.notFound("No such Object Storage operation: " + r.method() + " on a bucket's objects.");
            }
            return list(r, bucketKey, s.get(3));
        }
        String name = String.join("/", s.subList(5, s.size()));
        return switch (r.method()) {
            case "PUT" -> put(r, bucketKey, name);
            case "GET", "HEAD" -> get(r, bucketKey, name);
            case "DELETE" -> delete(bucketKey, name);
            default -> throw SimError.notFound("No such Object Storage operation: " + r.method() + " on an object.");
        };
    }

    /** GetBucket: the settings of a bucket that the tenancy's Search results list, from its details. */
    private SimResponse getBucket(SimRequest r, String name) {
        ListedBucket bucket = bucketsListed(r.region()).get(name);
        if (bucket == null || !services.readable("Bucket", bucket.id())) {
            throw new SimError(404, "BucketNotFound", "Either the bucket named '" + name + "' does not exist in the "
                    + "namespace '" + namespace + "' or you are not authorized to access it", null);
        }
        var details = source.details(r.region(), bucket.id());
        ObjectNode answer = details != null && details.isObject()
                ? ((ObjectNode) details).deepCopy() : SimResponse.JSON.createObjectNode();
        answer.put("namespace", namespace).put("name", name).put("compartmentId", bucket.compartmentId())
                .put("id", bucket.id());
        return SimResponse.json(answer);
    }

    /** ListBuckets: the buckets of one compartment that Object Storage still holds, as BucketSummary objects. */
    private SimResponse listBuckets(SimRequest r, String namespaceName) {
        if (!namespaceName.equals(namespace)) {
            throw SimError.notFound("Either the namespace " + namespaceName + " does not exist or you are not authorized.");
        }
        String compartmentId = r.param("compartmentId");
        if (compartmentId == null) {
            throw SimError.badRequest("MissingParameter", "compartmentId is required.");
        }
        List<JsonNode> summaries = new ArrayList<>();
        for (var listed : services.listed(r.region(), "Bucket", compartmentId)) {
            summaries.add(SimResponse.JSON.createObjectNode().put("namespace", namespace)
                    .put("name", listed.path("displayName").asText()).put("compartmentId", compartmentId)
                    .put("timeCreated", listed.path("timeCreated").asText())
                    .put("etag", "etag-" + listed.path("identifier").asText().hashCode()));
        }
        return SimResponse.page(Pages.slice(summaries, r.pageOffset(), r.intParam("limit", 1000, 1, 1000)), false);
    }

    /** A bucket as Search lists it: what GetBucket needs besides its details. */
    private record ListedBucket(String id, String compartmentId) {
    }

    /**
     * The buckets Search lists in a region on the current day, by name (the first listed of a name, as OCI's
     * names are unique): listed once per region and day, a page at a time. Listing them for every GetBucket
     * made a snapshot's enrichment of a million resources, which fetches every bucket, quadratic, and ran the
     * simulator out of memory.
     */
    private Map<String, ListedBucket> bucketsListed(String region) {
        String day = source.currentDay().toString();
        bucketsByName.keySet().removeIf(key -> !key.endsWith("|" + day));
        return bucketsByName.computeIfAbsent(region + "|" + day, key -> {
            Map<String, ListedBucket> byName = new HashMap<>();
            Pages.forEachResource(source, region, new ResourceQuery(Set.of("Bucket"), Set.of()), listed ->
                    byName.putIfAbsent(listed.path("displayName").asText(), new ListedBucket(
                            listed.path("identifier").asText(), listed.path("compartmentId").asText())));
            return byName;
        });
    }

    private SimResponse put(SimRequest r, String bucketKey, String name) {
        String md5 = Base64.getEncoder().encodeToString(md5(r.body()));
        String claimed = r.header("content-md5");
        if (claimed != null && !claimed.equals(md5)) {
            // OCI documents this answer as "HTTP-400 Unmatched Content MD5", with this message.
            throw SimError.badRequest("UnmatchedContentMD5", "The computed MD5 of the request body (" + md5
                    + ") does not match the Content-MD5 header (" + claimed + ")");
        }
        String contentType = r.header("content-type") != null ? r.header("content-type") : "application/octet-stream";
        StoredObject object = new StoredObject(r.body(), contentType, md5, "etag-" + etags.incrementAndGet(),
                Instant.now());
        buckets.computeIfAbsent(bucketKey, k -> new ConcurrentSkipListMap<>()).put(name, object);
        return SimResponse.bytes(200, Map.of("etag", object.etag(), "opc-content-md5", md5,
                "last-modified", httpDate(object.created())), new byte[0]);
    }

    private SimResponse get(SimRequest r, String bucketKey, String name) {
        StoredObject object = bucket(bucketKey).get(name);
        if (object == null) {
            throw new SimError(404, "ObjectNotFound", "The object '" + name + "' does not exist in bucket.", null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", object.contentType());
        headers.put("etag", object.etag());
        headers.put("opc-content-md5", object.md5());
        headers.put("last-modified", httpDate(object.created()));
        return SimResponse.bytes(200, headers, r.method().equals("HEAD") ? new byte[0] : object.data());
    }

    private SimResponse delete(String bucketKey, String name) {
        if (bucket(bucketKey).remove(name) == null) {
            throw new SimError(404, "ObjectNotFound", "The object '" + name + "' does not exist in bucket.", null);
        }
        return SimResponse.bytes(204, Map.of(), new byte[0]);
    }

    private SimResponse list(SimRequest r, String bucketKey, String bucketName) {
        String prefix = r.param("prefix") == null ? "" : r.param("prefix");
        String start = r.param("start");
        int limit = r.intParam("limit", 1000, 1, 1000);
        ArrayNode objects = SimResponse.JSON.createArrayNode();
        String nextStartWith = null;
        NavigableMap<String, StoredObject> bucket = bucket(bucketKey);
        for (Map.Entry<String, StoredObject> e : (start == null ? bucket : bucket.tailMap(start, true)).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (objects.size() == limit) {
                nextStartWith = e.getKey();
                break;
            }
            StoredObject o = e.getValue();
            objects.addObject().put("name", e.getKey()).put("size", o.data().length).put("md5", o.md5())
                    .put("etag", o.etag()).put("timeCreated", o.created().toString());
        }
        ObjectNode body = SimResponse.JSON.createObjectNode();
        body.set("objects", objects);
        body.set("prefixes", SimResponse.JSON.createArrayNode());
        if (nextStartWith != null) {
            body.put("nextStartWith", nextStartWith);
        }
        return SimResponse.json(body);
    }

    private NavigableMap<String, StoredObject> bucket(String bucketKey) {
        NavigableMap<String, StoredObject> bucket = buckets.get(bucketKey);
        if (bucket == null) {
            throw new SimError(404, "BucketNotFound", "Either the bucket " + bucketKey.substring(bucketKey.indexOf('/') + 1)
                    + " does not exist in the namespace or you are not authorized to access it.", null);
        }
        return bucket;
    }

    private static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.ocidiff.publish;

/**
 * A report file as uploaded.
 *
 * @param url the object's REST URL (readable with a signed request or through a pre-authenticated request)
 */
public record PublishedObject(String region, String namespace, String bucket, String name, long size, String url) {
}

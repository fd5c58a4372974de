package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Resource versions are stored deflated, with a preset dictionary of OCI's vocabulary: a resource summary
 * is some 600 bytes, too short for deflate to find its field names repeated, so without the dictionary
 * it shrank by a third only; with it, by more than half. Bodies stored before the dictionary (or without
 * it) still inflate, as zlib marks a stream that needs one. Each thread keeps its deflater and inflater:
 * making and ending one per body cost a sixth of the version writer's time on a first night.
 */
final class JsonBodies {

    /**
     * Field names and common values of Resource Search summaries and of the enriched details, the most
     * frequent last (nearer strings cost fewer bits). Never edit it: stored bodies name it by its
     * Adler-32, and a store keeps them for years; a better one would be a second constant beside it.
     */
    private static final byte[] DICTIONARY = (
            "\"egressSecurityRules\":[{\"destination\":\"0.0.0.0/0\",\"destinationType\":\"CIDR_BLOCK\","
            + "\"isStateless\":false,\"protocol\":\"all\"}],\"ingressSecurityRules\":[{\"isStateless\":false,"
            + "\"protocol\":\"6\",\"source\":\"0.0.0.0/0\",\"sourceType\":\"CIDR_BLOCK\",\"tcpOptions\":"
            + "{\"destinationPortRange\":{\"max\":22,\"min\":22}}}],\"securityRules\":[{\"direction\":\"INGRESS\","
            + "\"statements\":[\"Allow group Administrators to manage all-resources in tenancy\"],"
            + "\"publicAccessType\":\"NoPublicAccess\",\"versioning\":\"Disabled\",\"details\":{"
            + "\"PROVISIONING\",\"TERMINATED\",\"STOPPED\",\"DELETED\",\"FAILED\",\"INACTIVE\",\"UPDATING\","
            + "\"RUNNING\",\"AVAILABLE\",\"ACTIVE\","
            + "\"us-ashburn-1\",\"us-phoenix-1\",\"eu-frankfurt-1\",\"uk-london-1\",\"ap-tokyo-1\","
            + "\"ocid1.instance.oc1.\",\"ocid1.bootvolume.oc1.\",\"ocid1.volume.oc1.\",\"ocid1.vcn.oc1.\","
            + "\"ocid1.subnet.oc1.\",\"ocid1.securitylist.oc1.\",\"ocid1.networksecuritygroup.oc1.\","
            + "\"ocid1.bucket.oc1.\",\"ocid1.policy.oc1..aaaaaaaa\",\"ocid1.tenancy.oc1..aaaaaaaa\","
            + "\"Instance\",\"BootVolume\",\"Volume\",\"Bucket\",\"Vcn\",\"Subnet\",\"SecurityList\","
            + "\"NetworkSecurityGroup\",\"Policy\",\"RouteTable\",\"LoadBalancer\",\"AutonomousDatabase\","
            + "{\"additionalDetails\":{},\"availabilityDomain\":\"\",\"compartmentId\":"
            + "\"ocid1.compartment.oc1..aaaaaaaa\",\"definedTags\":{\"Oracle-Tags\":{\"CreatedBy\":\"default/\","
            + "\"CreatedOn\":\"\"}},\"displayName\":\"\",\"freeformTags\":{},\"identifier\":\"ocid1.\","
            + "\"identityContext\":{},\"lifecycleState\":\"\",\"region\":\"\",\"resourceType\":\"\","
            + "\"systemTags\":{},\"timeCreated\":\"").getBytes(StandardCharsets.UTF_8);
    /** How a stream names the dictionary it needs (RFC 1950's DICTID). */
    static final int DICTIONARY_ID = adler32(DICTIONARY);

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    private JsonBodies() {
    }

    static byte[] deflate(String json) {
        byte[] in = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(in);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 3 + 64);
        byte[] buffer = BUFFER.get();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    static String inflate(byte[] body) {
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
        byte[] buffer = BUFFER.get();
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    if (inflater.getAdler() != DICTIONARY_ID) {
                        throw damaged("it needs an unknown dictionary", null);
                    }
                    inflater.setDictionary(DICTIONARY);
                } else if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                    throw damaged("its body ends early", null);
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw damaged(e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int adler32(byte[] bytes) {
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return (int) adler.getValue();
    }

    private static OcidiffException damaged(String why, Exception cause) {
        return OcidiffException.runtime("a resource version in the store is damaged (" + why
                + "): restore the store from a backup", cause);
    }
}

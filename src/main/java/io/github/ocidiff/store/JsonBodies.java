package io.github.ocidiff.store;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import io.github.ocidiff.OcidiffException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Resource versions (and compartment trees, and the Audit events kept as evidence) are stored compressed,
 * with a preset dictionary of OCI's vocabulary: a resource summary is some 600 bytes, too short for a
 * compressor to find its field names repeated, so without the dictionary it shrank by a third only; with
 * it, by more than half. They are Zstandard frames with a checksum; bodies stored before are zlib streams
 * with the same dictionary (or none) and still read, as the first bytes tell the two apart. zlib spent
 * some 16 microseconds per summary, most of it setting up each stream (a 64 KB hash table, Huffman trees
 * for 600 bytes): three quarters of the version writer's 21 CPU-seconds on a first night of a million
 * resources. Zstandard with a prepared dictionary takes 5, at the same size. Each thread keeps its
 * (de)compression contexts: making one per body is what made zlib slow.
 */
final class JsonBodies {

    /**
     * Field names and common values of Resource Search summaries and of the enriched details, the most
     * frequent last (nearer strings cost fewer bits). Never edit it: stored bodies name it by its
     * Adler-32 (zlib) or are checked by their checksum (Zstandard), and a store keeps them for years; a better
     * one would be a second constant beside it.
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

    /** Zstandard's fastest level: a higher one made bodies smaller by 1% only. */
    private static final int LEVEL = 1;
    private static final int ZSTD_MAGIC = 0xFD2FB528;
    /** Larger than any resource Search or a GET answers; a frame claiming more is damaged. */
    private static final int MAX_BODY_BYTES = 64 << 20;

    private static final ThreadLocal<ZstdCompressCtx> COMPRESSOR = ThreadLocal.withInitial(() -> loaded(() -> {
        ZstdCompressCtx context = new ZstdCompressCtx();
        context.loadDict(Dictionaries.COMPRESS);
        context.setChecksum(true);
        context.setContentSize(true);
        return context;
    }));
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSOR = ThreadLocal.withInitial(() -> loaded(() -> {
        ZstdDecompressCtx context = new ZstdDecompressCtx();
        context.loadDict(Dictionaries.DECOMPRESS);
        return context;
    }));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    /** Made on first use, as they load Zstandard's native code. */
    private static final class Dictionaries {
        static final ZstdDictCompress COMPRESS = new ZstdDictCompress(DICTIONARY, LEVEL);
        static final ZstdDictDecompress DECOMPRESS = new ZstdDictDecompress(DICTIONARY);
    }

    private JsonBodies() {
    }

    /**
     * Loads Zstandard's native code now, so that a host that cannot run it fails when the store opens,
     * with the fix, and not in the middle of a snapshot.
     */
    static void requireCodec() {
        COMPRESSOR.get();
    }

    static byte[] compress(String json) {
        return COMPRESSOR.get().compress(json.getBytes(StandardCharsets.UTF_8));
    }

    static String decompress(byte[] body) {
        return isZstd(body) ? new String(unzstd(body), StandardCharsets.UTF_8) : inflate(body);
    }

    /** The UTF-8 text of a Zstandard frame (a block of versions: written after zlib was). */
    static byte[] decompressBytes(byte[] body) {
        if (!isZstd(body)) {
            throw damaged("it is not a Zstandard frame", null);
        }
        return unzstd(body);
    }

    private static boolean isZstd(byte[] body) {
        return body.length >= 4
                && (body[0] & 0xFF | (body[1] & 0xFF) << 8 | (body[2] & 0xFF) << 16 | (body[3] & 0xFF) << 24) == ZSTD_MAGIC;
    }

    private static byte[] unzstd(byte[] body) {
        long size = Zstd.getFrameContentSize(body);
        if (size < 0 || size > MAX_BODY_BYTES) {
            throw damaged("its frame gives no usable size", null);
        }
        try {
            byte[] json = DECOMPRESSOR.get().decompress(body, (int) size);
            if (json.length != size) {
                throw damaged("it is shorter than its frame says", null);
            }
            return json;
        } catch (ZstdException e) {
            throw damaged(e.getMessage(), e);
        }
    }

    private static <T> T loaded(Supplier<T> make) {
        try {
            return make.get();
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw OcidiffException.runtime("Zstandard, which compresses the store's resource versions, could not load ("
                    + cause.getMessage() + "): Java unpacks it to java.io.tmpdir (" + System.getProperty("java.io.tmpdir")
                    + "), which must exist and allow running code, on Linux (glibc), macOS or Windows; give another "
                    + "folder with -Djava.io.tmpdir=DIR (OCIDIFF_JAVA_OPTS for the ocidiff launcher)", e);
        }
    }

    /** A body stored as a zlib stream, before Zstandard. */
    private static String inflate(byte[] body) {
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
        return OcidiffException.runtime("a resource version or Audit event in the store is damaged (" + why
                + "): restore the store from a backup", cause);
    }
}

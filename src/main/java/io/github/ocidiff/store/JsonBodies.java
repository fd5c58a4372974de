package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Resource versions are stored deflated: canonical JSON of repeated keys and OCIDs shrinks several times.
 * Each thread keeps its deflater and inflater: making and ending one per body cost a sixth of the
 * version writer's time on a first night.
 */
final class JsonBodies {

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    private JsonBodies() {
    }

    static byte[] deflate(String json) {
        byte[] in = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATER.get();
        deflater.reset();
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
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw damaged("its body ends early", null);
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw damaged(e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static OcidiffException damaged(String why, Exception cause) {
        return OcidiffException.runtime("a resource version in the store is damaged (" + why
                + "): restore the store from a backup", cause);
    }
}

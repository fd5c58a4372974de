package io.github.ocidiff.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

/** Report files of a given size, for the mail's size limit: one that compresses as reports do, one that does not. */
final class LargeFiles {

    private LargeFiles() {
    }

    /** {@code bytes} of HTML table rows in {@code dir}, which compress as reports do. */
    static ReportFile compressible(Path dir, String name, int bytes) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; rows.length() < bytes; i++) {
            rows.append("<tr><td>MODIFIED</td><td>Instance web-").append(i).append("</td></tr>\n");
        }
        return ReportFile.of(Files.writeString(dir.resolve(name), rows.substring(0, bytes)));
    }

    /** {@code bytes} of base64 text of random bytes in {@code dir}, which does not compress. */
    static ReportFile noise(Path dir, String name, int bytes, long seed) throws IOException {
        byte[] random = new byte[bytes * 3 / 4];
        new Random(seed).nextBytes(random);
        return ReportFile.of(Files.write(dir.resolve(name), Base64.getEncoder().encode(random)));
    }
}

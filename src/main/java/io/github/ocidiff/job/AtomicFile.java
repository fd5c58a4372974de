package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file through a temporary file in the same folder and a rename, so that a reader (or a crash)
 * never sees half of it: reports, evidence packs.
 */
final class AtomicFile {

    /** What goes into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** @param what the file for messages, e.g. "the report" */
    static void write(Path file, Content content, String what) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                throw OcidiffException.usage("cannot write " + what + " " + file + ": " + e.getFile() + " is a file,"
                        + " not a folder; write it elsewhere");
            }
            // Not Files.createTempFile, which makes the file readable by its owner alone: a report is made with
            // the permissions the umask gives any new file, for the web server or the reviewers' group.
            Path temporary = parent.resolve("." + file.getFileName() + Long.toUnsignedString(RANDOM.nextLong())
                    + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    content.writeTo(out);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw OcidiffException.runtime("cannot write " + what + " " + file + ": " + e.getMessage()
                    + "; check the folder's permissions and free space", e);
        }
    }
}

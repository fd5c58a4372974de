package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same folder and a rename, so that a reader (or a crash)
 * never sees half of it: reports, evidence packs.
 */
final class AtomicFile {

    /** What goes into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

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
            Path temporary = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
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

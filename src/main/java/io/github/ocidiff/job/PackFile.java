package io.github.ocidiff.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of an evidence pack: its path inside the pack and what writes its bytes. A report of 100,000
 * changes runs to a hundred megabytes a format, so a file is written into the pack as it is made,
 * never held whole.
 *
 * @param name a relative path with '/' separators, safe by {@link Manifest#unsafe(String)}
 */
public record PackFile(String name, Content content) {

    /** Writes a file's bytes; the same each time it is asked. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public PackFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        String unsafe = Manifest.unsafe(name);
        if (unsafe != null) {
            throw new IllegalArgumentException("pack file name '" + name + "': " + unsafe);
        }
    }

    /** A file of these bytes. */
    public static PackFile of(String name, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new PackFile(name, out -> out.write(copy));
    }

    /** A text file, in UTF-8. */
    public static PackFile text(String name, String text) {
        return of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The file's bytes, made in memory: for small files and tests. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

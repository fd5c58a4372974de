package io.github.ocidiff.job;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of an evidence pack, as written: its path inside the pack and its bytes.
 *
 * @param name a relative path with '/' separators, safe by {@link Manifest#unsafe(String)}
 */
public record PackFile(String name, byte[] bytes) {

    public PackFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        String unsafe = Manifest.unsafe(name);
        if (unsafe != null) {
            throw new IllegalArgumentException("pack file name '" + name + "': " + unsafe);
        }
    }

    /** A text file, in UTF-8. */
    public static PackFile text(String name, String text) {
        return new PackFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}

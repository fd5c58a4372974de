package io.github.ocidiff.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Moves the text a renderer has built to its writer whenever it has grown to a chunk. A report of a hundred thousand
 * changes is some 100 MB of HTML; built whole, then copied into a string and encoded, it took a nightly run's heap
 * several times over.
 */
final class Spill {
    static final int CHUNK = 64 * 1024;

    private final StringBuilder text;
    private final Writer out;

    Spill(StringBuilder text, Writer out) {
        this.text = text;
        this.out = out;
    }

    /** Writes the text out when it has grown to a chunk. */
    void ifFull() {
        if (text.length() >= CHUNK) {
            all();
        }
    }

    /** Writes out all the text built so far. */
    void all() {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.setLength(0);
    }

    /** What a renderer does, which may spill (its lambdas cannot throw IOException, so the spill's is unchecked). */
    interface Rendering {
        void run();
    }

    /** Runs {@code rendering}, throwing a failed write's IOException as itself. */
    static void run(Rendering rendering) throws IOException {
        try {
            rendering.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

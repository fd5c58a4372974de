package io.github.ocidiff.store;

import io.github.ocidiff.OcidiffException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * Looks at the store's file before H2 opens it for writing. H2 opens a file whose newest part is missing (a
 * truncated copy, a restore cut short) as the newest state it still finds whole, an empty database or one of
 * its first moments, without a word, and the run then writes a new store over it: every snapshot gone, and
 * the next night reports a first run. Opened read-only, such a file shows no maps at all, or a version older
 * than the one its header names (the header is written now and then, naming a chunk written by then); it is
 * refused, left as it is, as is an empty file. (A file H2 created and never wrote a chunk to, as a first run
 * killed at once leaves, has a header naming none.)
 */
final class StoreFileCheck {

    private StoreFileCheck() {
    }

    /** @throws OcidiffException when the file cannot be read as H2's, or reads as empty though it is not */
    static void requireIntact(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw unopenable(file, e.toString(), e);
        }
        if (size == 0) {
            // H2 would take it for a new store, and the run would start the history over: a restore that wrote
            // nothing, a copy cut short at once, `> file`. (H2 writes its header as it creates a file, so even a
            // first run stopped at once seldom leaves one empty.)
            throw OcidiffException.runtime("the store " + file + " is empty (0 bytes), and H2 would take it for a new"
                    + " store: restore it from a backup, or delete it to start a new store", null);
        }
        boolean truncated;
        try {
            MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
            try {
                Object named = store.getStoreHeader().get("version");
                truncated = store.getStoreHeader().containsKey("chunk") && (store.getMapNames().isEmpty()
                        || named != null && store.getCurrentVersion() < Long.parseLong(named.toString(), 16));
            } finally {
                store.close();
            }
        } catch (RuntimeException e) {
            throw unopenable(file, Migrations.firstLine(e.getMessage()), e);
        }
        if (truncated) {
            throw OcidiffException.runtime(String.format("the store %s (%,d bytes) holds no readable snapshot: its"
                    + " newest part is missing (a truncated copy, or a restore cut short), and H2 would take it for"
                    + " an empty store; restore it from a backup, or move it away to start a new store", file, size),
                    null);
        }
    }

    /** The one line for a file H2 cannot read. */
    static OcidiffException unopenable(Path file, String reason, Exception cause) {
        return OcidiffException.runtime("the store " + file + " cannot be opened as an H2 database (" + reason
                + "): restore it from a backup, or move it away to start a new store", cause);
    }
}

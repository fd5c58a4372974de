package io.github.ocidiff.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code store} section: the H2 database file prefix (H2 appends {@code .mv.db}). The file's own name is
 * taken as its prefix, as users copy it from a listing: {@code snapshots/ocidiff.mv.db} is
 * {@code snapshots/ocidiff}, not a new store {@code ocidiff.mv.db.mv.db} beside it; and a folder stands for the store
 * of the default name in it: {@code snapshots} is {@code snapshots/ocidiff}, not a new store {@code snapshots.mv.db}
 * beside the folder.
 */
public record StoreConfig(Path path) {

    private static final String H2_SUFFIX = ".mv.db";
    private static final String DEFAULT_NAME = "ocidiff";

    public StoreConfig {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            path = path.resolve(DEFAULT_NAME);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(H2_SUFFIX) && name.length() > H2_SUFFIX.length()) {
            path = path.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length()));
        }
    }

    /** The database file itself. */
    public Path file() {
        return Path.of(path + H2_SUFFIX);
    }

    static StoreConfig read(Section s) {
        return new StoreConfig(s.path("path", "snapshots/" + DEFAULT_NAME));
    }

    /** The command line's {@code --store}, which must name a file. */
    static StoreConfig option(Path path) {
        if (path.toString().isBlank()) {
            throw new ConfigException("--store is empty; give it the store's file, e.g. --store"
                    + " snapshots/ocidiff.mv.db");
        }
        return new StoreConfig(path);
    }
}

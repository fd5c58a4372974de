package io.github.ocidiff.config;

import java.nio.file.Path;
import java.util.Objects;

/** The {@code store} section: the H2 database file prefix (H2 appends {@code .mv.db}). */
public record StoreConfig(Path path) {

    public StoreConfig {
        Objects.requireNonNull(path, "path");
    }

    static StoreConfig read(Section s) {
        return new StoreConfig(s.path("path", "snapshots/ocidiff"));
    }
}

package io.github.ocidiff.config;

import java.nio.file.Path;
import java.util.Objects;

/** The {@code reports} section: where daily reports are written. */
public record ReportsConfig(Path dir) {

    public ReportsConfig {
        Objects.requireNonNull(dir, "dir");
    }

    static ReportsConfig read(Section s) {
        return new ReportsConfig(s.path("dir", "reports"));
    }
}

package io.github.ocidiff.config;

import java.util.Objects;

/** The {@code publish} section: where the daily report goes besides the reports folder. */
public record PublishConfig(ObjectStorageConfig objectStorage, EmailConfig email) {

    public PublishConfig {
        Objects.requireNonNull(objectStorage, "objectStorage");
        Objects.requireNonNull(email, "email");
    }

    static PublishConfig read(Section s) {
        return new PublishConfig(
                s.section("objectStorage", ObjectStorageConfig::read),
                s.section("email", EmailConfig::read));
    }
}

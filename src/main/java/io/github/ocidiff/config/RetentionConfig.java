package io.github.ocidiff.config;

/** The {@code retention} section: how many days of history to keep; 0 keeps everything. */
public record RetentionConfig(int keepDays) {

    static RetentionConfig read(Section s) {
        return new RetentionConfig(s.integer("keepDays", 0, 0, 36_500));
    }
}

package io.github.ocidiff.config;

import io.github.ocidiff.OcidiffException;

/** A configuration error: one line naming the file, the key path and the fix. Exits with code 2. */
public final class ConfigException extends OcidiffException {

    public ConfigException(String message) {
        super(USAGE, message);
    }

    public ConfigException(String message, Throwable cause) {
        super(USAGE, message, cause);
    }
}

package io.github.ocidiff;

/**
 * A failure whose message is meant for the user: one line that names the bad input and the fix.
 * The CLI prints the message (no stack trace unless --verbose) and exits with {@link #exitCode()}.
 */
public class OcidiffException extends RuntimeException {

    /** Exit code for a usage or configuration error. */
    public static final int USAGE = 2;
    /** Exit code for a runtime failure (network, store, OCI). */
    public static final int RUNTIME = 1;

    private final int exitCode;

    public OcidiffException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public OcidiffException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static OcidiffException usage(String message) {
        return new OcidiffException(USAGE, message);
    }

    public static OcidiffException runtime(String message, Throwable cause) {
        return new OcidiffException(RUNTIME, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}

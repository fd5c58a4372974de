package io.github.ocidiff.cli;

/**
 * Logging of the libraries underneath (the OCI SDK logs through SLF4J). simplelogger.properties keeps
 * them quiet so that output is ocidiff's own; --verbose raises the level. slf4j-simple reads the level
 * when the first logger is created, which happens only after the command line is parsed.
 */
final class Logging {
    private Logging() {
    }

    static void verbose() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "info");
    }
}

package io.github.ocidiff.config;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of ocidiff, one record per section of config.yaml. Built by
 * {@link ConfigLoader}; {@link #defaults()} is what an empty file gives.
 */
public record Config(
        AuthConfig auth,
        Selection regions,
        Selection compartments,
        StoreConfig store,
        ReportsConfig reports,
        SnapshotConfig snapshot,
        OciConfig oci,
        PublishConfig publish,
        RetentionConfig retention,
        RulesConfig rules,
        Optional<Path> source) { // the file it was loaded from; empty for the built-in defaults

    public Config {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(compartments, "compartments");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(oci, "oci");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(source, "source");
    }

    /** The built-in defaults, with {@code ~} as the current user's home. */
    public static Config defaults() {
        return defaults(Path.of(System.getProperty("user.home")));
    }

    /** The built-in defaults: the defaults live in one place, the binders, so read an empty file. */
    public static Config defaults(Path userHome) {
        return Section.bind("built-in defaults", MissingNode.getInstance(), userHome, name -> null, Config::read);
    }

    /** This configuration with another store path (the CLI's {@code --store}). */
    public Config withStorePath(Path path) {
        return new Config(auth, regions, compartments, StoreConfig.option(path), reports, snapshot, oci, publish,
                retention, rules, source);
    }

    /** Where this configuration came from, for messages: the file, or "built-in defaults". */
    public String origin() {
        return source.map(Path::toString).orElse("built-in defaults");
    }

    Config withSource(Path file) {
        return new Config(auth, regions, compartments, store, reports, snapshot, oci, publish, retention, rules,
                Optional.ofNullable(file));
    }

    static Config read(Section s) {
        return new Config(
                s.section("auth", AuthConfig::read),
                s.section("regions", Selection::read),
                s.section("compartments", Selection::read),
                s.section("store", StoreConfig::read),
                s.section("reports", ReportsConfig::read),
                s.section("snapshot", SnapshotConfig::read),
                s.section("oci", OciConfig::read),
                s.section("publish", PublishConfig::read),
                s.section("retention", RetentionConfig::read),
                s.section("rules", RulesConfig::read),
                Optional.empty());
    }
}

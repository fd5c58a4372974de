package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./ocidiff} launcher, copied into a checkout whose jar is built already and run with a
 * stand-in {@code java} that prints the arguments it was given.
 */
class LauncherTest {

    private static final Instant BUILT = Instant.parse("2026-11-20T10:00:00Z");
    private static final List<String> COLLECTOR = DeployFilesTest.JVM_OPTIONS;

    @TempDir
    Path checkout;
    private Path jar;
    private Path archive;

    @BeforeEach
    void checkoutWithABuiltJar() throws IOException {
        Files.copy(Path.of("ocidiff"), checkout.resolve("ocidiff"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(checkout.resolve("src/main"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        jar = Files.writeString(Files.createDirectories(checkout.resolve("target")).resolve("ocidiff.jar"), "jar");
        archive = checkout.resolve("target/ocidiff.jsa");
        // Sources older than the jar: the launcher runs it without building.
        touch(checkout.resolve("src/main"), BUILT.minusSeconds(60));
        touch(checkout.resolve("pom.xml"), BUILT.minusSeconds(60));
        touch(jar, BUILT);
        Path java = Files.createDirectories(checkout.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void passesTheBuildsClassDataArchiveWithItsWarningsOff() throws Exception {
        Files.writeString(archive, "archive");
        touch(archive, BUILT.plusSeconds(5));

        assertThat(javaArguments(Map.of())).containsExactlyElementsOf(concat(
                List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                COLLECTOR, List.of("-jar", jar.toString(), "--version")));
    }

    @Test
    void leavesOutAnArchiveOlderThanTheJar() throws Exception {
        Files.writeString(archive, "archive");
        touch(archive, BUILT.minusSeconds(5));

        assertThat(javaArguments(Map.of())).containsExactlyElementsOf(
                concat(COLLECTOR, List.of("-jar", jar.toString(), "--version")));
    }

    @Test
    void runsWithoutAnArchiveWhenTheBuildMadeNone() throws Exception {
        assertThat(javaArguments(Map.of())).containsExactlyElementsOf(
                concat(COLLECTOR, List.of("-jar", jar.toString(), "--version")));
    }

    @Test
    void javaOptionsFromTheEnvironmentReplaceTheCollectorButKeepTheArchive() throws Exception {
        Files.writeString(archive, "archive");
        touch(archive, BUILT);

        assertThat(javaArguments(Map.of("OCIDIFF_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC"))).containsExactly(
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Xmx1g", "-XX:+UseSerialGC", "-jar", jar.toString(), "--version");
    }

    private List<String> javaArguments(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", checkout.resolve("ocidiff").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().remove("OCIDIFF_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", checkout.resolve("bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output.lines().toList();
    }

    private static void touch(Path path, Instant at) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(at));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}

package io.github.ocidiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.config.AuthMode;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The files under deploy/ run commands ocidiff accepts, ship the jar the build makes, and carry the
 * settings deploy/README.md describes: checked by reading them, since no cron, systemd or Docker runs here.
 */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final String JAR = "/opt/ocidiff/ocidiff.jar";
    /** The launcher's JVM options (see the ocidiff script): the parallel collector and a young generation of half the heap. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-XX:NewRatio=1", "-XX:SurvivorRatio=3");
    /** What the nightly job's JVM may take of the machine's memory: a mass change needs heap (deploy/README.md). */
    private static final String HALF_THE_MEMORY = "-XX:MaxRAMPercentage=50";
    private static final String STATE_DIR = "/var/lib/ocidiff";
    private static final List<String> NIGHTLY = List.of("daily", "--config", "/etc/ocidiff/config.yaml");
    /** The nightly java command within the cron line, up to the ';' that ends it. */
    private static final Pattern JAVA_COMMAND = Pattern.compile("/usr/bin/java [^;]*");

    @Test
    void theCronLineRunsTheNightlyJobFromTheStateDirectoryUnderALock() throws IOException {
        String line = cronLine();
        List<String> words = List.of(line.split("\\s+"));

        assertThat(words.subList(0, 6)).containsExactly("15", "2", "*", "*", "*", "ocidiff");
        assertThat(Files.readString(DEPLOY.resolve("cron/ocidiff.cron"))).contains("\nCRON_TZ=UTC\n");
        assertThat(line).startsWith("15 2 * * * ocidiff cd " + STATE_DIR + " && ")
                .contains(" flock --nonblock ").endsWith(" >> /var/log/ocidiff/ocidiff.log 2>&1");
        Matcher javaCommand = JAVA_COMMAND.matcher(line);
        assertThat(javaCommand.find()).as(line).isTrue();
        List<String> java = List.of(javaCommand.group().split("\\s+"));
        assertThat(java.subList(0, java.indexOf("-jar"))).contains(HALF_THE_MEMORY);
        List<String> arguments = ocidiffArguments(java);
        assertOcidiffAccepts(arguments);
        assertThat(arguments).isEqualTo(NIGHTLY);
    }

    @Test
    void aNightSkippedWhileTheNightBeforeStillRunsSaysSoInTheLog(@TempDir Path dir) throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path env = Files.writeString(dir.resolve("ocidiff.env"), "");
        Path log = dir.resolve("ocidiff.log");
        // The cron line's command as cron hands it to sh (a \\% is a %), on this machine's folders, the nightly
        // java run replaced by a stand-in.
        String command = JAVA_COMMAND.matcher(cronLine().split("\\s+", 7)[6].replace("\\%", "%"))
                .replaceFirst("echo the night ran")
                .replace(STATE_DIR, state.toString()).replace("/etc/ocidiff/ocidiff.env", env.toString())
                .replace("/var/log/ocidiff/ocidiff.log", log.toString());
        // The night before, still running, holds the lock.
        Process before = new ProcessBuilder("flock", "--nonblock", state.resolve(".ocidiff.lock").toString(),
                "sh", "-c", "echo locked; exec sleep 60").start();
        try (var locked = new BufferedReader(new InputStreamReader(before.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(locked.readLine()).isEqualTo("locked");
            assertThat(sh(command)).isEqualTo(75);
        } finally {
            before.descendants().forEach(ProcessHandle::destroyForcibly);
            before.destroyForcibly().waitFor();
        }
        assertThat(Files.readAllLines(log)).singleElement().asString()
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z ocidiff: night skipped: the night before still runs "
                        + "\\(it holds " + Pattern.quote(state.resolve(".ocidiff.lock").toString()) + "\\)");

        assertThat(sh(command)).isZero();
        assertThat(Files.readAllLines(log)).hasSize(2).last().isEqualTo("the night ran");
    }

    private static int sh(String command) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("what the line wrote outside its log").isEmpty();
        return sh.waitFor();
    }

    /** The cron file's one command line. */
    private static String cronLine() throws IOException {
        return Files.readAllLines(DEPLOY.resolve("cron/ocidiff.cron")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("[A-Z_]+=.*"))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one cron line: " + a + " / " + b);
                }).orElseThrow();
    }

    @Test
    void theLauncherChoosesTheSameCollectorUnlessTold() throws IOException {
        assertThat(Files.readString(Path.of("ocidiff")))
                .contains(" ${OCIDIFF_JAVA_OPTS:-" + String.join(" ", JVM_OPTIONS) + "} -jar ");
    }

    @Test
    void theServiceIsAHardenedOneshotRunningTheNightlyJob() throws IOException {
        Map<String, Map<String, List<String>>> unit = unit(DEPLOY.resolve("systemd/ocidiff.service"));
        Map<String, List<String>> service = unit.get("Service");

        assertThat(service.get("Type")).containsExactly("oneshot");
        assertThat(service.get("User")).containsExactly("ocidiff");
        assertThat(service.get("StateDirectory")).containsExactly("ocidiff");
        assertThat(service.get("WorkingDirectory")).containsExactly(STATE_DIR);
        assertThat(service.get("ReadWritePaths")).containsExactly(STATE_DIR);
        List<String> execStart = List.of(service.get("ExecStart").get(0).split("\\s+"));
        assertThat(execStart.subList(0, execStart.indexOf("-jar"))).contains(HALF_THE_MEMORY);
        List<String> arguments = ocidiffArguments(execStart);
        assertOcidiffAccepts(arguments);
        assertThat(arguments).isEqualTo(NIGHTLY);
        for (String key : List.of("NoNewPrivileges", "PrivateTmp", "ProtectHome", "PrivateDevices", "RestrictSUIDSGID")) {
            assertThat(service.get(key)).as(key).containsExactly("yes");
        }
        assertThat(service.get("ProtectSystem")).containsExactly("strict");
        assertThat(service.get("CapabilityBoundingSet")).containsExactly("");
        assertThat(service).as("the JIT needs writable executable memory").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(service).as("a partial snapshot (exit 4) leaves the unit failed, as deploy/README.md explains")
                .doesNotContainKey("SuccessExitStatus");
    }

    @Test
    void theTimerStartsTheServiceNightlyAt0215Utc() throws IOException {
        Map<String, Map<String, List<String>>> unit = unit(DEPLOY.resolve("systemd/ocidiff.timer"));

        assertThat(unit.get("Timer").get("OnCalendar")).containsExactly("*-*-* 02:15:00 UTC");
        assertThat(unit.get("Timer").get("Persistent")).containsExactly("true");
        assertThat(unit.get("Timer")).containsKey("RandomizedDelaySec").doesNotContainKey("Unit");
        assertThat(unit.get("Install").get("WantedBy")).containsExactly("timers.target");
        assertThat(DEPLOY.resolve("systemd/ocidiff.service")).as("the unit a timer of the same name starts").exists();
    }

    @Test
    void theImageRunsTheJarTheBuildMakesAsAnUnprivilegedUser() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
        String finalName = group(Files.readString(Path.of("pom.xml")), "<finalName>([^<]+)</finalName>");
        String buildDir = group(dockerfile, "FROM maven:\\S+ AS build\\s+WORKDIR (\\S+)");

        assertThat(dockerfile).contains("COPY --from=build " + buildDir + "/target/" + finalName + ".jar " + JAR + "\n");
        List<String> entrypoint = jsonArray(dockerfile, "ENTRYPOINT");
        List<String> command = new ArrayList<>(entrypoint);
        command.addAll(jsonArray(dockerfile, "CMD"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        List<String> arguments = ocidiffArguments(command);
        assertOcidiffAccepts(arguments);
        assertThat(arguments).containsExactly("daily", "--config", "/config/config.yaml");
        assertThat(jsonArray(dockerfile, "VOLUME")).containsExactly("/config", "/data");
        assertThat(group(dockerfile, "(?s).*\nWORKDIR (\\S+)\n")).as("the runtime stage's working directory").isEqualTo("/data");
        assertThat(group(dockerfile, "\nUSER (\\S+)\n")).isEqualTo("ocidiff:ocidiff");
        assertThat(dockerfile.indexOf("chown ocidiff:ocidiff /data")).as("/data is owned before it becomes a volume")
                .isPositive().isLessThan(dockerfile.indexOf("VOLUME"));
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("*", "!pom.xml", "!src");
    }

    @Test
    void theSampleConfigurationLoadsAndKeepsItsDataInTheWorkingDirectory() {
        Map<String, String> env = Map.of("OCIDIFF_SMTP_USER", "ocid1.user.oc1..mailer", "OCIDIFF_SMTP_PASSWORD", "secret");

        Config config = new ConfigLoader(env::get, Path.of("/home/ocidiff")).load(DEPLOY.resolve("config.yaml"));

        assertThat(config.auth().mode()).isEqualTo(AuthMode.INSTANCE_PRINCIPAL);
        assertThat(config.store().path().isAbsolute()).isFalse();
        assertThat(config.reports().dir().isAbsolute()).isFalse();
        assertThat(config.publish().email().password()).isEqualTo("secret");
    }

    /** What follows {@code -jar JAR} in a command line, after checking the jar is the installed one. */
    private static List<String> ocidiffArguments(List<String> command) {
        int jar = command.indexOf("-jar") + 1;
        assertThat(jar).as("-jar in " + command).isPositive();
        assertThat(command.subList(0, jar)).as("the JVM options the launcher chooses, in " + command)
                .containsSubsequence(JVM_OPTIONS);
        assertThat(command.get(jar)).isEqualTo(JAR);
        return command.subList(jar + 1, command.size());
    }

    /** Parses a deploy command line with ocidiff's own command spec: unknown verbs or options fail here. */
    private static void assertOcidiffAccepts(List<String> arguments) {
        assertThat(arguments.get(0)).isEqualTo("daily");
        OcidiffCommand root = new OcidiffCommand();

        CommandLine.ParseResult result = new CommandLine(root).parseArgs(arguments.toArray(String[]::new));

        assertThat(result.subcommand().commandSpec().name()).isEqualTo("daily");
        assertThat(root.configFile).isEqualTo(Path.of(arguments.get(arguments.indexOf("--config") + 1)));
    }

    /** A systemd unit file: section to key to values, in order (a key may repeat). */
    private static Map<String, Map<String, List<String>>> unit(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = sections.computeIfAbsent(line.substring(1, line.indexOf(']')), s -> new LinkedHashMap<>());
            } else {
                int eq = line.indexOf('=');
                current.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return sections;
    }

    /** The JSON array of a Dockerfile instruction in exec form, like {@code CMD ["a", "b"]}. */
    private static List<String> jsonArray(String dockerfile, String instruction) throws IOException {
        String json = group(dockerfile, "\n" + instruction + " (\\[.*])\n");
        return List.of(new ObjectMapper().readValue(json, String[].class));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}

package io.github.ocidiff.bench;

import io.github.ocidiff.cli.Main;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.oci.Authenticator;
import io.github.ocidiff.oci.OciClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The simulator in its own JVM (so that its heap is not counted), with the config it wrote. */
record SimProcess(Process process, Path dir, String baseUrl) implements AutoCloseable {

    /** Starts {@code ocidiff sim} from the built jar; {@code generator} are its generator options. */
    static SimProcess start(Path jar, Path dir, String... generator) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(ChildJvm.java()));
        command.addAll(ChildJvm.OCIDIFF_JVM);
        command.addAll(List.of("-jar", jar.toString(), "sim", "--workdir", dir.toString()));
        command.addAll(List.of(generator));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String baseUrl = null;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("OCI simulator listening on ")) {
                baseUrl = line.substring("OCI simulator listening on ".length()).trim();
            }
            if (line.startsWith("Press Ctrl-C")) {
                break;
            }
        }
        if (baseUrl == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the simulator did not start: " + String.join(" ", command));
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return new SimProcess(process, dir, baseUrl);
    }

    /** The configuration in a file the simulator wrote, as a bench process (parent or child) reads it. */
    static Config config(Path configFile) {
        return ConfigLoader.resolve(configFile, configFile.getParent(), configFile.getParent());
    }

    /** SDK clients for the simulator a configuration points at. */
    static OciClients clients(Config config) {
        return new OciClients(new Authenticator(Path.of(System.getProperty("user.home"))).authenticate(config.auth()),
                config.oci());
    }

    /** The simulator's config with enrichment off: the benchmarks measure storing and reading, not extra GETs. */
    Path benchConfig() throws IOException {
        return benchConfig("config.yaml", List.of(), "");
    }

    /**
     * The simulator's config, written to {@code name} beside it, with {@code enrich} the types enriched and
     * {@code ociYaml} (lines indented by two spaces) added to its {@code oci} section.
     */
    Path benchConfig(String name, List<String> enrich, String ociYaml) throws IOException {
        Path written = dir.resolve("config.yaml");
        Path config = dir.resolve(name);
        Files.writeString(config, Files.readString(written).replace("snapshot:\n  enrich: []\n", "")
                .replace("oci:\n", "snapshot:\n  enrich: [" + String.join(", ", enrich) + "]\noci:\n" + ociYaml));
        return config;
    }

    List<LocalDate> days() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/day")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<LocalDate> days = new ArrayList<>();
        Matcher m = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(body.substring(body.indexOf("\"days\"")));
        while (m.find()) {
            days.add(LocalDate.parse(m.group(1)));
        }
        return days;
    }

    void selectDay(LocalDate day) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/day?date=" + day))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** How many requests the simulator has answered. */
    long requests() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/requests"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"requests\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("the simulator did not tell its requests: " + body);
        }
        return Long.parseLong(m.group(1));
    }

    /** The nightly snapshot of {@code day}, taken in this JVM as `ocidiff snapshot` takes it. */
    void snapshot(Path config, LocalDate day) throws Exception {
        selectDay(day);
        int code = Main.run(new String[] {"--config", config.toString(), "snapshot", "--quiet",
                "--at", day + "T23:59:59Z"}, new PrintWriter(PrintWriter.nullWriter()),
                new PrintWriter(System.err, true));
        if (code != 0) {
            throw new IllegalStateException("snapshot of " + day + " exited " + code);
        }
    }

    /** The CPU time the simulator has used so far, 0 where the platform does not tell. */
    long cpuMillis() {
        return ChildJvm.cpuMillis(process.toHandle()).orElse(0);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

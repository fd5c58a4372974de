package io.github.ocidiff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.config.ConfigLoader;
import io.github.ocidiff.sim.FaultPlan;
import io.github.ocidiff.sim.FixtureTenancy;
import io.github.ocidiff.sim.SimCredentials;
import io.github.ocidiff.sim.SimServer;
import io.github.ocidiff.sim.TenancySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A running simulator plus a throwaway API key and OCI config file for it, in a temporary folder:
 * what end-to-end tests talk to through the real OCI SDK.
 */
public final class SimHarness implements AutoCloseable {

    public static final Path SMALL_FIXTURE = Path.of("src/test/resources/fixtures/small");
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path dir;
    public final SimCredentials credentials;
    public final SimServer server;
    /** Null: the configuration's default, or what a test's own YAML sets. */
    private Integer concurrencyPerRegion;

    private SimHarness(Path dir, SimCredentials credentials, SimServer server) {
        this.dir = dir;
        this.credentials = credentials;
        this.server = server;
    }

    public static SimHarness start(TenancySource source, FaultPlan faults) {
        try {
            Path dir = Files.createTempDirectory("ocidiff-test");
            String tenancyId = source.tenancy().path("id").asText();
            String home = source.regions().get(0).path("regionName").asText();
            SimCredentials credentials = SimCredentials.create(dir.resolve("oci"), tenancyId, home);
            SimServer server = new SimServer(source, SimCredentials.readPublicKey(credentials.publicKey()), faults, 0);
            return new SimHarness(dir, credentials, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handmade fixture of the golden-file tests: 3 days, 2 regions, every kind of change (see its tests). */
    public static final Path GOLDEN_FIXTURE = Path.of("src/test/resources/fixtures/golden");

    /**
     * With one request at a time per region: which scope of the fixture's down region gets the 503 and
     * which the circuit breaker's refusal, and so the golden reports, must not depend on thread timing.
     */
    public static SimHarness goldenFixture() {
        return replaying(GOLDEN_FIXTURE);
    }

    /** A handmade fixture for golden-file tests, one request at a time per region (see {@link #goldenFixture()}). */
    public static SimHarness replaying(Path fixture) {
        SimHarness sim = start(FixtureTenancy.open(fixture), FaultPlan.none());
        sim.concurrencyPerRegion = 1;
        return sim;
    }

    /** A copy of a fixture folder, for a test to edit. */
    public static Path copyOf(Path fixture, Path to) {
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(fixture.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the small fixture in {@code to} with one day's Search items of one region edited, for tests of
     * what the fixture does not show (a resource gone, details missing).
     */
    public static Path smallFixtureEdited(Path to, String day, String region, Consumer<ArrayNode> edit) {
        copyOf(SMALL_FIXTURE, to);
        Path file = to.resolve("days/" + day + "/resources/" + region + ".json");
        try {
            ArrayNode items = (ArrayNode) JSON.readTree(file.toFile());
            edit.accept(items);
            JSON.writeValue(file.toFile(), items);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the small fixture in {@code to} whose compartments on {@code day} are the fixture's as {@code edit}
     * rewrites their JSON text: one renamed or moved that day.
     */
    public static Path smallFixtureWithCompartments(Path to, String day, UnaryOperator<String> edit) {
        copyOf(SMALL_FIXTURE, to);
        try {
            Files.writeString(to.resolve("days/" + day + "/compartments.json"),
                    edit.apply(Files.readString(to.resolve("compartments.json"))));
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the small fixture in {@code to} whose Search does not list {@code ocid} in one region on one day. */
    public static Path smallFixtureWithout(Path to, String day, String region, String ocid) {
        return smallFixtureEdited(to, day, region, items -> {
            for (int i = items.size() - 1; i >= 0; i--) {
                if (items.get(i).path("identifier").asText().equals(ocid)) {
                    items.remove(i);
                }
            }
        });
    }

    public static SimHarness smallFixture() {
        return start(FixtureTenancy.open(SMALL_FIXTURE), FaultPlan.none());
    }

    /** An ocidiff configuration pointing at this simulator, with fast retries; {@code extraYaml} is appended. */
    public Config config(String extraYaml) {
        return ConfigLoader.resolve(writeConfig(extraYaml), dir, dir);
    }

    public Config config() {
        return config("");
    }

    /** Writes the config.yaml for this simulator and returns its path. */
    public Path writeConfig(String extraYaml) {
        return write("  configFile: " + credentials.configFile() + "\n", extraYaml);
    }

    /**
     * Writes a config.yaml that authenticates as the simulator's compute instance (auth.mode
     * instance_principal), asking the metadata service at {@code metadataUrl}.
     */
    public Path writeInstancePrincipalConfig(String metadataUrl) {
        return write("  mode: instance_principal\n"
                + "  instanceMetadataUrl: " + metadataUrl + "\n"
                + "  federationEndpoint: " + server.endpointTemplate() + "\n", "");
    }

    private Path write(String authKeys, String extraYaml) {
        String yaml = "auth:\n"
                + authKeys
                + "store:\n"
                + "  path: " + dir.resolve("store/ocidiff") + "\n"
                + "reports:\n"
                + "  dir: " + dir.resolve("reports") + "\n"
                + "oci:\n"
                + "  endpoint: " + server.endpointTemplate() + "\n"
                + (concurrencyPerRegion == null ? "" : "  concurrencyPerRegion: " + concurrencyPerRegion + "\n")
                + "  retries:\n"
                + "    maxAttempts: 5\n"
                + "    baseDelay: 20ms\n"
                + "    maxDelay: 200ms\n"
                + extraYaml;
        try {
            Path file = dir.resolve("config.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try {
            deleteTree(dir);
        } catch (UncheckedIOException e) {
            // Temporary files only.
        }
    }

    /** "http://127.0.0.1:PORT" of a loopback port just closed: a server that refuses every connection. */
    public static String refusingUrl() {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + closed.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and what it holds (a test's copy of a fixture, say). */
    public static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.ocidiff.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Finds and reads config.yaml. Binding is hand-written over Jackson's tree (see {@link Section}) rather
 * than data-bound, so that every message names the exact key and says how to fix it.
 */
public final class ConfigLoader {

    /** Looked for in the working directory. */
    public static final String FILE_NAME = "config.yaml";
    /** Looked for in the user's home when the working directory has none. */
    public static final String USER_FILE = ".ocidiff/config.yaml";

    // A repeated key is almost always a paste error; by default YAML would silently keep the last one.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final UnaryOperator<String> env;
    private final Path userHome;

    /**
     * @param env looks up environment variables for {@code ${VAR}} (null when unset); {@code System::getenv} in production
     * @param userHome what {@code ~} stands for in paths
     */
    public ConfigLoader(UnaryOperator<String> env, Path userHome) {
        this.env = Objects.requireNonNull(env, "env");
        this.userHome = Objects.requireNonNull(userHome, "userHome");
    }

    /**
     * The top-level sections of a configuration file other than {@code left}, as YAML to append to another file's (a
     * simulator's, which has its own): what a replay takes of the user's configuration. The file is checked first,
     * as any command would, so that its errors name it.
     */
    public static String sectionsBut(Path file, Path workingDir, Path userHome, Set<String> left) {
        resolve(file, workingDir, userHome);
        try {
            JsonNode tree = YAML.readTree(workingDir.resolve(file).toFile());
            if (!(tree instanceof ObjectNode sections)) {
                return "";
            }
            sections.remove(left);
            return sections.isEmpty() ? "" : new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)).writeValueAsString(sections);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** {@link #resolve(Path, Path)} with the process environment. */
    public static Config resolve(Path explicitOrNull, Path workingDir, Path userHome) {
        return new ConfigLoader(System::getenv, userHome).resolve(explicitOrNull, workingDir);
    }

    /**
     * The configuration to use: the explicit file (which must exist), else ./config.yaml, else
     * ~/.ocidiff/config.yaml, else the built-in defaults.
     */
    public Config resolve(Path explicitOrNull, Path workingDir) {
        if (explicitOrNull != null) {
            Path file = workingDir.resolve(explicitOrNull);
            if (!Files.exists(file)) {
                throw new ConfigException("config file " + explicitOrNull + " not found; create it or drop --config");
            }
            return load(file, explicitOrNull.toString());
        }
        Path local = workingDir.resolve(FILE_NAME);
        if (Files.exists(local)) {
            return load(local, FILE_NAME);
        }
        Path user = userHome.resolve(USER_FILE);
        if (Files.exists(user)) {
            return load(user, "~/" + USER_FILE);
        }
        return Config.defaults(userHome);
    }

    /** Reads one file; messages name it as given. */
    public Config load(Path file) {
        return load(file, file.toString());
    }

    private Config load(Path file, String shownAs) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("config file " + shownAs + " is a directory; give the path of a YAML file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new ConfigException(shownAs + ": not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException(shownAs + ": cannot be read (" + e.getClass().getSimpleName()
                    + "); check that it exists and is readable", e);
        }
        return parse(text, shownAs).withSource(file);
    }

    /** Binds YAML text; {@code shownAs} names its file in messages. */
    Config parse(String yaml, String shownAs) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(shownAs + ": " + syntaxError(e), e);
        }
        return Section.bind(shownAs, root, userHome, env, Config::read);
    }

    /** The parser's complaint in one line, at its line and column, without the parser's multi-line excerpt. */
    private static String syntaxError(JsonProcessingException e) {
        String problem;
        int line;
        int column;
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            line = mark.getLine() + 1; // snakeyaml counts from 0
            column = mark.getColumn() + 1;
            problem = yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
        } else {
            JsonLocation where = e.getLocation();
            line = where == null ? 0 : where.getLineNr();
            column = where == null ? 0 : where.getColumnNr();
            problem = e.getOriginalMessage().lines().findFirst().orElse("");
        }
        return "line " + line + ", column " + column + ": invalid YAML: " + problem.replaceAll("\\s+", " ").trim()
                + "; check the indentation (spaces, not tabs) and quote values containing \": \" or \"#\"";
    }
}

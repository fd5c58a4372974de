package io.github.ocidiff;

import static org.assertj.core.api.Assertions.fail;

import io.github.ocidiff.diff.LineDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expected output checked in under src/test/resources/golden. A difference fails with the lines that
 * differ; after an intended change, {@code -Dgolden.update=true} rewrites the files (review the git diff
 * before committing them).
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** @param name the golden file's path under src/test/resources/golden, e.g. "e2e/2026-11-02.json" */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                fail(file + " is missing; create it with: mvn -o verify -Dtest=" + caller() + " -Dgolden.update=true");
            }
            String expected = Files.readString(file);
            if (!expected.equals(actual)) {
                fail(file + " differs (- expected, + actual); if the change is intended, run: mvn -o verify -Dtest="
                        + caller() + " -Dgolden.update=true\n" + changedLines(expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A report without what differs from run to run: when it was generated, when its baseline was set,
     * when its Audit evidence was kept, and the request ids OCI (the simulator) gave its errors.
     */
    public static String stable(String report) {
        return report.replaceFirst("\"generatedAt\" : \"[^\"]+\"", "\"generatedAt\" : \"(normalized)\"")
                .replaceAll("Generated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC", "Generated (normalized)")
                .replaceAll("\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"(normalized)\"")
                .replaceAll("kept on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "kept on (normalized)")
                .replaceAll("opc-request-id [0-9A-Fa-f-]+", "opc-request-id (normalized)");
    }

    /** The differing lines with their line numbers; carriage returns made visible, so line ends show too. */
    private static String changedLines(String expected, String actual) {
        List<String> lines = LineDiff.lines(lines(expected), lines(actual));
        List<String> shown = new ArrayList<>();
        int line = 0;
        for (String l : lines) {
            if (!l.startsWith(LineDiff.ADDED)) {
                line++;
            }
            if (!l.startsWith(LineDiff.SAME)) {
                shown.add(String.format("%5d %s", line, l));
            }
        }
        return String.join("\n", shown.subList(0, Math.min(shown.size(), 80)));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.replace("\r", "\\r").split("\n", -1));
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(Golden.class.getName())).findFirst().orElseThrow())
                .replaceAll(".*\\.", "");
    }
}

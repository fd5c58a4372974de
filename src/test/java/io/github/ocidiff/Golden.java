package io.github.ocidiff;

import static org.assertj.core.api.Assertions.fail;

import io.github.ocidiff.diff.LineDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files: expected output checked in beside the tests. A mismatch fails with only the lines that
 * differ; {@code mvn verify -Dgolden.update=true} rewrites the files after an intended change (review
 * the git diff before committing them).
 */
public final class Golden {
    public static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(Path golden, String actual) {
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                fail("no golden file " + golden + "; run with -Dgolden.update=true to create it");
            }
            String expected = Files.readString(golden);
            if (!expected.equals(actual)) {
                fail("output differs from " + golden + " (- expected, + actual; -Dgolden.update=true accepts it):\n"
                        + changedLines(expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String changedLines(String expected, String actual) {
        List<String> lines = LineDiff.lines(expected.lines().toList(), actual.lines().toList());
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
        return String.join("\n", shown.subList(0, Math.min(shown.size(), 60)));
    }
}

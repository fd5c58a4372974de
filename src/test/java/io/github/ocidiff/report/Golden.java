package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.fail;

import io.github.ocidiff.diff.LineDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Expected report output checked in under src/test/resources/golden. A difference fails with a line
 * diff of the two; after an intended change, {@code -Dgolden.update=true} rewrites the files.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void assertMatches(String fileName, String actual) throws IOException {
        Path file = DIR.resolve(fileName);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail(file + " is missing; create it with: mvn -o test -Dtest=" + caller() + " -Dgolden.update=true");
        }
        String expected = Files.readString(file);
        if (!expected.equals(actual)) {
            List<String> diff = MarkdownReport.hunks(LineDiff.lines(lines(expected), lines(actual)));
            fail(file + " differs from the rendered report (- expected, + actual); if the change is intended, run: mvn -o test"
                    + " -Dtest=" + caller() + " -Dgolden.update=true\n" + String.join("\n", diff));
        }
    }

    /** Lines with carriage returns made visible, so that a line-end difference shows in the diff. */
    private static List<String> lines(String text) {
        return Arrays.asList(text.replace("\r", "\\r").split("\n", -1));
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> !name.equals(Golden.class.getName())).findFirst().orElseThrow())
                .replaceAll(".*\\.", "");
    }
}

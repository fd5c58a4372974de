package io.github.ocidiff.publish;

import io.github.ocidiff.report.ReportFormat;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a day's report files live in the bucket: {@code {prefix}YYYY/MM/DD/{file}}. Date folders sort in
 * time order in a listing, and retention can read the day back from the name alone.
 */
final class ObjectNames {

    private static final Pattern DAY_FILE = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})/([^/]+)");

    private final String prefix;

    ObjectNames(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String of(LocalDate day, String file) {
        return prefix + String.format("%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth()) + file;
    }

    /** The day of a report file this layout named; empty for any other object, which retention must leave alone. */
    Optional<LocalDate> dayOf(String objectName) {
        if (!objectName.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = DAY_FILE.matcher(objectName.substring(prefix.length()));
        // Only the report files the job uploads: someone's notes put beside them are theirs.
        if (!m.matches() || ReportFormat.ofFileName(m.group(4)).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2026/13/40: looks like ours, is not
        }
    }
}

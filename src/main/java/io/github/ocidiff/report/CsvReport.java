package io.github.ocidiff.report;

import io.github.ocidiff.audit.Actor;
import io.github.ocidiff.audit.AttributedChange;
import io.github.ocidiff.audit.AttributedTransient;
import io.github.ocidiff.audit.Attribution;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.PropertyChange;
import io.github.ocidiff.diff.TransientResource;
import io.github.ocidiff.diff.WaiverVerdict;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF) for
 * spreadsheets and evidence files. After the header, one row per property change with its change's
 * columns repeated, one row for a change without property changes (CREATED, DELETED), and one row per
 * transient resource (kind TRANSIENT). Values are compact JSON ({@code "web"}, {@code 2}, {@code {"a":1}});
 * an empty cell is an absent value. {@code waiver} is "WAIVED NAME" or "EXPIRED NAME" when a waiver covers
 * the change.
 */
public final class CsvReport {
    static final List<String> HEADER = List.of("kind", "resourceType", "displayName", "ocid", "region",
            "compartmentPath", "compartmentId", "previousCompartmentId", "path", "before", "after", "attribution",
            "actors", "firstEventName", "firstEventTime", "caveat", "waiver");
    static final String TRANSIENT = "TRANSIENT";
    private static final String LINE_END = "\r\n";
    /**
     * Spreadsheets (Excel, LibreOffice, Google Sheets) evaluate a cell that starts with one of these as a
     * formula, and some strip a leading TAB or CR first; a display name like {@code =HYPERLINK("http://x")}
     * would become a live link, or worse, in the reviewer's spreadsheet. Such cells get a leading apostrophe,
     * which spreadsheets show as text (OWASP, "CSV Injection"). The apostrophe stays in the cell for other
     * readers: a negative number before or after reads {@code '-5}.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvReport() {
    }

    /** Writes the rows to {@code out} as they are made (see {@link Spill}). */
    public static void write(Report report, Writer out) throws IOException {
        StringBuilder csv = new StringBuilder(Spill.CHUNK + 8_192);
        Spill spill = new Spill(csv, out);
        Spill.run(() -> rows(report, csv, spill));
    }

    private static void rows(Report report, StringBuilder csv, Spill spill) {
        row(csv, HEADER);
        for (AttributedChange attributed : report.changes()) {
            Change c = attributed.change();
            // a change without property changes (CREATED, DELETED) still gets its row, with empty property cells
            List<PropertyChange> properties = c.properties().isEmpty() ? Collections.singletonList(null) : c.properties();
            for (PropertyChange property : properties) {
                row(csv, columns(report, c.kind().name(), c.resourceType(), c.displayName(), c.ocid(), c.region(),
                        c.compartmentId(), c.previousCompartmentId(), property, attributed.attribution(),
                        attributed.actors(), c.caveat(), waiver(report.waiverOf(c))));
            }
            spill.ifFull();
        }
        for (AttributedTransient t : report.transients()) {
            TransientResource r = t.resource();
            // A transient's actors are Audit events by construction: with none, nothing names who did it.
            Attribution attribution = t.actors().isEmpty() ? Attribution.NONE : Attribution.AUDIT;
            row(csv, columns(report, TRANSIENT, r.resourceType(), r.displayName(), r.ocid(), r.region(),
                    r.compartmentId(), null, null, attribution, t.actors(), null, null));
        }
        spill.all();
    }

    /** One row's cells in {@link #HEADER} order; null for an empty cell. */
    private static List<String> columns(Report report, String kind, String resourceType, String displayName, String ocid,
                                        String region, String compartmentId, String previousCompartmentId,
                                        PropertyChange property, Attribution attribution, List<Actor> actors,
                                        String caveat, String waiver) {
        Actor first = actors.isEmpty() ? null : actors.get(0);
        return Arrays.asList(kind, resourceType, displayName, ocid, region, report.compartmentPath(compartmentId),
                compartmentId, previousCompartmentId, property == null ? null : property.path(),
                property == null ? null : ReportText.json(property.before(), null),
                property == null ? null : ReportText.json(property.after(), null), attribution.name(),
                String.join("; ", ReportText.principals(actors)), first == null ? null : first.eventName(),
                first == null ? null : first.eventTime().toString(), caveat, waiver);
    }

    private static String waiver(WaiverVerdict verdict) {
        return verdict == null ? null : (verdict.expired() ? "EXPIRED " : "WAIVED ") + verdict.waiver().name();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append(LINE_END);
    }

    /** One field: null as empty, formula starts neutralised, quoted when RFC 4180 requires it. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}

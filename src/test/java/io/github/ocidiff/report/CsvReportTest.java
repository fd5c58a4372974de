package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.ocidiff.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    @Test
    void theFixtureRendersAsTheGoldenFile() throws Exception {
        Golden.assertMatches("report.csv", ReportFormat.CSV.render(ReportFixture.report()));
    }

    @Test
    void oneRowPerPropertyChangeOrChangeWithoutPropertiesOrTransient() {
        List<List<String>> rows = Rfc4180.read(ReportFormat.CSV.render(ReportFixture.report()));
        assertThat(rows.get(0)).isEqualTo(CsvReport.HEADER);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(CsvReport.HEADER.size()));
        List<Map<String, String>> records = records(rows);
        assertThat(records).extracting(r -> r.get("kind") + " " + r.get("path")).containsExactly(
                "CREATED ", "CREATED ", "DELETED ",
                "MODIFIED /freeformTags/owner", "MODIFIED /freeformTags/note", "MODIFIED /shape",
                "MODIFIED /lifecycleState",
                "MODIFIED /description", "MODIFIED /statements/1", "MODIFIED /statements/9",
                "MOVED /compartmentId", "TRANSIENT ", "TRANSIENT ");

        Map<String, String> owner = records.get(3);
        assertThat(owner).containsEntry("displayName", "web-1").containsEntry("ocid", "ocid1.instance.oc1.iad.web1")
                .containsEntry("region", ReportFixture.ASHBURN).containsEntry("compartmentPath", "acme/prod")
                .containsEntry("compartmentId", ReportFixture.PROD).containsEntry("before", "")
                .containsEntry("after", "\"web-team\"").containsEntry("attribution", "AUDIT")
                .containsEntry("actors", ReportFixture.BOB + "; " + ReportFixture.CAROL)
                .containsEntry("firstEventName", "UpdateInstance").containsEntry("firstEventTime", "2026-11-02T14:05:00Z");
        assertThat(records.get(4)).containsEntry("before", "\"a|b `x` ``y``\"");
        assertThat(records.get(10)).containsEntry("previousCompartmentId", ReportFixture.DEV)
                .containsEntry("attribution", "NONE").containsEntry("actors", "");
        assertThat(records.get(6)).containsEntry("compartmentPath", "").containsEntry("compartmentId", ReportFixture.UNKNOWN);
        assertThat(records.get(8).get("caveat")).startsWith("the 'to' snapshot did not fully collect");
        assertThat(records.get(12)).containsEntry("displayName", ReportFixture.BACKTICK_NAME)
                .containsEntry("actors", ReportFixture.DAVE).containsEntry("firstEventName", "LaunchInstance")
                .containsEntry("attribution", "AUDIT");
        assertThat(records.get(11)).containsEntry("attribution", "NONE").containsEntry("firstEventTime", "");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasStartWithAnApostrophe() {
        List<Map<String, String>> records = records(Rfc4180.read(ReportFormat.CSV.render(ReportFixture.report())));
        assertThat(records).extracting(r -> r.get("displayName")).contains("'" + ReportFixture.FORMULA_NAME, "'-1+2",
                "'@scratch", ReportFixture.SCRIPT_NAME);
        // compact JSON quotes strings, so only numbers and the like can start with a sign
        assertThat(records.get(0)).containsEntry("actors", ReportFixture.IMG_PRINCIPAL);
        assertThat(CsvReport.field("+1")).isEqualTo("'+1");
        assertThat(CsvReport.field("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvReport.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvReport.field("a=1")).isEqualTo("a=1");
    }

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180AsksForIt() {
        assertThat(CsvReport.field(null)).isEmpty();
        assertThat(CsvReport.field("plain text")).isEqualTo("plain text");
        assertThat(CsvReport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Rfc4180.read(CsvReport.field("say \"hi\", \r\nthen go") + "\r\n"))
                .containsExactly(List.of("say \"hi\", \r\nthen go"));
    }

    @Test
    void linesEndWithCrLf() {
        String csv = ReportFormat.CSV.render(ReportFixture.report());
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    private static List<Map<String, String>> records(List<List<String>> rows) {
        List<String> header = rows.get(0);
        return rows.subList(1, rows.size()).stream()
                .map(row -> IntStream.range(0, header.size()).boxed().collect(Collectors.toMap(header::get, row::get)))
                .toList();
    }

    /** A strict RFC 4180 reader: every record ends with CRLF; quotes only around whole fields, doubled inside. */
    static final class Rfc4180 {
        static List<List<String>> read(String csv) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int i = 0; i < csv.length(); i++) {
                char c = csv.charAt(i);
                if (quoted) {
                    if (c != '"') {
                        field.append(c);
                    } else if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == ',' || c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    if (c == '\r') {
                        rows.add(row);
                        row = new ArrayList<>();
                        i++;
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == '"' || c == '\r' || c == '\n' || wasQuoted) {
                    fail("not RFC 4180 at character " + i + " of row " + (rows.size() + 1) + ": " + row + " " + field);
                } else {
                    field.append(c);
                }
            }
            assertThat(quoted).as("an open quote at the end").isFalse();
            assertThat(row).as("a last record without CRLF").isEmpty();
            assertThat(field).as("a last record without CRLF").isEmpty();
            return rows;
        }
    }
}

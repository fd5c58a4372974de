package io.github.ocidiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/** The report contract, validated with a real JSON Schema validator. */
public final class ReportSchema {
    /** A copy of shared/contracts/report.schema.json; ContractCopyTest keeps it identical. */
    public static final Path SCHEMA = Path.of("src/test/resources/contracts/report.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema VALIDATOR = load();

    private ReportSchema() {
    }

    public static Set<ValidationMessage> validate(JsonNode report) {
        return VALIDATOR.validate(report);
    }

    private static JsonSchema load() {
        try {
            // The contract's $id is relative; it resolves against the location the schema is read from.
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of(SCHEMA.toAbsolutePath().toUri().toString()), JSON.readTree(SCHEMA.toFile()),
                            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

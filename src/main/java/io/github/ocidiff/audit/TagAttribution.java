package io.github.ocidiff.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ocidiff.diff.Change;
import io.github.ocidiff.diff.ChangeKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The fallback when Audit has no write event for a change: OCI's default tag namespace stamps
 * {@code Oracle-Tags.CreatedBy} and {@code CreatedOn} on most resources at creation, so a CREATED
 * resource still names its creator. Nothing else can be attributed from tags.
 */
public final class TagAttribution {
    /** The event name given to an actor found in tags, so readers can tell it from an Audit event. */
    public static final String EVENT_NAME = "Oracle-Tags.CreatedBy";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiFunction<String, String, String> versionJson;
    private final Set<String> notCreated;

    /** @param versionJson the canonical JSON of a resource's stored version by OCID and SHA-256 (the store's lookup) */
    public TagAttribution(BiFunction<String, String, String> versionJson) {
        this(versionJson, Set.of());
    }

    /**
     * @param notCreated resources listed CREATED that the diff knows were not (back after an absence): the tag names
     *                   who created them long ago, no actor of this change
     */
    public TagAttribution(BiFunction<String, String, String> versionJson, Set<String> notCreated) {
        this.versionJson = versionJson;
        this.notCreated = Set.copyOf(notCreated);
    }

    public AttributedChange attribute(Change change) {
        return attribute(change, null);
    }

    /**
     * @param windowStart where the Audit window read for the change starts, or null: a created resource that says it
     *                    was created before it, in scopes 'from' collected, says why its creation shows in this diff
     */
    AttributedChange attribute(Change change, Instant windowStart) {
        if (change.kind() == ChangeKind.CREATED && change.afterSha256() != null
                && !notCreated.contains(change.ocid())) {
            JsonNode resource = read(versionJson.apply(change.ocid(), change.afterSha256()));
            Instant created = timeCreated(resource);
            if (windowStart != null && change.caveat() == null && created != null && created.isBefore(windowStart)) {
                change = change.withCaveat("created " + created + ", before this diff's Audit window, yet the 'from'"
                        + " snapshot did not list it: it may have moved in from a compartment this report does not"
                        + " cover, or Resource Search did not list it yet (it lists new resources some minutes after"
                        + " their creation, and may skip one while it pages)");
            }
            Optional<Actor> creator = creator(resource);
            if (creator.isPresent()) {
                return new AttributedChange(change, List.of(creator.get()), Attribution.TAG);
            }
        }
        return new AttributedChange(change, List.of(), Attribution.NONE);
    }

    /** When a stored version of a resource says it was created ({@code timeCreated}); empty for a null version. */
    Optional<Instant> createdAt(String ocid, String sha256) {
        return sha256 == null ? Optional.empty()
                : Optional.ofNullable(timeCreated(read(versionJson.apply(ocid, sha256))));
    }

    static Optional<Actor> creator(JsonNode resource) {
        JsonNode tags = resource.path("definedTags").path("Oracle-Tags");
        String by = tags.path("CreatedBy").asText("");
        if (by.isBlank()) {
            return Optional.empty();
        }
        Instant on = time(tags.path("CreatedOn").asText(null));
        if (on == null) {
            on = timeCreated(resource);
        }
        if (on == null) {
            return Optional.empty();
        }
        return Optional.of(new Actor(by, null, EVENT_NAME, on, null, null, null, null));
    }

    private static Instant timeCreated(JsonNode resource) {
        return time(resource.path("timeCreated").asText(null));
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

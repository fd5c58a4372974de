package io.github.ocidiff.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A recorded or handmade tenancy history read from a fixture folder (shared/contracts/fixture-format.md),
 * replayed day by day. The whole folder is read and checked when opened, so a malformed file is reported
 * up front with its path and position, not in the middle of a replay.
 */
public final class FixtureTenancy implements TenancySource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> NEWEST_FIRST =
            Comparator.comparing((JsonNode r) -> r.path("timeCreated").asText("")).reversed();

    /** One day of the fixture: per-region resources (null = region down) and audit events. */
    private record Day(Map<String, List<JsonNode>> resources, Map<String, List<JsonNode>> audit,
                       List<JsonNode> compartments) {
    }

    private final Path dir;
    private final JsonNode tenancy;
    private final List<JsonNode> regions;
    private final List<JsonNode> rootCompartments;
    private final NavigableMap<LocalDate, Day> days = new TreeMap<>();
    private volatile LocalDate currentDay;

    private FixtureTenancy(Path dir) {
        this.dir = dir;
        this.tenancy = read(dir.resolve("tenancy.json"));
        requireField(tenancy, "id", dir.resolve("tenancy.json"));
        this.regions = array(dir.resolve("regions.json"));
        this.rootCompartments = array(dir.resolve("compartments.json"));
    }

    /** Opens and checks a fixture folder; problems are IllegalArgumentExceptions naming the file. */
    public static FixtureTenancy open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("fixture folder " + dir + (Files.exists(dir) ? " is a file, not a folder"
                    : " does not exist"));
        }
        FixtureTenancy fixture = new FixtureTenancy(dir);
        fixture.loadDays();
        return fixture;
    }

    private void loadDays() {
        Path daysDir = dir.resolve("days");
        if (!Files.isDirectory(daysDir)) {
            throw new IllegalArgumentException(daysDir + ": missing; a fixture needs days/YYYY-MM-DD/ folders");
        }
        for (Path dayDir : list(daysDir)) {
            LocalDate date;
            try {
                date = LocalDate.parse(dayDir.getFileName().toString());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(dayDir + ": not a YYYY-MM-DD day folder");
            }
            Map<String, List<JsonNode>> resources = new TreeMap<>();
            Map<String, List<JsonNode>> audit = new TreeMap<>();
            for (JsonNode region : regions) {
                String name = region.path("regionName").asText();
                Path resourceFile = dayDir.resolve("resources").resolve(name + ".json");
                if (Files.exists(resourceFile)) {
                    JsonNode content = read(resourceFile);
                    if (content.isObject() && "unavailable".equals(content.path("fault").asText())) {
                        resources.put(name, null);
                    } else {
                        List<JsonNode> items = asArray(content, resourceFile);
                        requireResources(items, resourceFile);
                        items.sort(NEWEST_FIRST);
                        resources.put(name, items);
                    }
                } else {
                    resources.put(name, List.of());
                }
                Path auditFile = dayDir.resolve("audit").resolve(name + ".json");
                List<JsonNode> events = Files.exists(auditFile) ? array(auditFile) : new ArrayList<>();
                events.sort(Comparator.comparing((JsonNode e) -> Instant.parse(e.path("eventTime").asText())));
                audit.put(name, events);
            }
            Path compartments = dayDir.resolve("compartments.json");
            days.put(date, new Day(resources, audit, Files.exists(compartments) ? array(compartments) : null));
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException(daysDir + ": no day folders");
        }
        currentDay = days.firstKey();
    }

    @Override
    public JsonNode tenancy() {
        return tenancy;
    }

    @Override
    public List<JsonNode> regions() {
        return regions;
    }

    @Override
    public List<JsonNode> compartments() {
        for (Day day : days.headMap(currentDay, true).descendingMap().values()) {
            if (day.compartments() != null) {
                return day.compartments();
            }
        }
        return rootCompartments;
    }

    @Override
    public List<LocalDate> days() {
        return List.copyOf(days.keySet());
    }

    @Override
    public LocalDate currentDay() {
        return currentDay;
    }

    @Override
    public void selectDay(LocalDate day) {
        if (!days.containsKey(day)) {
            throw new IllegalArgumentException("day " + day + " is not in fixture " + dir + " (it has "
                    + days.firstKey() + " to " + days.lastKey() + ")");
        }
        currentDay = day;
    }

    @Override
    public boolean regionDown(String region) {
        Day day = days.get(currentDay);
        return day.resources().containsKey(region) && day.resources().get(region) == null;
    }

    @Override
    public Page resources(String region, ResourceQuery query, int offset, int limit) {
        List<JsonNode> items = days.get(currentDay).resources().getOrDefault(region, List.of());
        List<JsonNode> matching = items == null ? List.of() : items.stream()
                .filter(r -> query.matchesType(r.path("resourceType").asText())
                        && query.matchesCompartment(r.path("compartmentId").asText())
                        && query.matchesIdentifier(r.path("identifier").asText()))
                .map(FixtureTenancy::withoutDetails)
                .toList();
        return Pages.slice(matching, offset, limit);
    }

    @Override
    public JsonNode details(String region, String ocid) {
        JsonNode resource = findResource(region, ocid);
        return resource == null ? null : resource.get("details");
    }

    /** A resource of the current day by OCID: in {@code region}, else in any region (policies are global). */
    private JsonNode findResource(String region, String ocid) {
        Map<String, List<JsonNode>> byRegion = days.get(currentDay).resources();
        List<List<JsonNode>> lists = new ArrayList<>();
        lists.add(byRegion.get(region));
        lists.addAll(byRegion.values());
        for (List<JsonNode> items : lists) {
            if (items != null) {
                for (JsonNode r : items) {
                    if (r.path("identifier").asText().equals(ocid)) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public Page auditEvents(String region, String compartmentId, Instant start, Instant end, int offset, int limit) {
        List<JsonNode> matching = new ArrayList<>();
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = end.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (Day day : days.subMap(first, true, last, true).values()) {
            for (JsonNode event : day.audit().getOrDefault(region, List.of())) {
                Instant time = Instant.parse(event.path("eventTime").asText());
                if (!time.isBefore(start) && time.isBefore(end)
                        && event.path("data").path("compartmentId").asText().equals(compartmentId)) {
                    matching.add(event);
                }
            }
        }
        return Pages.slice(matching, offset, limit);
    }

    /** Search never returns the full-resource details a fixture may carry for the GET calls. */
    private static JsonNode withoutDetails(JsonNode resource) {
        if (!resource.has("details")) {
            return resource;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = resource.deepCopy();
        copy.remove("details");
        return copy;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot be read: " + e.getMessage());
        }
    }

    private static List<JsonNode> array(Path file) {
        return asArray(read(file), file);
    }

    private static List<JsonNode> asArray(JsonNode node, Path file) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(file + ": expected a JSON array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** What Search answers and ocidiff needs of every resource, the fixture format's first three fields. */
    private static void requireResources(List<JsonNode> items, Path file) {
        for (int i = 0; i < items.size(); i++) {
            for (String field : List.of("resourceType", "identifier", "compartmentId")) {
                if (!items.get(i).path(field).isTextual()) {
                    throw new IllegalArgumentException(file + ": item " + (i + 1) + " has no \"" + field + "\" string;"
                            + " every resource has resourceType, identifier and compartmentId (fixture-format.md)");
                }
            }
        }
    }

    private static void requireField(JsonNode node, String field, Path file) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException(file + ": missing \"" + field + "\"");
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
        }
    }
}

package io.github.ocidiff.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches write events to resources as they stream in, keeping only what a report can use: the
 * events of the resources that changed, and the create and delete events of other resources, which
 * may be transient ones that Audit alone saw. Every other event is counted and dropped. Thread-safe:
 * the scopes of a window are read in parallel.
 */
final class EventMatcher {
    static final Comparator<WriteEvent> TIME_ORDER = Comparator.comparing(WriteEvent::eventTime)
            .thenComparing(WriteEvent::eventId);

    /** Each wanted OCID to itself: events keep the diff's copy of the OCIDs they name, not one of their own. */
    private final Map<String, String> wanted;
    private final Map<String, Map<String, WriteEvent>> matched = new HashMap<>();
    private final Map<String, Map<String, WriteEvent>> lifecycle = new HashMap<>();
    private long writes;

    /** @param wanted the OCIDs of the changes and transient resources to attribute */
    EventMatcher(Set<String> wanted) {
        this.wanted = new HashMap<>();
        wanted.forEach(ocid -> this.wanted.put(ocid, ocid));
    }

    synchronized void accept(WriteEvent event) {
        writes++;
        WriteEvent kept = null;
        for (String id : event.resourceIds()) {
            String wantedId = wanted.get(id);
            if (wantedId != null || event.creates() || event.deletes()) {
                kept = kept == null ? event.shared(ocid -> wanted.getOrDefault(ocid, ocid)) : kept;
                (wantedId != null ? matched : lifecycle).computeIfAbsent(wantedId != null ? wantedId : id,
                        k -> new LinkedHashMap<>()).putIfAbsent(kept.eventId(), kept);
            }
        }
    }

    /**
     * Takes the events {@code other} matched to resources this one wants too: those of a stretch read apart, for
     * fewer resources. Its other events (those of transient resources) stay out.
     */
    synchronized void acceptMatched(EventMatcher other) {
        other.matched.forEach((ocid, events) -> {
            String wantedId = wanted.get(ocid);
            if (wantedId != null) {
                events.values().forEach(e -> matched.computeIfAbsent(wantedId, k -> new LinkedHashMap<>())
                        .putIfAbsent(e.eventId(), e));
            }
        });
    }

    /**
     * Takes the create and delete events {@code other} kept of resources no one wanted: those of a stretch read before
     * the window for a scope 'from' did not collect, where a resource made and gone since it was last collected is
     * transient too.
     */
    synchronized void acceptLifecycle(EventMatcher other) {
        other.lifecycle.forEach((ocid, events) -> {
            if (!wanted.containsKey(ocid)) {
                events.values().forEach(e -> lifecycle.computeIfAbsent(ocid, k -> new LinkedHashMap<>())
                        .putIfAbsent(e.eventId(), e));
            }
        });
    }

    synchronized long writes() {
        return writes;
    }

    /** The events of a wanted resource, in time order. */
    synchronized List<WriteEvent> eventsOf(String ocid) {
        return sorted(matched.get(ocid));
    }

    /**
     * Resources that Audit shows created and deleted in the window and that no snapshot saw: transient
     * ones, each with its events in time order, by OCID.
     */
    synchronized Map<String, List<WriteEvent>> auditOnlyTransients() {
        Map<String, List<WriteEvent>> transients = new TreeMap<>();
        lifecycle.forEach((ocid, events) -> {
            if (events.values().stream().anyMatch(WriteEvent::creates)
                    && events.values().stream().anyMatch(WriteEvent::deletes)) {
                transients.put(ocid, sorted(events));
            }
        });
        return transients;
    }

    private static List<WriteEvent> sorted(Map<String, WriteEvent> events) {
        if (events == null) {
            return List.of();
        }
        List<WriteEvent> list = new ArrayList<>(events.values());
        list.sort(TIME_ORDER);
        return list;
    }
}

package io.github.ocidiff.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Property changes between two canonical JSON trees, at the deepest level that still reads as one
 * property:
 * <ul>
 * <li>objects member by member (in key order), nested; a member added or removed whose value is a
 *     non-empty object is listed leaf by leaf, so that a tag namespace appearing reads as
 *     {@code /definedTags/Operations/CostCenter} and ignore patterns see the same paths either way;</li>
 * <li>JSON null and an absent member are the same (the crawler drops top-level nulls, the SDK keeps
 *     nested ones), so {@code "kmsKeyId": null} → absent is no change;</li>
 * <li>arrays by position, element by element (an element added or removed is listed whole);</li>
 * <li>arrays that OCI treats as sets ({@link SetArrays}) as multisets: a reorder is no change; an
 *     element with no equal partner on the other side is listed whole, a removed one at its index in
 *     <em>before</em> ({@code before} = element, {@code after} = null) and an added one at its index in
 *     <em>after</em>. Rules have no identity, so an element that lost its partner and one that gained none,
 *     alike in at least half their members, are read as one edited element, shown member by member at its
 *     index in <em>after</em> (its old self may sit elsewhere in <em>before</em>); others read as the old
 *     removed and the new added, each index pointing into the document it comes from;</li>
 * <li>anything else (scalars, type changes) as one change at its path.</li>
 * </ul>
 * Multi-line strings and set arrays of strings (policy statements) also get a {@link TextDiff}.
 * Nothing is skipped: ignoring is {@link IgnoreRules}' job.
 */
public final class JsonDiff {

    /** The property changes (in document order) and the line diffs that explain some of them. */
    public record Result(List<PropertyChange> properties, List<TextDiff> texts) {
        public Result {
            properties = List.copyOf(properties);
            texts = List.copyOf(texts);
        }

        public boolean isEmpty() {
            return properties.isEmpty();
        }
    }

    private final SetArrays setArrays;

    public JsonDiff(SetArrays setArrays) {
        this.setArrays = setArrays;
    }

    /** Compares two whole resources of {@code resourceType} (which picks the set arrays). */
    public Result compare(String resourceType, JsonNode before, JsonNode after) {
        Walk walk = new Walk(setArrays.of(resourceType));
        walk.diff("", absentIfNull(before), absentIfNull(after));
        return new Result(walk.properties, walk.texts);
    }

    private static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** One comparison's output. */
    private static final class Walk {
        private final Set<String> setPaths;
        private final List<PropertyChange> properties = new ArrayList<>();
        private final List<TextDiff> texts = new ArrayList<>();

        Walk(Set<String> setPaths) {
            this.setPaths = setPaths;
        }

        /** a, b: null when absent. */
        void diff(String path, JsonNode a, JsonNode b) {
            if (a == null || b == null) {
                if (a != null || b != null) {
                    oneSided(path, a, b);
                }
                return;
            }
            if (a.equals(b)) {
                return;
            }
            if (a.isObject() && b.isObject()) {
                TreeSet<String> keys = new TreeSet<>();
                a.fieldNames().forEachRemaining(keys::add);
                b.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    diff(JsonPointers.child(path, key), absentIfNull(a.get(key)), absentIfNull(b.get(key)));
                }
            } else if (a.isArray() && b.isArray()) {
                if (setPaths.contains(path)) {
                    multiset(path, a, b);
                } else {
                    positional(path, a, b);
                }
            } else {
                leaf(path, a, b);
            }
        }

        /** A member only one side has: a non-empty object leaf by leaf, anything else whole. */
        private void oneSided(String path, JsonNode a, JsonNode b) {
            JsonNode present = a != null ? a : b;
            if (present.isObject() && present.size() > 0) {
                TreeSet<String> keys = new TreeSet<>();
                present.fieldNames().forEachRemaining(keys::add);
                for (String key : keys) {
                    JsonNode value = absentIfNull(present.get(key));
                    diff(JsonPointers.child(path, key), a == null ? null : value, a == null ? value : null);
                }
            } else {
                leaf(path, a, b);
            }
        }

        private void leaf(String path, JsonNode a, JsonNode b) {
            properties.add(new PropertyChange(path, a, b));
            if (multiLine(a) || multiLine(b)) {
                texts.add(new TextDiff(path, LineDiff.lines(lines(a), lines(b))));
            }
        }

        private void positional(String path, JsonNode a, JsonNode b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                JsonNode x = i < a.size() ? a.get(i) : null;
                JsonNode y = i < b.size() ? b.get(i) : null;
                String child = JsonPointers.child(path, i);
                if (x == null || y == null) {
                    properties.add(new PropertyChange(child, x, y)); // whole element, not leaf by leaf
                } else {
                    diff(child, x, y);
                }
            }
        }

        private void multiset(String path, JsonNode a, JsonNode b) {
            boolean[] keptBefore = matched(a, b);
            boolean[] keptAfter = matched(b, a);
            List<Integer> removed = unmatched(keptBefore);
            List<Integer> added = unmatched(keptAfter);
            // An element that lost its partner and one that gained none, alike in most members, are read as
            // one edited element (a rule whose source changed), shown member by member at its new index.
            int paired = 0;
            while (paired < removed.size() && paired < added.size()
                    && alike(a.get(removed.get(paired)), b.get(added.get(paired)))) {
                diff(JsonPointers.child(path, added.get(paired)), a.get(removed.get(paired)), b.get(added.get(paired)));
                paired++;
            }
            for (int i : removed.subList(paired, removed.size())) {
                properties.add(new PropertyChange(JsonPointers.child(path, i), a.get(i), null));
            }
            for (int j : added.subList(paired, added.size())) {
                properties.add(new PropertyChange(JsonPointers.child(path, j), null, b.get(j)));
            }
            if (allText(a) && allText(b)) {
                texts.add(new TextDiff(path, LineDiff.lines(realigned(a, keptBefore, b, keptAfter), strings(b))));
            }
        }

        private static List<Integer> unmatched(boolean[] kept) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < kept.length; i++) {
                if (!kept[i]) {
                    out.add(i);
                }
            }
            return out;
        }

        /** Two objects sharing at least half of their members, by name and value. */
        private static boolean alike(JsonNode x, JsonNode y) {
            if (!x.isObject() || !y.isObject()) {
                return false;
            }
            TreeSet<String> keys = new TreeSet<>();
            x.fieldNames().forEachRemaining(keys::add);
            y.fieldNames().forEachRemaining(keys::add);
            long same = keys.stream().filter(k -> x.has(k) && x.get(k).equals(y.get(k))).count();
            return same * 2 >= keys.size();
        }

        /** Which elements of {@code xs} have an equal partner in {@code ys}, pairing each partner once. */
        private static boolean[] matched(JsonNode xs, JsonNode ys) {
            Map<JsonNode, Integer> available = new HashMap<>();
            ys.forEach(y -> available.merge(y, 1, Integer::sum));
            boolean[] kept = new boolean[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                Integer left = available.get(xs.get(i));
                if (left != null && left > 0) {
                    available.put(xs.get(i), left - 1);
                    kept[i] = true;
                }
            }
            return kept;
        }

        /**
         * The before list with its kept elements put in after's order, removed ones where they were: the
         * same multiset, so the line diff shows the edits and not a reorder the comparison ignored.
         */
        private static List<String> realigned(JsonNode a, boolean[] keptBefore, JsonNode b, boolean[] keptAfter) {
            Iterator<String> keptInAfterOrder = filtered(b, keptAfter).iterator();
            List<String> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(keptBefore[i] ? keptInAfterOrder.next() : a.get(i).asText());
            }
            return out;
        }

        private static List<String> filtered(JsonNode xs, boolean[] keep) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                if (keep[i]) {
                    out.add(xs.get(i).asText());
                }
            }
            return out;
        }

        private static boolean allText(JsonNode array) {
            for (JsonNode element : array) {
                if (!element.isTextual()) {
                    return false;
                }
            }
            return true;
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>(array.size());
            array.forEach(element -> out.add(element.asText()));
            return out;
        }

        private static boolean multiLine(JsonNode node) {
            return node != null && node.isTextual() && node.asText().indexOf('\n') >= 0;
        }

        private static List<String> lines(JsonNode node) {
            if (node == null) {
                return List.of();
            }
            if (!node.isTextual()) {
                return List.of(node.toString()); // a text that became an object or a number
            }
            return List.of(node.asText().split("\r?\n", -1));
        }
    }
}

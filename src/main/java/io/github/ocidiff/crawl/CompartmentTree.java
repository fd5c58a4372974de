package io.github.ocidiff.crawl;

import io.github.ocidiff.OcidiffException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenancy's ACTIVE compartment tree, with name paths, and the include/exclude selection of
 * {@code compartments:}. A selector is an OCID, a name, or a path from the root such as
 * {@code prod/app} (or {@code acme/prod/app}, from the tenancy's name, as reports write it); selecting
 * a compartment selects its subtree, and exclude wins over include.
 */
public final class CompartmentTree {

    private final Compartment root;
    private final Map<String, Compartment> byId = new LinkedHashMap<>();

    /**
     * @param compartments id, parent id and name of every ACTIVE compartment below the root, any order;
     *                     compartments whose parent is not in the tree (an inactive parent) are dropped
     */
    public CompartmentTree(String tenancyId, String tenancyName, Collection<Compartment> compartments) {
        this.root = new Compartment(tenancyId, null, tenancyName, "");
        byId.put(tenancyId, root);
        Map<String, List<Compartment>> children = new HashMap<>();
        for (Compartment c : compartments) {
            children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
        List<Compartment> queue = new ArrayList<>(List.of(root));
        for (int i = 0; i < queue.size(); i++) {
            Compartment parent = queue.get(i);
            for (Compartment child : children.getOrDefault(parent.id(), List.of())) {
                String path = parent.path().isEmpty() ? child.name() : parent.path() + "/" + child.name();
                Compartment placed = new Compartment(child.id(), parent.id(), child.name(), path);
                byId.put(placed.id(), placed);
                queue.add(placed);
            }
        }
    }

    public Compartment root() {
        return root;
    }

    /** Every compartment, the root first, parents before children. */
    public List<Compartment> all() {
        return List.copyOf(byId.values());
    }

    public Compartment get(String id) {
        return byId.get(id);
    }

    /** The compartments selected by include (empty = all) minus exclude, parents before children. */
    public List<Compartment> select(List<String> include, List<String> exclude) {
        return select(include, "compartments.include", exclude);
    }

    /** @param includeKey where the include list came from (a config key or an option), for errors */
    public List<Compartment> select(List<String> include, String includeKey, List<String> exclude) {
        List<Compartment> included = include.isEmpty() ? all() : subtrees(include, includeKey);
        List<Compartment> excluded = subtrees(exclude, "compartments.exclude");
        List<Compartment> selected = new ArrayList<>(included);
        selected.removeAll(excluded);
        if (selected.isEmpty()) {
            String excluding = "compartments.exclude (" + String.join(", ", exclude) + ")";
            throw OcidiffException.usage(include.isEmpty()
                    ? excluding + " excludes the whole tenancy: nothing is left to cover; exclude less"
                    : includeKey + " " + String.join(", ", include) + ": all within " + excluding
                            + ", so nothing is left to cover; name a compartment outside it, or exclude less");
        }
        return selected;
    }

    private List<Compartment> subtrees(List<String> selectors, String key) {
        List<Compartment> result = new ArrayList<>();
        for (String selector : selectors) {
            Compartment top = resolve(selector, key);
            for (Compartment c : byId.values()) {
                if (!result.contains(c) && isWithin(c, top)) {
                    result.add(c);
                }
            }
        }
        return result;
    }

    private boolean isWithin(Compartment c, Compartment top) {
        for (Compartment at = c; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
            if (at.id().equals(top.id())) {
                return true;
            }
        }
        return false;
    }

    /** Finds a compartment by OCID, path or (unique) name. */
    private Compartment resolve(String selector, String key) {
        if (byId.containsKey(selector)) {
            return byId.get(selector);
        }
        String path = selector.replaceAll("^/+|/+$", "");
        // Reports write paths from the tenancy's name ("acme/prod/app"): taken as written too.
        String fromRoot = path.startsWith(root.name() + "/") ? path.substring(root.name().length() + 1) : null;
        for (String candidate : fromRoot == null ? List.of(path) : List.of(path, fromRoot)) {
            for (Compartment c : byId.values()) {
                if (c.path().equals(candidate)) {
                    return c;
                }
            }
        }
        List<Compartment> named = byId.values().stream().filter(c -> c.name().equals(selector)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw OcidiffException.usage(key + ": \"" + selector + "\" names several compartments ("
                    + String.join(", ", named.stream().map(Compartment::path).toList()) + "); use a path or an OCID");
        }
        throw new UnknownCompartment(key, selector, this);
    }

    /**
     * A configuration or command line naming a compartment the tenancy has no ACTIVE one of: a typo, or one renamed,
     * moved or deleted since the configuration was written, which only a store that knew it can tell.
     */
    public static final class UnknownCompartment extends OcidiffException {
        private final transient CompartmentTree tree;
        private final String key;
        private final String selector;

        UnknownCompartment(String key, String selector, CompartmentTree tree) {
            super(USAGE, key + ": no ACTIVE compartment \"" + selector + "\"; use an OCID, a name or a path such as"
                    + " prod/app");
            this.key = key;
            this.selector = selector;
            this.tree = tree;
        }

        /**
         * The same failure, told with what became of the compartment {@code formerly} named so (by an earlier snapshot's
         * tree): renamed or moved (its path now), or no longer active; unchanged when {@code formerly} knows none.
         */
        public OcidiffException knowing(CompartmentTree formerly) {
            Compartment was;
            try {
                was = formerly.resolve(selector, key);
            } catch (OcidiffException e) {
                return this;
            }
            Compartment now = tree.byId.get(was.id());
            String fate = now != null ? "is " + now.path() + " now (renamed or moved)"
                    : "is no longer ACTIVE (deleted, or being deleted)";
            return OcidiffException.usage(key + ": no ACTIVE compartment \"" + selector + "\": the compartment the"
                    + " store's last snapshot knew as " + was.path() + " (" + was.id() + ") " + fate + "; name it as it"
                    + " is now, or by its OCID, which stays");
        }
    }
}

package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.store.Baseline;
import io.github.ocidiff.store.Store;
import java.util.List;

/** Looking a baseline up by name, with the one message every command gives for a name the store lacks. */
public final class Baselines {
    private Baselines() {
    }

    /** The baseline called {@code name}; a usage error listing the known ones otherwise. */
    public static Baseline named(Store store, String name) {
        return store.baseline(name).orElseThrow(() -> unknown(store, name));
    }

    public static OcidiffException unknown(Store store, String name) {
        List<String> names = store.baselines().stream().map(Baseline::name).toList();
        return OcidiffException.usage("no baseline " + name + (names.isEmpty()
                ? "; there are none (ocidiff baseline set NAME)" : "; there are: " + String.join(", ", names)));
    }
}

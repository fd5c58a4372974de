package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;

/**
 * A store holds one tenancy's history. A run for another tenancy (the config pointed at another profile, say)
 * would make its first night report the whole of one tenancy deleted and the other created: it is refused
 * before anything changes. A tenancy an import could not tell ({@link ImportJob#UNKNOWN_TENANCY}) matches any.
 */
final class StoreTenancy {
    private StoreTenancy() {
    }

    /** @param whose what tells the run's tenancy, e.g. "the configured credentials reach" */
    static void require(Store store, String tenancyId, String whose) {
        store.latestCommitted().map(SnapshotInfo::tenancyId)
                .filter(held -> !held.equals(tenancyId) && !held.equals(ImportJob.UNKNOWN_TENANCY)
                        && !tenancyId.equals(ImportJob.UNKNOWN_TENANCY))
                .ifPresent(held -> {
                    throw OcidiffException.usage(whose + " tenancy " + tenancyId + ", but the store " + store.file()
                            + " holds the history of tenancy " + held + ": give each tenancy a store of its own"
                            + " (store.path in the config, or --store)");
                });
    }
}

package io.github.ocidiff.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRewriteTest {

    @TempDir
    Path dir;

    @Test
    void describesTheRewriteInMegabytesAndSeconds() {
        StoreRewrite rewrite = new StoreRewrite(887_586_816, 739_901_440, 17, Duration.ofMillis(2_149));

        assertThat(rewrite.describe())
                .isEqualTo("store rewritten compactly: 887.6 MB -> 739.9 MB (17% of it was dead) in 2.1 s");
    }

    /**
     * A file H2 closed with a transaction open is not rewritten: the copy would number maps anew under the
     * transaction's undo records, and H2 would refuse to open it.
     */
    @Test
    void aFileHoldingAnOpenTransactionIsNotRewritten() {
        Path open = fileWithATransaction(false);
        Path committed = fileWithATransaction(true);

        assertThat(Store.holdsOpenTransactions(open)).isTrue();
        assertThat(Store.holdsOpenTransactions(committed)).isFalse();
    }

    private Path fileWithATransaction(boolean commit) {
        Path file = dir.resolve((commit ? "committed" : "open") + ".mv.db");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            TransactionStore transactions = new TransactionStore(store);
            transactions.init();
            Transaction tx = transactions.begin();
            tx.openMap("data").put("key", "value");
            if (commit) {
                tx.commit();
            }
            store.commit();
        }
        return file;
    }
}

package io.github.ocidiff.job;

import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.store.EvidenceWindow;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.time.Instant;
import java.util.List;

/**
 * {@code ocidiff evidence}: the report between two snapshots, made as {@code diff} makes it (attributed
 * through Audit, or the evidence kept for the pair), and the files of its evidence pack.
 */
public final class EvidenceJob {

    /**
     * The pack's files but its manifest, which {@link EvidenceZip#write} adds, and what the user should know.
     *
     * @param auditEvents the Audit events the pack holds
     */
    public record Result(List<PackFile> files, EvidencePack.Ends ends, int auditEvents, List<String> warnings) {
        public Result {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    private final Store store;
    private final RulesConfig rules;
    private final AuditAccess audit;

    public EvidenceJob(Store store, RulesConfig rules, AuditAccess audit) {
        this.store = store;
        this.rules = rules;
        this.audit = audit;
    }

    /** Between two ends as {@code diff --from --to} takes them ({@code from} null: the snapshot before {@code to}). */
    public Result between(String from, String to, EvidencePack.Tool tool, Instant now) {
        return pack(new DiffJob(store, rules, audit).run(from, to, now), tool);
    }

    /**
     * From an approved state: the drift from the baseline's pinned snapshot to {@code to} (an end as
     * {@code diff} takes it), narrowed to what the baseline covers, as {@code drift} reports it.
     */
    public Result sinceBaseline(String name, String to, EvidencePack.Tool tool, Instant now) {
        DiffJob.Result result = new DiffJob(store, rules, audit).drift(name, "--to", to, now);
        return pack(result, tool);
    }

    /** The pack of a report already made (with this job's Audit access), a drift's with its baseline. */
    private Result pack(DiffJob.Result result, EvidencePack.Tool tool) {
        SnapshotInfo from = store.snapshot(result.report().from().snapshotId()).orElseThrow();
        SnapshotInfo to = store.snapshot(result.report().to().snapshotId()).orElseThrow();
        boolean consulted = audit instanceof AuditAccess.Read;
        EvidencePack.Ends ends = new EvidencePack.Ends(from, to, result.report().baseline(), consulted);
        PairEvidence evidence = result.unkept().<PairEvidence>map(PairEvidence.Unkept::new)
                .orElseGet(() -> new PairEvidence.Kept(store, from.id(), to.id()));
        List<PackFile> files = new EvidencePack(store, rules).files(result.report(), ends, evidence, tool);
        int events = consulted ? evidence.window().map(EvidenceWindow::matchedEvents).orElse(0) : 0;
        return new Result(files, ends, events, result.warnings());
    }
}

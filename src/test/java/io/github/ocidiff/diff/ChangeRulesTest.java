package io.github.ocidiff.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.github.ocidiff.config.ChangeSelector;
import io.github.ocidiff.config.RuleKind;
import io.github.ocidiff.config.RulesConfig;
import io.github.ocidiff.config.SuppressRule;
import io.github.ocidiff.config.Waiver;
import io.github.ocidiff.store.Baseline;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeRulesTest {

    private static final String ROOT = "ocid1.tenancy.oc1..t";
    private static final String PROD = "ocid1.compartment.oc1..prod";
    private static final String APP = "ocid1.compartment.oc1..app";
    private static final String DEV = "ocid1.compartment.oc1..dev";
    private static final CompartmentScope TREE = new CompartmentScope(Map.of(ROOT, "", PROD, "prod", APP, "prod/app",
            DEV, "dev"));
    private static final Principal NODE_POOL = new Principal("oke", "ocid1.nodepool.oc1..np");
    private static final Principal ANN = new Principal("ann@example.com", "ocid1.user.oc1..ann");

    private static Change change(ChangeKind kind, String ocid, String type, String compartment, String... paths) {
        List<PropertyChange> properties = java.util.Arrays.stream(paths)
                .map(p -> new PropertyChange(p, TextNode.valueOf("a"), TextNode.valueOf("b"))).toList();
        return new Change(kind, ocid, type, "us-ashburn-1", compartment, null, "name", properties, List.of(), null,
                null, null);
    }

    private static SuppressRule suppress(String name, ChangeSelector selector, List<RuleKind> kinds, String actor) {
        return new SuppressRule(name, "noise", selector, kinds, actor);
    }

    private static Waiver waiver(String name, ChangeSelector selector, String expires) {
        return new Waiver(name, "accepted", "ann", LocalDate.parse("2026-11-01"), LocalDate.parse(expires), selector);
    }

    @Test
    void compartmentPatternsCoverTheSubtreeByPathOrOcid() {
        assertThat(TREE.covers("prod", APP)).isTrue();
        assertThat(TREE.covers("prod", PROD)).isTrue();
        assertThat(TREE.covers("prod", DEV)).isFalse();
        assertThat(TREE.covers("*/app", APP)).isTrue();
        assertThat(TREE.covers("prod/app", PROD)).isFalse();
        assertThat(TREE.covers(PROD, APP)).isTrue();
        assertThat(TREE.covers(ROOT, DEV)).isTrue();
        assertThat(TREE.covers("prod", "ocid1.compartment.oc1..unknown")).isFalse();
        assertThat(TREE.knows("prod/app")).isTrue();
        assertThat(TREE.knows("staging")).isFalse();
    }

    @Test
    void anActorRuleNeedsEveryActorToMatchAndSomeActorAtAll() {
        ChangeRules rules = new ChangeRules(new RulesConfig(List.of(), List.of(suppress("oke",
                new ChangeSelector(null, "Instance", null, null), List.of(), "ocid1.nodepool.*")), List.of()), TREE);
        Change created = change(ChangeKind.CREATED, "ocid1.instance.oc1..i", "Instance", APP);

        assertThat(rules.suppressing(created, List.of(NODE_POOL))).isPresent();
        assertThat(rules.suppressing(created, List.of(NODE_POOL, ANN))).isEmpty();
        assertThat(rules.suppressing(created, List.of())).isEmpty();
        assertThat(rules.suppressing(change(ChangeKind.CREATED, "ocid1.vcn.oc1..v", "Vcn", APP), List.of(NODE_POOL)))
                .isEmpty();
    }

    @Test
    void kindsAndPathsNarrowARule() {
        ChangeRules rules = new ChangeRules(new RulesConfig(List.of(), List.of(
                suppress("tags", new ChangeSelector(null, null, "prod", "/freeformTags/*"), List.of(), null),
                suppress("transients", new ChangeSelector(null, "Instance", null, null), List.of(RuleKind.TRANSIENT),
                        null)), List.of()), TREE);

        assertThat(rules.suppressing(change(ChangeKind.MODIFIED, "o1", "Vcn", APP, "/freeformTags/a",
                "/freeformTags/b"), List.of())).map(SuppressRule::name).contains("tags");
        assertThat(rules.suppressing(change(ChangeKind.MODIFIED, "o1", "Vcn", APP, "/freeformTags/a", "/displayName"),
                List.of())).isEmpty();
        assertThat(rules.suppressing(change(ChangeKind.CREATED, "o1", "Vcn", APP), List.of())).isEmpty();
        assertThat(rules.suppressing(change(ChangeKind.MODIFIED, "o1", "Vcn", DEV, "/freeformTags/a"), List.of()))
                .isEmpty();
        TransientResource t = new TransientResource("o2", "Instance", "n", "us-ashburn-1", DEV, null, null);
        assertThat(rules.suppressing(t, List.of())).map(SuppressRule::name).contains("transients");
        assertThat(rules.suppressing(change(ChangeKind.CREATED, "o3", "Instance", DEV), List.of())).isEmpty();
    }

    @Test
    void aWaiverInForceWinsOverAnExpiredOneAndExpiresOnItsDay() {
        ChangeSelector bucket = new ChangeSelector(null, "Bucket", null, null);
        ChangeRules rules = new ChangeRules(new RulesConfig(List.of(), List.of(),
                List.of(waiver("old", bucket, "2026-11-03"), waiver("renewed", bucket, "2026-12-01"))), TREE);
        Change c = change(ChangeKind.MODIFIED, "b", "Bucket", PROD, "/details/publicAccessType");

        assertThat(rules.waiver(c, LocalDate.parse("2026-11-02")))
                .contains(new WaiverVerdict(rules.waivers().get(0), false));
        assertThat(rules.waiver(c, LocalDate.parse("2026-11-03")))
                .contains(new WaiverVerdict(rules.waivers().get(1), false));
        assertThat(rules.waiver(c, LocalDate.parse("2026-12-01")))
                .contains(new WaiverVerdict(rules.waivers().get(0), true));
        assertThat(rules.waiver(change(ChangeKind.MODIFIED, "p", "Policy", PROD, "/details/statements"),
                LocalDate.parse("2026-11-02"))).isEmpty();
    }

    @Test
    void theTallyCountsEveryRuleIncludingZerosAndKeepsWaivedChanges() {
        SuppressRule oke = suppress("oke", new ChangeSelector(null, "Instance", null, null), List.of(), "*nodepool*");
        SuppressRule unused = suppress("unused", new ChangeSelector(null, "Vcn", null, null), List.of(), null);
        Waiver byOcid = waiver("CHG-1", new ChangeSelector("b1", null, null, null), "2026-11-03");
        RuleTally tally = new RuleTally(new ChangeRules(new RulesConfig(List.of(), List.of(oke, unused),
                List.of(byOcid)), TREE), LocalDate.parse("2026-11-03"));

        assertThat(tally.keep(change(ChangeKind.CREATED, "i1", "Instance", APP), List.of(NODE_POOL))).isFalse();
        assertThat(tally.keep(new TransientResource("i2", "Instance", "n", "r", APP, null, null), List.of(NODE_POOL)))
                .isFalse();
        assertThat(tally.keep(change(ChangeKind.MODIFIED, "b1", "Bucket", APP, "/x"), List.of(ANN))).isTrue();
        RuleResults results = tally.result(List.of());

        assertThat(results.suppressed()).containsExactly(new SuppressCount(oke, 1, 1), new SuppressCount(unused, 0, 0));
        assertThat(results.waivers()).containsExactly(new WaiverCount(byOcid, true, 1));
        assertThat(results.verdict("b1")).isEqualTo(new WaiverVerdict(byOcid, true));
        assertThat(results.suppressedTotal()).isEqualTo(2);
    }

    @Test
    void aBaselineScopeKeepsMovesOutOfItsCompartments() {
        BaselineScope scope = new BaselineScope(new Baseline("q4", 1, null, List.of("prod"), List.of("Instance", "bucket"),
                Instant.EPOCH), TREE);
        Change movedOut = new Change(ChangeKind.MOVED, "i", "Instance", "r", DEV, APP, "n", List.of(), List.of(), null,
                null, null);

        assertThat(scope.covers(movedOut)).isTrue();
        assertThat(scope.covers(change(ChangeKind.CREATED, "b", "Bucket", APP))).isTrue();
        assertThat(scope.covers(change(ChangeKind.CREATED, "v", "Vcn", APP))).isFalse();
        assertThat(scope.covers(change(ChangeKind.CREATED, "i", "Instance", DEV))).isFalse();
    }
}

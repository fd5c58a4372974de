package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceRulesConfigTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/tester"));

    private RulesConfig rules(String yaml) {
        return loader.parse(yaml, "config.yaml").rules();
    }

    private void rejects(String yaml, String message) {
        assertThatThrownBy(() -> rules(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void readsSuppressRulesAndWaivers() {
        RulesConfig rules = rules("""
                rules:
                  suppress:
                    - name: oke-node-pools
                      resourceType: Instance
                      compartment: prod/*
                      kind: [created, DELETED, transient]
                      actor: "ocid1.nodepool.*"
                      reason: OKE replaces its worker nodes itself
                  waivers:
                    - name: CHG-1234
                      ocid: ocid1.securitylist.oc1..x
                      path: /details/ingressSecurityRules
                      reason: temporary vendor access
                      approver: ann@example.com
                      approved: 2026-11-01
                      expires: 2026-12-01
                """);

        assertThat(rules.suppress()).containsExactly(new SuppressRule("oke-node-pools",
                "OKE replaces its worker nodes itself", new ChangeSelector(null, "Instance", "prod/*", null),
                List.of(RuleKind.CREATED, RuleKind.DELETED, RuleKind.TRANSIENT), "ocid1.nodepool.*"));
        assertThat(rules.waivers()).containsExactly(new Waiver("CHG-1234", "temporary vendor access",
                "ann@example.com", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1),
                new ChangeSelector("ocid1.securitylist.oc1..x", null, null, "/details/ingressSecurityRules")));
        assertThat(rules.suppress().get(0).describe())
                .isEqualTo("Instance in prod/*, CREATED/DELETED/TRANSIENT, by ocid1.nodepool.*");
    }

    @Test
    void aWaiverExpiresOnItsExpiryDay() {
        Waiver w = rules("rules: {waivers: [{name: w, resourceType: Bucket, reason: r, approver: a, "
                + "approved: 2026-11-01, expires: 2026-11-03}]}").waivers().get(0);

        assertThat(w.expiredOn(LocalDate.of(2026, 11, 2))).isFalse();
        assertThat(w.expiredOn(LocalDate.of(2026, 11, 3))).isTrue();
    }

    @Test
    void aWaiverExpiringBeforeItWasApprovedIsAnErrorNamingIt() {
        rejects("rules: {waivers: [{name: CHG-1, resourceType: Bucket, reason: r, approver: a, approved: 2026-11-05, "
                        + "expires: 2026-11-01}]}",
                "config.yaml: rules.waivers[0].expires: waiver \"CHG-1\" expires on 2026-11-01, not after it was "
                        + "approved on 2026-11-05; a waiver must expire after its approval day");
    }

    @Test
    void aWaiverNeedsAReasonAnApproverDatesAndASelector() {
        rejects("rules: {waivers: [{name: CHG-1, resourceType: Bucket, approver: a, approved: 2026-11-01, expires: 2026-12-01}]}",
                "config.yaml: rules.waivers[0].reason: is required in waiver \"CHG-1\"; say why this drift is accepted");
        rejects("rules: {waivers: [{name: CHG-1, resourceType: Bucket, reason: r, approved: 2026-11-01, expires: 2026-12-01}]}",
                "config.yaml: rules.waivers[0].approver: is required in waiver \"CHG-1\"; name who approved it");
        rejects("rules: {waivers: [{name: CHG-1, resourceType: Bucket, reason: r, approver: a, approved: 2026-11-01}]}",
                "config.yaml: rules.waivers[0].expires: is required in waiver \"CHG-1\"; write a date like 2026-12-31");
        rejects("rules: {waivers: [{name: CHG-1, resourceType: Bucket, reason: r, approver: a, approved: 2026-11-01, "
                        + "expires: 31/12/2026}]}",
                "config.yaml: rules.waivers[0].expires: must be a date YYYY-MM-DD in waiver \"CHG-1\", got \"31/12/2026\"");
        rejects("rules: {waivers: [{name: CHG-1, reason: r, approver: a, approved: 2026-11-01, expires: 2026-12-01}]}",
                "config.yaml: rules.waivers[0].name: waiver \"CHG-1\" selects nothing; give the resource's ocid, or "
                        + "resourceType, compartment and/or path");
        rejects("rules: {waivers: [{resourceType: Bucket, reason: r, approver: a, approved: 2026-11-01, expires: 2026-12-01}]}",
                "config.yaml: rules.waivers[0].name: is required for every waiver, e.g. name: CHG-1234 or name: "
                        + "oke-node-pools");
    }

    @Test
    void badPatternsAreErrorsNamingTheRule() {
        rejects("rules: {suppress: [{name: s1, path: details/etag, reason: r}]}",
                "config.yaml: rules.suppress[0].path: must be a JSON Pointer starting with /, like /freeformTags/*, in "
                        + "suppress rule \"s1\", got \"details/etag\"");
        rejects("rules: {suppress: [{name: s1, compartment: /prod//app, reason: r}]}",
                "config.yaml: rules.suppress[0].compartment: must be a compartment OCID or a path below the tenancy like "
                        + "prod/app (no leading, trailing or double /) in suppress rule \"s1\", got \"/prod//app\"");
        rejects("rules: {suppress: [{name: s1, kind: [UPDATED], reason: r}]}",
                "config.yaml: rules.suppress[0].kind: must be one of CREATED, DELETED, MODIFIED, MOVED, TRANSIENT in "
                        + "suppress rule \"s1\", got \"UPDATED\"");
        rejects("rules: {suppress: [{name: s1, ocid: instance-1, reason: r}]}",
                "config.yaml: rules.suppress[0].ocid: must be a resource OCID (ocid1....) in suppress rule \"s1\", got "
                        + "\"instance-1\"");
        rejects("rules: {suppress: [{name: 'bad name', resourceType: Instance, reason: r}]}",
                "config.yaml: rules.suppress[0].name: must be letters, digits, '.', '_' and '-' (a ticket id like "
                        + "CHG-1234), got \"bad name\"");
    }

    @Test
    void aSuppressRuleNeedsAReasonAndACriterion() {
        rejects("rules: {suppress: [{name: s1, resourceType: Instance}]}",
                "config.yaml: rules.suppress[0].reason: is required in suppress rule \"s1\"; say why these changes are "
                        + "noise, for the reviewers");
        for (String rule : List.of("{name: s1, reason: r}",
                "{name: s1, reason: r, kind: [CREATED, DELETED, MODIFIED, MOVED, TRANSIENT]}",
                "{name: s1, reason: r, resourceType: \"*\"}")) {
            rejects("rules: {suppress: [" + rule + "]}",
                    "config.yaml: rules.suppress[0].name: suppress rule \"s1\" has no criterion and would hide every"
                            + " change; give resourceType, compartment, path, ocid, kind (not all of them) or actor");
        }
    }

    @Test
    void namesAreUniqueAcrossSuppressRulesAndWaivers() {
        rejects("rules: {suppress: [{name: x, resourceType: Instance, reason: r}], waivers: [{name: x, "
                        + "resourceType: Bucket, reason: r, approver: a, approved: 2026-11-01, expires: 2026-12-01}]}",
                "config.yaml: rules.waivers[0].name: \"x\" names two rules; give each suppress rule and waiver its own name");
    }

    @Test
    void aMisspeltKeyIsReportedAsSuch() {
        rejects("rules: {waivers: [{name: x, resourceType: Bucket, reason: r, approver: a, approved: 2026-11-01, "
                        + "expiry: 2026-12-01}]}",
                "config.yaml: unknown key \"rules.waivers[0].expiry\"; did you mean \"expires\"?");
    }
}

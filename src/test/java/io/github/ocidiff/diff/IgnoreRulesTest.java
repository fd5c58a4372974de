package io.github.ocidiff.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ocidiff.config.IgnoreRule;
import io.github.ocidiff.config.RulesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    private static final IgnoreRule ANY_TAG = new IgnoreRule("*", "/definedTags/*/CreatedOn", "set by OCI");
    private static final IgnoreRule DETAILS = new IgnoreRule("Bucket", "/details", "buckets reviewed elsewhere");

    private final IgnoreRules rules = IgnoreRules.of(List.of(ANY_TAG, DETAILS));

    @Test
    void aStarMatchesExactlyOneSegment() {
        assertThat(rules.match("Instance", "/definedTags/Oracle-Tags/CreatedOn")).contains(ANY_TAG);
        assertThat(rules.match("Instance", "/definedTags/CreatedOn")).isEmpty();
        assertThat(rules.match("Instance", "/definedTags/a/b/CreatedOn")).isEmpty();
    }

    @Test
    void aRuleCoversThePropertiesBelowItsPath() {
        assertThat(rules.match("Bucket", "/details/versioning")).contains(DETAILS);
        assertThat(rules.match("Bucket", "/detailsMore")).isEmpty();
    }

    @Test
    void aRuleDeeperThanTheChangeDoesNotMatchIt() {
        assertThat(rules.match("Instance", "/definedTags/Oracle-Tags")).isEmpty();
    }

    @Test
    void aTypedRuleMatchesOnlyItsTypeIgnoringCase() {
        assertThat(rules.match("Policy", "/details/statements/0")).isEmpty();
        assertThat(rules.match("bucket", "/details/etag")).contains(DETAILS);
    }

    @Test
    void rulesMatchTheEscapedTokens() {
        IgnoreRule slashKey = new IgnoreRule("*", "/freeformTags/team~1a", "x");

        assertThat(IgnoreRules.of(List.of(slashKey)).match("Vcn", "/freeformTags/team~1a")).contains(slashKey);
    }

    @Test
    void configuredRulesComeBeforeTheDefaults() {
        IgnoreRule mine = new IgnoreRule("Bucket", "/details/etag", "mine");

        IgnoreRules all = IgnoreRules.withDefaults(new RulesConfig(List.of(mine), List.of(), List.of()));

        assertThat(all.rules()).hasSize(1 + IgnoreRules.DEFAULTS.size()).first().isEqualTo(mine);
        assertThat(all.match("Bucket", "/details/etag")).contains(mine);
    }
}

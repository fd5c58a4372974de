package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRuleTest {

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/tester"));

    private List<IgnoreRule> rules(String yaml) {
        return loader.parse(yaml, "config.yaml").rules().ignore();
    }

    @Test
    void resourceTypeDefaultsToAny() {
        assertThat(rules("rules: {ignore: [{path: /freeformTags/*, reason: tags churn}]}"))
                .containsExactly(new IgnoreRule(IgnoreRule.ANY_TYPE, "/freeformTags/*", "tags churn"));
    }

    @Test
    void pathMustStartWithASlash() {
        assertThatThrownBy(() -> rules("rules: {ignore: [{path: /a, reason: r}, {path: freeformTags, reason: r}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: rules.ignore[1].path: must be a JSON Pointer starting with /, like"
                        + " /freeformTags/*, got \"freeformTags\"");
    }

    @Test
    void pathIsRequired() {
        assertThatThrownBy(() -> rules("rules: {ignore: [{reason: r}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: rules.ignore[0].path: is required; write a JSON Pointer like /freeformTags/*"
                        + " or /definedTags/Ops/*");
    }

    @Test
    void reasonIsRequired() {
        assertThatThrownBy(() -> rules("rules: {ignore: [{path: /a, reason: ' '}]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: rules.ignore[0].reason: is required; say why this change may be ignored,"
                        + " for the reviewers");
    }

    @Test
    void ruleMustBeAMap() {
        assertThatThrownBy(() -> rules("rules: {ignore: [/freeformTags]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config.yaml: rules.ignore[0]: must be a map of keys (key: value lines), got \"/freeformTags\"");
    }
}

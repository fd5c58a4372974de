package io.github.ocidiff.diff;

import static io.github.ocidiff.diff.Versions.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    private final JsonDiff diff = new JsonDiff(SetArrays.of(Map.of("Policy", Set.of("/details/statements"),
            "SecurityList", Set.of("/details/ingressSecurityRules"))));

    private JsonDiff.Result compare(String type, String before, String after) {
        return diff.compare(type, value(before), value(after));
    }

    @Test
    void identicalDocumentsHaveNoChange() {
        assertThat(compare("Vcn", "{\"a\": {\"b\": [1, 2]}}", "{\"a\": {\"b\": [1, 2]}}").isEmpty()).isTrue();
    }

    @Test
    void aTagNamespaceThatAppearedIsListedTagByTag() {
        JsonDiff.Result r = compare("Instance", "{\"definedTags\": {}}",
                "{\"definedTags\": {\"Operations\": {\"CostCenter\": \"42\", \"Owner\": \"ops\"}}}");

        assertThat(r.properties()).containsExactly(
                new PropertyChange("/definedTags/Operations/CostCenter", null, value("\"42\"")),
                new PropertyChange("/definedTags/Operations/Owner", null, value("\"ops\"")));
    }

    @Test
    void aMemberThatBecameAnEmptyObjectIsListedWhole() {
        JsonDiff.Result r = compare("Instance", "{}", "{\"identityContext\": {}}");

        assertThat(r.properties()).containsExactly(new PropertyChange("/identityContext", null, value("{}")));
    }

    @Test
    void jsonNullAndAnAbsentMemberAreTheSame() {
        assertThat(compare("Bucket", "{\"details\": {\"kmsKeyId\": null}}", "{\"details\": {}}").isEmpty()).isTrue();
    }

    @Test
    void aNullThatGotAValueIsAnAddition() {
        JsonDiff.Result r = compare("Bucket", "{\"details\": {\"kmsKeyId\": null}}", "{\"details\": {\"kmsKeyId\": \"k\"}}");

        assertThat(r.properties()).containsExactly(new PropertyChange("/details/kmsKeyId", null, value("\"k\"")));
    }

    @Test
    void theRegionIsComparedLikeAnyProperty() {
        JsonDiff.Result r = compare("Instance", "{\"region\": \"us-ashburn-1\"}", "{\"region\": \"us-phoenix-1\"}");

        assertThat(r.properties()).containsExactly(
                new PropertyChange("/region", value("\"us-ashburn-1\""), value("\"us-phoenix-1\"")));
    }

    @Test
    void ordinaryArraysAreComparedByPositionDownToTheChangedMember() {
        JsonDiff.Result r = compare("RouteTable",
                "{\"rules\": [{\"cidr\": \"10.0.0.0/8\"}, {\"cidr\": \"0.0.0.0/0\"}]}",
                "{\"rules\": [{\"cidr\": \"0.0.0.0/0\"}, {\"cidr\": \"0.0.0.0/0\"}, {\"cidr\": \"1.1.1.1/32\"}]}");

        assertThat(r.properties()).containsExactly(
                new PropertyChange("/rules/0/cidr", value("\"10.0.0.0/8\""), value("\"0.0.0.0/0\"")),
                new PropertyChange("/rules/2", null, value("{\"cidr\": \"1.1.1.1/32\"}")));
    }

    @Test
    void aSetArrayIsOnlyASetForItsResourceType() {
        String before = "{\"details\": {\"statements\": [\"a\", \"b\"]}}";
        String after = "{\"details\": {\"statements\": [\"b\", \"a\"]}}";

        assertThat(compare("Policy", before, after).isEmpty()).isTrue();
        assertThat(compare("DynamicGroup", before, after).properties()).hasSize(2);
    }

    @Test
    void aSetArrayPairsDuplicatesOneToOne() {
        JsonDiff.Result r = compare("Policy", "{\"details\": {\"statements\": [\"a\", \"a\"]}}",
                "{\"details\": {\"statements\": [\"a\"]}}");

        assertThat(r.properties()).containsExactly(new PropertyChange("/details/statements/1", value("\"a\""), null));
        assertThat(r.texts()).containsExactly(new TextDiff("/details/statements", List.of("  a", "- a")));
    }

    @Test
    void anEditedRuleOfAReorderedSetIsShownMemberByMemberAtItsNewIndex() {
        JsonDiff.Result r = compare("SecurityList",
                "{\"details\": {\"ingressSecurityRules\": [{\"protocol\": \"6\", \"source\": \"10.1.0.0/16\", \"port\": 443},"
                        + " {\"protocol\": \"17\", \"source\": \"10.0.0.0/8\", \"port\": 53}]}}",
                "{\"details\": {\"ingressSecurityRules\": [{\"protocol\": \"17\", \"source\": \"10.0.0.0/8\", \"port\": 53},"
                        + " {\"protocol\": \"6\", \"source\": \"0.0.0.0/0\", \"port\": 443}]}}");

        assertThat(r.properties()).containsExactly(new PropertyChange("/details/ingressSecurityRules/1/source",
                value("\"10.1.0.0/16\""), value("\"0.0.0.0/0\"")));
    }

    @Test
    void unlikeRulesOfASetAreARemovalAndAnAddition() {
        JsonDiff.Result r = compare("SecurityList",
                "{\"details\": {\"ingressSecurityRules\": [{\"protocol\": \"6\", \"source\": \"10.1.0.0/16\", \"port\": 443}]}}",
                "{\"details\": {\"ingressSecurityRules\": [{\"protocol\": \"17\", \"source\": \"0.0.0.0/0\", \"port\": 53}]}}");

        assertThat(r.properties()).extracting(PropertyChange::path)
                .containsExactly("/details/ingressSecurityRules/0", "/details/ingressSecurityRules/0");
        assertThat(r.properties().get(0).after()).isNull();
        assertThat(r.properties().get(1).before()).isNull();
    }

    @Test
    void theLineDiffOfAReorderedAndEditedSetShowsOnlyTheEdit() {
        JsonDiff.Result r = compare("Policy", "{\"details\": {\"statements\": [\"A\", \"B\", \"C\"]}}",
                "{\"details\": {\"statements\": [\"C\", \"A\", \"D\"]}}");

        assertThat(r.properties()).containsExactly(
                new PropertyChange("/details/statements/1", value("\"B\""), null),
                new PropertyChange("/details/statements/2", null, value("\"D\"")));
        assertThat(r.texts()).containsExactly(new TextDiff("/details/statements", List.of("  C", "- B", "  A", "+ D")));
    }

    @Test
    void aMultiLineTextGetsALineDiff() {
        JsonDiff.Result r = compare("Policy", "{\"description\": \"one\\ntwo\\nthree\"}",
                "{\"description\": \"one\\n2\\nthree\"}");

        assertThat(r.properties()).containsExactly(
                new PropertyChange("/description", value("\"one\\ntwo\\nthree\""), value("\"one\\n2\\nthree\"")));
        assertThat(r.texts()).containsExactly(new TextDiff("/description", List.of("  one", "- two", "+ 2", "  three")));
    }

    @Test
    void aSingleLineTextHasNoLineDiff() {
        assertThat(compare("Vcn", "{\"displayName\": \"a\"}", "{\"displayName\": \"b\"}").texts()).isEmpty();
    }

    @Test
    void aValueThatChangedTypeIsOneChange() {
        JsonDiff.Result r = compare("Vcn", "{\"x\": {\"a\": 1}}", "{\"x\": \"flat\"}");

        assertThat(r.properties()).containsExactly(new PropertyChange("/x", value("{\"a\": 1}"), value("\"flat\"")));
    }
}

package io.github.ocidiff.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlAssetsTest {
    @Test
    void hashesAreCspSourceExpressions() {
        assertThat(HtmlAssets.sha256("")).isEqualTo("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    }

    @Test
    void thePolicyAdmitsTheScriptAndStylesheetByHashAndNothingElse() {
        assertThat(HtmlAssets.CONTENT_SECURITY_POLICY).isEqualTo("default-src 'none'; script-src "
                + HtmlAssets.sha256(HtmlAssets.SCRIPT) + "; style-src " + HtmlAssets.sha256(HtmlAssets.STYLE)
                + "; base-uri 'none'; form-action 'none'");
    }

    @Test
    void theScriptNeverEvaluatesText() {
        assertThat(HtmlAssets.SCRIPT).doesNotContain("eval(", "Function(", "innerHTML", "outerHTML",
                "insertAdjacentHTML", "document.write", "setTimeout", "setInterval");
    }
}

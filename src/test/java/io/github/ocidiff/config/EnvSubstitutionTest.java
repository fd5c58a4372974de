package io.github.ocidiff.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    private final UnaryOperator<String> env = Map.of("USER", "ops", "EMPTY", "", "DOLLAR", "${USER}")::get;

    @Test
    void replacesEachReference() {
        assertThat(EnvSubstitution.apply("${USER}@${USER}.example.com", env)).isEqualTo("ops@ops.example.com");
    }

    @Test
    void defaultReplacesAnUnsetOrEmptyVariable() {
        assertThat(EnvSubstitution.apply("${MISSING:-a}/${EMPTY:-b}/${USER:-c}", env)).isEqualTo("a/b/ops");
    }

    @Test
    void emptyDefaultIsAllowed() {
        assertThat(EnvSubstitution.apply("x${MISSING:-}y", env)).isEqualTo("xy");
    }

    @Test
    void valuesAreNotExpandedAgain() {
        assertThat(EnvSubstitution.apply("${DOLLAR}", env)).isEqualTo("${USER}");
    }

    @Test
    void textWithoutReferencesIsUnchanged() {
        assertThat(EnvSubstitution.apply("costs $5 {or} more", env)).isEqualTo("costs $5 {or} more");
    }

    @Test
    void unsetVariableWithoutDefaultIsAnError() {
        assertThatThrownBy(() -> EnvSubstitution.apply("${MISSING}", env))
                .hasMessage("environment variable MISSING is not set; export it or write ${MISSING:-default}");
    }

    @Test
    void unclosedReferenceIsAnError() {
        assertThatThrownBy(() -> EnvSubstitution.apply("${USER", env))
                .hasMessage("has a \"${\" without its closing \"}\"; write ${NAME} or ${NAME:-default}");
    }

    @Test
    void referenceThatIsNotANameIsAnError() {
        assertThatThrownBy(() -> EnvSubstitution.apply("${1 2}", env))
                .hasMessage("has a \"${...}\" that is not ${NAME} or ${NAME:-default} (NAME: letters, digits and _)");
    }

    /** The first "}" ends a reference: nested, the default would keep a stray "}" (a store named "${B:-x}"). */
    @Test
    void aReferenceInsideADefaultIsAnError() {
        assertThatThrownBy(() -> EnvSubstitution.apply("${MISSING:-${USER:-x}}", env))
                .hasMessage("has a ${...} inside a default, which is not expanded; write the default out, as in"
                        + " ${NAME:-value}");
    }
}

package io.github.ocidiff.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ocidiff.OcidiffException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionSelectionTest {
    private static final List<String> READY = List.of("us-ashburn-1", "eu-frankfurt-1", "uk-london-1");

    @Test
    void includeKeepsAndExcludeDropsSubscribedRegionsInTheirOrder() {
        assertThat(RegionSelection.select(READY, List.of(), "regions.include", List.of("eu-frankfurt-1")))
                .containsExactly("us-ashburn-1", "uk-london-1");
        assertThat(RegionSelection.select(READY, List.of("uk-london-1", "us-ashburn-1"), "regions.include", List.of()))
                .containsExactly("us-ashburn-1", "uk-london-1");
    }

    /** A region not subscribed yet may be excluded ahead of its subscription. */
    @Test
    void aKnownRegionNotSubscribedMayBeExcluded() {
        assertThat(RegionSelection.select(READY, List.of(), "regions.include", List.of("ap-tokyo-1")))
                .isEqualTo(READY);
    }

    /** A typo in the exclude list would leave the region it meant covered without a word. */
    @Test
    void anExcludedRegionOciDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> RegionSelection.select(READY, List.of(), "regions.include", List.of("eu-frankfurt-9")))
                .isInstanceOfSatisfying(OcidiffException.class, e -> assertThat(e.exitCode()).isEqualTo(OcidiffException.USAGE))
                .hasMessage("regions.exclude: eu-frankfurt-9 is no region OCI knows (subscribed: us-ashburn-1,"
                        + " eu-frankfurt-1, uk-london-1): correct it or remove it");
    }

    @Test
    void excludingAllThatIsIncludedNamesBothLists() {
        assertThatThrownBy(() -> RegionSelection.select(READY, List.of("eu-frankfurt-1"), "--region",
                List.of("eu-frankfurt-1")))
                .isInstanceOf(OcidiffException.class)
                .hasMessage("--region eu-frankfurt-1: all in regions.exclude (eu-frankfurt-1), so nothing is left to"
                        + " cover; exclude less");
        assertThatThrownBy(() -> RegionSelection.select(READY, List.of(), "regions.include", READY))
                .hasMessage("regions.exclude (us-ashburn-1, eu-frankfurt-1, uk-london-1) excludes every subscribed"
                        + " region (us-ashburn-1, eu-frankfurt-1, uk-london-1), so nothing is left to cover; exclude less");
    }

    @Test
    void anIncludedRegionNotSubscribedIsRefused() {
        assertThatThrownBy(() -> RegionSelection.select(READY, List.of("ap-tokyo-1"), "--region", List.of()))
                .isInstanceOf(OcidiffException.class)
                .hasMessageStartingWith("--region: ap-tokyo-1 is not a READY region subscription of this tenancy");
    }
}

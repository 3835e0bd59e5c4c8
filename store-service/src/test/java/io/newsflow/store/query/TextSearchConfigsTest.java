package io.newsflow.store.query;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TextSearchConfigsTest {

    private final TextSearchConfigs configs = new TextSearchConfigs(Map.of(
            "en", "english", "eng", "english", "nb", "norwegian", "xx", "simple"));

    @Test
    void withoutLanguageEveryDistinctStemmingConfigOnceInStableOrder() {
        assertThat(configs.stemmingConfigsFor(null)).containsExactly("english", "norwegian");
    }

    @Test
    void withLanguageOnlyItsConfig() {
        assertThat(configs.stemmingConfigsFor("nb")).containsExactly("norwegian");
    }

    @Test
    void unknownOrSimpleLanguageNeedsNoStemmingBranch() {
        assertThat(configs.stemmingConfigsFor("und")).isEmpty();
        assertThat(configs.stemmingConfigsFor("xx")).isEmpty();
    }
}

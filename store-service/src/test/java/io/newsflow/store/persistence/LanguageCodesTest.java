package io.newsflow.store.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageCodesTest {

    @Test
    void lowerCasesAndDropsTheRegion() {
        assertThat(LanguageCodes.normalise("EN")).isEqualTo("en");
        assertThat(LanguageCodes.normalise("nb-NO")).isEqualTo("nb");
        assertThat(LanguageCodes.normalise("pt_BR")).isEqualTo("pt");
        assertThat(LanguageCodes.normalise(" nno ")).isEqualTo("nno");
    }

    @Test
    void missingIsUndetermined() {
        assertThat(LanguageCodes.normalise(null)).isEqualTo("und");
        assertThat(LanguageCodes.normalise("  ")).isEqualTo("und");
    }
}

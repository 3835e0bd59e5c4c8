package io.newsflow.enrich.fingerprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EnrichedArticle.Fingerprint;
import io.newsflow.contracts.fingerprint.MinHash;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import io.newsflow.enrich.Fixtures;
import io.newsflow.enrich.pipeline.Enrichment;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint in the enriched event lets the store tell copies and same-story reports from unrelated news. */
class StoryFingerprintTest {

    private static final String TEXT = "Defence ministers meeting in Brussels agreed to send at least four more Patriot "
            + "air-defence batteries to Ukraine by January, with Germany and the Netherlands supplying launchers. "
            + "NATO Secretary General Mark Rutte said the alliance would not let Russia freeze Ukraine into "
            + "submission this winter, and urged allies to deliver interceptors faster.";

    private Enrichment enrich(String title, String text, String language) {
        return Fixtures.enricher().enrich(title, text, language);
    }

    /**
     * The store fingerprints articles that arrive without one by {@code TextFingerprint.of(title, text)}; enrich
     * fingerprints the tokens it already has. Both must give the same value, or copies would not be recognised across
     * the two paths. Checked on every held-out article (eight languages) and on awkward text.
     */
    @Test
    void theEnrichedFingerprintIsTheOneTheStoreComputesFromTheText() throws Exception {
        List<String[]> texts = new ArrayList<>();
        for (String set : List.of("heldout/articles.json", "heldout/articles-2.json")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(set)) {
                new ObjectMapper().readTree(in).get("articles").forEach(a -> texts.add(new String[] {
                        a.get("title").asText(), a.get("text").asText()}));
            }
        }
        texts.add(new String[] {"U.S. “Patriot”—Su-30MK2’s 5. november", "O'Brien\r\n\n普京访问\u00a0ＡＢＣ１２ Nicolás… e.g. x"});
        texts.add(new String[] {null, "  "});
        for (String[] t : texts) {
            assertThat(enrich(t[0], t[1], null).fingerprint().textFingerprint())
                    .as(t[0]).isEqualTo(TextFingerprint.of(t[0], t[1]));
        }
    }

    @Test
    void aLightlyEditedCopyIsACopyAndAnUnrelatedArticleIsNot() {
        Fingerprint original = enrich("NATO allies pledge Patriot batteries for Ukraine", TEXT, null).fingerprint();
        Fingerprint copy = enrich("NATO allies pledge more Patriot batteries for Ukraine",
                TEXT.replace("at least four", "four") + " (Reuters)", null).fingerprint();
        Fingerprint other = enrich("Lagarde signals ECB will keep rates on hold",
                "The European Central Bank kept interest rates unchanged on Thursday as euro zone growth slowed, and "
                        + "President Christine Lagarde said inflation was close to the two percent target.", null).fingerprint();

        assertThat(original.minhash()).hasSize(MinHash.SIGNATURE_SIZE);
        assertThat(original.simhash()).matches("[0-9a-f]{16}");
        assertThat(original.textFingerprint().isCopyOf(copy.textFingerprint())).isTrue();
        assertThat(original.textFingerprint().isCopyOf(other.textFingerprint())).isFalse();
        assertThat(original.keywords()).contains("patriot", "ukraine").doesNotContain("with", "would", "this");
    }

    @Test
    void theSameStoryInAnotherLanguageSharesItsTopEntities() {
        Fingerprint english = enrich("NATO allies pledge Patriot batteries for Ukraine", TEXT, null).fingerprint();
        Fingerprint norwegian = enrich("NATO-land sender flere Patriot-batterier til Ukraina",
                "Forsvarsministrene i NATO ble enige i Brussel om å sende minst fire nye Patriot-batterier til Ukraina "
                        + "innen januar. Generalsekretær Mark Rutte sa at alliansen ikke vil la Russland fryse Ukraina "
                        + "til underkastelse i vinter.", null).fingerprint();
        assertThat(norwegian.topEntityIds()).hasSizeLessThanOrEqualTo(StoryFingerprinter.TOP_ENTITIES);
        assertThat(english.topEntityIds()).containsAnyElementsOf(norwegian.topEntityIds());
        assertThat(english.textFingerprint().isCopyOf(norwegian.textFingerprint())).isFalse();
    }
}

package io.newsflow.enrich.pipeline;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleEnricherTest {

    private final ArticleEnricher enricher = Fixtures.enricher();

    static RawArticle raw(String title, String text, String hint) {
        return new RawArticle(RawArticle.SCHEMA_VERSION, "0123456789abcdef0123456789abcdef", "https://example.org/a",
                "https://example.org/a", "example.org", "https://example.org/feed", title, text, null, List.of(),
                Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:05:00Z"), hint, "hash", 1);
    }

    @Test
    void enrichedArticleCarriesTheRawArticleAndTheFindings() {
        RawArticle raw = raw("Putin threatens to arm Venezuela with missiles",
                "Russia could supply Venezuela with Oreshnik missiles, a senior lawmaker said, as US forces gathered "
                        + "in the Caribbean and President Nicolás Maduro accused Washington of preparing a war.", "en");
        EnrichedArticle enriched = enricher.enrich(raw);
        assertThat(enriched.schemaVersion()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
        assertThat(enriched.article()).isEqualTo(raw);
        assertThat(enriched.id()).isEqualTo(raw.id());
        assertThat(enriched.enrichedAt()).isEqualTo(Fixtures.NOW);
        assertThat(enriched.language().code()).isEqualTo("en");
        assertThat(enriched.entities()).extracting(EnrichedArticle.Entity::id).contains("Q7747", "Q159", "Q717");
        assertThat(enriched.topics()).extracting(EnrichedArticle.Topic::code).contains("medtop:16000000", "medtop:11000000");
    }

    @Test
    void languageHintDecidesWhenTheTextIsTooShort() {
        assertThat(enricher.enrich(raw("Kort", "Ja.", "nb")).language().code()).isEqualTo("nb");
        assertThat(enricher.enrich(raw("", "", null)).language().code()).isEqualTo("und");
    }

    @Test
    void anEightHundredWordArticleTakesWellUnderFiveMilliseconds() {
        String[] sentences = {
                "Russian President Vladimir Putin met Venezuelan leader Nicolás Maduro in Moscow on Tuesday.",
                "The two leaders discussed military cooperation, oil exports and the situation in the Caribbean.",
                "Deputy Foreign Minister Sergey Ryabkov said the United States was to blame for rising tension.",
                "Analysts at the Carnegie Endowment said Kalibr cruise missiles and Su-30MK2 jets were on the table.",
                "Markets in Caracas reacted calmly, while the central bank reported falling inflation for March.",
                "NATO officials in Brussels declined to comment, and the European Union repeated its call for talks.",
                "In Kyiv, Volodymyr Zelensky warned that Russia's arms exports would fuel the war in Ukraine."};
        List<String> shuffled = new ArrayList<>();
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        int words = 0;
        while (words < 800) {
            if (shuffled.isEmpty()) {
                Collections.addAll(shuffled, sentences);
                Collections.shuffle(shuffled, random);
            }
            String s = shuffled.removeLast();
            text.append(s).append(words % 60 < 15 ? "\n\n" : " ");
            words += s.split(" ").length;
        }
        String body = text.toString();
        for (int i = 0; i < 300; i++) {
            enricher.enrich("Putin and Maduro meet in Moscow", body, null);
        }
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            enricher.enrich("Putin and Maduro meet in Moscow", body, null);
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        double medianMs = times[times.length / 2] / 1e6;
        System.out.printf("Enriching an %d-word article: median %.2f ms%n", words, medianMs);
        assertThat(medianMs).isLessThan(5.0);
    }
}

package io.newsflow.enrich.pipeline;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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
}

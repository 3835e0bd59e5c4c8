package io.newsflow.store.persistence;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.store.TestArticles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleValidationTest {

    @Test
    void aWellFormedArticleHasNoProblem() {
        var article = TestArticles.article("example.com")
                .entities(TestArticles.entity("Q20", "Norway", EntityType.LOCATION, 0.9))
                .topics(TestArticles.topic("medtop:11000000", "politics")).build();

        assertThat(ArticleValidation.problem(article)).isEmpty();
    }

    @Test
    void revisionMustBePositive() {
        assertThat(ArticleValidation.problem(TestArticles.article("example.com").revision(0).build()))
                .hasValueSatisfying(p -> assertThat(p).contains("revision 0"));
    }

    @Test
    void entitiesNeedIdNameAndType() {
        var base = TestArticles.article("example.com").build();
        var noId = withEntities(base, new EnrichedArticle.Entity(null, "Norway", EntityType.LOCATION, false, 1, 0.5,
                List.of()));
        var noType = withEntities(base, new EnrichedArticle.Entity("Q20", "Norway", null, true, 1, 0.5, List.of()));

        assertThat(ArticleValidation.problem(noId)).isPresent();
        assertThat(ArticleValidation.problem(noType)).isPresent();
    }

    @Test
    void topicsNeedACode() {
        var base = TestArticles.article("example.com").build();
        var noCode = new EnrichedArticle(1, base.article(), base.language(), List.of(),
                List.of(new EnrichedArticle.Topic(" ", "politics", 0.5)), base.enrichedAt());

        assertThat(ArticleValidation.problem(noCode)).isPresent();
    }

    @Test
    void blankIdIsRejected() {
        var base = TestArticles.article("example.com").build();
        var raw = base.article();
        var blank = new io.newsflow.contracts.RawArticle(1, " ", raw.url(), raw.canonicalUrl(), raw.source(),
                raw.feedUrl(), raw.title(), raw.text(), raw.summary(), raw.authors(), raw.publishedAt(),
                raw.fetchedAt(), raw.languageHint(), raw.contentHash(), 1);

        assertThat(ArticleValidation.problem(new EnrichedArticle(1, blank, base.language(), List.of(), List.of(),
                base.enrichedAt()))).isPresent();
    }

    private static EnrichedArticle withEntities(EnrichedArticle base, EnrichedArticle.Entity entity) {
        return new EnrichedArticle(1, base.article(), base.language(), List.of(entity), List.of(), base.enrichedAt());
    }
}

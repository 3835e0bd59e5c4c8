package io.newsflow.store.stream;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.store.TestArticles;
import io.newsflow.store.query.ArticleQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFilterTest {

    private final EnrichedArticle article = TestArticles.article("nrk.no").language("nb-NO")
            .entities(TestArticles.entity("Q20", "Norge", EntityType.LOCATION, 0.8))
            .topics(TestArticles.topic("medtop:04005000", "energy")).build();

    private static StreamFilter filter(String entity, String type, String topic, String language, String source) {
        return StreamFilter.of(ArticleQuery.parse(null, entity, topic, language, source, null, type, null, null, null,
                null, null));
    }

    @Test
    void matchesLikeTheArticleQuery() {
        assertThat(filter(null, null, null, null, null).matches(article)).isTrue();
        assertThat(filter("Q20", null, null, "nb", "NRK.no").matches(article)).isTrue();
        assertThat(filter("norge", "LOCATION", "medtop:04000000", null, null).matches(article)).isTrue();
        assertThat(filter(null, null, "medtop:04005000", null, null).matches(article)).isTrue();
    }

    @Test
    void rejectsWhatDoesNotMatch() {
        assertThat(filter(null, null, null, "en", null).matches(article)).isFalse();
        assertThat(filter("Q20", "PERSON", null, null, null).matches(article)).isFalse();
        assertThat(filter(null, "PERSON", null, null, null).matches(article)).isFalse();
        assertThat(filter(null, null, "medtop:16000000", null, null).matches(article)).isFalse();
        assertThat(filter(null, null, "medtop:04006000", null, null).matches(article)).isFalse();
        assertThat(filter(null, null, null, null, "vg.no").matches(article)).isFalse();
    }
}

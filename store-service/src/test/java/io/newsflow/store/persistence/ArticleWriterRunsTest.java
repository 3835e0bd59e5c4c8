package io.newsflow.store.persistence;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.RawArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleWriterRunsTest {

    private static EnrichedArticle article(String path, int revision) {
        String url = "https://example.com/" + path;
        RawArticle raw = new RawArticle(1, ArticleIds.idFor(url), url, url, "example.com", null, path, "text", null,
                List.of(), null, Instant.EPOCH, "en", "a".repeat(64), revision);
        return new EnrichedArticle(1, raw, new EnrichedArticle.Language("en", 1), List.of(), List.of(), Instant.EPOCH);
    }

    @Test
    void aBatchWithARepeatedArticleIsSplitWhereTheIdRepeatsKeepingOrder() {
        EnrichedArticle a1 = article("a", 1);
        EnrichedArticle b = article("b", 1);
        EnrichedArticle a2 = article("a", 2);
        EnrichedArticle c = article("c", 1);

        assertThat(ArticleWriter.runsOfDistinctIds(List.of(a1, b, a2, c))).containsExactly(List.of(a1, b), List.of(a2, c));
        assertThat(ArticleWriter.runsOfDistinctIds(List.of(a1, b, c))).containsExactly(List.of(a1, b, c));
    }
}

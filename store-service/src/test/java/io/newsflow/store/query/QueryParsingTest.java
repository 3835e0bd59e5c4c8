package io.newsflow.store.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing and SQL of the query API's second version: type, story, time range, cursor, facets, trending. */
class QueryParsingTest {

    private static final TextSearchConfigs CONFIGS = new TextSearchConfigs(Map.of("en", "english"));

    @Test
    void broaderIptcCodesMatchTheirNarrowerCodesByPrefix() {
        assertThat(ArticleQuery.narrowerTopics("medtop:16000000")).isEqualTo("medtop:16%");
        assertThat(ArticleQuery.narrowerTopics("medtop:16009000")).isEqualTo("medtop:16009%");
        assertThat(ArticleQuery.narrowerTopics("medtop:16009001")).isNull();
        assertThat(ArticleQuery.narrowerTopics("medtop:1600")).isNull();
        assertThat(ArticleQuery.narrowerTopics("x%_:00000000")).isNull(); // LIKE metacharacters never get through
        assertThat(ArticleQuery.narrowerTopicPrefix("medtop:04000000")).isEqualTo("medtop:04");
    }

    @Test
    void cursorRoundTripsAndRejectsForgeries() {
        var cursor = new Cursor(Instant.parse("2026-11-20T10:00:00.123456Z"), "abc");
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode(new Cursor(null, "x").encode())).isEqualTo(new Cursor(null, "x"));
        for (String bad : new String[] {"!!!", "Zm9v", "fHg", "bm90LWEtZGF0ZXx4"}) {
            assertThatThrownBy(() -> Cursor.decode(bad)).isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("cursor");
        }
    }

    @Test
    void parsesTypeTimeRangeStoryAndFacets() {
        ArticleQuery q = ArticleQuery.parse(null, "Q1", null, null, null, null, "person", "st-1", "2026-11-20",
                "2026-11-21T12:00:00Z", null, "topic, SOURCE");
        assertThat(q.type()).isEqualTo("PERSON");
        assertThat(q.story()).isEqualTo("st-1");
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(q.facets()).isEqualTo(Set.of("topic", "source"));
    }

    @Test
    void everyNewFilterIsABoundParameter() {
        String hostile = "x') OR 1=1; --";
        ArticleQuery q = ArticleQuery.parse(null, hostile, "medtop:16000000", null, null, null, "EVENT", hostile,
                "2026-11-20", null, new Cursor(Instant.parse("2026-11-20T10:00:00Z"), hostile).encode(),
                "topic,entity,source,language");
        SqlStatement list = q.toSql(CONFIGS);
        assertThat(list.sql()).doesNotContain("1=1");
        assertThat(list.sql().chars().filter(c -> c == '?').count()).isEqualTo(list.parameters().size());
        for (String facet : q.facets()) {
            SqlStatement sql = q.facetSql(facet, CONFIGS);
            assertThat(sql.sql()).doesNotContain("1=1").doesNotContain("LIMIT ?\nLIMIT");
            assertThat(sql.sql().chars().filter(c -> c == '?').count()).isEqualTo(sql.parameters().size());
        }
    }

    @Test
    void malformedValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> ArticleQuery.parse(null, null, null, null, null, null, "ANIMAL", null, null, null,
                null, null)).hasMessageStartingWith("type must be one of");
        assertThatThrownBy(() -> ArticleQuery.parse(null, null, null, null, null, null, null, null, "yesterday", null,
                null, null)).hasMessageStartingWith("from must be an ISO-8601");
        assertThatThrownBy(() -> ArticleQuery.parse(null, null, null, null, null, null, null, null, "2026-11-21",
                "2026-11-20", null, null)).hasMessage("from must be before to");
        assertThatThrownBy(() -> ArticleQuery.parse(null, null, null, null, null, null, null, null, null, null, null,
                "topic,weather")).hasMessageStartingWith("facets must be");
    }

    @Test
    void trendingWindowsAndBounds() {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        TrendingQuery q = TrendingQuery.parse(null, null, null, null, null, now);
        assertThat(q.window()).isEqualTo(Duration.ofHours(24));
        assertThat(q.start()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(q.previousStart()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(TrendingQuery.parse("90m", null, "5", "location", "6", now))
                .isEqualTo(new TrendingQuery(Duration.ofMinutes(90), now, 5, "LOCATION", 6));
        assertThat(TrendingQuery.parse("7d", "2026-11-01", null, null, null, now).until())
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        for (String bad : new String[] {"0h", "91d", "1w", "24", "-1h"}) {
            assertThatThrownBy(() -> TrendingQuery.parse(bad, null, null, null, null, now))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("window must be");
        }
        assertThatThrownBy(() -> TrendingQuery.parse(null, null, "101", null, null, now))
                .hasMessageStartingWith("limit must be");
        assertThatThrownBy(() -> TrendingQuery.parse(null, null, null, null, "0", now))
                .hasMessageStartingWith("buckets must be");
    }
}

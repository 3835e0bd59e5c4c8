package io.newsflow.store.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleQueryTest {

    private static final TextSearchConfigs CONFIGS = new TextSearchConfigs(Map.of(
            "en", "english", "eng", "english", "nb", "norwegian", "nn", "norwegian", "de", "german"));

    @Test
    void defaultsWhenNothingIsGiven() {
        ArticleQuery query = ArticleQuery.parse(null, null, " ", "", null, "   ");

        assertThat(query).isEqualTo(new ArticleQuery(20, null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5", "99999999999", "20x"})
    void rejectsLimitsOutsideOneToTwoHundred(String limit) {
        assertThatThrownBy(() -> ArticleQuery.parse(limit, null, null, null, null, null))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("limit must be an integer between 1 and 200");
    }

    @Test
    void acceptsLimitBoundsAndSurroundingBlanks() {
        assertThat(ArticleQuery.parse("1", null, null, null, null, null).limit()).isEqualTo(1);
        assertThat(ArticleQuery.parse(" 200 ", null, null, null, null, null).limit()).isEqualTo(200);
    }

    @Test
    void rejectsOverlongValues() {
        assertThatThrownBy(() -> ArticleQuery.parse(null, "x".repeat(201), null, null, null, null))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("entity");
        assertThatThrownBy(() -> ArticleQuery.parse(null, null, null, null, null, "x".repeat(501)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("q must be at most 500");
    }

    @Test
    void normalisesLanguageLikeStoredArticles() {
        assertThat(ArticleQuery.parse(null, null, null, "NB", null, null).language()).isEqualTo("nb");
        assertThat(ArticleQuery.parse(null, null, null, "en-GB", null, null).language()).isEqualTo("en");
    }

    @Test
    void unfilteredQueryOnlyBindsEntityCountAndLimit() {
        SqlStatement sql = ArticleQuery.parse("7", null, null, null, null, null).toSql(CONFIGS);

        assertThat(sql.parameters()).containsExactly(5, 7);
        assertThat(sql.sql()).doesNotContain("EXISTS", "websearch_to_tsquery")
                .contains("ORDER BY a.sort_at DESC NULLS LAST, a.id DESC");
    }

    @Test
    void everyFilterBecomesABoundParameterInOrder() {
        SqlStatement sql = ArticleQuery.parse("10", "Q20", "medtop:11000000", "nb", "NRK.no", "valget")
                .toSql(CONFIGS);

        // A level-1 IPTC code also matches its narrower codes (medtop:11xxxxxx).
        assertThat(sql.parameters()).containsExactly(5, "Q20", "Q20", "medtop:11000000", "medtop:11%", "nb", "nrk.no",
                "valget", "norwegian", "norwegian", "valget", 10);
        assertThat(placeholders(sql.sql())).isEqualTo(sql.parameters().size());
    }

    @Test
    void userInputNeverEntersTheSqlText() {
        String hostile = "x') OR 1=1; DROP TABLE article; --";
        SqlStatement sql = ArticleQuery.parse(null, hostile, hostile, hostile, hostile, hostile).toSql(CONFIGS);

        assertThat(sql.sql()).doesNotContain("DROP", "1=1");
        assertThat(sql.parameters()).contains(hostile);
    }

    @Test
    void freeTextWithoutLanguageTriesEveryStemmingConfigAndSimple() {
        SqlStatement sql = ArticleQuery.parse(null, null, null, null, null, "election").toSql(CONFIGS);

        assertThat(sql.sql()).contains("websearch_to_tsquery('simple'::regconfig, ?)");
        assertThat(sql.parameters()).containsExactly(5, "election",
                "english", "english", "election",
                "german", "german", "election",
                "norwegian", "norwegian", "election", 20);
        assertThat(placeholders(sql.sql())).isEqualTo(sql.parameters().size());
    }

    @Test
    void freeTextInALanguageWithoutStemmingUsesSimpleOnly() {
        SqlStatement sql = ArticleQuery.parse(null, null, null, "xx", null, "word").toSql(CONFIGS);

        assertThat(sql.parameters()).containsExactly(5, "xx", "word", 20);
    }

    private static long placeholders(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }
}

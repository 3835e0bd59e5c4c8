package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.TestArticles;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.persistence.UpsertOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The writer's child rows (entities, topics, MinHash bands, figures), loaded with COPY through the service's own pooled
 * connection, against the real PostgreSQL: characters COPY's text format gives a meaning arrive unchanged, an entity
 * or topic listed twice keeps its first entry, a newer revision replaces the rows and an older one leaves them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ArticleWriterIT {

    private static final String AWKWARD_NAME = "Tab\there, back\\slash, new\nline, return\r, \\N and \\t";
    private static final String TEXT = "The harbour authority in Bergen said on Tuesday that the new ferry terminal "
            + "would open in spring, after two years of delays caused by storms and a shortage of steel.";

    @Inject
    ArticleWriter writer;

    @Inject
    DataSource dataSource;

    @Test
    void childRowsArriveExactlyAsSentAndFollowTheNewestRevision() throws SQLException {
        TestArticles.Builder builder = TestArticles.article("copy.test").text(TEXT);
        EnrichedArticle first = builder.revision(1)
                .entities(TestArticles.entity("Q1001", AWKWARD_NAME, EntityType.ORGANIZATION, 0.9),
                        TestArticles.entity("Q1001", "Listed again", EntityType.ORGANIZATION, 0.2),
                        TestArticles.entity("nf:PERSON:Kari", "Kari", EntityType.PERSON, 0.5))
                .topics(TestArticles.topic("medtop:04000000", "economy\\business"),
                        TestArticles.topic("medtop:04000000", "listed again"))
                .build();

        assertThat(writer.upsertAll(List.of(first))).containsExactly(UpsertOutcome.INSERTED);

        assertThat(entities(first.id())).containsExactlyInAnyOrder(
                tuple("Q1001", AWKWARD_NAME, "ORGANIZATION", 0.9), tuple("nf:PERSON:Kari", "Kari", "PERSON", 0.5));
        assertThat(topics(first.id())).containsExactly(tuple("medtop:04000000", "economy\\business"));
        long[] bands = Arrays.stream(TextFingerprint.of(first.article().title(), TEXT).bands()).distinct().sorted()
                .toArray();
        assertThat(bands).isNotEmpty();
        assertThat(bands(first.id())).containsExactly(bands);

        EnrichedArticle second = builder.revision(2)
                .title("Ferry terminal in Bergen delayed again")
                .entities(TestArticles.entity("Q2002", "Bergen", EntityType.LOCATION, 0.8))
                .topics(TestArticles.topic("medtop:16000000", "conflict"))
                .build();
        assertThat(writer.upsertAll(List.of(second))).containsExactly(UpsertOutcome.UPDATED);
        assertThat(writer.upsertAll(List.of(first))).containsExactly(UpsertOutcome.UNCHANGED);

        assertThat(entities(first.id())).containsExactly(tuple("Q2002", "Bergen", "LOCATION", 0.8));
        assertThat(topics(first.id())).containsExactly(tuple("medtop:16000000", "conflict"));
        assertThat(bands(first.id())).containsExactly(Arrays.stream(
                TextFingerprint.of(second.article().title(), TEXT).bands()).distinct().sorted().toArray());
    }

    @Test
    void figureRowsFollowTheNewestRevisionAndOnlyArticlesWithThreeFiguresHaveThem() throws SQLException {
        TestArticles.Builder builder = TestArticles.article("figures.test");
        EnrichedArticle three = builder.revision(1)
                .text("The terminal cost 2.9 million euros, has 48 berths and employs 164 people.").build();
        assertThat(writer.upsertAll(List.of(three))).containsExactly(UpsertOutcome.INSERTED);
        assertThat(numbers(three.id())).containsExactly("164", "2.9", "48");

        EnrichedArticle two = builder.revision(2).text("The terminal cost 2.9 million euros and has 48 berths.").build();
        assertThat(writer.upsertAll(List.of(two))).containsExactly(UpsertOutcome.UPDATED);
        assertThat(numbers(three.id())).isEmpty(); // two figures can never nominate a candidate
    }

    /** The article's figure rows whose time is the article's own. */
    private List<String> numbers(String articleId) throws SQLException {
        List<String> rows = new ArrayList<>();
        query("""
                SELECT f.number FROM article_number f JOIN article a ON a.id = f.article_id AND a.sort_at = f.sort_at
                WHERE f.article_id = ? ORDER BY f.number""", articleId, rs -> rows.add(rs.getString(1)));
        return rows;
    }

    private List<org.assertj.core.groups.Tuple> entities(String articleId) throws SQLException {
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        query("SELECT entity_id, name, type, salience FROM article_entity WHERE article_id = ? ORDER BY entity_id",
                articleId, rs -> rows.add(tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4))));
        return rows;
    }

    private List<org.assertj.core.groups.Tuple> topics(String articleId) throws SQLException {
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        query("SELECT code, label FROM article_topic WHERE article_id = ? ORDER BY code", articleId,
                rs -> rows.add(tuple(rs.getString(1), rs.getString(2))));
        return rows;
    }

    private long[] bands(String articleId) throws SQLException {
        List<Long> rows = new ArrayList<>();
        query("SELECT band FROM article_band WHERE article_id = ? ORDER BY band", articleId,
                rs -> rows.add(rs.getLong(1)));
        return rows.stream().mapToLong(Long::longValue).toArray();
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String articleId, RowReader reader) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}

package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.TestArticles;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.persistence.UpsertOutcome;
import io.newsflow.store.retention.RetentionJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-day counts story clustering reads (article_day, entity_day) against the real database: after new articles,
 * revisions that change their entities and their day, late older revisions, redelivered batches and a retention run
 * whose cutoff falls inside a day, they equal a recount from article and article_entity, and every entity row carries
 * its article's sort_at. The recount covers the whole database in one snapshot, so whatever other tests stored is
 * checked too. Articles here are dated June 2001: after what RetentionIT purges, long before anything else the tests
 * store.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DayCountsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String A = RUN + "-A";
    private static final String B = RUN + "-B";
    private static final String C = RUN + "-C";
    private static final String D = RUN + "-D";
    private static final Instant JUNE_10 = Instant.parse("2001-06-10T09:00:00Z");
    private static final Instant JUNE_11_MORNING = Instant.parse("2001-06-11T08:00:00Z");
    /** Beyond PostgreSQL's microseconds: the entity rows must round it as the article row does. */
    private static final Instant JUNE_11_AFTERNOON = Instant.parse("2001-06-11T15:00:00.0000025Z");

    /**
     * Differences between what the store derives from its articles (the day tables, the entity rows' sort_at) and a
     * recount, one line each; none when they agree.
     */
    static final String DIFFERENCES = """
            WITH days AS (SELECT (sort_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS articles
                          FROM article WHERE sort_at IS NOT NULL GROUP BY 1),
            entities AS (SELECT e.entity_id, (a.sort_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS articles
                         FROM article_entity e JOIN article a ON a.id = e.article_id
                         WHERE a.sort_at IS NOT NULL GROUP BY 1, 2)
            SELECT 'article_day lacks ' || day || '=' || articles FROM (
                SELECT day, articles FROM days EXCEPT SELECT day, articles FROM article_day) x
            UNION ALL
            SELECT 'article_day has ' || day || '=' || articles FROM (
                SELECT day, articles FROM article_day EXCEPT SELECT day, articles FROM days) x
            UNION ALL
            SELECT 'entity_day lacks ' || entity_id || ' ' || day || '=' || articles FROM (
                SELECT entity_id, day, articles FROM entities
                EXCEPT SELECT entity_id, day, articles FROM entity_day) x
            UNION ALL
            SELECT 'entity_day has ' || entity_id || ' ' || day || '=' || articles FROM (
                SELECT entity_id, day, articles FROM entity_day
                EXCEPT SELECT entity_id, day, articles FROM entities) x
            UNION ALL
            SELECT 'article_entity ' || e.article_id || ' ' || e.entity_id || ' has sort_at '
                   || coalesce(e.sort_at::text, 'null') || ', its article ' || coalesce(a.sort_at::text, 'null')
            FROM article_entity e JOIN article a ON a.id = e.article_id WHERE e.sort_at IS DISTINCT FROM a.sort_at
            """;

    @Inject
    ArticleWriter writer;
    @Inject
    RetentionJob retention;
    @Inject
    DataSource dataSource;

    @Test
    void dayCountsEqualARecountThroughRevisionsRedeliveriesAndRetention() throws SQLException {
        TestArticles.Builder one = TestArticles.article("one-" + RUN + ".test").publishedAt(JUNE_10);
        TestArticles.Builder two = TestArticles.article("two-" + RUN + ".test").publishedAt(JUNE_10);
        TestArticles.Builder three = TestArticles.article("three-" + RUN + ".test").publishedAt(JUNE_11_MORNING);
        // Neither published nor fetched time: no sort_at, in no clustering window, so counted nowhere.
        TestArticles.Builder undated = TestArticles.article("undated-" + RUN + ".test").publishedAt(null)
                .fetchedAt(null);
        EnrichedArticle oneFirst = one.title("One, first").entities(entity(A), entity(B)).build();
        EnrichedArticle twoFirst = two.title("Two").entities(entity(A), entity(C)).build();
        EnrichedArticle threeFirst = three.title("Three").entities(entity(A)).build();

        assertThat(writer.upsertAll(List.of(oneFirst, twoFirst, threeFirst,
                undated.title("Undated").entities(entity(A)).build()))).containsOnly(UpsertOutcome.INSERTED);
        assertThat(differences()).isEmpty();
        assertThat(entityDays()).containsExactly(A + " 2001-06-10=2", A + " 2001-06-11=1", B + " 2001-06-10=1",
                C + " 2001-06-10=1");
        assertThat(articleDays()).containsExactly("2001-06-10=2", "2001-06-11=1");

        // Revisions: one moves to the next afternoon and names B and D instead of A and B; two keeps day and entities.
        List<EnrichedArticle> revisions = List.of(
                one.revision(2).title("One, revised").publishedAt(JUNE_11_AFTERNOON).entities(entity(B), entity(D))
                        .build(),
                two.revision(2).title("Two, revised").build());
        assertThat(writer.upsertAll(revisions)).containsOnly(UpsertOutcome.UPDATED);
        List<String> revised = List.of(A + " 2001-06-10=1", A + " 2001-06-11=1", B + " 2001-06-11=1",
                C + " 2001-06-10=1", D + " 2001-06-11=1");
        assertThat(differences()).isEmpty();
        assertThat(entityDays()).containsExactlyElementsOf(revised);
        assertThat(articleDays()).containsExactly("2001-06-10=1", "2001-06-11=2");

        // A late older revision, the revisions redelivered, and a batch naming one article twice change nothing.
        assertThat(writer.upsertAll(List.of(oneFirst))).containsExactly(UpsertOutcome.UNCHANGED);
        assertThat(writer.upsertAll(revisions)).containsOnly(UpsertOutcome.UNCHANGED);
        assertThat(writer.upsertAll(List.of(revisions.get(0), threeFirst, revisions.get(0), oneFirst)))
                .containsOnly(UpsertOutcome.UNCHANGED);
        assertThat(differences()).isEmpty();
        assertThat(entityDays()).containsExactlyElementsOf(revised);
        assertThat(articleDays()).containsExactly("2001-06-10=1", "2001-06-11=2");

        // Retention with its cutoff inside June 11: two and three go, one (that afternoon) and the undated one stay.
        assertThat(retention.purgeOlderThan(Instant.parse("2001-06-11T12:00:00Z"))).isEqualTo(2);
        assertThat(differences()).isEmpty();
        assertThat(entityDays()).containsExactly(B + " 2001-06-11=1", D + " 2001-06-11=1");
        assertThat(articleDays()).containsExactly("2001-06-11=1");

        assertThat(retention.purgeOlderThan(Instant.parse("2001-06-12T00:00:00Z"))).isEqualTo(1);
        assertThat(differences()).isEmpty();
        assertThat(entityDays()).isEmpty();
        assertThat(articleDays()).isEmpty();
    }

    private static EnrichedArticle.Entity entity(String id) {
        return TestArticles.entity(id, "Name " + id, EntityType.PERSON, 0.8);
    }

    private List<String> differences() throws SQLException {
        return strings(DIFFERENCES);
    }

    private List<String> entityDays() throws SQLException {
        return strings("SELECT entity_id || ' ' || day || '=' || articles FROM entity_day WHERE entity_id LIKE '"
                + RUN + "-%' ORDER BY entity_id, day");
    }

    private List<String> articleDays() throws SQLException {
        return strings("SELECT day || '=' || articles FROM article_day "
                + "WHERE day BETWEEN '2001-06-01' AND '2001-06-30' ORDER BY day");
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            return strings(st, sql);
        }
    }

    /** The first column of every row. */
    static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}

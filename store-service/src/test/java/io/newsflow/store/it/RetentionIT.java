package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.TestArticles;
import io.newsflow.store.config.StoreConfig;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.retention.RetentionJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Retention against the real database. The articles here are dated 1999–2000, long before anything else the tests
 * store, so purging up to 2000 touches only them.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RetentionIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ArticleWriter writer;
    @Inject
    RetentionJob retention;
    @Inject
    StoreConfig config;
    @Inject
    DataSource dataSource;

    @Test
    void articlesOlderThanTheCutoffAreDeletedWithTheirRowsAndEmptyStories() throws SQLException {
        String text = "Retention test " + RUN + ": the council met on Monday to agree the budget for the new harbour "
                + "wall, which engineers say must be finished before the winter storms arrive in the bay.";
        // Two copies of one story, one old enough to go and one not; and a lone old article.
        EnrichedArticle oldCopy = TestArticles.article("old-" + RUN + ".test").title("Harbour wall budget").text(text)
                .publishedAt(Instant.parse("1999-03-01T10:00:00Z"))
                .entities(TestArticles.entity("Q1", "Old " + RUN, EntityType.PERSON, 0.9))
                .topics(TestArticles.topic("medtop:11000000", "politics")).build();
        EnrichedArticle keptCopy = TestArticles.article("kept-" + RUN + ".test").title("Harbour wall budget agreed")
                .text(text).publishedAt(Instant.parse("1999-03-02T10:00:00Z")).build();
        EnrichedArticle lone = TestArticles.article("lone-" + RUN + ".test").title("Lone " + RUN)
                .text("Something else entirely happened " + RUN + " in another town far away from the sea.")
                .publishedAt(Instant.parse("1999-02-01T10:00:00Z")).build();
        writer.upsert(oldCopy);
        writer.upsert(keptCopy);
        writer.upsert(lone);
        String sharedStory = storyOf(oldCopy.id());
        assertThat(storyOf(keptCopy.id())).isEqualTo(sharedStory);
        String loneStory = storyOf(lone.id());
        given().get("/api/stories/" + sharedStory).then().body("articleCount", equalTo(2));

        long deleted = retention.purgeOlderThan(Instant.parse("1999-03-02T00:00:00Z"));

        assertThat(deleted).isEqualTo(2);
        given().get("/api/articles/" + oldCopy.id()).then().statusCode(404);
        given().get("/api/articles/" + lone.id()).then().statusCode(404);
        given().get("/api/articles/" + keptCopy.id()).then().statusCode(200);
        assertThat(count("SELECT count(*) FROM article_entity WHERE article_id = ?", oldCopy.id())).isZero();
        assertThat(count("SELECT count(*) FROM article_topic WHERE article_id = ?", oldCopy.id())).isZero();
        // The shared story lives on with fresh counts; the lone article's story is gone.
        given().get("/api/stories/" + sharedStory).then().statusCode(200).body("articleCount", equalTo(1))
                .body("firstSeen", equalTo("1999-03-02T10:00:00Z"));
        given().get("/api/stories/" + loneStory).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM story WHERE id = ?", loneStory)).isZero();

        // Running again finds nothing: the job is idempotent, so every replica may run it.
        assertThat(retention.purgeOlderThan(Instant.parse("1999-03-02T00:00:00Z"))).isZero();
        assertThat(retention.purgeOlderThan(Instant.parse("2000-01-01T00:00:00Z"))).isEqualTo(1);
    }

    @Test
    void retentionDefaultsToAYearAndRunsHourly() {
        assertThat(config.retention()).isEqualTo(Duration.ofDays(365));
        assertThat(config.retentionCheck()).isEqualTo(Duration.ofHours(1));
    }

    private String storyOf(String id) {
        return given().get("/api/articles/" + id).then().statusCode(200).extract().path("storyId");
    }

    private long count(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

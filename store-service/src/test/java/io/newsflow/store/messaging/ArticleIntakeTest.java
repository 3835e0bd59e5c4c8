package io.newsflow.store.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.store.TestArticles;
import io.newsflow.store.persistence.DatabaseRetry;
import io.newsflow.store.persistence.UpsertOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIntakeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoreMetrics metrics = new StoreMetrics(registry);
    private final DatabaseRetry retry = new DatabaseRetry(Duration.ofMillis(1), Duration.ofMillis(2), 3,
            metrics::databaseRetry);
    private final List<EnrichedArticle> stored = new ArrayList<>();

    private ArticleIntake intake(ArticleIntake.ArticleSink sink) {
        return new ArticleIntake(sink, retry, metrics);
    }

    private ArticleIntake storing() {
        return intake(article -> {
            stored.add(article);
            return UpsertOutcome.INSERTED;
        });
    }

    @Test
    void storesAValidArticleAndCountsItOut() {
        EnrichedArticle article = TestArticles.article("example.com").build();

        IntakeResult result = storing().accept(EventJson.toBytes(article), article.id(), "t-0@1");

        assertThat(result).isEqualTo(new IntakeResult.Stored(article.id(), UpsertOutcome.INSERTED));
        assertThat(stored).containsExactly(article);
        assertThat(count("newsflow.articles.in")).isEqualTo(1);
        assertThat(count("newsflow.articles.out")).isEqualTo(1);
        assertThat(registry.get("newsflow.store.upserts").tag("outcome", "inserted").counter().count()).isEqualTo(1);
    }

    @Test
    void garbageIsRejectedAsInvalidEvent() {
        IntakeResult result = storing().accept("not json".getBytes(StandardCharsets.UTF_8), "k", "t-0@2");

        assertThat(result).isInstanceOfSatisfying(IntakeResult.Rejected.class, r -> {
            assertThat(r.reasonCode()).isEqualTo("invalid-event");
            assertThat(r.message()).contains("Not a valid EnrichedArticle");
        });
        assertThat(stored).isEmpty();
        assertThat(failed("invalid-event")).isEqualTo(1);
    }

    @Test
    void unknownSchemaVersionIsRejected() {
        String json = new String(EventJson.toBytes(TestArticles.article("example.com").build()), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":99");

        IntakeResult result = storing().accept(json.getBytes(StandardCharsets.UTF_8), null, "t-0@3");

        assertThat(result).isInstanceOfSatisfying(IntakeResult.Rejected.class,
                r -> assertThat(r.message()).contains("Unknown schemaVersion 99"));
    }

    @Test
    void tombstoneIsRejected() {
        assertThat(storing().accept(null, "k", "t-0@4")).isInstanceOf(IntakeResult.Rejected.class);
        assertThat(failed("invalid-event")).isEqualTo(1);
    }

    @Test
    void contractViolationIsRejectedAsInvalidArticle() {
        EnrichedArticle article = TestArticles.article("example.com").revision(0).build();

        IntakeResult result = storing().accept(EventJson.toBytes(article), article.id(), "t-0@5");

        assertThat(result).isInstanceOfSatisfying(IntakeResult.Rejected.class,
                r -> assertThat(r.reasonCode()).isEqualTo("invalid-article"));
        assertThat(stored).isEmpty();
    }

    @Test
    void databaseOutageIsWaitedOutNotDeadLettered() {
        EnrichedArticle article = TestArticles.article("example.com").build();
        var attempts = new AtomicInteger();

        IntakeResult result = intake(a -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
            }
            return UpsertOutcome.INSERTED;
        }).accept(EventJson.toBytes(article), article.id(), "t-0@6");

        assertThat(result).isInstanceOf(IntakeResult.Stored.class);
        assertThat(registry.get("newsflow.store.database.retries").counter().count()).isEqualTo(3);
        assertThat(failed("database-rejected")).isZero();
    }

    @Test
    void dataTheDatabaseRejectsIsDeadLettered() {
        EnrichedArticle article = TestArticles.article("example.com").build();

        IntakeResult result = intake(a -> {
            throw new SQLException("value too long for type", "22001");
        }).accept(EventJson.toBytes(article), article.id(), "t-0@7");

        assertThat(result).isInstanceOfSatisfying(IntakeResult.Rejected.class, r -> {
            assertThat(r.reasonCode()).isEqualTo("database-rejected");
            assertThat(r.message()).contains("22001");
        });
        assertThat(failed("database-rejected")).isEqualTo(1);
    }

    @Test
    void shutdownDuringAnOutageLeavesTheMessageForRedelivery() {
        EnrichedArticle article = TestArticles.article("example.com").build();

        IntakeResult result = intake(a -> {
            retry.stop();
            throw new SQLException("terminating connection due to administrator command", "57P01");
        }).accept(EventJson.toBytes(article), article.id(), "t-0@8");

        assertThat(result).isEqualTo(new IntakeResult.Abandoned(article.id()));
        assertThat(count("newsflow.articles.out")).isZero();
        assertThat(RejectReason.CODES).allSatisfy(reason -> assertThat(failed(reason)).isZero());
    }

    @Test
    void rejectedMessageNamesTheReasonForTheDeadLetterHeader() {
        var rejected = new IntakeResult.Rejected("invalid-event", "Not a valid EnrichedArticle", null);

        assertThat(new RejectedMessageException(rejected)).hasMessage("invalid-event: Not a valid EnrichedArticle");
    }

    private double count(String name) {
        return registry.get(name).tag("stage", "store").counter().count();
    }

    private double failed(String reason) {
        return registry.get("newsflow.articles.failed").tag("stage", "store").tag("reason", reason).counter().count();
    }
}

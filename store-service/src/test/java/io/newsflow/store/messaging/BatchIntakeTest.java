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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ArticleIntake#acceptAll}: one transaction per batch, yet every message keeps its own fate. */
class BatchIntakeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoreMetrics metrics = new StoreMetrics(registry);
    private final DatabaseRetry retry = new DatabaseRetry(Duration.ofMillis(1), Duration.ofMillis(2), 3,
            metrics::databaseRetry);
    private final List<List<EnrichedArticle>> transactions = new ArrayList<>();

    private final EnrichedArticle first = TestArticles.article("a.test").build();
    private final EnrichedArticle second = TestArticles.article("b.test").build();

    @Test
    void validMessagesAreWrittenInOneTransactionAndGarbageIsRejectedAlone() {
        ArticleIntake intake = new ArticleIntake(a -> UpsertOutcome.INSERTED, articles -> {
            transactions.add(articles);
            return Collections.nCopies(articles.size(), UpsertOutcome.INSERTED);
        }, retry, metrics);

        List<IntakeResult> results = intake.acceptAll(List.of(message(first, 1),
                new ArticleIntake.Incoming("garbage".getBytes(StandardCharsets.UTF_8), "k", "t-0@2"),
                message(second, 3)));

        assertThat(transactions).containsExactly(List.of(first, second));
        assertThat(results.get(0)).isEqualTo(new IntakeResult.Stored(first.id(), UpsertOutcome.INSERTED));
        assertThat(results.get(1)).isInstanceOfSatisfying(IntakeResult.Rejected.class,
                r -> assertThat(r.reasonCode()).isEqualTo("invalid-event"));
        assertThat(results.get(2)).isEqualTo(new IntakeResult.Stored(second.id(), UpsertOutcome.INSERTED));
        assertThat(registry.get("newsflow.articles.in").counter().count()).isEqualTo(3);
        assertThat(registry.get("newsflow.articles.out").counter().count()).isEqualTo(2);
    }

    @Test
    void anOutageRetriesTheWholeBatchUntilTheDatabaseIsBack() {
        var attempts = new AtomicInteger();
        ArticleIntake intake = new ArticleIntake(a -> UpsertOutcome.INSERTED, articles -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new SQLException("Connection refused", "08001");
            }
            return Collections.nCopies(articles.size(), UpsertOutcome.UPDATED);
        }, retry, metrics);

        List<IntakeResult> results = intake.acceptAll(List.of(message(first, 1), message(second, 2)));

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(IntakeResult.Stored.class));
        assertThat(registry.get("newsflow.store.database.retries").counter().count()).isEqualTo(2);
    }

    @Test
    void dataTheDatabaseRefusesIsIsolatedByStoringOneByOne() {
        // The batch fails for good because of `second`; alone, `first` stores fine and only `second` is rejected.
        ArticleIntake intake = new ArticleIntake(article -> {
            if (article.id().equals(second.id())) {
                throw new SQLException("invalid byte sequence", "22021");
            }
            return UpsertOutcome.INSERTED;
        }, articles -> {
            throw new SQLException("invalid byte sequence", "22021");
        }, retry, metrics);

        List<IntakeResult> results = intake.acceptAll(List.of(message(first, 1), message(second, 2)));

        assertThat(results.get(0)).isInstanceOf(IntakeResult.Stored.class);
        assertThat(results.get(1)).isInstanceOfSatisfying(IntakeResult.Rejected.class,
                r -> assertThat(r.reasonCode()).isEqualTo("database-rejected"));
    }

    @Test
    void aCardinalityViolationIsIsolatedLikeOtherDataErrorsNotRetriedAsAnOutage() {
        var batchAttempts = new AtomicInteger();
        ArticleIntake intake = new ArticleIntake(article -> UpsertOutcome.INSERTED, articles -> {
            batchAttempts.incrementAndGet();
            throw new SQLException("ON CONFLICT DO UPDATE command cannot affect row a second time", "21000");
        }, retry, metrics);

        List<IntakeResult> results = intake.acceptAll(List.of(message(first, 1), message(second, 2)));

        assertThat(batchAttempts).hasValue(1);
        assertThat(results).containsExactly(new IntakeResult.Stored(first.id(), UpsertOutcome.INSERTED),
                new IntakeResult.Stored(second.id(), UpsertOutcome.INSERTED));
        assertThat(registry.get("newsflow.store.database.retries").counter().count()).isZero();
    }

    @Test
    void aFailureThatKeepsRecurringEndsInTheDeadLetterTopicWithItsReason() {
        // A reachable database refusing one article the same way every time (here an internal error): the batch is
        // retried a bounded number of times, then article by article, and only the article that keeps failing goes.
        var batchAttempts = new AtomicInteger();
        ArticleIntake intake = new ArticleIntake(article -> {
            if (article.id().equals(second.id())) {
                throw new SQLException("could not read block", "XX001");
            }
            return UpsertOutcome.INSERTED;
        }, articles -> {
            batchAttempts.incrementAndGet();
            throw new SQLException("could not read block", "XX001");
        }, retry, metrics);

        List<IntakeResult> results = intake.acceptAll(List.of(message(first, 1), message(second, 2)));

        assertThat(batchAttempts).hasValue(3);
        assertThat(results.get(0)).isEqualTo(new IntakeResult.Stored(first.id(), UpsertOutcome.INSERTED));
        assertThat(results.get(1)).isInstanceOfSatisfying(IntakeResult.Rejected.class, r -> {
            assertThat(r.reasonCode()).isEqualTo("database-rejected");
            assertThat(r.message()).contains("XX001", "could not read block");
        });
    }

    @Test
    void shutdownDuringAnOutageLeavesTheWholeBatchForRedelivery() {
        ArticleIntake intake = new ArticleIntake(a -> UpsertOutcome.INSERTED, articles -> {
            retry.stop();
            throw new SQLException("terminating connection", "57P01");
        }, retry, metrics);

        List<IntakeResult> results = intake.acceptAll(List.of(message(first, 1), message(second, 2)));

        assertThat(results).containsExactly(new IntakeResult.Abandoned(first.id()),
                new IntakeResult.Abandoned(second.id()));
        assertThat(registry.get("newsflow.articles.out").counter().count()).isZero();
    }

    private static ArticleIntake.Incoming message(EnrichedArticle article, int offset) {
        return new ArticleIntake.Incoming(EventJson.toBytes(article), article.id(), "t-0@" + offset);
    }
}

package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.KafkaBroker;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.StoreTestClient;
import io.newsflow.store.TestArticles;
import io.newsflow.store.config.StoreBeans;
import io.newsflow.store.messaging.StoreMetrics;
import io.newsflow.store.messaging.StoryOutboxRelay;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.persistence.ArticlesCommitted;
import io.newsflow.store.story.StoryClusterer;
import io.newsflow.store.story.StoryEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.newsflow.store.StoreTestClient.metric;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The story-event outbox against the real broker and PostgreSQL: events of stored articles reach news.stories with a
 * sequence, events written while Kafka is down are published after it returns, a rolled-back batch leaves no event,
 * and two relays on one database publish each event once. The broker outage runs last: it restarts the broker.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryOutboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ArticleWriter writer;

    @Inject
    DataSource dataSource;

    @Inject
    StoryClusterer clusterer;

    @Test
    @Order(1)
    void storedArticlesAnnounceTheirStoriesOnNewsStories() {
        double publishedBefore = metric("newsflow_store_story_events_published_total", "");
        List<EnrichedArticle> articles = distinctArticles("via-kafka", 3);
        articles.forEach(StoreTestClient::produce);
        List<String> stories = articles.stream().map(a -> "st-" + a.id()).toList();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, List<StoryEvent>> events = eventsOf(stories);
            assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(stories);
            for (EnrichedArticle article : articles) {
                List<StoryEvent> ofStory = events.get("st-" + article.id());
                assertThat(ofStory).singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(StoryEvent.CREATED);
                    assertThat(e.articleIds()).containsExactly(article.id());
                    assertThat(e.sequence()).as("the event id consumers dedupe by").isNotNull().isPositive();
                });
            }
        });
        // Published means acknowledged and then removed from the outbox.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outboxRows(stories)).isZero());
        assertThat(metric("newsflow_store_story_events_published_total", "")).isGreaterThanOrEqualTo(
                publishedBefore + 3);
    }

    @Test
    @Order(2)
    void aRolledBackBatchLeavesNoStoryEvent() throws SQLException {
        // A deferred constraint trigger fails the commit itself, after the outbox rows were written: only a shared
        // transaction removes them together with the articles.
        String marker = "rollback-marker-" + RUN;
        String function = "reject_outbox_" + RUN.replace('-', '_');
        execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.payload LIKE '%" + marker + "%' THEN RAISE EXCEPTION 'outbox row rejected by the test'; "
                + "END IF; RETURN NULL; END $$");
        execute("CREATE CONSTRAINT TRIGGER " + function + " AFTER INSERT ON story_outbox DEFERRABLE INITIALLY DEFERRED "
                + "FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        List<EnrichedArticle> batch = distinctArticles(marker, 2);
        try {
            assertThatThrownBy(() -> writer.upsertAll(batch)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("outbox row rejected by the test");
        } finally {
            execute("DROP TRIGGER " + function + " ON story_outbox");
            execute("DROP FUNCTION " + function + "()");
        }
        assertThat(outboxRows(batch.stream().map(a -> "st-" + a.id()).toList())).isZero();
        for (EnrichedArticle article : batch) {
            given().get("/api/articles/" + article.id()).then().statusCode(404);
        }
    }

    @Test
    @Order(3)
    void twoRelaysOnOneDatabasePublishEachEventOnceInOrder() throws Exception {
        // Written without waking the service's relay; two more relays (as two replicas would) then race for the rows
        // in small chunks. The service's own sweep may join in: still every event must appear exactly once.
        var quietWriter = new ArticleWriter(dataSource, clusterer, ArticlesCommitted.Listener.NONE);
        List<EnrichedArticle> firstRevisions = new ArrayList<>();
        List<EnrichedArticle> secondRevisions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TestArticles.Builder article = distinctArticle("two-relays", i);
            firstRevisions.add(article.build());
            secondRevisions.add(article.revision(2).title("Revised " + i + " " + RUN).build());
        }
        quietWriter.upsertAll(firstRevisions);
        quietWriter.upsertAll(secondRevisions); // a second event for each story
        List<String> stories = firstRevisions.stream().map(a -> "st-" + a.id()).toList();

        String bootstrap = StoreTestClient.bootstrapServers();
        int relays = 2;
        var barrier = new CyclicBarrier(relays);
        var pool = Executors.newFixedThreadPool(relays);
        List<StoryOutboxRelay> started = new ArrayList<>();
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < relays; i++) {
                var relay = new StoryOutboxRelay(dataSource,
                        () -> StoreBeans.storyProducer(bootstrap, Duration.ofSeconds(10)),
                        new StoreMetrics(new SimpleMeterRegistry()), 3, Duration.ofSeconds(10));
                started.add(relay);
                runs.add(pool.submit((Callable<Integer>) () -> {
                    barrier.await();
                    return relay.publishPending();
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
            started.forEach(StoryOutboxRelay::close);
        }

        assertThat(outboxRows(stories)).as("both relays ran to an empty outbox").isZero();
        Map<String, List<StoryEvent>> events = eventsOf(stories);
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(stories);
        events.forEach((story, ofStory) -> {
            assertThat(ofStory).as("events of %s", story).hasSize(2);
            assertThat(ofStory.get(0).sequence()).as("per-story order").isLessThan(ofStory.get(1).sequence());
            assertThat(ofStory.get(0).type()).isEqualTo(StoryEvent.CREATED);
            assertThat(ofStory.get(1).type()).isEqualTo(StoryEvent.UPDATED);
        });
    }

    @Test
    @Order(4)
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItReturns() throws SQLException {
        KafkaBroker broker = KafkaBrokerResource.broker();
        assertThat(broker.bootstrapServers()).as("the test must stop the broker the service uses")
                .isEqualTo(StoreTestClient.bootstrapServers());
        List<EnrichedArticle> articles = distinctArticles("kafka-outage", 3);
        List<String> stories = articles.stream().map(a -> "st-" + a.id()).toList();
        double failedBefore = metric("newsflow_store_story_events_failed_total", "");
        try {
            broker.stop();
            writer.upsertAll(articles); // commits, wakes the relay, whose sends then time out
            await().atMost(PATIENCE).until(() ->
                    metric("newsflow_store_story_events_failed_total", "") >= failedBefore + 3);
            assertThat(outboxRows(stories)).as("unacknowledged events stay in the outbox").isEqualTo(3);
            await().atMost(PATIENCE).until(() -> metric("newsflow_store_outbox_backlog", "") >= 3);
            // The outbox check reports the backlog and stays up: Kafka being away is not the store's fault.
            given().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'Story event outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Story event outbox' }.data.backlog", greaterThanOrEqualTo(3));
        } finally {
            broker.restart();
        }

        // No new commit wakes the relay: the sweep finds the leftovers. The broker may still be starting up.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            Map<String, List<StoryEvent>> events = eventsOf(stories);
            assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(stories);
            events.values().forEach(ofStory -> assertThat(ofStory).allSatisfy(e ->
                    assertThat(e.type()).isEqualTo(StoryEvent.CREATED)));
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(outboxRows(stories)).isZero());
        await().atMost(PATIENCE).until(() -> metric("newsflow_store_outbox_backlog", "") == 0);
    }

    /** Articles with unrelated texts, so each founds its own story. */
    private static List<EnrichedArticle> distinctArticles(String label, int count) {
        return IntStream.range(0, count).mapToObj(i -> distinctArticle(label, i).build()).toList();
    }

    private static TestArticles.Builder distinctArticle(String label, int i) {
        String words = String.join(" ", IntStream.range(0, 12).mapToObj(w -> UUID.randomUUID().toString()).toList());
        return TestArticles.article(label + "-" + i + "-" + RUN + ".test").title(label + " " + i + " " + RUN)
                .text("Report " + words + " ends here.");
    }

    /** The events on news.stories of these stories, in topic order (one partition per key). */
    private static Map<String, List<StoryEvent>> eventsOf(Collection<String> stories) {
        Set<String> wanted = Set.copyOf(stories);
        Map<String, List<StoryEvent>> events = new LinkedHashMap<>();
        StoreTestClient.records(Topics.STORIES).stream().filter(r -> wanted.contains(r.key()))
                .forEach(r -> events.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(EventJson.fromBytes(r.value(), StoryEvent.class)));
        return events;
    }

    private long outboxRows(List<String> stories) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT count(*) FROM story_outbox WHERE story_id = ANY(?)")) {
            ps.setArray(1, connection.createArrayOf("text", stories.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

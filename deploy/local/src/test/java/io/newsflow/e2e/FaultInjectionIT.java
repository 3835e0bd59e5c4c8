package io.newsflow.e2e;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.localstack.LocalPipeline;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.localstack.SyntheticNewsSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaks the running pipeline while articles flow and checks that nothing is lost or doubled: each service is killed
 * with SIGKILL and restarted, the Kafka broker is down for 30 s, PostgreSQL is down for 30 s. After each fault every
 * article the synthetic site has published so far must be in the store exactly once, every service must report itself
 * ready again without help, and the metrics must show what happened.
 *
 * <p>Every service runs as its own process from its packaged application, exactly as in {@link PipelineEndToEndIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** How long the broker and the database stay down: long enough for every client timeout and retry to kick in. */
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    /** Articles per second the site publishes during the test; 6 outlets keep each feed far from its 50-item window. */
    private static final double RATE = 2.0;
    private static final Duration CONVERGE = Duration.ofMinutes(3);

    private static SyntheticNewsSite site;
    private static LocalPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.home", "../..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("newsflow-faults-");
        site = SyntheticNewsSite.start(0, 6, 3, 42);
        LocalPipeline.Options options = new LocalPipeline.Options(root, dataDir, LocalPipeline.Ports.freePorts(),
                POLL_INTERVAL)
                .withFeedsInsteadOfSampleSite(site.feedUrls())
                // Every outlet is on 127.0.0.1: no per-host politeness delay, short adaptive bounds and backoff so a
                // feed that failed during an outage is polled again within seconds (settings unknown to a service
                // version are ignored).
                .withEnvironment("ingest-service", Map.of(
                        "NEWSFLOW_INGEST_MIN_POLL_INTERVAL", "1s",
                        "NEWSFLOW_INGEST_MAX_POLL_INTERVAL", "4s",
                        "NEWSFLOW_INGEST_MAX_BACKOFF", "4s",
                        "NEWSFLOW_INGEST_HOST_MIN_DELAY", "0s",
                        "NEWSFLOW_INGEST_HOST_MAX_CONCURRENT", "8"))
                .withEnvironment("store-service", Map.of("NEWSFLOW_STORE_RETRY_MAX_BACKOFF", "2s"));
        pipeline = LocalPipeline.start(options);
        site.startFlow(RATE);
        log("pipeline up; ports " + options.ports() + ", data in " + dataDir);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.stopFlow();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void articlesFlowBeforeAnyFault() throws Exception {
        assertEverythingPublishedIsStoredOnce("steady state");
        assertThat(PipelineProbe.metric(pipeline.store(), "newsflow_articles_out_total")).isPositive();
    }

    @Test
    @Order(2)
    void ingestKilledAndRestarted() throws Exception {
        killAndRestart(pipeline.ingest());
        assertEverythingPublishedIsStoredOnce("after kill -9 of ingest-service");
        // The new process counts its own work from zero: it has published since the restart.
        await().atMost(CONVERGE).untilAsserted(() ->
                assertThat(PipelineProbe.metric(pipeline.ingest(), "newsflow_articles_out_total")).isPositive());
    }

    @Test
    @Order(3)
    void enrichKilledAndRestarted() throws Exception {
        killAndRestart(pipeline.enrich());
        assertEverythingPublishedIsStoredOnce("after kill -9 of enrich-service");
        await().atMost(CONVERGE).untilAsserted(() ->
                assertThat(PipelineProbe.metric(pipeline.enrich(), "newsflow_articles_out_total")).isPositive());
    }

    @Test
    @Order(4)
    void storeKilledAndRestarted() throws Exception {
        killAndRestart(pipeline.store());
        assertEverythingPublishedIsStoredOnce("after kill -9 of store-service");
        await().atMost(CONVERGE).untilAsserted(() ->
                assertThat(PipelineProbe.metric(pipeline.store(), "newsflow_articles_out_total")).isPositive());
    }

    @Test
    @Order(5)
    void kafkaDownForThirtySeconds() throws Exception {
        Instant down = Instant.now();
        pipeline.kafka().stop();
        log("Kafka stopped");
        Set<String> sawNotReady = holdOutage(down);
        pipeline.kafka().restart();
        log("Kafka restarted; not ready during the outage: " + sawNotReady);
        awaitAllReady("after the Kafka outage");
        assertEverythingPublishedIsStoredOnce("after a 30 s Kafka outage");
        // Checked last so that a service that misses the outage does not hide whether data survived it.
        assertThat(sawNotReady).as("services reporting not ready while Kafka was down")
                .containsExactlyInAnyOrder("ingest-service", "enrich-service", "store-service");
    }

    @Test
    @Order(6)
    void postgresDownForThirtySeconds() throws Exception {
        double retriesBefore = PipelineProbe.metric(pipeline.store(), "newsflow_store_database_retries_total");
        Instant down = Instant.now();
        pipeline.postgres().stop();
        log("PostgreSQL stopped");
        Set<String> sawNotReady = holdOutage(down);
        pipeline.postgres().restart();
        log("PostgreSQL restarted; not ready during the outage: " + sawNotReady);
        awaitAllReady("after the PostgreSQL outage");
        assertEverythingPublishedIsStoredOnce("after a 30 s PostgreSQL outage");
        double retries = PipelineProbe.metric(pipeline.store(), "newsflow_store_database_retries_total");
        log("store database retries: " + retriesBefore + " before, " + retries + " after the outage");
        assertThat(retries).as("store's database retries counter after the outage").isGreaterThan(retriesBefore);
        assertThat(sawNotReady).as("services reporting not ready while PostgreSQL was down").contains("store-service");
    }

    @Test
    @Order(7)
    void atTheEndEveryArticleFedIsStoredExactlyOnceAndPublishedOnceAsAKey() throws Exception {
        site.stopFlow();
        Set<String> fed = assertEverythingPublishedIsStoredOnce("final");
        List<String> rows = PipelineProbe.storedIdRows(pipeline);
        assertThat(new HashSet<>(rows)).as("store holds exactly the articles fed").isEqualTo(fed);

        List<PipelineProbe.TopicRecord> raw = PipelineProbe.readTopic(pipeline.kafka().bootstrapServers(),
                PipelineProbe.RAW);
        assertThat(PipelineProbe.keys(raw)).as("unique keys on news.articles.raw").isEqualTo(fed);
        log("final: " + fed.size() + " articles fed, " + rows.size() + " rows stored, " + raw.size()
                + " raw records for " + PipelineProbe.keys(raw).size() + " keys (extra records are at-least-once"
                + " replays after a crash, which the store absorbs)");
        for (ServiceProcess service : services()) {
            assertThat(service.isReady()).as("%s ready at the end", service.name()).isTrue();
        }
    }

    private static void killAndRestart(ServiceProcess service) {
        long pid = service.pid();
        service.kill();
        log(service.name() + " (pid " + pid + ") killed with SIGKILL");
        assertThat(service.isAlive()).isFalse();
        service.start();
        log(service.name() + " restarted as pid " + service.pid() + " and ready");
        awaitAllReady("after restarting " + service.name());
    }

    /**
     * Keeps the outage open until {@link #OUTAGE} has passed since {@code since}, meanwhile noting which services report
     * themselves not ready. A deliberate pause, not a wait for an outcome: the point is that the services spend these
     * 30 s without the broker or the database, whatever they do meanwhile.
     */
    private static Set<String> holdOutage(Instant since) throws InterruptedException {
        Set<String> sawNotReady = new java.util.TreeSet<>();
        while (Instant.now().isBefore(since.plus(OUTAGE))) {
            for (ServiceProcess service : services()) {
                if (!service.isReady()) {
                    sawNotReady.add(service.name());
                }
            }
            Thread.sleep(Duration.ofSeconds(1));
        }
        return sawNotReady;
    }

    private static void awaitAllReady(String when) {
        await("readiness " + when).atMost(CONVERGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (ServiceProcess service : services()) {
                assertThat(service.isReady()).as("%s ready %s", service.name(), when).isTrue();
            }
        });
    }

    /**
     * Takes the articles published so far and waits until each of them is stored; checks that no id has two rows and
     * that the store holds nothing that was not fed. Returns the ids checked.
     */
    private static Set<String> assertEverythingPublishedIsStoredOnce(String when) throws Exception {
        Set<String> fed = site.published().stream().map(item -> ArticleIds.idFor(item.url().toString()))
                .collect(Collectors.toSet());
        Instant start = Instant.now();
        await(when + ": all " + fed.size() + " articles stored").atMost(CONVERGE).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Set<String> stored = new HashSet<>(PipelineProbe.storedIdRows(pipeline));
                    Set<String> missing = new HashSet<>(fed);
                    missing.removeAll(stored);
                    assertThat(missing).as("%s: fed but not stored (%d of %d)", when, missing.size(), fed.size())
                            .isEmpty();
                });
        List<String> rows = PipelineProbe.storedIdRows(pipeline);
        Set<String> unique = new HashSet<>(rows);
        assertThat(rows).as("%s: one row per article", when).hasSameSizeAs(unique);
        Set<String> everFed = site.published().stream().map(item -> ArticleIds.idFor(item.url().toString()))
                .collect(Collectors.toSet());
        assertThat(everFed).as("%s: nothing stored that was not fed", when).containsAll(unique);
        log(when + ": " + fed.size() + " articles fed so far all stored once (waited "
                + Duration.between(start, Instant.now()).toMillis() + " ms)");
        return fed;
    }

    private static List<ServiceProcess> services() {
        return List.of(pipeline.ingest(), pipeline.enrich(), pipeline.store());
    }

    private static void log(String message) {
        System.out.println("[fault-injection " + Instant.now() + "] " + message);
    }
}

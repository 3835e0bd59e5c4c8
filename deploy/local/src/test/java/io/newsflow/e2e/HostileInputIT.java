package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.DeadLetters;
import io.newsflow.contracts.Topics;
import io.newsflow.localstack.HostileNewsSite;
import io.newsflow.localstack.LocalPipeline;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.localstack.SyntheticNewsSite;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input against the running pipeline (every service its own process): feeds and pages built to break a feed
 * reader, SSRF attempts, and Kafka messages that are not events. Each must be refused with a reason someone can read
 * (the feed's health in {@code GET /api/feeds/{id}}, a dead letter with its {@code dead-letter-reason} header, or a
 * 4xx from the API), no service may grow beyond {@link #RSS_LIMIT}, and a normal feed subscribed alongside keeps
 * flowing into the store.
 *
 * <p>SSRF: the pipeline's ingest must fetch from 127.0.0.1 (every test server is there), so its guard is off. The guard
 * is checked on a second ingest-service process with {@code allow-private-addresses=false} (the production default)
 * on the same broker: subscribing or extracting loopback (by address and by a name that resolves to it), link-local
 * (cloud metadata), private and IPv6 loopback URLs must answer 400, and the target must never see a request. Feeds
 * whose items point at private addresses cannot be served from a public address here; the guard checks every page
 * link and redirect hop with the same code path as the subscription (HttpFetcher → UrlGuard), covered by ingest's unit
 * tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RSS_LIMIT = 1024L * 1024 * 1024;
    private static final Duration CONVERGE = Duration.ofMinutes(3);

    private static HostileNewsSite hostile;
    private static SyntheticNewsSite normal;
    private static LocalPipeline pipeline;
    private static ServiceProcess guardedIngest;
    private static final Map<String, Long> maxRss = new ConcurrentHashMap<>();
    private static ScheduledExecutorService rssSampler;
    /** Feed id by what the feed is. */
    private static final Map<String, String> feedIds = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.home", "../..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("newsflow-hostile-");
        hostile = HostileNewsSite.start(0);
        normal = SyntheticNewsSite.start(0, 2, 3, 7);
        LocalPipeline.Options options = new LocalPipeline.Options(root, dataDir, LocalPipeline.Ports.freePorts(),
                Duration.ofSeconds(2))
                .withFeedsInsteadOfSampleSite(normal.feedUrls())
                .withEnvironment("ingest-service", Map.of(
                        // A trickling server must fail within seconds, not the production 20 s.
                        "NEWSFLOW_INGEST_FETCH_TIMEOUT", "5s",
                        "NEWSFLOW_INGEST_MIN_POLL_INTERVAL", "1s",
                        "NEWSFLOW_INGEST_MAX_POLL_INTERVAL", "4s",
                        "NEWSFLOW_INGEST_MAX_BACKOFF", "4s",
                        "NEWSFLOW_INGEST_HOST_MIN_DELAY", "0s",
                        "NEWSFLOW_INGEST_HOST_MAX_CONCURRENT", "16"));
        pipeline = LocalPipeline.start(options);
        normal.startFlow(1.0);
        rssSampler = Executors.newSingleThreadScheduledExecutor();
        rssSampler.scheduleAtFixedRate(HostileInputIT::sampleRss, 0, 500, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() {
        if (rssSampler != null) {
            rssSampler.shutdownNow();
        }
        if (guardedIngest != null) {
            guardedIngest.close();
        }
        if (normal != null) {
            normal.stopFlow();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (hostile != null) {
            hostile.close();
        }
        if (normal != null) {
            normal.close();
        }
        log("max RSS per service: " + maxRss);
    }

    @Test
    @Order(1)
    void hostileFeedsAreRefusedWithAReasonInTheFeedHealth() throws Exception {
        Map<String, String> refusedAtSubscription = new LinkedHashMap<>();
        for (Map.Entry<String, String> feed : HostileNewsSite.feedPaths().entrySet()) {
            HttpResponse<String> response = PipelineProbe.post(pipeline.ingest().baseUrl().resolve("/api/feeds"),
                    "application/json", JSON.writeValueAsString(Map.of("url", hostile.url(feed.getValue()).toString())));
            if (response.statusCode() == 400) {
                // Refused at the door is the best outcome (ingest looks at a URL before subscribing: an HTML page
                // without feed links is "no-feed-found"); it must still say why.
                assertThat(JSON.readTree(response.body()).path("message").asText()).as("reason for refusing %s", feed.getKey())
                        .isNotBlank();
                refusedAtSubscription.put(feed.getKey(), JSON.readTree(response.body()).path("error").asText());
                continue;
            }
            assertThat(response.statusCode()).as("subscribe %s: %s", feed.getKey(), response.body()).isIn(200, 201);
            feedIds.put(feed.getKey(), JSON.readTree(response.body()).path("id").asText());
        }
        // Only a page that is not a feed at all may be refused before polling; the others need polling to find out.
        assertThat(refusedAtSubscription.keySet()).isSubsetOf("HTML served as a feed");
        assertThat(feedIds).containsKey("feed of hostile pages");
        refusedAtSubscription.forEach((what, error) -> log("feed '" + what + "' refused at subscription: " + error));
        Map<String, String> expectedReason = Map.of(
                "gzip bomb", "(?is).*(large|limit|exceed|size).*",
                "100 MB body", "(?is).*(large|limit|exceed|size).*",
                "1 byte/s trickle", "(?is).*(time|within|slow).*",
                "redirect loop", "(?is).*redirect.*");
        // Feeds whose content may be repaired or decoded leniently by a forgiving parser: what matters is that they
        // are handled (a polled feed with a health record, an error if they failed), not which of the two happened.
        Set<String> lenient = Set.of("invalid UTF-8", "wrong charset");
        Map<String, String> errors = new LinkedHashMap<>();
        await("every hostile feed polled with a verdict").atMost(CONVERGE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    for (Map.Entry<String, String> feed : feedIds.entrySet()) {
                        if (feed.getKey().equals("feed of hostile pages")) {
                            continue;
                        }
                        JsonNode view = feedView(feed.getValue());
                        String error = view.path("lastError").asText("");
                        if (lenient.contains(feed.getKey())) {
                            assertThat(view.path("polls").asLong()).as("%s polled", feed.getKey()).isPositive();
                        } else {
                            assertThat(error).as("lastError of the %s feed (%s)", feed.getKey(), view).isNotBlank();
                        }
                        errors.put(feed.getKey(), view.path("lastResult").asText() + " / " + error);
                    }
                });
        errors.forEach((what, error) -> log("feed '" + what + "': " + error));
        expectedReason.forEach((what, pattern) ->
                assertThat(errors.get(what)).as("reason given for the %s feed", what).matches(pattern));
        // Nothing of /etc/passwd or of the SSRF target ever reached Kafka.
        List<PipelineProbe.TopicRecord> raw = PipelineProbe.readTopic(pipeline.kafka().bootstrapServers(), Topics.ARTICLES_RAW);
        assertThat(raw).noneMatch(r -> r.valueText() != null && r.valueText().contains("root:x:0:0"));
        assertThat(hostile.requests("/ssrf-target")).as("requests the XXE entity made").isZero();
    }

    @Test
    @Order(2)
    void hostilePagesAreDeadLetteredWithAReason() {
        Map<String, URI> pages = HostileNewsSite.hostilePagePaths().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> hostile.url(e.getValue())));
        await("a dead letter for every hostile page").atMost(CONVERGE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<PipelineProbe.TopicRecord> dlq = PipelineProbe.readTopic(pipeline.kafka().bootstrapServers(),
                            Topics.INGEST_DLQ);
                    for (Map.Entry<String, URI> page : pages.entrySet()) {
                        assertThat(dlq).as("news.ingest.dlq entry for the %s", page.getKey())
                                .anySatisfy(r -> {
                                    assertThat(r.key()).startsWith(page.getValue().toString());
                                    assertThat(r.header(DeadLetters.REASON)).isNotBlank();
                                });
                    }
                });
        List<PipelineProbe.TopicRecord> dlq = PipelineProbe.readTopic(pipeline.kafka().bootstrapServers(), Topics.INGEST_DLQ);
        pages.forEach((what, url) -> dlq.stream().filter(r -> r.key() != null && r.key().startsWith(url.toString()))
                .findFirst().ifPresent(r -> log("page '" + what + "': " + r.header(DeadLetters.REASON))));
    }

    @Test
    @Order(3)
    void messagesThatAreNotEventsAreDeadLetteredByEnrichAndStore() throws Exception {
        Map<String, byte[]> poison = new LinkedHashMap<>();
        String run = Long.toString(System.nanoTime(), 36);
        poison.put("poison-not-json-" + run, "this is not JSON at all".getBytes(StandardCharsets.UTF_8));
        poison.put("poison-empty-object-" + run, "{}".getBytes(StandardCharsets.UTF_8));
        poison.put("poison-unknown-version-" + run, ("{\"schemaVersion\":99,\"id\":\"x\",\"url\":\"http://example.com/\""
                + ",\"title\":\"t\",\"text\":\"t\"}").getBytes(StandardCharsets.UTF_8));
        poison.put("poison-array-" + run, "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        poison.put("poison-binary-" + run, new byte[]{0, (byte) 0xFF, (byte) 0xFE, 1, 2, 3, (byte) 0xC3, (byte) 0x28});
        poison.put("poison-truncated-" + run, "{\"schemaVersion\":1,\"id\":\"abc\",\"title\":\"cut".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> message : poison.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, message.getKey(), message.getValue())).get();
                producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, message.getKey(), message.getValue())).get();
            }
        }
        for (String dlqTopic : List.of(Topics.ENRICH_DLQ, Topics.STORE_DLQ)) {
            await(dlqTopic + " holds every poison message with a reason").atMost(CONVERGE)
                    .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        List<PipelineProbe.TopicRecord> dlq = PipelineProbe.readTopic(
                                pipeline.kafka().bootstrapServers(), dlqTopic);
                        for (String key : poison.keySet()) {
                            assertThat(dlq).as("%s entry for %s", dlqTopic, key).anySatisfy(r -> {
                                assertThat(r.key()).isEqualTo(key);
                                assertThat(r.header(DeadLetters.REASON)).isNotBlank();
                            });
                        }
                    });
            List<PipelineProbe.TopicRecord> deadLettered = PipelineProbe.readTopic(
                    pipeline.kafka().bootstrapServers(), dlqTopic).stream().filter(r -> poison.containsKey(r.key())).toList();
            deadLettered.forEach(r -> log(dlqTopic + " " + r.key() + ": " + r.header(DeadLetters.REASON)));
            assertThat(deadLettered).filteredOn(r -> r.key().equals("poison-unknown-version-" + run))
                    .as("%s names the version it cannot read", dlqTopic)
                    .isNotEmpty().allSatisfy(r -> assertThat(r.header(DeadLetters.REASON)).contains("Unknown schemaVersion 99"));
        }
        assertThat(PipelineProbe.metric(pipeline.enrich(), "newsflow_articles_failed_total")).isPositive();
        assertThat(PipelineProbe.metric(pipeline.store(), "newsflow_articles_failed_total")).isPositive();
    }

    @Test
    @Order(4)
    void aGuardedIngestRefusesPrivateAddressesWithoutFetchingThem() throws Exception {
        int port = io.newsflow.localstack.Ports.free();
        guardedIngest = ServiceProcess.of("ingest-service", pipeline.options().projectRoot(), port, Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", pipeline.kafka().bootstrapServers(),
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false",
                "NEWSFLOW_INGEST_FETCH_ALLOW_PRIVATE_ADDRESSES", "false"),
                pipeline.options().dataDir().resolve("logs/guarded")).start();
        int hostilePort = hostile.baseUrl().getPort();
        List<String> refused = List.of(
                "http://127.0.0.1:" + hostilePort + "/ssrf-target",
                "http://localhost:" + hostilePort + "/ssrf-target",
                "http://[::1]:" + hostilePort + "/ssrf-target",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/ssrf-target",
                "http://192.168.1.1/ssrf-target",
                "http://0.0.0.0:" + hostilePort + "/ssrf-target");
        for (String url : refused) {
            HttpResponse<String> subscribe = PipelineProbe.post(guardedIngest.baseUrl().resolve("/api/feeds"),
                    "application/json", JSON.writeValueAsString(Map.of("url", url)));
            assertThat(subscribe.statusCode()).as("subscribe %s: %s", url, subscribe.body()).isEqualTo(400);
            HttpResponse<String> extract = PipelineProbe.post(guardedIngest.baseUrl()
                    .resolve("/api/extract?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)), "text/plain", "");
            assertThat(extract.statusCode()).as("extract %s: %s", url, extract.body()).isEqualTo(400);
            log("SSRF " + url + " → " + subscribe.statusCode() + " " + subscribe.body());
        }
        assertThat(hostile.requests("/ssrf-target")).as("requests that reached the SSRF target").isZero();
        guardedIngest.close();
        guardedIngest = null;
    }

    @Test
    @Order(5)
    void theNormalFeedsKeptFlowingAndMemoryStayedBounded() throws Exception {
        normal.stopFlow();
        Set<String> fed = normal.published().stream().map(i -> ArticleIds.idFor(i.url().toString()))
                .collect(Collectors.toSet());
        await("normal articles stored").atMost(CONVERGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(new HashSet<>(PipelineProbe.storedIdRows(pipeline))).containsAll(fed));
        log(fed.size() + " normal articles fed alongside the hostile input, all stored; max RSS " + maxRss);
        for (ServiceProcess service : List.of(pipeline.ingest(), pipeline.enrich(), pipeline.store())) {
            assertThat(service.isReady()).as("%s ready", service.name()).isTrue();
            assertThat(maxRss.get(service.name())).as("max RSS of %s", service.name()).isPositive()
                    .isLessThan(RSS_LIMIT);
        }
    }

    private static JsonNode feedView(String id) throws Exception {
        return JSON.readTree(PipelineProbe.getText(pipeline.ingest().baseUrl().resolve("/api/feeds/" + id)));
    }

    private static void sampleRss() {
        if (pipeline == null) {
            return;
        }
        for (ServiceProcess service : List.of(pipeline.ingest(), pipeline.enrich(), pipeline.store())) {
            long rss = PipelineProbe.rssBytes(service.pid());
            if (rss > 0) {
                maxRss.merge(service.name(), rss, Math::max);
            }
        }
    }

    private static void log(String message) {
        System.out.println("[hostile-input " + Instant.now() + "] " + message);
    }
}

package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contracts.ArticleIds;
import io.newsflow.localstack.LocalPipeline;
import io.newsflow.localstack.SampleNewsSite;
import io.newsflow.localstack.SampleNewsSite.SampleArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Story grouping quality on a held-out multi-outlet set, through the whole real pipeline: original articles from
 * fictional outlets in several languages (a catalogue under {@code src/test/resources/}) — wire copies, light edits,
 * rewrites, translations, follow-ups and hard negatives (same country, head of state, company or city, same days) —
 * served as RSS/Atom/RDF feeds, ingested, enriched and stored by a fresh pipeline per set. The store's story ids are
 * scored pairwise against the gold labels (precision, recall and F1 over all article pairs, as in Miranda et al.,
 * EMNLP 2018); the report names every wrongly merged and wrongly split pair. Each set's floor guards against
 * regressions; the target is {@value #TARGET_F1}. One subclass per set: {@link StoryQualityIT} (set 1, used for
 * tuning), {@link StoryQualitySet2IT} (set 2, written after the tuning), {@link StoryQualitySet3IT},
 * {@link StoryQualitySet4IT} and {@link StoryQualitySet5IT} (each written after the sets before it had been used).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HeldOutStoryQuality {

    static final double TARGET_F1 = 0.90;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /** Held-out catalogue root on the test class path (sample-site format), e.g. "story-heldout/". */
    private final String catalogue;
    private final double floorF1;
    private SampleNewsSite site;
    private LocalPipeline pipeline;

    /**
     * @param catalogue catalogue root on the test class path
     * @param floorF1   below every F1 measured on this set in the pipeline: arrival order, which follows feed polling,
     *                  moves the score by several points from run to run
     */
    HeldOutStoryQuality(String catalogue, double floorF1) {
        this.catalogue = catalogue;
        this.floorF1 = floorF1;
    }

    /** One held-out article: its pipeline id, catalogue key, gold story and headline. */
    private record GoldArticle(String id, String key, String outlet, String title, String story) {
    }

    @BeforeAll
    void startPipeline() throws IOException {
        Path root = Path.of(System.getProperty("newsflow.home", "../..")).toAbsolutePath().normalize();
        site = SampleNewsSite.start(0, catalogue);
        pipeline = LocalPipeline.start(new LocalPipeline.Options(root, Files.createTempDirectory("newsflow-stories-"),
                LocalPipeline.Ports.freePorts(), POLL_INTERVAL).withFeedsInsteadOfSampleSite(site.feedUrls()));
    }

    @AfterAll
    void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void storiesMatchTheGoldLabelsOfTheHeldOutSet() throws Exception {
        Map<String, GoldArticle> gold = goldArticles();
        assertThat(gold).hasSize(site.articles().size());

        Map<String, String> predicted = new HashMap<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            predicted.clear();
            predicted.putAll(storedStoryIds());
            assertThat(predicted.keySet()).containsAll(gold.keySet());
        });

        Report report = score(catalogue, gold, predicted);
        System.out.println(report.text());
        Path features = Path.of("target", catalogue.replace("/", "") + "-enriched.json");
        writeEnrichedFeatures(gold, features);
        System.out.println("  what clustering saw of each article: " + features.toAbsolutePath());
        assertThat(report.f1()).as(report.text()).isGreaterThanOrEqualTo(floorF1);
    }

    /** Pairwise counts over all article pairs and the pairs behind the errors. */
    record Report(int truePositives, int falsePositives, int falseNegatives, String text) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static Report score(String catalogue, Map<String, GoldArticle> gold, Map<String, String> predicted) {
        List<GoldArticle> articles = gold.values().stream().sorted(java.util.Comparator.comparing(GoldArticle::story)
                .thenComparing(GoldArticle::id)).toList();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> merged = new ArrayList<>();
        List<String> split = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                GoldArticle a = articles.get(i);
                GoldArticle b = articles.get(j);
                boolean same = a.story().equals(b.story());
                boolean together = predicted.get(a.id()).equals(predicted.get(b.id()));
                if (same && together) {
                    tp++;
                } else if (together) {
                    fp++;
                    merged.add(describe(a) + "  <->  " + describe(b));
                } else if (same) {
                    fn++;
                    split.add(describe(a) + "  <->  " + describe(b));
                }
            }
        }
        long goldStories = articles.stream().map(GoldArticle::story).distinct().count();
        long predictedStories = gold.keySet().stream().map(predicted::get).distinct().count();
        StringBuilder text = new StringBuilder();
        Report counts = new Report(tp, fp, fn, ""); // for the figures in the text
        text.append(String.format("Held-out stories (%s): %d articles, %d gold stories, %d predicted stories%n",
                catalogue, articles.size(), goldStories, predictedStories));
        text.append(String.format("  pairwise precision %.3f, recall %.3f, F1 %.3f (tp=%d fp=%d fn=%d; target F1 %.2f)%n",
                counts.precision(), counts.recall(), counts.f1(), tp, fp, fn, TARGET_F1));
        text.append("  wrongly merged (different gold stories, one predicted story):\n");
        merged.forEach(pair -> text.append("    ").append(pair).append('\n'));
        text.append("  wrongly split (one gold story, different predicted stories):\n");
        split.forEach(pair -> text.append("    ").append(pair).append('\n'));
        return new Report(tp, fp, fn, text.toString());
    }

    private static String describe(GoldArticle article) {
        return "[" + article.story() + "] " + article.outlet() + ": " + article.title();
    }

    /** Gold labels from the catalogue, keyed by the article id the pipeline gives each page URL. */
    private Map<String, GoldArticle> goldArticles() throws IOException {
        JsonNode index;
        try (InputStream in = HeldOutStoryQuality.class.getClassLoader().getResourceAsStream(catalogue + "articles.json")) {
            assertThat(in).as("held-out catalogue on the class path").isNotNull();
            index = JSON.readTree(in);
        }
        Map<String, JsonNode> byPath = new HashMap<>();
        index.path("articles").forEach(a -> byPath.put(a.path("path").asText(), a));
        Map<String, GoldArticle> gold = new HashMap<>();
        for (SampleArticle article : site.articles()) {
            String id = ArticleIds.idFor(article.url().toString());
            JsonNode entry = byPath.get(article.url().getPath());
            gold.put(id, new GoldArticle(id, entry.path("id").asText(), article.outlet(), article.title(),
                    entry.path("story").asText()));
        }
        return gold;
    }

    /**
     * What the store clustered on, per held-out article (gold story, time, language, entities with type and salience,
     * MinHash/SimHash, figures, keywords, kinds of event, and the stored summary and text, so signals read from the text can be
     * replayed too), as JSON: the input for replaying story decisions offline (store-service's
     * {@code HeldOutStoriesTest} reads a copy of this file), so scoring can be examined without the pipeline.
     */
    private void writeEnrichedFeatures(Map<String, GoldArticle> gold, Path file) throws Exception {
        Map<String, ObjectNode> articles = new TreeMap<>();
        try (Connection connection = PipelineProbe.connect(pipeline); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id, language, sort_at, minhash, simhash, word_count,"
                    + " story_numbers, story_keywords, story_events, summary, text FROM article")) {
                while (rs.next()) {
                    GoldArticle article = gold.get(rs.getString("id"));
                    if (article == null) {
                        continue;
                    }
                    ObjectNode node = JSON.createObjectNode()
                            .put("key", article.key()).put("story", article.story()).put("title", article.title())
                            .put("language", rs.getString("language"))
                            .put("time", rs.getObject("sort_at", OffsetDateTime.class).toInstant().toString())
                            .put("simhash", rs.getLong("simhash")).put("wordCount", rs.getInt("word_count"))
                            .put("summary", rs.getString("summary")).put("text", rs.getString("text"));
                    ArrayNode minhash = node.putArray("minhash");
                    for (Object value : (Object[]) rs.getArray("minhash").getArray()) {
                        minhash.add(((Number) value).intValue());
                    }
                    for (String column : new String[] {"story_numbers", "story_keywords", "story_events"}) {
                        ArrayNode values = node.putArray(column.substring("story_".length()));
                        java.sql.Array stored = rs.getArray(column);
                        if (stored != null) {
                            for (Object value : (Object[]) stored.getArray()) {
                                values.add((String) value);
                            }
                        }
                    }
                    node.putArray("entities");
                    articles.put(rs.getString("id"), node);
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT article_id, entity_id, name, type, salience, latitude, longitude"
                    + " FROM article_entity ORDER BY article_id, salience DESC, entity_id")) {
                while (rs.next()) {
                    ObjectNode article = articles.get(rs.getString("article_id"));
                    if (article != null) {
                        ObjectNode entity = ((ArrayNode) article.get("entities")).addObject()
                                .put("id", rs.getString("entity_id")).put("name", rs.getString("name"))
                                .put("type", rs.getString("type")).put("salience", rs.getDouble("salience"));
                        if (rs.getObject("latitude") != null) {
                            entity.put("lat", rs.getDouble("latitude")).put("lon", rs.getDouble("longitude"));
                        }
                    }
                }
            }
        }
        List<ObjectNode> byTime = articles.values().stream()
                .sorted(java.util.Comparator.comparing((ObjectNode n) -> n.get("time").asText())
                        .thenComparing(n -> n.get("key").asText()))
                .toList();
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), byTime);
    }

    /** Article id → story id, from the store's query API. */
    private Map<String, String> storedStoryIds() throws Exception {
        URI uri = pipeline.store().baseUrl().resolve("/api/articles?limit=200");
        HttpResponse<String> response = PipelineProbe.HTTP.send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        Map<String, String> stories = new HashMap<>();
        items.forEach(item -> {
            if (!item.path("storyId").asText("").isEmpty()) {
                stories.put(item.path("id").asText(), item.path("storyId").asText());
            }
        });
        return stories;
    }
}

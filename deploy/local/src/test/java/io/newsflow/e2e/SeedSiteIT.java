package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.text.Tokenizer;
import io.newsflow.localstack.LocalPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The product check on the five hand-annotated real news pages in {@code ../shared/seeds} (never copied into this
 * repository; the test is skipped where they are absent, as in a user's clone): their own {@code build_site.py} turns
 * them into a small news site with RSS, Atom and RDF feeds, served here from a temporary folder; the whole pipeline
 * ingests it; and every expectation of {@code gold.json} is checked on what the store serves — page chrome gone from
 * the stored text, the language, each required entity with its type (any alias or mention counts), no entity that only
 * the chrome names, the required IPTC topics, and the story pairs (with the pages' real publication dates).
 */
class SeedSiteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private static Path seeds;
    private static HttpServer site;
    private static LocalPipeline pipeline;
    /** Page URL → seed file name, as build_site.py writes it to pages.json. */
    private static final Map<String, String> pages = new HashMap<>();

    @BeforeAll
    static void startPipelineOnTheSeedSite() throws Exception {
        Path root = Path.of(System.getProperty("newsflow.home", "../..")).toAbsolutePath().normalize();
        seeds = Path.of(System.getProperty("newsflow.eval.seeds", root.resolve("../shared/seeds").toString()));
        assumeTrue(Files.isRegularFile(seeds.resolve("gold.json")) && Files.isRegularFile(seeds.resolve("build_site.py")),
                "no seeds at " + seeds + " (they live beside the repository, not in it)");
        Path siteDir = Files.createTempDirectory("newsflow-seed-site-");
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        Process build;
        try {
            build = new ProcessBuilder("python3", seeds.resolve("build_site.py").toString(), base, siteDir.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is needed to build the seed site: " + e.getMessage());
            return;
        }
        String buildOutput = new String(build.getInputStream().readAllBytes());
        assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).as("build_site.py: %s", buildOutput).isZero();
        site.createContext("/", SimpleFileServer.createFileHandler(siteDir));
        site.start();

        JSON.readTree(siteDir.resolve("pages.json").toFile()).fields()
                .forEachRemaining(page -> pages.put(page.getKey(), page.getValue().asText()));
        List<URI> feeds = Files.readAllLines(siteDir.resolve("feeds.txt")).stream().filter(l -> !l.isBlank())
                .map(URI::create).toList();
        pipeline = LocalPipeline.start(new LocalPipeline.Options(root, Files.createTempDirectory("newsflow-seeds-"),
                LocalPipeline.Ports.freePorts(), POLL_INTERVAL).withFeedsInsteadOfSampleSite(feeds));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void everyGoldExpectationHoldsOnWhatTheStoreServes() throws Exception {
        JsonNode gold = JSON.readTree(seeds.resolve("gold.json").toFile());
        Map<String, JsonNode> stored = new HashMap<>(); // seed file → stored article in full
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                if (!stored.containsKey(page.getValue())) {
                    fetchArticle(ArticleIds.idFor(page.getKey())).ifPresent(a -> stored.put(page.getValue(), a));
                }
            }
            assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(pages.values());
        });

        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("Seed pages through the pipeline:\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.get("articles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> expected = it.next();
            JsonNode article = stored.get(expected.getKey());
            String file = expected.getKey();
            report.append(String.format(Locale.ROOT, "  %s: language %s, story %s, topics %s%n", file,
                    article.path("language").asText(), article.path("storyId").asText(), codes(article)));
            String text = article.path("title").asText() + "\n" + article.path("text").asText();
            expected.getValue().path("body_must_not_contain").forEach(chrome -> {
                if (text.contains(chrome.asText())) {
                    failures.add(file + ": page chrome kept: " + chrome.asText());
                }
            });
            if (!expected.getValue().path("language").asText().equals(article.path("language").asText())) {
                failures.add(file + ": language " + article.path("language").asText());
            }
            expected.getValue().path("entities_required").fields().forEachRemaining(type -> type.getValue()
                    .forEach(name -> {
                        if (!names(article, name.asText(), type.getKey())) {
                            failures.add(file + ": required " + type.getKey() + " " + name.asText() + " not found");
                        }
                    }));
            expected.getValue().path("entities_forbidden").forEach(name -> {
                if (names(article, name.asText(), null)) {
                    failures.add(file + ": chrome-only entity tagged: " + name.asText());
                }
            });
            expected.getValue().path("topics_required").forEach(topic -> {
                if (!codes(article).contains(topic.asText())) {
                    failures.add(file + ": topic " + topic.asText() + " missing");
                }
            });
        }
        gold.path("same_story").forEach(pair -> {
            if (!story(stored, pair.get(0)).equals(story(stored, pair.get(1)))) {
                failures.add("split, but the same story: " + pair.get(0).asText() + " / " + pair.get(1).asText());
            }
        });
        gold.path("different_story").forEach(pair -> {
            if (story(stored, pair.get(0)).equals(story(stored, pair.get(1)))) {
                failures.add("one story, but different: " + pair.get(0).asText() + " / " + pair.get(1).asText());
            }
        });
        report.append("  failures: ").append(failures.isEmpty() ? "none" : String.join("\n    ", failures));
        System.out.println(report);
        assertThat(failures).as(report.toString()).isEmpty();
    }

    private static java.util.Optional<JsonNode> fetchArticle(String id) throws Exception {
        URI uri = pipeline.store().baseUrl().resolve("/api/articles/" + id);
        var response = PipelineProbe.HTTP.send(java.net.http.HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? java.util.Optional.of(JSON.readTree(response.body()))
                : java.util.Optional.empty();
    }

    private static String story(Map<String, JsonNode> stored, JsonNode file) {
        return stored.get(file.asText()).path("storyId").asText();
    }

    private static List<String> codes(JsonNode article) {
        List<String> codes = new ArrayList<>();
        article.path("topics").forEach(t -> codes.add(t.path("code").asText()));
        return codes;
    }

    /**
     * Whether the article names the entity, as enrich-service's SeedEvaluation judges it: the entity's name equals the
     * gold name (a leading "The" optional), or a mention equals it or contains it as whole words, compared after the
     * tokenizer's normalisation (case, accents); any type if {@code type} is null.
     */
    private static boolean names(JsonNode article, String name, String type) {
        String wanted = Tokenizer.normalise(name.strip());
        String withoutThe = Tokenizer.normalise((name.startsWith("The ") ? name.substring(4) : name).strip());
        for (JsonNode entity : article.path("entities")) {
            if (type != null && !type.equals(entity.path("type").asText())) {
                continue;
            }
            String entityName = Tokenizer.normalise(entity.path("name").asText().strip());
            if (entityName.equals(wanted) || entityName.equals(withoutThe)) {
                return true;
            }
            for (JsonNode mention : entity.path("mentions")) {
                String text = Tokenizer.normalise(mention.path("text").asText().strip());
                if (text.equals(wanted) || (" " + text + " ").contains(" " + wanted + " ")) {
                    return true;
                }
            }
        }
        return false;
    }
}

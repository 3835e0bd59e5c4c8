package io.newsflow.store.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Manual quality check on the hand-annotated seed pages in {@code /work/shared/seeds} (page text including chrome;
 * never copied into this repository): {@code gold.json} lists pairs that must share a story and pairs that must not.
 * The seeds carry no entities, so they are tagged two ways: a capitalised-name heuristic (always), and enrich-service's
 * {@code POST /api/enrich} when one answers at {@code -Dnewsflow.eval.enrich-url} (default http://localhost:8082).
 * All pages get the same timestamp, so time proximity cannot help. Skipped where the seeds are absent (CI). It prints
 * the pairwise scores and the gold-pair outcome; it fails only when a same-story pair is split.
 */
class SeedStoryEvaluationTest {

    private static final Path SEEDS = Path.of(System.getProperty("newsflow.eval.seeds", "/work/shared/seeds"));
    private static final Instant SAME_TIME = Instant.parse("2026-11-20T12:00:00Z");
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "in", "on", "at", "it", "he", "she", "they",
            "we", "this", "that", "but", "and", "as", "if", "for", "of", "by", "to", "share", "view", "also", "read",
            "others", "with", "from", "his", "her", "its", "their", "our", "i", "you", "yet", "however", "during",
            "earlier", "after", "before", "while", "when", "what", "who", "why", "how", "there", "these", "those",
            "source", "related", "posts", "comments", "homepage", "show", "your", "email", "name", "website", "det",
            "den", "de", "en", "et", "og", "på", "til", "som", "er", "har", "ifølge", "dette", "der", "ber", "da",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");
    private static final Pattern NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}\\p{M}’'-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}’'-]*))*");

    @Test
    void goldPairsWithCapitalisedNameEntities() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "seed texts not present at " + SEEDS);
        evaluate("capitalised names", SeedStoryEvaluationTest::capitalisedNames);
    }

    @Test
    void goldPairsWithEnrichServiceEntities() throws IOException {
        assumeTrue(Files.isRegularFile(SEEDS.resolve("gold.json")), "seed texts not present at " + SEEDS);
        String url = System.getProperty("newsflow.eval.enrich-url", "http://localhost:8082");
        assumeTrue(enrich(url, "Probe", "NATO met in Brussels.", "en").isPresent(),
                "enrich-service does not answer at " + url);
        evaluate("enrich-service", text -> enrich(url, text.title, text.body, text.language).orElseThrow());
    }

    private record SeedText(String file, String title, String body, String language) {
    }

    private static void evaluate(String tagger, Function<SeedText, Map<String, Double>> entities) throws IOException {
        JsonNode gold = EventJson.mapper().readTree(SEEDS.resolve("gold.json").toFile());
        var stories = new InMemoryStories();
        List<SeedText> seeds = new ArrayList<>();
        gold.get("articles").fieldNames().forEachRemaining(file -> {
            try {
                String page = Files.readString(SEEDS.resolve(file));
                String title = page.lines().filter(l -> l.strip().length() > 20).findFirst().orElse("").strip();
                seeds.add(new SeedText(file, title, page, gold.get("articles").get(file).get("language").asText()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Map<String, StoryFeatures> features = new LinkedHashMap<>();
        for (SeedText seed : seeds) {
            var f = new StoryFeatures(seed.file(), null, SAME_TIME, seed.language(), entities.apply(seed),
                    TextFingerprint.of(seed.title(), seed.body()));
            features.put(seed.file(), f);
            stories.add(f);
        }
        Map<String, String> assigned = stories.stories();
        List<StoryFeatures> all = List.copyOf(features.values());
        StorySimilarity.Rarity rarity = e -> StorySimilarity.rarity(all.size() - 1,
                all.stream().filter(f -> f.entities().containsKey(e)).count() - 1);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                var match = StorySimilarity.compare(all.get(i), all.get(j), rarity);
                var shared = new java.util.TreeSet<>(all.get(i).entities().keySet());
                shared.retainAll(all.get(j).entities().keySet());
                System.out.printf("  %s-%s score=%.3f copy=%s minhash=%.2f shared=%s%n", all.get(i).articleId()
                        .substring(0, 3), all.get(j).articleId().substring(0, 3), match.score(), match.copy(),
                        all.get(i).fingerprint().similarity(all.get(j).fingerprint()), shared);
            }
        }
        System.out.println("  entities: " + all.stream().map(f -> f.articleId().substring(0, 3) + "="
                + f.entities().keySet()).toList());
        int correct = 0;
        int total = 0;
        var report = new StringBuilder("Seed stories (" + tagger + "):\n");
        for (String relation : List.of("same_story", "different_story")) {
            for (JsonNode pair : gold.get(relation)) {
                String a = pair.get(0).asText();
                String b = pair.get(1).asText();
                boolean together = assigned.get(a).equals(assigned.get(b));
                boolean ok = together == relation.equals("same_story");
                correct += ok ? 1 : 0;
                total++;
                report.append(String.format("  %-15s %s %s together=%s %s%n", relation, a.substring(0, 3),
                        b.substring(0, 3), together, ok ? "ok" : "WRONG"));
            }
        }
        // Pairwise scores over the gold pairs only (the gold file does not label every pair).
        int tp = 0, fp = 0, fn = 0;
        for (JsonNode pair : gold.get("same_story")) {
            if (assigned.get(pair.get(0).asText()).equals(assigned.get(pair.get(1).asText()))) tp++; else fn++;
        }
        for (JsonNode pair : gold.get("different_story")) {
            if (assigned.get(pair.get(0).asText()).equals(assigned.get(pair.get(1).asText()))) fp++;
        }
        var score = new PairwiseScore(tp, fp, fn);
        report.append("  ").append(correct).append('/').append(total).append(" gold pairs right; ").append(score);
        System.out.println(report);
        // A report, not a gate: every seed page is about Russia and Venezuela and all get one timestamp, so with a
        // crude tagger only the same-story pairs are a fair requirement (see docs in the store's report).
        assertThat(fn).as(report.toString()).isZero();
    }

    /** Runs of capitalised words, minus sentence-initial function words; salience from frequency and position. */
    static Map<String, Double> capitalisedNames(SeedText seed) {
        String text = seed.title() + "\n" + seed.body();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(m.group().split("\\s+")));
            while (!words.isEmpty() && NOT_NAMES.contains(words.get(0).toLowerCase())) {
                words.remove(0);
            }
            if (words.isEmpty()) {
                continue;
            }
            String name = String.join(" ", words).replaceAll("(’s|'s)$", "");
            if (name.length() < 3) {
                continue;
            }
            String id = "nf:name:" + name.toLowerCase();
            counts.merge(id, 1, Integer::sum);
            first.putIfAbsent(id, m.start());
        }
        List<StoryFeatures.WeightedEntity> entities = new ArrayList<>();
        counts.forEach((id, count) -> {
            double salience = Math.min(1.0, 0.1 * count + (first.get(id) < 400 ? 0.3 : 0));
            entities.add(new StoryFeatures.WeightedEntity(id, null, salience));
        });
        return StoryFeatures.weigh(entities);
    }

    private static Optional<Map<String, Double>> enrich(String baseUrl, String title, String text, String language) {
        try {
            String body = EventJson.mapper().writeValueAsString(Map.of("title", title, "text", text,
                    "language", language));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/enrich")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            List<StoryFeatures.WeightedEntity> entities = new ArrayList<>();
            for (JsonNode e : EventJson.mapper().readTree(response.body()).get("entities")) {
                entities.add(new StoryFeatures.WeightedEntity(e.get("id").asText(), e.get("type").asText(),
                        e.get("salience").asDouble()));
            }
            return Optional.of(StoryFeatures.weigh(entities));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

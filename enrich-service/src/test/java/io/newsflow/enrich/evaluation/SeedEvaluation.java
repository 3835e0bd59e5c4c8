package io.newsflow.enrich.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.entity.NameCues;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.pipeline.Enrichment;
import io.newsflow.enrich.topic.TopicClassifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-run quality check against the annotated sample pages in {@code /work/shared/seeds} (or -Dseeds.dir=…):
 * {@code ./newsflow mvn -o -pl enrich-service test -Dtest=SeedEvaluation -Dsurefire.failIfNoSpecifiedTests=false}.
 * Not part of the normal test run (the class name does not end in Test) and skipped when the folder is absent; it
 * prints scores rather than asserting, since the pages include chrome the ingest extractor would remove.
 * Forbidden entities are judged on the page minus the chrome lines gold.json lists.
 */
class SeedEvaluation {

    @Test
    void report() throws IOException {
        Path dir = Path.of(System.getProperty("seeds.dir", "/work/shared/seeds"));
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("gold.json")), "no seeds at " + dir);
        JsonNode gold = new ObjectMapper().readTree(dir.resolve("gold.json").toFile()).get("articles");
        ArticleEnricher enricher = new ArticleEnricher(new LanguageIdentifier(20, 0.5, 500),
                new EntityExtractor(KnowledgeBase.builtIn(), NameCues.builtIn()), new TopicClassifier(0.35), 50,
                Clock.systemUTC());
        int required = 0;
        int found = 0;
        int forbiddenTagged = 0;
        int forbiddenTotal = 0;
        int topicsOk = 0;
        int topicsTotal = 0;
        int languageOk = 0;
        Map<String, int[]> perType = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> article = it.next();
            String page = Files.readString(dir.resolve(article.getKey()));
            // -Dseeds.raw=true scores the whole page, chrome included (what enrichment would see without extraction).
            String body = Boolean.getBoolean("seeds.raw") ? page : withoutChrome(page, article.getValue().get("body_must_not_contain"));
            Enrichment e = enricher.enrich("", body, null);
            StringBuilder out = new StringBuilder("\n== " + article.getKey() + "  language=" + e.language());
            String expectedLanguage = article.getValue().get("language").asText();
            if (expectedLanguage.equals(e.language().code())) {
                languageOk++;
            } else {
                out.append("  LANGUAGE WRONG, expected ").append(expectedLanguage);
            }
            out.append("\n   topics: ").append(e.topics());
            for (JsonNode t : article.getValue().get("topics_required")) {
                topicsTotal++;
                if (e.topics().stream().anyMatch(x -> x.code().equals(t.asText()))) {
                    topicsOk++;
                } else {
                    out.append("\n   MISSING TOPIC ").append(t.asText());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> types = article.getValue().get("entities_required").fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                int[] counts = perType.computeIfAbsent(type.getKey(), k -> new int[2]);
                for (JsonNode name : type.getValue()) {
                    required++;
                    counts[1]++;
                    Entity match = find(e.entities(), name.asText(), type.getKey());
                    if (match != null) {
                        found++;
                        counts[0]++;
                    } else {
                        Entity other = find(e.entities(), name.asText(), null);
                        out.append("\n   MISSING ").append(type.getKey()).append(' ').append(name.asText())
                                .append(other == null ? "" : "  (found as " + other.type() + " " + other.id() + ")");
                    }
                }
            }
            for (JsonNode name : article.getValue().get("entities_forbidden")) {
                forbiddenTotal++;
                Entity match = find(e.entities(), name.asText(), null);
                if (match != null) {
                    forbiddenTagged++;
                    out.append("\n   FORBIDDEN tagged: ").append(name.asText()).append(" → ").append(match.id());
                }
            }
            out.append("\n   entities: ");
            for (Entity x : e.entities()) {
                out.append(x.type().name(), 0, 3).append(':').append(x.name()).append(x.linked() ? "" : "*")
                        .append(String.format(Locale.ROOT, "(%d,%.2f) ", x.count(), x.salience()));
            }
            System.out.println(out);
        }
        System.out.printf(Locale.ROOT, "%nSEED SCORES: language %d/%d, required entities %d/%d, topics %d/%d, forbidden tagged %d/%d%n",
                languageOk, gold.size(), found, required, topicsOk, topicsTotal, forbiddenTagged, forbiddenTotal);
        perType.forEach((type, c) -> System.out.printf(Locale.ROOT, "  %-12s %d/%d%n", type, c[0], c[1]));
        long start = System.nanoTime();
        int runs = 0;
        List<String> pages = new ArrayList<>();
        for (Iterator<String> names = gold.fieldNames(); names.hasNext(); ) {
            pages.add(Files.readString(dir.resolve(names.next())));
        }
        while (System.nanoTime() - start < 3_000_000_000L) {
            enricher.enrich("", pages.get(runs % pages.size()), null);
            runs++;
        }
        start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            enricher.enrich("", pages.get(i % pages.size()), null);
        }
        System.out.printf(Locale.ROOT, "Mean time per page after warm-up: %.2f ms%n", (System.nanoTime() - start) / 500 / 1e6);
    }

    /**
     * The page as the ingest extractor would hand it on, approximately: cut at the first chrome marker in the second
     * half of the page (comment forms, "related" lists, footers), then drop the remaining chrome lines.
     */
    private static String withoutChrome(String page, JsonNode chrome) {
        int cut = page.length();
        for (JsonNode c : chrome) {
            int at = page.indexOf(c.asText());
            if (at > page.length() * 0.5 && at < cut) {
                cut = page.lastIndexOf('\n', at) + 1;
            }
        }
        page = page.substring(0, cut);
        StringBuilder body = new StringBuilder();
        for (String line : page.split("\n", -1)) {
            boolean drop = false;
            for (JsonNode c : chrome) {
                drop |= line.contains(c.asText());
            }
            if (!drop) {
                body.append(line).append('\n');
            }
        }
        return body.toString();
    }

    /** An entity whose name or one of whose mentions contains the gold name as whole words (accents, case ignored). */
    private static Entity find(List<Entity> entities, String name, String type) {
        String wanted = fold(name);
        for (Entity e : entities) {
            if (type != null && !e.type().name().equals(type)) {
                continue;
            }
            if (fold(e.name()).equals(wanted) || fold(e.name()).equals(fold(stripThe(name)))) {
                return e;
            }
            for (Mention m : e.mentions()) {
                String text = fold(m.text());
                if (text.equals(wanted) || (" " + text + " ").contains(" " + wanted + " ")) {
                    return e;
                }
            }
        }
        return null;
    }

    private static String stripThe(String name) {
        return name.startsWith("The ") ? name.substring(4) : name;
    }

    private static String fold(String s) {
        return io.newsflow.contracts.text.Tokenizer.normalise(s.strip());
    }
}

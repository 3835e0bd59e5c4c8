package io.newsflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EventJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled sample news site (local-stack's {@code sample-site/articles.json} and article bodies, on the test
 * classpath) as enriched articles, with the entities of {@code stories/sample-site-entities.tsv}. Its {@code story}
 * field is the gold grouping: a NATO story in three versions (original, English rewrite, Norwegian translation), a
 * syndicated ECB story in two copies, and seven unrelated articles.
 */
public final class SampleSiteArticles {

    /** One sample article: its sample-site id, its gold story and the event the store receives. */
    public record Sample(String sampleId, String goldStory, EnrichedArticle event) {
    }

    private SampleSiteArticles() {
    }

    /** Every sample article in publication order, each on a URL unique to {@code run}. */
    public static List<Sample> load(String run) {
        Map<String, List<Entity>> entities = entities();
        List<Sample> samples = new ArrayList<>();
        JsonNode index = json("sample-site/articles.json");
        for (JsonNode a : index.get("articles")) {
            String id = a.get("id").asText();
            String outlet = a.get("outlet").asText();
            String body = text(resource("sample-site/articles/" + a.get("body").asText()));
            EnrichedArticle event = TestArticles.article(outlet + "-" + run + ".test")
                    .title(a.get("title").asText())
                    .text(body)
                    .language(a.get("language").asText())
                    .publishedAt(Instant.parse(a.get("publishedAt").asText()))
                    .fetchedAt(Instant.parse(a.get("publishedAt").asText()).plusSeconds(300))
                    .enrichedAt(Instant.parse(a.get("publishedAt").asText()).plusSeconds(600))
                    .entities(entities.getOrDefault(id, List.of()).toArray(Entity[]::new))
                    .build();
            samples.add(new Sample(id, a.get("story").asText(), event));
        }
        samples.sort(java.util.Comparator.comparing(s -> s.event().article().publishedAt()));
        return samples;
    }

    private static Map<String, List<Entity>> entities() {
        Map<String, List<Entity>> byArticle = new LinkedHashMap<>();
        for (String line : resource("stories/sample-site-entities.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            byArticle.computeIfAbsent(f[0], k -> new ArrayList<>()).add(TestArticles.entity(f[1], f[4],
                    EntityType.valueOf(f[2]), Double.parseDouble(f[3])));
        }
        return byArticle;
    }

    /** Visible text of an article body fragment: tags dropped, entities of the few kinds used there decoded. */
    static String text(String html) {
        return html.replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]+>", " ").replace("&amp;", "&")
                .replace("&nbsp;", " ").replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    private static JsonNode json(String path) {
        try {
            return EventJson.mapper().readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = SampleSiteArticles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (local-stack test dependency)");
            }
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

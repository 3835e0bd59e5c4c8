package io.newsflow.store.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Story decisions on the held-out multi-outlet set without the pipeline: {@code stories/story-heldout-enriched.json} is
 * what the store clustered on in deploy/local's {@code StoryQualityIT} (written by that test to
 * {@code deploy/local/target/story-heldout-enriched.json}, copied here unchanged: real enrich-service entities and
 * fingerprints of 41 articles, 8 outlets, 5 languages). Articles arrive in publication order, so figures can differ a
 * little from the pipeline's, where arrival order follows feed polling. Prints the score, every wrong pair with its
 * similarity and shared entities, and guards the figure recorded in docs/benchmarks.md.
 */
class HeldOutStoriesTest {

    private static final String SET_1 = "stories/story-heldout-enriched.json";
    /**
     * {@code -Dstories.features=stories/story-heldout-3-enriched.json} replays another set's features (sets 2 and 3
     * are beside set 1, written by their pipeline ITs); only set 1's figures are guarded, other sets are printed.
     */
    private static final String FEATURES = System.getProperty("stories.features", SET_1);
    /**
     * What this replay scored when last measured (docs/benchmarks.md, with figures and keywords in the features); it is
     * deterministic, so no margin.
     */
    private static final double MIN_F1 = 1.0;

    /** Fixed seeds: the shuffled replays are deterministic, like the publication-order one. */
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    /**
     * Mean F1 over the shuffled orders when last measured (0.985 since merging at 0.34; 0.965 at 0.45, 0.883 before
     * figures and keywords; deterministic, so no margin beyond rounding). Below publication order: rarity, which each
     * article takes from the articles stored before it, so on a 41-article set early arrivals weigh entities
     * differently; merging cannot change what never matched.
     */
    private static final double MIN_SHUFFLED_F1 = 0.98;

    record HeldOut(String story, String title, StoryFeatures features, Map<String, String> names) {
    }

    @Test
    void heldOutSetGroupsCloseToItsGoldStories() throws IOException {
        List<HeldOut> articles = load(FEATURES);
        var stories = new InMemoryStories();
        Map<String, String> gold = new LinkedHashMap<>();
        for (HeldOut article : articles) {
            gold.put(article.features().articleId(), article.story());
            stories.add(article.features());
        }
        PairwiseScore score = PairwiseScore.of(gold, stories.stories());
        StringBuilder report = new StringBuilder("Held-out set, in memory: " + score + "\n");
        List<StoryFeatures> all = articles.stream().map(HeldOut::features).toList();
        StorySimilarity.Rarity rarity = e -> StorySimilarity.rarity(all.size() - 1,
                all.stream().filter(f -> f.entities().containsKey(e)).count() - 1);
        for (int i = 0; i < articles.size(); i++) {
            for (int j = i + 1; j < articles.size(); j++) {
                HeldOut a = articles.get(i);
                HeldOut b = articles.get(j);
                boolean same = a.story().equals(b.story());
                boolean together = stories.stories().get(a.features().articleId())
                        .equals(stories.stories().get(b.features().articleId()));
                if (same != together) {
                    var shared = new TreeSet<String>();
                    a.features().entities().keySet().stream().filter(b.features().entities()::containsKey)
                            .forEach(id -> shared.add(a.names().get(id)));
                    report.append(String.format("  %s score=%.3f %s | %s%n      shared %s, events %s | %s%n",
                            same ? "SPLIT " : "MERGED", StorySimilarity.compare(a.features(), b.features(), rarity)
                                    .score(), a.title(), b.title(), shared, a.features().events(),
                            b.features().events()));
                }
            }
        }
        System.out.println(report);
        if (FEATURES.equals(SET_1)) {
            assertThat(score.f1()).as(report.toString()).isGreaterThanOrEqualTo(MIN_F1);
        }
    }

    /**
     * In the pipeline articles arrive in feed-polling order, not publication order: a follow-up can come before its
     * original. Replays fixed shuffles through the same decision (merging included) and guards their mean F1.
     */
    @Test
    void shuffledArrivalOrdersKeepTheirMeasuredScore() throws IOException {
        List<HeldOut> articles = load(FEATURES);
        Map<String, String> gold = new LinkedHashMap<>();
        articles.forEach(a -> gold.put(a.features().articleId(), a.story()));
        double inOrder = replay(articles, gold).f1();
        StringBuilder report = new StringBuilder(String.format("Held-out set, publication order F1=%.3f%n", inOrder));
        double sum = 0;
        for (long seed : SEEDS) {
            List<HeldOut> shuffled = new ArrayList<>(articles);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            PairwiseScore score = replay(shuffled, gold);
            sum += score.f1();
            report.append(String.format("  seed %d: %s%n", seed, score));
        }
        double mean = sum / SEEDS.length;
        report.append(String.format("Shuffled orders: mean F1=%.3f over %d seeds%n", mean, SEEDS.length));
        System.out.println(report);
        if (FEATURES.equals(SET_1)) {
            assertThat(inOrder).as(report.toString()).isGreaterThanOrEqualTo(MIN_F1);
            assertThat(mean).as(report.toString()).isGreaterThanOrEqualTo(MIN_SHUFFLED_F1);
        }
    }

    static PairwiseScore replay(List<HeldOut> articles, Map<String, String> gold) {
        var stories = new InMemoryStories();
        articles.forEach(a -> stories.add(a.features()));
        return PairwiseScore.of(gold, stories.stories());
    }

    static List<HeldOut> load(String resource) throws IOException {
        JsonNode root;
        try (InputStream in = HeldOutStoriesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test class path").isNotNull();
            root = EventJson.mapper().readTree(in);
        }
        List<HeldOut> articles = new ArrayList<>();
        for (JsonNode a : root) {
            List<StoryFeatures.WeightedEntity> entities = new ArrayList<>();
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, EnrichedArticle.Geo> places = new LinkedHashMap<>();
            for (JsonNode e : a.get("entities")) {
                if (e.has("lat")) {
                    places.put(e.get("id").asText(), new EnrichedArticle.Geo(e.get("lat").asDouble(),
                            e.get("lon").asDouble()));
                }
                entities.add(new StoryFeatures.WeightedEntity(e.get("id").asText(), e.get("type").asText(),
                        e.get("salience").asDouble()));
                names.put(e.get("id").asText(), e.get("name").asText());
            }
            int[] minhash = new int[a.get("minhash").size()];
            for (int i = 0; i < minhash.length; i++) {
                minhash[i] = a.get("minhash").get(i).asInt();
            }
            var fingerprint = new TextFingerprint(minhash, a.get("simhash").asLong(), a.get("wordCount").asInt());
            Set<String> numbers = new TreeSet<>();
            a.path("numbers").forEach(n -> numbers.add(n.asText()));
            Set<String> keywords = new TreeSet<>();
            a.path("keywords").forEach(k -> keywords.add(k.asText()));
            // Kinds of event are read from the stored text with the current lexicon, so the lexicon can be replayed;
            // files written before the text was kept have none.
            StoryEvents.Kinds events = a.has("text") ? StoryEvents.read(a.get("language").asText(),
                    a.get("title").asText(), a.path("summary").asText(null), a.get("text").asText())
                    : new StoryEvents.Kinds(Set.of(), Set.of());
            var features = new StoryFeatures(a.get("key").asText(), null, Instant.parse(a.get("time").asText()),
                    a.get("language").asText(), StoryFeatures.weigh(entities), fingerprint, numbers, keywords,
                    events.reported(), events.headline(), places);
            articles.add(new HeldOut(a.get("story").asText(), a.get("title").asText(), features, names));
        }
        return articles;
    }
}

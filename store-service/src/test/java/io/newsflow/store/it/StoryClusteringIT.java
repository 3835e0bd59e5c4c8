package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EventJson;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.SampleSiteArticles;
import io.newsflow.store.StoreTestClient;
import io.newsflow.store.TestArticles;
import io.newsflow.contracts.Topics;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.story.PairwiseScore;
import io.newsflow.store.story.StoryEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Story clustering end to end against the real broker and PostgreSQL: the bundled sample site's twelve articles
 * (one NATO story in English, an English rewrite and a Norwegian translation; one ECB story syndicated verbatim;
 * seven unrelated articles that share countries, NATO, Patriot and Lockheed Martin with the NATO story) go through
 * Kafka with realistic entities and must come out grouped as the site's {@code story} fields say.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class StoryClusteringIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ArticleWriter writer;

    @Test
    void sampleSiteArticlesAreGroupedIntoTheirStories() {
        List<SampleSiteArticles.Sample> samples = SampleSiteArticles.load(RUN);
        samples.forEach(s -> StoreTestClient.produce(s.event()));

        Map<String, String> gold = new LinkedHashMap<>();
        Map<String, String> predicted = new LinkedHashMap<>();
        Map<String, String> storyBySample = new LinkedHashMap<>();
        for (SampleSiteArticles.Sample sample : samples) {
            String story = awaitStory(sample.event().id());
            gold.put(sample.event().id(), sample.goldStory());
            predicted.put(sample.event().id(), story);
            storyBySample.put(sample.sampleId(), story);
        }
        var score = PairwiseScore.of(gold, predicted);
        System.out.println("Sample site through Kafka and PostgreSQL: " + score + " stories=" + storyBySample);
        assertThat(score.f1()).as(score.toString()).isEqualTo(1.0);

        String nato = storyBySample.get("cw-nato-air-defence");
        assertThat(storyBySample.get("hg-air-defence-rewrite")).isEqualTo(nato);
        assertThat(storyBySample.get("na-nato-luftvern")).isEqualTo(nato);
        assertThat(storyBySample.get("hg-lagarde-syndicated")).isEqualTo(storyBySample.get("cw-lagarde-rates"));
        assertThat(new HashSet<>(storyBySample.values())).hasSize(9);

        // The story API: the NATO story with three outlets, two languages and the founding article's title.
        given().get("/api/stories/" + nato).then().statusCode(200)
                .body("id", equalTo(nato))
                .body("articleCount", equalTo(3))
                .body("languages", equalTo(List.of("en", "nb")))
                .body("sources.size()", equalTo(3))
                .body("title", equalTo("NATO allies pledge extra Patriot batteries for Ukraine before winter"))
                .body("firstSeen", equalTo("2026-11-20T14:05:00Z"))
                .body("lastSeen", equalTo("2026-11-20T21:30:00Z"))
                .body("articles.size()", equalTo(3))
                // newest first
                .body("articles[0].title", equalTo("Allies agree winter air-defence package for Kyiv as Russian "
                        + "strikes intensify"));
        List<Map<String, Object>> stories = given().queryParam("limit", 100).get("/api/stories").then()
                .statusCode(200).extract().jsonPath().getList("items");
        List<String> ids = stories.stream().map(s -> (String) s.get("id")).toList();
        assertThat(ids).contains(nato, storyBySample.get("cw-lagarde-rates"));
        // Most active first: the three-article story comes before every single-article story of this run.
        assertThat(ids.indexOf(nato)).isLessThan(ids.indexOf(storyBySample.get("hg-haaland-city")));
        assertThat(stories.get(0).get("articleCount")).isInstanceOf(Integer.class);
        given().queryParam("story", nato).get("/api/articles").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items.storyId", equalTo(List.of(nato, nato, nato)));

        // Story events: one "created" for the NATO story, and its latest event says three articles.
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<StoryEvent> events = StoreTestClient.records(Topics.STORIES).stream()
                    .filter(r -> nato.equals(r.key()))
                    .map(r -> EventJson.fromBytes(r.value(), StoryEvent.class)).toList();
            assertThat(events).isNotEmpty();
            assertThat(events.get(0).type()).isEqualTo(StoryEvent.CREATED);
            assertThat(events.stream().filter(e -> e.type().equals(StoryEvent.CREATED))).hasSize(1);
            assertThat(events.get(events.size() - 1).articleCount()).isEqualTo(3);
            assertThat(events.get(events.size() - 1).languages()).containsExactly("en", "nb");
        });
    }

    @Test
    void aRevisionKeepsItsStoryEvenWhenItsEntitiesChange() {
        var original = TestArticles.article("rev-story-" + RUN + ".test").title("Storm closes the E6 in Nordland")
                .text("The road authority closed the E6 north of Mo i Rana on Tuesday as the storm Ingunn hit the coast.")
                .entities(TestArticles.entity("Q1", "Ingunn-" + RUN, EntityType.EVENT, 0.9),
                        TestArticles.entity("Q2", "E6-" + RUN, EntityType.LOCATION, 0.6));
        EnrichedArticle first = original.build();
        StoreTestClient.produce(first);
        String story = awaitStory(first.id());

        EnrichedArticle revised = original.revision(2).title("Storm: E6 reopened").text("Completely new text here.")
                .enrichedAt(Instant.parse("2026-11-20T12:00:00Z"))
                .entities(TestArticles.entity("Q3", "Other-" + RUN, EntityType.PERSON, 0.9)).build();
        StoreTestClient.produce(revised);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/articles/" + first.id()).then()
                .body("revision", equalTo(2)).body("storyId", equalTo(story)));
        given().get("/api/stories/" + story).then().statusCode(200).body("articleCount", equalTo(1))
                .body("title", equalTo("Storm closes the E6 in Nordland"));
    }

    @Test
    void concurrentWritersAgreeOnOneStoryForCopiesOfOneArticle() throws Exception {
        // Several replicas storing copies of one wire story at the same moment: the advisory lock serialises the
        // assignment, so the first founds the story and every other copy joins it.
        String text = "Copy " + RUN + " of a wire story: the harbour authority said on Monday that the new ferry "
                + "terminal will open in March after a decade of delays, with three daily crossings to the islands.";
        int writers = 6;
        var barrier = new CyclicBarrier(writers);
        var pool = Executors.newFixedThreadPool(writers);
        List<String> ids = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                EnrichedArticle copy = TestArticles.article("outlet" + i + "-" + RUN + ".test")
                        .title("Ferry terminal to open in March").text(text).build();
                ids.add(copy.id());
                futures.add(pool.submit((Callable<Object>) () -> {
                    barrier.await();
                    return writer.upsert(copy);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> stories = new HashSet<>();
        for (String id : ids) {
            stories.add(given().get("/api/articles/" + id).then().statusCode(200).extract().path("storyId"));
        }
        assertThat(stories).hasSize(1);
        given().get("/api/stories/" + stories.iterator().next()).then().body("articleCount", equalTo(writers));
    }

    @Test
    void aTranslationThatKeepsTheFiguresJoinsWhereEntitiesAloneAreTooFew() {
        // Two reports of one mine accident and two of another, each pair sharing the same thin entities (the
        // mine, its region) among their own local names; only the first pair also reports the same figures, so only
        // it is one story. The figures are stored with the article and read back for the comparison.
        Instant when = Instant.parse("2026-11-25T09:00:00Z");
        EnrichedArticle english = figures("en", "mine-a", when, "Rockfall traps 312 miners; 1,450 evacuated, "
                + "rescuers drilled 62.5 metres and pumped 8,700 litres an hour.");
        EnrichedArticle german = figures("de", "mine-a", when.plusSeconds(3600), "Steinschlag: 312 Bergleute "
                + "eingeschlossen, 1.450 Menschen evakuiert; Retter bohrten 62,5 Meter, 8.700 Liter pro Stunde.");
        EnrichedArticle englishOther = figures("en", "mine-b", when, "Rockfall traps 214 miners; 3,350 evacuated, "
                + "rescuers drilled 41.5 metres.");
        EnrichedArticle germanOther = figures("de", "mine-b", when.plusSeconds(3600), "Steinschlag: Bergleute "
                + "eingeschlossen, Hunderte evakuiert; Retter bohrten die ganze Nacht.");
        StoreTestClient.produce(english);
        String story = awaitStory(english.id());
        StoreTestClient.produce(englishOther);
        String otherStory = awaitStory(englishOther.id());
        StoreTestClient.produce(german);
        StoreTestClient.produce(germanOther);
        assertThat(awaitStory(german.id())).isEqualTo(story);
        assertThat(awaitStory(germanOther.id())).isNotEqualTo(otherStory);
    }

    @Test
    void aTranslationThatSharesNoNameJoinsOnItsFigures() {
        // A translation that names the event's actors in its own words shares no entity id with the original, so only
        // the figure lookup (article_number) can nominate it: three figures (164, 48, 2.9) and the kind of event
        // agree. Another blast the same morning shares two of the figures and stays apart.
        Instant when = Instant.parse("2026-11-26T07:00:00Z");
        String tag = "blast-" + RUN;
        EnrichedArticle english = blast(tag + "-en", "en", when, "Gas explosion tears through apartment block",
                "The explosion injured 17 people, left 164 residents of 48 flats homeless and caused damage put at "
                        + "2.9 million euros, the fire service said.", "fire service");
        EnrichedArticle german = blast(tag + "-de", "de", when.plusSeconds(5400), "Gasexplosion in Wohnhaus",
                "Bei der Explosion wurden 17 Menschen verletzt, 164 Bewohner aus 48 Wohnungen sind obdachlos, der "
                        + "Schaden liegt bei 2,9 Millionen Euro, teilte die Feuerwehr mit.", "feuerwehr");
        EnrichedArticle otherBlast = blast(tag + "-other", "de", when.plusSeconds(7200), "Explosion in Lagerhalle",
                "Die Explosion verletzte 17 Arbeiter, beschädigte 48 Fahrzeuge und verursachte einen Schaden von "
                        + "2,9 Millionen Euro; 83 Feuerwehrleute waren im Einsatz.", "werk");
        StoreTestClient.produce(english);
        String story = awaitStory(english.id());
        StoreTestClient.produce(german);
        assertThat(awaitStory(german.id())).isEqualTo(story);
        StoreTestClient.produce(otherBlast);
        assertThat(awaitStory(otherBlast.id())).isNotEqualTo(story);
    }

    /** A report of a blast naming one organisation of its own, so it shares no entity with any other. */
    private static EnrichedArticle blast(String tag, String language, Instant publishedAt, String title, String text,
                                         String organisation) {
        return TestArticles.article(tag + ".test").language(language).publishedAt(publishedAt).title(title).text(text)
                .entities(TestArticles.entity("nf:ORGANIZATION:" + organisation + " " + tag, organisation,
                        EntityType.ORGANIZATION, 1.0))
                .build();
    }

    /** An article on one of two mine accidents: two shared thin entities and four local names of its own. */
    private static EnrichedArticle figures(String language, String mine, Instant publishedAt, String text) {
        String tag = mine + "-" + language + "-" + RUN;
        return TestArticles.article(tag + ".test").language(language).publishedAt(publishedAt)
                .title("Mine " + mine).text(text)
                .entities(TestArticles.entity("nf:ORGANIZATION:" + mine + RUN, mine + RUN, EntityType.ORGANIZATION,
                                language.equals("en") ? 1.0 : 0.3),
                        TestArticles.entity("nf:LOCATION:region" + mine + RUN, "Region" + RUN, EntityType.LOCATION, 0.5),
                        TestArticles.entity("nf:PERSON:a" + tag, "A" + tag, EntityType.PERSON, 0.8),
                        TestArticles.entity("nf:PERSON:b" + tag, "B" + tag, EntityType.PERSON, 0.8),
                        TestArticles.entity("nf:ORGANIZATION:c" + tag, "C" + tag, EntityType.ORGANIZATION, 0.8),
                        TestArticles.entity("nf:ORGANIZATION:d" + tag, "D" + tag, EntityType.ORGANIZATION, 0.8))
                .build();
    }

    @Test
    void unknownStoryIs404AndBadLimitIs400() {
        given().get("/api/stories/st-nope-" + RUN).then().statusCode(404).body("status", equalTo(404));
        given().queryParam("limit", "0").get("/api/stories").then().statusCode(400)
                .body("message", equalTo("limit must be an integer between 1 and 100, was '0'"));
        given().queryParam("since", "yesterday").get("/api/stories").then().statusCode(400);
    }

    private static String awaitStory(String articleId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/articles/" + articleId).statusCode() == 200);
        return given().get("/api/articles/" + articleId).then().extract().path("storyId");
    }
}

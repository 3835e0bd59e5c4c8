package io.newsflow.store.story;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.Geo;
import io.newsflow.contracts.fingerprint.TextFingerprint;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What story clustering knows about one article: when it appeared, its language, its most important entities
 * (weighted) and its text fingerprint.
 *
 * @param articleId article id
 * @param storyId   the story it belongs to; null for an article still being assigned
 * @param time      publication time, else fetch time (the article's {@code sort_at})
 * @param language  normalised language code
 * @param entities  entity id → weight: salience times {@link #typeWeight}, the {@value #MAX_ENTITIES} heaviest only
 * @param fingerprint MinHash/SimHash of title and text
 * @param numbers   the specific figures it reports ({@link StoryNumbers}); empty when not known
 * @param keywords  its most characteristic words as enrich-service ranked them (the event's fingerprint); empty when
 *                  not known
 * @param events    the kinds of event its headline and lead report ({@link StoryEvents}); empty when none or not known
 * @param headlineEvents the kinds of event its headline alone reports: what the article is about, where the lead
 *                  also names other events in passing; empty when none or not known
 * @param places    where those of {@code entities} that are places with coordinates are (entity id → point)
 */
public record StoryFeatures(String articleId, String storyId, Instant time, String language,
                            Map<String, Double> entities, TextFingerprint fingerprint, Set<String> numbers,
                            Set<String> keywords, Set<String> events, Set<String> headlineEvents,
                            Map<String, Geo> places) {

    /** Entities beyond the heaviest dozen are passing mentions; they add noise, not evidence. */
    public static final int MAX_ENTITIES = 12;
    /** Entities below this salience are passing mentions too. */
    public static final double MIN_SALIENCE = 0.05;

    public StoryFeatures {
        entities = Map.copyOf(entities);
        numbers = numbers == null ? Set.of() : Set.copyOf(numbers);
        keywords = keywords == null ? Set.of() : Set.copyOf(keywords);
        events = events == null ? Set.of() : Set.copyOf(events);
        headlineEvents = headlineEvents == null ? Set.of() : Set.copyOf(headlineEvents);
        Map<String, Geo> kept = new HashMap<>();
        if (places != null) {
            for (Map.Entry<String, Geo> place : places.entrySet()) {
                if (place.getValue() != null && entities.containsKey(place.getKey())) {
                    kept.put(place.getKey(), place.getValue());
                }
            }
        }
        places = Map.copyOf(kept);
    }

    /** Features without coordinates (an article stored before they were kept, or a test about other signals). */
    public StoryFeatures(String articleId, String storyId, Instant time, String language,
                         Map<String, Double> entities, TextFingerprint fingerprint, Set<String> numbers,
                         Set<String> keywords, Set<String> events) {
        this(articleId, storyId, time, language, entities, fingerprint, numbers, keywords, events, Set.of(), Map.of());
    }

    /** Features without kinds of event (an article stored before they were kept, or a test about other signals). */
    public StoryFeatures(String articleId, String storyId, Instant time, String language,
                         Map<String, Double> entities, TextFingerprint fingerprint, Set<String> numbers,
                         Set<String> keywords) {
        this(articleId, storyId, time, language, entities, fingerprint, numbers, keywords, Set.of(), Set.of(),
                Map.of());
    }

    /** Features without figures or keywords (an article stored before they were kept, or a test about entities). */
    public StoryFeatures(String articleId, String storyId, Instant time, String language,
                         Map<String, Double> entities, TextFingerprint fingerprint) {
        this(articleId, storyId, time, language, entities, fingerprint, Set.of(), Set.of(), Set.of(), Set.of(),
                Map.of());
    }

    public StoryFeatures withStory(String story) {
        return new StoryFeatures(articleId, story, time, language, entities, fingerprint, numbers, keywords, events,
                headlineEvents, places);
    }

    /**
     * Places are weak evidence of a shared event: every story about a country names it, and so do unrelated ones.
     * People, organisations, products and named events say much more about which event an article reports.
     */
    public static double typeWeight(String type) {
        if (type == null) {
            return 1.0;
        }
        return switch (type) {
            case "LOCATION" -> 0.4;
            case "EVENT" -> 1.2;
            default -> 1.0;
        };
    }

    /** An entity as stored (id, type, salience), the input to {@link #weigh}. */
    public record WeightedEntity(String id, String type, double salience) {
    }

    /** The weighted entity profile: heaviest {@value #MAX_ENTITIES}, salience at least {@value #MIN_SALIENCE}. */
    public static Map<String, Double> weigh(List<WeightedEntity> entities) {
        Map<String, Double> weights = new LinkedHashMap<>();
        entities.stream()
                .filter(e -> e.salience() >= MIN_SALIENCE)
                .sorted(Comparator.comparingDouble((WeightedEntity e) -> -e.salience() * typeWeight(e.type()))
                        .thenComparing(WeightedEntity::id))
                .limit(MAX_ENTITIES)
                .forEach(e -> weights.merge(e.id(), e.salience() * typeWeight(e.type()), Math::max));
        return weights;
    }

    /** The coordinates of the entities that have them (places the enricher's knowledge base knows). */
    public static Map<String, Geo> placesOf(List<EnrichedArticle.Entity> entities) {
        Map<String, Geo> places = new HashMap<>();
        entities.stream().filter(e -> e.geo() != null).forEach(e -> places.putIfAbsent(e.id(), e.geo()));
        return places;
    }

    public static Map<String, Double> weighEnriched(List<EnrichedArticle.Entity> entities) {
        return weigh(entities.stream()
                .map(e -> new WeightedEntity(e.id(), e.type() == null ? null : e.type().name(), e.salience()))
                .toList());
    }
}

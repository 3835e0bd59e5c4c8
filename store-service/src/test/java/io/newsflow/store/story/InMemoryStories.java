package io.newsflow.store.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's clustering decision without the database, for offline evaluation: articles arrive one at a time, each
 * is compared with every earlier article within the window, rarity comes from the earlier articles in the window, and
 * a newcomer that matches nothing founds its own story; one that bridges stories merges them as the store does. Same
 * {@link StorySimilarity#place} as the store.
 */
final class InMemoryStories {

    private final List<StoryFeatures> stored = new ArrayList<>();
    private final Map<String, String> storyOf = new LinkedHashMap<>();
    private final Map<String, Instant> firstSeen = new HashMap<>();

    String add(StoryFeatures newcomer) {
        List<StoryFeatures> window = stored.stream()
                .filter(s -> java.time.Duration.between(s.time(), newcomer.time()).abs()
                        .compareTo(StorySimilarity.COPY_WINDOW) <= 0)
                .toList();
        List<StoryFeatures> recent = window.stream()
                .filter(s -> java.time.Duration.between(s.time(), newcomer.time()).abs()
                        .compareTo(StorySimilarity.WINDOW) <= 0)
                .toList();
        StorySimilarity.Rarity rarity = entity -> StorySimilarity.rarity(recent.size(),
                recent.stream().filter(s -> s.entities().containsKey(entity)).count());
        StorySimilarity.Placement placement = StorySimilarity.place(newcomer, window, rarity, firstSeen::get);
        String story = placement.storyId() != null ? placement.storyId() : "story-" + newcomer.articleId();
        if (!placement.absorbed().isEmpty()) {
            stored.replaceAll(s -> placement.absorbed().contains(s.storyId()) ? s.withStory(story) : s);
            storyOf.replaceAll((id, s) -> placement.absorbed().contains(s) ? story : s);
            placement.absorbed().forEach(a -> firstSeen.merge(story, firstSeen.remove(a), InMemoryStories::earlier));
        }
        firstSeen.merge(story, newcomer.time(), InMemoryStories::earlier);
        stored.add(newcomer.withStory(story));
        storyOf.put(newcomer.articleId(), story);
        return story;
    }

    Map<String, String> stories() {
        return storyOf;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

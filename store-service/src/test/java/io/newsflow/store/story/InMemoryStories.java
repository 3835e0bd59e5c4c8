package io.newsflow.store.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's clustering decision without the database, for offline evaluation: articles arrive one at a time, each
 * is compared with every earlier article within the window, rarity comes from the earlier articles in the window, and
 * a newcomer that matches nothing founds its own story. Same {@link StorySimilarity} as the store.
 */
final class InMemoryStories {

    private final List<StoryFeatures> stored = new ArrayList<>();
    private final Map<String, String> storyOf = new LinkedHashMap<>();

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
        String story = StorySimilarity.choose(newcomer, window, rarity)
                .map(StorySimilarity.Choice::storyId)
                .orElse("story-" + newcomer.articleId());
        stored.add(newcomer.withStory(story));
        storyOf.put(newcomer.articleId(), story);
        return story;
    }

    Map<String, String> stories() {
        return storyOf;
    }
}

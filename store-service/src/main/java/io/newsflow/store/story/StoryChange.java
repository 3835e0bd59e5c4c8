package io.newsflow.store.story;

import java.time.Instant;
import java.util.List;

/**
 * What a committed write did to one story, with the story's state after it: the payload of a story event.
 *
 * @param storyId      the story
 * @param created      true when this write founded the story
 * @param title        representative title
 * @param articleCount articles in the story now
 * @param firstSeen    earliest article time
 * @param lastSeen     latest article time
 * @param sources      outlets, sorted
 * @param languages    languages, sorted
 * @param articleIds   the articles of this write that were added to or revised in the story; for a merged story, the
 *                     articles it handed to its survivor
 * @param mergedInto   the story that absorbed this one (which no longer exists), else null
 */
public record StoryChange(String storyId, boolean created, String title, int articleCount, Instant firstSeen,
                          Instant lastSeen, List<String> sources, List<String> languages, List<String> articleIds,
                          String mergedInto) {
    public StoryChange {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
        articleIds = List.copyOf(articleIds);
    }
}

package io.newsflow.store.story;

import java.time.Instant;
import java.util.List;

/**
 * The value on {@code news.stories} (key = story id): a story was created, changed, or merged into another. Each
 * event carries the story's full current summary, so a consumer can keep the latest per key (the topic can be
 * compacted) and needs no history.
 *
 * @param schemaVersion version of this payload; consumers reject versions they do not know
 * @param type          {@code created} for the first event of a story, {@code merged} for its last when an article
 *                      proved it the same event as an older story (which absorbed its articles), else {@code updated}
 * @param storyId       the story (also the Kafka key)
 * @param title         representative title
 * @param articleCount  articles in the story now
 * @param sources       outlets, sorted
 * @param languages     languages, sorted
 * @param firstSeen     earliest article time
 * @param lastSeen      latest article time
 * @param articleIds    articles added to or revised in the story by the write that caused this event; in a
 *                      {@code merged} event, the articles moved to the surviving story
 * @param emittedAt     when the write that caused the event committed (about; taken inside its transaction)
 * @param sequence      the event's id: unique, the same on every redelivery, increasing in commit order across all
 *                      store replicas. Optional in schema version 1 (absent from events of older stores); a consumer
 *                      drops an event whose sequence is not above the last one it applied for the story.
 * @param mergedInto    in a {@code merged} event, the surviving story; absent otherwise. Additive and optional, so
 *                      still schema version 1. A merged event has articleCount 0, no sources or languages: the story
 *                      is gone, and the survivor's own {@code updated} event (published just before) carries the
 *                      union.
 */
public record StoryEvent(int schemaVersion, String type, String storyId, String title, int articleCount,
                         List<String> sources, List<String> languages, Instant firstSeen, Instant lastSeen,
                         List<String> articleIds, Instant emittedAt, Long sequence, String mergedInto) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String MERGED = "merged";

    public static StoryEvent of(StoryChange change, Instant now) {
        String type = change.mergedInto() != null ? MERGED : change.created() ? CREATED : UPDATED;
        return new StoryEvent(SCHEMA_VERSION, type, change.storyId(), change.title(),
                change.articleCount(), change.sources(), change.languages(), change.firstSeen(), change.lastSeen(),
                change.articleIds(), now, null, change.mergedInto());
    }

    /** This event as published from the outbox row {@code sequence}. */
    public StoryEvent withSequence(long sequence) {
        return new StoryEvent(schemaVersion, type, storyId, title, articleCount, sources, languages, firstSeen,
                lastSeen, articleIds, emittedAt, sequence, mergedInto);
    }
}

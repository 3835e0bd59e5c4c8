package io.newsflow.store.story;

import io.newsflow.store.query.ArticleViews.ArticleSummary;

import java.time.Instant;
import java.util.List;

/** JSON shapes of the story API. */
public final class StoryViews {

    private StoryViews() {
    }

    /** {@code GET /api/stories}. */
    public record StoryPage(List<StorySummary> items) {
    }

    /** A story with what an analyst needs to pick it: size, spread over outlets and languages, time span. */
    public record StorySummary(String id, String title, int articleCount, List<String> sources,
                               List<String> languages, Instant firstSeen, Instant lastSeen) {
    }

    /** {@code GET /api/stories/{id}}: the story and its articles, newest first. */
    public record StoryDetail(String id, String title, int articleCount, List<String> sources, List<String> languages,
                              Instant firstSeen, Instant lastSeen, List<ArticleSummary> articles) {
    }
}

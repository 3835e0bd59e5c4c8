package io.newsflow.store.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's JSON shapes, decoupled from the event contract so either can evolve on its own. */
public final class ArticleViews {

    private ArticleViews() {
    }

    /**
     * {@code GET /api/articles}: one page. {@code nextCursor} continues after the last item (null when this page is
     * the last); {@code facets} maps each requested facet to its counts (null when none were requested).
     */
    public record ArticlePage(List<ArticleSummary> items, String nextCursor, Map<String, List<FacetCount>> facets) {
        public ArticlePage(List<ArticleSummary> items) {
            this(items, null, null);
        }
    }

    /** One value of a facet and how many filtered articles have it; label and type where the value is an id. */
    public record FacetCount(String value, String label, String type, long count) {
    }

    /** One list item: enough to render a headline with its topics and main entities. */
    public record ArticleSummary(String id, String title, String source, String url, Instant publishedAt,
                                 Instant fetchedAt, String language, String storyId, List<TopicView> topics,
                                 List<EntitySummary> entities) {
    }

    /** An entity in a list item: the {@value ArticleQuery#SUMMARY_ENTITIES} most salient, most salient first. */
    public record EntitySummary(String id, String name, String type, double salience) {
    }

    /** {@code GET /api/articles/{id}}: the stored revision in full. */
    public record ArticleDetail(String id, String url, String canonicalUrl, String source, String feedUrl, String title,
                                String text, String summary, List<String> authors, Instant publishedAt,
                                Instant fetchedAt, Instant enrichedAt, Instant storedAt, String language,
                                double languageConfidence, String contentHash, int revision, String storyId,
                                List<EntityView> entities, List<TopicView> topics) {
    }

    /** {@code geo}: where a place is (WGS 84 degrees), for the cities and towns the enricher knows; null otherwise. */
    public record EntityView(String id, String name, String type, boolean linked, int count, double salience,
                             List<MentionView> mentions, GeoView geo) {
    }

    /** A point: latitude and longitude in degrees. */
    public record GeoView(double lat, double lon) {
    }

    /** Where an entity occurs: {@code field} is "title" or "text"; offsets in UTF-16 units, end exclusive. */
    public record MentionView(String field, int start, int end, String text) {
    }

    /** IPTC Media Topic with its score (0..1). */
    public record TopicView(String code, String label, double score) {
    }
}

package io.newsflow.store;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.contracts.EnrichedArticle.Topic;
import io.newsflow.contracts.RawArticle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds enriched-article events for tests; each test article gets a unique URL and so a unique id. */
public final class TestArticles {

    private TestArticles() {
    }

    /** A fresh article with a unique URL on {@code source}. */
    public static Builder article(String source) {
        return new Builder(source, "https://" + source + "/news/" + UUID.randomUUID());
    }

    public static Entity entity(String id, String name, EntityType type, double salience) {
        return new Entity(id, name, type, id.startsWith("Q"), 1, salience,
                List.of(new Mention("text", 0, name.length(), name)));
    }

    public static Topic topic(String code, String label) {
        return new Topic(code, label, 0.8);
    }

    public static final class Builder {
        private final String source;
        private final String url;
        private String title = "A headline";
        private String text = "Some text.";
        private String language = "en";
        private int revision = 1;
        private Instant publishedAt = Instant.parse("2026-11-20T10:00:00Z");
        private Instant enrichedAt = Instant.parse("2026-11-20T10:05:00Z");
        private Instant fetchedAt = Instant.parse("2026-11-20T10:01:00Z");
        private List<Entity> entities = List.of();
        private List<Topic> topics = List.of();

        private Builder(String source, String url) {
            this.source = source;
            this.url = url;
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder text(String text) { this.text = text; return this; }
        public Builder language(String language) { this.language = language; return this; }
        public Builder revision(int revision) { this.revision = revision; return this; }
        public Builder publishedAt(Instant publishedAt) { this.publishedAt = publishedAt; return this; }
        public Builder enrichedAt(Instant enrichedAt) { this.enrichedAt = enrichedAt; return this; }
        public Builder fetchedAt(Instant fetchedAt) { this.fetchedAt = fetchedAt; return this; }
        public Builder entities(Entity... entities) { this.entities = List.of(entities); return this; }
        public Builder topics(Topic... topics) { this.topics = List.of(topics); return this; }

        public String id() {
            return ArticleIds.idFor(url);
        }

        public EnrichedArticle build() {
            String canonical = ArticleIds.canonicalize(url);
            var raw = new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.idFor(url), url, canonical, source,
                    "https://" + source + "/rss", title, text, "Summary of " + title, List.of("Kari Nordmann"),
                    publishedAt, fetchedAt, language,
                    "hash-" + revision + "-" + title.hashCode(), revision);
            return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, raw,
                    new EnrichedArticle.Language(language, 0.97), entities, topics, enrichedAt);
        }
    }
}

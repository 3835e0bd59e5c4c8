package io.newsflow.enrich;

import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.entity.NameCues;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.topic.TopicClassifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The real enricher parts with the production defaults, built once per test JVM (the model takes a second to load). */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static LanguageIdentifier languages;
    private static EntityExtractor entities;
    private static TopicClassifier topics;
    private static ArticleEnricher enricher;

    private Fixtures() {
    }

    public static synchronized LanguageIdentifier languages() {
        if (languages == null) {
            languages = new LanguageIdentifier(20, 0.5, 500);
        }
        return languages;
    }

    public static synchronized EntityExtractor entities() {
        if (entities == null) {
            entities = new EntityExtractor(KnowledgeBase.builtIn(), NameCues.builtIn());
        }
        return entities;
    }

    public static synchronized TopicClassifier topics() {
        if (topics == null) {
            topics = new TopicClassifier(0.35);
        }
        return topics;
    }

    public static synchronized ArticleEnricher enricher() {
        if (enricher == null) {
            enricher = new ArticleEnricher(languages(), entities(), topics(), 50, Clock.fixed(NOW, ZoneOffset.UTC));
        }
        return enricher;
    }
}

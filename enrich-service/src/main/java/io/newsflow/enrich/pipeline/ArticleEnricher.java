package io.newsflow.enrich.pipeline;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.ExtractedEntity;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.text.Tokenizer;
import io.newsflow.enrich.topic.TopicClassifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The enrich stage as a plain class: language, then entities (aliases depend on the language), then topics (entity
 * types are topic evidence). Thread-safe; the messaging and REST layers only call it.
 */
public final class ArticleEnricher {

    private final LanguageIdentifier languages;
    private final EntityExtractor entities;
    private final TopicClassifier topics;
    private final int maxEntities;
    private final Clock clock;

    public ArticleEnricher(LanguageIdentifier languages, EntityExtractor entities, TopicClassifier topics,
                           int maxEntities, Clock clock) {
        this.languages = languages;
        this.entities = entities;
        this.topics = topics;
        this.maxEntities = maxEntities;
        this.clock = clock;
    }

    /**
     * @param title        headline, may be null
     * @param text         body, may be null
     * @param languageHint declared language, may be null
     */
    public Enrichment enrich(String title, String text, String languageHint) {
        String t = title == null ? "" : title;
        String x = text == null ? "" : text;
        Language language = languages.identify(t, x, languageHint);
        String code = Language.UNDETERMINED.equals(language.code()) ? null : language.code();
        List<ExtractedEntity> found = entities.extract(t, x, code);
        var topicList = topics.classify(Tokenizer.tokenize(t), Tokenizer.tokenize(x), code, found);
        List<Entity> published = new ArrayList<>(Math.min(found.size(), maxEntities));
        for (ExtractedEntity e : found) {
            if (published.size() == maxEntities) {
                break;
            }
            published.add(e.entity());
        }
        return new Enrichment(language, published, topicList);
    }

    public EnrichedArticle enrich(RawArticle article) {
        Enrichment e = enrich(article.title(), article.text(), article.languageHint());
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, e.language(), e.entities(), e.topics(),
                clock.instant());
    }
}

package io.newsflow.enrich.pipeline;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.ExtractedEntity;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.entity.NameCues;
import io.newsflow.enrich.fingerprint.StoryFingerprinter;
import io.newsflow.enrich.rules.RuleTopics;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;
import io.newsflow.enrich.topic.TopicClassifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The enrich stage as a plain class: tokens (shared by every step), language, then entities (aliases depend on the language), then topics (entity
 * types are topic evidence). Thread-safe; the messaging and REST layers only call it.
 */
public final class ArticleEnricher {

    private final LanguageIdentifier languages;
    private final EntityExtractor entities;
    private final TopicClassifier topics;
    private final int maxEntities;
    private final Clock clock;
    private final StoryFingerprinter fingerprinter;
    private final RuleTopics rules;

    public ArticleEnricher(LanguageIdentifier languages, EntityExtractor entities, TopicClassifier topics,
                           int maxEntities, Clock clock) {
        this(languages, entities, topics, maxEntities, clock,
                new StoryFingerprinter(NameCues.builtIn().neverNames().functionWords()), new RuleTopics());
    }

    /** @param rules the users' rule topics, reported after the IPTC topics */
    public ArticleEnricher(LanguageIdentifier languages, EntityExtractor entities, TopicClassifier topics,
                           int maxEntities, Clock clock, StoryFingerprinter fingerprinter, RuleTopics rules) {
        this.fingerprinter = fingerprinter;
        this.rules = rules;
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
        List<Token> titleTokens = Tokenizer.tokenize(t);
        List<Token> textTokens = Tokenizer.tokenize(x);
        Language language = languages.identify(t, x, languageHint, titleTokens, textTokens);
        String code = Language.UNDETERMINED.equals(language.code()) ? null : language.code();
        List<ExtractedEntity> found = entities.extract(t, x, code, titleTokens, textTokens);
        List<EnrichedArticle.Topic> topicList = new ArrayList<>(topics.classify(titleTokens, textTokens, code, found));
        topicList.addAll(rules.match(code, titleTokens, textTokens));
        List<Entity> published = new ArrayList<>(Math.min(found.size(), maxEntities));
        for (ExtractedEntity e : found) {
            if (published.size() == maxEntities) {
                break;
            }
            published.add(e.entity());
        }
        return new Enrichment(language, published, topicList,
                fingerprinter.fingerprint(titleTokens, textTokens, published));
    }

    public EnrichedArticle enrich(RawArticle article) {
        Enrichment e = enrich(article.title(), article.text(), article.languageHint());
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article, e.language(), e.entities(), e.topics(),
                clock.instant(), e.fingerprint());
    }
}

package io.newsflow.enrich.config;

import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.entity.NameCues;
import io.newsflow.enrich.fingerprint.StoryFingerprinter;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.rules.RuleTopics;
import io.newsflow.enrich.topic.TopicClassifier;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the enricher once at start-up (model and knowledge base load in about a second), not on the first article. */
@ApplicationScoped
public class EnricherProducer {

    // No client proxies below: these are plain thread-safe classes; the watch list and rule topics swap their
    // contents in place, so one instance serves for the whole run.

    @Produces
    @Singleton
    NameCues nameCues() {
        return NameCues.builtIn();
    }

    @Produces
    @Singleton
    EntityExtractor entityExtractor(NameCues cues) {
        return new EntityExtractor(KnowledgeBase.builtIn(), cues);
    }

    @Produces
    @Singleton
    RuleTopics ruleTopics() {
        return new RuleTopics();
    }

    @Produces
    @Singleton
    @Startup
    ArticleEnricher articleEnricher(EnrichConfig config, EntityExtractor entities, NameCues cues, RuleTopics rules) {
        return new ArticleEnricher(
                new LanguageIdentifier(config.language().minLetters(), config.language().minConfidence(),
                        config.language().sampleChars()),
                entities,
                new TopicClassifier(config.topics().threshold()),
                config.maxEntities(),
                Clock.systemUTC(),
                new StoryFingerprinter(cues.neverNames().functionWords()),
                rules);
    }
}

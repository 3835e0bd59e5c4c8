package io.newsflow.enrich.config;

import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.entity.NameCues;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.topic.TopicClassifier;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the enricher once at start-up (model and knowledge base load in about a second), not on the first article. */
@ApplicationScoped
public class EnricherProducer {

    @Produces
    @Singleton // no client proxy: the enricher is an immutable, thread-safe plain class
    @Startup
    ArticleEnricher articleEnricher(EnrichConfig config) {
        return new ArticleEnricher(
                new LanguageIdentifier(config.language().minLetters(), config.language().minConfidence(),
                        config.language().sampleChars()),
                new EntityExtractor(KnowledgeBase.builtIn(), NameCues.builtIn()),
                new TopicClassifier(config.topics().threshold()),
                config.maxEntities(),
                Clock.systemUTC());
    }
}

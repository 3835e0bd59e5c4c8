package io.newsflow.store.stream;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.store.persistence.ArticlesCommitted;
import io.newsflow.store.persistence.LanguageCodes;
import io.newsflow.store.persistence.StoredArticle;
import io.newsflow.store.query.ArticleViews.ArticleSummary;
import io.newsflow.store.query.ArticleViews.EntitySummary;
import io.newsflow.store.query.ArticleViews.TopicView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Comparator;

/**
 * Newly stored articles as a hot stream for server-sent events: every committed insert or update of this replica is
 * broadcast to the subscribers whose filter it matches. A subscriber sees articles stored after it subscribed; with
 * several replicas, each streams what it stored (clients that need everything read news.articles.enriched).
 */
@ApplicationScoped
public class ArticleStream {

    /** Entities per streamed article, like a list item of /api/articles. */
    static final int SUMMARY_ENTITIES = 5;

    /** One streamed article, with what the write did ({@code INSERTED} or {@code UPDATED}). */
    public record StreamedArticle(String change, ArticleSummary article) {
    }

    private final BroadcastProcessor<StoredArticle> processor = BroadcastProcessor.create();

    void onCommitted(@Observes ArticlesCommitted committed) {
        committed.articles().forEach(processor::onNext);
    }

    public Multi<StreamedArticle> subscribe(StreamFilter filter) {
        return processor.filter(stored -> filter.matches(stored.event()))
                .map(stored -> new StreamedArticle(stored.outcome().name(), summary(stored)))
                // A slow client must not hold up the writer: one more than 256 articles behind is disconnected
                // (browsers' EventSource reconnects by itself and can catch up through /api/articles).
                .onOverflow().buffer(256);
    }

    static ArticleSummary summary(StoredArticle stored) {
        EnrichedArticle e = stored.event();
        var raw = e.article();
        return new ArticleSummary(raw.id(), raw.title(), raw.source(), raw.url() != null ? raw.url() : raw.canonicalUrl(),
                raw.publishedAt(), raw.fetchedAt(), LanguageCodes.normalise(e.language().code()), stored.storyId(),
                e.topics().stream().map(t -> new TopicView(t.code(), t.label(), t.score())).toList(),
                e.entities().stream()
                        .sorted(Comparator.comparingDouble(EnrichedArticle.Entity::salience).reversed()
                                .thenComparing(EnrichedArticle.Entity::id))
                        .limit(SUMMARY_ENTITIES)
                        .map(x -> new EntitySummary(x.id(), x.name(), x.type() == null ? null : x.type().name(),
                                x.salience()))
                        .toList());
    }
}

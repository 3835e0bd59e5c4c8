package io.newsflow.store.stream;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.store.persistence.LanguageCodes;
import io.newsflow.store.query.ArticleQuery;

import java.util.Locale;

/**
 * The {@code /api/stream} filters, with the same meaning as on {@code /api/articles} (entity by id or name, type
 * restricting it, topic including narrower codes, language, source), applied in memory to each stored article.
 */
public record StreamFilter(String entity, String type, String topic, String language, String source) {

    public static StreamFilter of(ArticleQuery query) {
        return new StreamFilter(query.entity(), query.type(), query.topic(), query.language(), query.source());
    }

    public boolean matches(EnrichedArticle article) {
        if (language != null && !language.equals(LanguageCodes.normalise(article.language().code()))) {
            return false;
        }
        if (source != null && (article.article().source() == null
                || !source.equalsIgnoreCase(article.article().source()))) {
            return false;
        }
        if (entity != null || type != null) {
            boolean found = article.entities().stream().anyMatch(e ->
                    (entity == null || entity.equals(e.id()) || entity.toLowerCase(Locale.ROOT)
                            .equals(e.name() == null ? null : e.name().toLowerCase(Locale.ROOT)))
                            && (type == null || (e.type() != null && type.equals(e.type().name()))));
            if (!found) {
                return false;
            }
        }
        if (topic != null) {
            String narrower = ArticleQuery.narrowerTopicPrefix(topic);
            return article.topics().stream().anyMatch(t -> topic.equals(t.code())
                    || (narrower != null && t.code() != null && t.code().startsWith(narrower)));
        }
        return true;
    }
}

package io.newsflow.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article as ingest-service fetched and extracted it; the value on {@link Topics#ARTICLES_RAW}, keyed by {@link #id()}.
 *
 * @param schemaVersion version of this contract; consumers reject versions they do not know
 * @param id            stable article id: {@link ArticleIds#idFor(String)} of the canonical URL
 * @param url           the link the feed gave
 * @param canonicalUrl  canonical form of the article URL (rel=canonical when the page has one)
 * @param source        the outlet, as its host name without "www."
 * @param feedUrl       the feed the article came from
 * @param title         headline
 * @param text          main text, paragraphs separated by a blank line; no page chrome
 * @param summary       the feed's summary or the page description, may be null
 * @param authors       bylines without "By"; may be empty
 * @param publishedAt   publication time when known, else null
 * @param fetchedAt     when the page was fetched
 * @param languageHint  language the page or feed declares (e.g. "en"), may be null; enrichment decides
 * @param contentHash   hash of title and text; a new hash for the same id is a new revision
 * @param revision      1 for the first version of an article, incremented when its content changes
 */
public record RawArticle(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        String source,
        String feedUrl,
        String title,
        String text,
        String summary,
        List<String> authors,
        Instant publishedAt,
        Instant fetchedAt,
        String languageHint,
        String contentHash,
        int revision) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}

package io.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ArticleExtractor} found in a page. Every field but {@code text} and {@code authors} may be null.
 *
 * @param title        headline (JSON-LD headline, og:title, the article's h1, then &lt;title&gt;)
 * @param text         main text: paragraphs, headings, list items and quotes separated by a blank line; empty when
 *                     none was found
 * @param canonicalUrl absolute URL the page declares for itself (rel=canonical, else og:url)
 * @param authors      bylines without "By" or "Email the author"
 * @param publishedAt  publication time the page declares, when plausible (not in the future, not the page's "today")
 * @param languageHint primary language subtag the page declares ("en", "nb")
 * @param description  og:description or meta description
 * @param modifiedAt   last modification the page declares, never before {@code publishedAt}
 * @param dateSource   where {@code publishedAt} came from: {@link #JSON_LD}, {@link #META}, {@link #TIME},
 *                     {@link #URL}; null without a date
 * @param section      the page's section ("Politics"), from article:section or JSON-LD articleSection
 * @param imageUrl     absolute URL of the lead image (og:image, twitter:image, JSON-LD image)
 */
public record ExtractedPage(String title, String text, String canonicalUrl, List<String> authors, Instant publishedAt,
                            String languageHint, String description, Instant modifiedAt, String dateSource,
                            String section, String imageUrl) {

    public static final String JSON_LD = "json-ld";
    public static final String META = "meta";
    public static final String TIME = "time";
    public static final String URL = "url";
    /** Not set by the extractor: callers that fall back to the feed item's date say so with this. */
    public static final String FEED = "feed";

    public ExtractedPage {
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}

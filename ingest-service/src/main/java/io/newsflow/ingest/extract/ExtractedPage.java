package io.newsflow.ingest.extract;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ArticleExtractor} found in a page. Every field but {@code text} and {@code authors} may be null.
 *
 * @param title        headline (JSON-LD headline, og:title, the article's h1, then &lt;title&gt;)
 * @param text         main text: paragraphs, headings, list items and quotes separated by a blank line; empty when
 *                     none was found
 * @param canonicalUrl absolute rel=canonical URL when the page declares one
 * @param authors      bylines without "By"
 * @param publishedAt  publication time the page declares
 * @param languageHint primary language subtag the page declares ("en", "nb")
 * @param description  og:description or meta description
 */
public record ExtractedPage(String title, String text, String canonicalUrl, List<String> authors, Instant publishedAt,
                            String languageHint, String description) {

    public ExtractedPage {
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}

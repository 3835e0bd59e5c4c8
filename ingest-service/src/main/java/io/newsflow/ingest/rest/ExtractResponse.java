package io.newsflow.ingest.rest;

import io.newsflow.ingest.extract.ExtractedPage;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/extract}: what the pipeline would publish for the page.
 *
 * @param dateSource where publishedAt came from: json-ld, meta, time or url; null without a date
 * @param language   primary language subtag the page declares
 */
public record ExtractResponse(String url, String title, String text, String canonicalUrl, Instant publishedAt,
                              Instant modifiedAt, String dateSource, List<String> authors, String language,
                              String section, String imageUrl, String description) {

    static ExtractResponse of(String url, ExtractedPage page) {
        return new ExtractResponse(url, page.title(), page.text(), page.canonicalUrl(), page.publishedAt(),
                page.modifiedAt(), page.dateSource(), page.authors(), page.languageHint(), page.section(),
                page.imageUrl(), page.description());
    }
}

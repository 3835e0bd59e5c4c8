package io.newsflow.enrich.rest;

/**
 * Body of POST /api/enrich.
 *
 * @param title    headline
 * @param text     body text, paragraphs separated by blank lines
 * @param url      where the text comes from (informational), may be null
 * @param language declared language ("en", "nb", "no", "en-GB"), may be null
 */
public record EnrichRequest(String title, String text, String url, String language) {
}

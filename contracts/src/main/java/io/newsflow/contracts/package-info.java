/**
 * The contract between Newsflow stages and with downstream consumers: event records ({@link io.newsflow.contracts.RawArticle},
 * {@link io.newsflow.contracts.EnrichedArticle}), topic names ({@link io.newsflow.contracts.Topics}), the article identity
 * rule ({@link io.newsflow.contracts.ArticleIds}) and the JSON mapping ({@link io.newsflow.contracts.EventJson}).
 * JSON Schemas for both events live in {@code src/main/resources/schemas} and are checked against these records by tests.
 */
package io.newsflow.contracts;

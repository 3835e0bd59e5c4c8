package io.newsflow.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/feeds. */
public record FeedRequest(@NotBlank(message = "url is required") @Size(max = 2048, message = "url is longer than 2048 characters") String url) {
}

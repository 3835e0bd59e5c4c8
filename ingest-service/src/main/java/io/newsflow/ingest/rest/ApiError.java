package io.newsflow.ingest.rest;

/** Error body of the feed API: a code a client can switch on and a sentence a person can read. */
public record ApiError(String error, String message) {
}

package io.newsflow.ingest.rest;

import java.util.List;

/**
 * Response of POST /api/feeds/import.
 *
 * @param subscribed feed ids newly subscribed
 * @param existing   feed ids that were subscribed already
 * @param rejected   outlines that could not be subscribed, with why
 */
public record ImportResult(List<String> subscribed, List<String> existing, List<Rejection> rejected) {

    public record Rejection(String url, String error, String message) {
    }
}

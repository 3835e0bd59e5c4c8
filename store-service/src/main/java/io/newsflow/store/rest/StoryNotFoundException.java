package io.newsflow.store.rest;

/** No story with this id; answered with 404. */
public final class StoryNotFoundException extends RuntimeException {
    public StoryNotFoundException(String id) {
        super("No story with id " + id, null, false, false);
    }
}

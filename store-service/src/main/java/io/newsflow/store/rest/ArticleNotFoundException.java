package io.newsflow.store.rest;

/** No article with this id is stored; answered with 404. */
public final class ArticleNotFoundException extends RuntimeException {
    public ArticleNotFoundException(String id) {
        super("No article with id " + id, null, false, false);
    }
}

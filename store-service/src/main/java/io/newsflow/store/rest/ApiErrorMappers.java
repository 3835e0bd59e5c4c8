package io.newsflow.store.rest;

import io.newsflow.store.query.InvalidQueryException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/** Maps failures to JSON {@link ApiError} bodies, so clients get one error shape for every status. */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);
    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response badRequest(InvalidQueryException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(ArticleNotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response storyNotFound(StoryNotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response databaseUnavailable(SQLException e) {
        LOG.warnf("Query failed: %s (SQLState %s)", e.getMessage(), e.getSQLState());
        return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "The article store is unavailable"))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }
}

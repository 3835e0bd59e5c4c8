package io.newsflow.ingest.rest;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.FeedSubscriptionStore;
import io.newsflow.ingest.feed.FeedView;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.UrlGuard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Feed subscriptions: add, list with health, show, remove. Blocking methods, so they run on worker threads. */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private static final Logger LOG = Logger.getLogger(FeedResource.class);

    private final FeedRegistry registry;
    private final FeedSubscriptionStore store;
    private final UrlGuard guard;
    private final Clock clock;

    public FeedResource(FeedRegistry registry, FeedSubscriptionStore store, UrlGuard guard, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.guard = guard;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to a feed; it is polled at once, then every poll interval")
    @APIResponse(responseCode = "201", description = "Subscribed")
    @APIResponse(responseCode = "200", description = "Already subscribed; the existing feed")
    @APIResponse(responseCode = "400", description = "Not an absolute http(s) URL, or a refused address")
    @APIResponse(responseCode = "503", description = "The subscription could not be stored in Kafka")
    public Response add(@Valid @NotNull(message = "a JSON body {\"url\": \"...\"} is required") FeedRequest request) {
        String url = request.url().strip();
        try {
            ArticleIds.canonicalize(url);
            guard.check(url);
        } catch (IllegalArgumentException e) {
            return badRequest("invalid-url", e.getMessage());
        } catch (FetchException e) {
            return badRequest(e.kind().code(), e.getMessage());
        }
        Feed feed = Feed.of(url, clock.instant());
        var existing = registry.get(feed.id());
        if (existing.isPresent()) {
            return Response.ok(existing.get().view()).build();
        }
        try {
            store.save(feed);
        } catch (TimeoutException | RuntimeException e) {
            LOG.errorf("Cannot store subscription to %s: %s", url, e.toString());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ApiError("unavailable", "Cannot store the subscription now; try again")).build();
        }
        FeedRegistry.Registration registration = registry.register(feed, FeedState.Origin.API);
        LOG.infof("Subscribed to feed %s (%s)", url, feed.id());
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/feeds/" + feed.id()))
                .entity(registration.state().view()).build();
    }

    @GET
    @Operation(summary = "Every feed with its health: last poll, last status, last error, items seen")
    public List<FeedView> list() {
        return registry.views();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed with its health")
    public Response get(@PathParam("id") String id) {
        return registry.get(id)
                .map(state -> Response.ok(state.view()).build())
                .orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe a feed added through the API")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "409", description = "The feed comes from configuration")
    public Response remove(@PathParam("id") String id) {
        var state = registry.get(id);
        if (state.isEmpty()) {
            return notFound(id);
        }
        if (state.get().origin() == FeedState.Origin.CONFIG) {
            return Response.status(Response.Status.CONFLICT).entity(new ApiError("configured-feed",
                    "This feed comes from newsflow.ingest.feeds; remove it there")).build();
        }
        try {
            store.delete(id);
        } catch (TimeoutException | RuntimeException e) {
            LOG.errorf("Cannot remove subscription %s: %s", id, e.toString());
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ApiError("unavailable", "Cannot store the change now; try again")).build();
        }
        registry.remove(id);
        LOG.infof("Unsubscribed feed %s (%s)", state.get().feed().url(), id);
        return Response.noContent().build();
    }

    private static Response badRequest(String code, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError(code, message)).build();
    }

    private static Response notFound(String id) {
        return Response.status(Response.Status.NOT_FOUND).entity(new ApiError("not-found", "No feed " + id)).build();
    }
}

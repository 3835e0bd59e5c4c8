package io.newsflow.ingest.rest;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.feed.FeedParseException;
import io.newsflow.ingest.feed.FeedParser;
import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.feed.FeedView;
import io.newsflow.ingest.feed.Opml;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.pipeline.Subscriptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Feed subscriptions: add (with autodiscovery from a site page), list with health, show, remove, OPML import and
 * export, and a preview of any feed without subscribing. Changing endpoints need the API key when one is configured
 * ({@link ApiKeyFilter}). Blocking methods, so they run on worker threads.
 */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    static final String OPML_TYPE = "text/x-opml";
    private static final String ACCEPT_FEED =
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.8, */*;q=0.5";

    private final FeedRegistry registry;
    private final Subscriptions subscriptions;
    private final FeedParser parser;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final long maxFeedBytes;

    public FeedResource(FeedRegistry registry, Subscriptions subscriptions, FeedParser parser, HttpFetcher fetcher,
                        Clock clock, IngestConfig config) {
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.parser = parser;
        this.fetcher = fetcher;
        this.clock = clock;
        this.maxFeedBytes = config.fetch().maxFeedSize().asLongValue();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to a feed, or to the feeds a site page advertises (autodiscovery); polled at once")
    @APIResponse(responseCode = "201", description = "Subscribed: the feed, or {site, feeds} for a site page")
    @APIResponse(responseCode = "200", description = "Already subscribed; the existing feed")
    @APIResponse(responseCode = "400", description = "Not an absolute http(s) URL, a refused address, or an HTML page"
            + " without feed links")
    @APIResponse(responseCode = "401", description = "An API key is configured and the request lacks it")
    @APIResponse(responseCode = "503", description = "The subscription could not be stored in Kafka")
    public Response add(@Valid @NotNull(message = "a JSON body {\"url\": \"...\"} is required") FeedRequest request) {
        String url = request.url().strip();
        try {
            List<String> feeds = subscriptions.resolve(url);
            if (feeds.size() == 1 && feeds.getFirst().equals(url)) {
                Subscriptions.Subscribed subscribed = subscriptions.subscribe(url);
                return Response.status(subscribed.created() ? Response.Status.CREATED : Response.Status.OK)
                        .location(URI.create("/api/feeds/" + subscribed.state().feed().id()))
                        .entity(subscribed.state().view()).build();
            }
            List<FeedView> views = new ArrayList<>();
            boolean created = false;
            for (String feed : feeds) {
                Subscriptions.Subscribed subscribed = subscriptions.subscribe(feed);
                created |= subscribed.created();
                views.add(subscribed.state().view());
            }
            return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                    .entity(new DiscoveredFeeds(url, views)).build();
        } catch (Subscriptions.Rejected e) {
            return badRequest(e.code(), e.getMessage());
        } catch (Subscriptions.Unavailable e) {
            return unavailable(e.getMessage());
        }
    }

    @GET
    @Operation(summary = "Every feed with its health: last poll, last status, last error, items seen")
    public List<FeedView> list() {
        return registry.views();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed with its health: last success, last error and its HTTP status, next poll, items"
            + " seen/new/revised, current interval")
    public Response get(@PathParam("id") String id) {
        return registry.get(id)
                .map(state -> Response.ok(state.view()).build())
                .orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe a feed added through the API")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "401", description = "An API key is configured and the request lacks it")
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
            subscriptions.unsubscribe(state.get());
        } catch (Subscriptions.Unavailable e) {
            return unavailable(e.getMessage());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Consumes({OPML_TYPE, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, "text/x-opml+xml"})
    @Operation(summary = "Subscribe every feed (outline with xmlUrl) of an OPML file")
    @APIResponse(responseCode = "200", description = "What was subscribed, what existed, what was rejected and why")
    @APIResponse(responseCode = "400", description = "No outline with an xmlUrl in the body")
    @APIResponse(responseCode = "401", description = "An API key is configured and the request lacks it")
    public Response importOpml(String opml) {
        List<Opml.Outline> outlines = Opml.read(opml == null ? "" : opml);
        if (outlines.isEmpty()) {
            return badRequest("no-outlines", "No <outline xmlUrl=\"…\"> in the OPML body");
        }
        List<String> subscribed = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<ImportResult.Rejection> rejected = new ArrayList<>();
        for (Opml.Outline outline : outlines) {
            try {
                Subscriptions.Subscribed result = subscriptions.subscribe(outline.xmlUrl());
                (result.created() ? subscribed : existing).add(result.state().feed().id());
            } catch (Subscriptions.Rejected e) {
                rejected.add(new ImportResult.Rejection(outline.xmlUrl(), e.code(), e.getMessage()));
            } catch (Subscriptions.Unavailable e) {
                rejected.add(new ImportResult.Rejection(outline.xmlUrl(), "unavailable", e.getMessage()));
            }
        }
        return Response.ok(new ImportResult(subscribed, existing, rejected)).build();
    }

    @GET
    @Path("/export")
    @Produces(OPML_TYPE)
    @Operation(summary = "Every feed as OPML 2.0, for feed readers and other Newsflow instances")
    public Response exportOpml() {
        return Response.ok(Opml.write(registry.views(), clock.instant()), OPML_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"newsflow-feeds.opml\"").build();
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Parse a feed (XML or JSON Feed in the body, or fetched from ?url=) without subscribing")
    @APIResponse(responseCode = "200", description = "The items as the poller reads them")
    @APIResponse(responseCode = "400", description = "Neither a body nor a url, a bad url or a refused address")
    @APIResponse(responseCode = "422", description = "Not a feed that can be read, with why")
    @APIResponse(responseCode = "502", description = "The url could not be fetched")
    public Response preview(@QueryParam("url") String url, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            byte[] body) {
        byte[] feed = body;
        String type = contentType;
        if (feed == null || feed.length == 0) {
            if (url == null || url.isBlank()) {
                return badRequest("missing-input", "Send the feed in the body, or give ?url=");
            }
            try {
                subscriptions.check(url.strip());
                FetchResult fetched = fetcher.get(url.strip(), ACCEPT_FEED, maxFeedBytes, null);
                feed = fetched.body();
                type = fetched.contentType();
            } catch (Subscriptions.Rejected e) {
                return badRequest(e.code(), e.getMessage());
            } catch (FetchException e) {
                return Response.status(Response.Status.BAD_GATEWAY).entity(new ApiError(e.kind().code(), e.getMessage()))
                        .build();
            }
        }
        if (feed.length > maxFeedBytes) {
            return badRequest("too-large", "The feed exceeds " + maxFeedBytes + " bytes");
        }
        try {
            return Response.ok(FeedPreview.of(parser.parse(feed, type))).build();
        } catch (FeedParseException e) {
            return Response.status(422).entity(new ApiError("feed-parse-error", e.getMessage())).build();
        }
    }

    private static Response badRequest(String code, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError(code, message)).build();
    }

    private static Response unavailable(String message) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(new ApiError("unavailable", message)).build();
    }

    private static Response notFound(String id) {
        return Response.status(Response.Status.NOT_FOUND).entity(new ApiError("not-found", "No feed " + id)).build();
    }
}

package io.newsflow.ingest.rest;

import io.newsflow.ingest.feed.FeedRegistry;
import io.newsflow.ingest.feed.FeedState;
import io.newsflow.ingest.messaging.IngestMetrics;
import io.newsflow.ingest.pipeline.FeedPoller;
import io.newsflow.ingest.websub.WebSub;
import jakarta.ws.rs.Consumes;
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
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The WebSub subscriber callback (W3C WebSub §5.3, §7): hubs verify our subscription intent with a GET and push new
 * feed content with a POST signed by X-Hub-Signature (HMAC with the feed's secret). Not behind the API key: hubs do
 * not have it; the signature is what authenticates a delivery.
 */
@Path("/api/websub/{feedId}")
public class WebSubResource {

    private static final Logger LOG = Logger.getLogger(WebSubResource.class);

    private final FeedRegistry registry;
    private final WebSub webSub;
    private final FeedPoller poller;
    private final IngestMetrics metrics;

    public WebSubResource(FeedRegistry registry, WebSub webSub, FeedPoller poller, IngestMetrics metrics) {
        this.registry = registry;
        this.webSub = webSub;
        this.poller = poller;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WebSub intent verification: echoes hub.challenge for a subscription we want")
    public Response verify(@PathParam("feedId") String feedId, @QueryParam("hub.mode") String mode,
                           @QueryParam("hub.topic") String topic, @QueryParam("hub.challenge") String challenge,
                           @QueryParam("hub.lease_seconds") Long leaseSeconds, @QueryParam("hub.reason") String reason) {
        Optional<FeedState> feed = registry.get(feedId);
        if (!webSub.enabled() || mode == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        switch (mode) {
            case "subscribe" -> {
                if (feed.isEmpty() || challenge == null) {
                    return Response.status(Response.Status.NOT_FOUND).build();
                }
                LOG.infof("WebSub subscription to %s verified (topic %s, lease %s s)", feed.get().feed().url(), topic,
                        leaseSeconds);
                return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
            }
            case "unsubscribe" -> {
                // We only unsubscribe from feeds we dropped.
                return feed.isEmpty() && challenge != null ? Response.ok(challenge, MediaType.TEXT_PLAIN).build()
                        : Response.status(Response.Status.NOT_FOUND).build();
            }
            case "denied" -> {
                LOG.warnf("WebSub hub denied the subscription to feed %s (topic %s): %s", feedId, topic, reason);
                return Response.ok().build();
            }
            default -> {
                return Response.status(Response.Status.BAD_REQUEST).build();
            }
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "WebSub content distribution: a signed feed update from the hub")
    public Response deliver(@PathParam("feedId") String feedId, @HeaderParam("X-Hub-Signature") String signature,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        Optional<FeedState> feed = registry.get(feedId);
        if (!webSub.enabled() || feed.isEmpty()) {
            return Response.status(Response.Status.GONE).build(); // tells the hub to stop (WebSub §7)
        }
        byte[] content = body == null ? new byte[0] : body;
        if (!webSub.hubs().orElseThrow().signer().verifies(feedId, content, signature)) {
            // The spec wants a 2xx anyway, and the content ignored: a forger learns nothing.
            metrics.failed("websub-bad-signature");
            LOG.warnf("Ignoring a WebSub delivery for %s with a missing or wrong X-Hub-Signature", feed.get().feed().url());
            return Response.accepted().build();
        }
        poller.pushed(feed.get(), content, contentType);
        return Response.accepted().build();
    }
}

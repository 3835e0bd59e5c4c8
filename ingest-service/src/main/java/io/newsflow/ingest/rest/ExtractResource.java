package io.newsflow.ingest.rest;

import io.newsflow.contracts.ArticleIds;
import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.HttpFetcher;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Locale;

/**
 * Runs the article extractor on one page without publishing anything: the page's HTML in the body (with
 * {@code ?url=} for resolving links and dates in the path), or only {@code ?url=} to have the service fetch it with
 * the pipeline's fetcher (same SSRF guard, timeouts and size limit). Blocking, so it runs on a worker thread.
 */
@Path("/api/extract")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {

    private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

    private final ArticleExtractor extractor;
    private final HttpFetcher fetcher;
    private final long maxPageBytes;

    public ExtractResource(ArticleExtractor extractor, HttpFetcher fetcher, IngestConfig config) {
        this.extractor = extractor;
        this.fetcher = fetcher;
        this.maxPageBytes = config.fetch().maxPageSize().asLongValue();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Extract title, main text and metadata from a page (HTML in the body, or fetched from ?url=)")
    @APIResponse(responseCode = "200", description = "What the extractor found")
    @APIResponse(responseCode = "400", description = "No body and no url, a bad url, a refused address, a page too"
            + " large or not HTML")
    @APIResponse(responseCode = "502", description = "The page could not be fetched")
    public Response extract(@QueryParam("url") String url, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            byte[] body) {
        String pageUrl = url == null || url.isBlank() ? null : url.strip();
        if (pageUrl != null) {
            try {
                ArticleIds.canonicalize(pageUrl);
            } catch (IllegalArgumentException e) {
                return badRequest("invalid-url", "url must be an absolute http(s) URL: " + e.getMessage());
            }
        }
        if (body != null && body.length > 0) {
            if (body.length > maxPageBytes) {
                return badRequest("too-large", "The page is larger than " + maxPageBytes + " bytes");
            }
            return Response.ok(ExtractResponse.of(pageUrl, extractor.extract(body, contentType, pageUrl))).build();
        }
        if (pageUrl == null) {
            return badRequest("missing-input", "Send the page's HTML in the body, or give ?url= to fetch it");
        }
        FetchResult page;
        try {
            page = fetcher.get(pageUrl, ACCEPT_HTML, maxPageBytes, null);
        } catch (FetchException e) {
            boolean callersFault = switch (e.kind()) {
                case INVALID_URL, BLOCKED_ADDRESS, TOO_LARGE, TOO_MANY_REDIRECTS -> true;
                default -> false;
            };
            return Response.status(callersFault ? Response.Status.BAD_REQUEST : Response.Status.BAD_GATEWAY)
                    .entity(new ApiError(e.kind().code(), e.getMessage())).build();
        }
        if (page.contentType() != null && !looksLikeHtml(page.contentType())) {
            return badRequest("not-html", "The page is " + page.contentType() + ", not HTML");
        }
        String finalUrl = page.uri().toString();
        return Response.ok(ExtractResponse.of(finalUrl, extractor.extract(page.body(), page.contentType(), finalUrl)))
                .build();
    }

    private static boolean looksLikeHtml(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("html") || type.startsWith("text/plain") || type.contains("xml");
    }

    private static Response badRequest(String error, String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(new ApiError(error, message)).build();
    }
}

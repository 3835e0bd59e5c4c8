package io.newsflow.enrich.rest;

import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.pipeline.Enrichment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Enrich a text on demand, e.g. to try the enricher or to enrich something that did not come through Kafka. */
@Path("/api/enrich")
public class EnrichResource {

    private final ArticleEnricher enricher;
    private final EnrichConfig config;

    public EnrichResource(ArticleEnricher enricher, EnrichConfig config) {
        this.enricher = enricher;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response enrich(EnrichRequest request) {
        if (request == null) {
            return badRequest("A JSON body with \"title\" and/or \"text\" is required");
        }
        boolean noTitle = request.title() == null || request.title().isBlank();
        boolean noText = request.text() == null || request.text().isBlank();
        if (noTitle && noText) {
            return badRequest("\"title\" or \"text\" must be given and not blank");
        }
        int length = (request.title() == null ? 0 : request.title().length())
                + (request.text() == null ? 0 : request.text().length());
        if (length > config.maxTextChars()) {
            return badRequest("Title and text together have " + length + " chars; the limit is " + config.maxTextChars());
        }
        Enrichment e = enricher.enrich(request.title(), request.text(), request.language());
        return Response.ok(new EnrichResponse(e.language(), e.entities(), e.topics(), e.fingerprint())).build();
    }

    private static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", reason)).build();
    }
}

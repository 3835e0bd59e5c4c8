package io.newsflow.store.rest;

import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.stream.ArticleStream;
import io.newsflow.store.stream.ArticleStream.StreamedArticle;
import io.newsflow.store.stream.StreamFilter;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Live stream of newly stored articles as server-sent events. */
@Path("/api/stream")
@Tag(name = "stream", description = "Newly stored articles, live")
public class StreamResource {

    private final ArticleStream stream;

    public StreamResource(ArticleStream stream) {
        this.stream = stream;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-sent events of newly stored articles",
            description = "Each event's data is {\"change\": \"INSERTED\"|\"UPDATED\", \"article\": {…list item…}}. "
                    + "Filters as on /api/articles; bad values are a 400 before the stream starts.")
    public Multi<StreamedArticle> stream(
            @Parameter(description = "Entity id or name") @QueryParam("entity") String entity,
            @Parameter(description = "Entity type") @QueryParam("type") String type,
            @Parameter(description = "IPTC code, narrower codes included") @QueryParam("topic") String topic,
            @Parameter(description = "Language code") @QueryParam("language") String language,
            @Parameter(description = "Outlet host name") @QueryParam("source") String source) {
        ArticleQuery query = ArticleQuery.parse(null, entity, topic, language, source, null, type, null, null, null,
                null, null);
        return stream.subscribe(StreamFilter.of(query));
    }
}

package io.newsflow.store.rest;

import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.query.ArticleReader;
import io.newsflow.store.query.ArticleViews.ArticleDetail;
import io.newsflow.store.query.ArticleViews.ArticlePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** Query API over the stored articles. Runs on worker threads (JDBC blocks). */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles", description = "Stored, enriched news articles")
public class ArticleResource {

    private final ArticleReader reader;

    public ArticleResource(ArticleReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "List articles, newest first",
            description = "Newest first by publication time (fetch time when unknown). Filters are optional and "
                    + "combine with AND. Returns {\"items\": [...], \"nextCursor\": ..., \"facets\": {...}}.")
    @APIResponse(responseCode = "200", description = "Matching articles",
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ArticlePage list(
            // Taken as text so a malformed number is a 400 with a message, not JAX-RS's bare 404.
            @Parameter(description = "Maximum number of items", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "" + ArticleQuery.MAX_LIMIT, defaultValue = "" + ArticleQuery.DEFAULT_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(description = "Entity id (e.g. Wikidata Q42) or entity name, case-insensitive")
            @QueryParam("entity") String entity,
            @Parameter(description = "IPTC Media Topic code, e.g. medtop:16000000 (also matches narrower codes such "
                    + "as medtop:16009000)")
            @QueryParam("topic") String topic,
            @Parameter(description = "Language code, e.g. en, nb") @QueryParam("language") String language,
            @Parameter(description = "Outlet host name, e.g. nrk.no") @QueryParam("source") String source,
            @Parameter(description = "Free text in web-search syntax: words, \"a phrase\", -excluded, or")
            @QueryParam("q") String q,
            @Parameter(description = "Entity type (PERSON, ORGANIZATION, LOCATION, PRODUCT, EVENT): restricts "
                    + "'entity' and the entity facet; alone, articles naming any entity of that type")
            @QueryParam("type") String type,
            @Parameter(description = "Story id") @QueryParam("story") String story,
            @Parameter(description = "Articles at or after this time: ISO instant or date (inclusive)")
            @QueryParam("from") String from,
            @Parameter(description = "Articles before this time: ISO instant or date (exclusive)")
            @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma-separated facets to count over all matches: topic,entity,source,language")
            @QueryParam("facets") String facets) throws SQLException {
        return reader.page(ArticleQuery.parse(limit, entity, topic, language, source, q, type, story, from, to,
                cursor, facets));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article in full, with entities (and their mentions) and topics")
    @APIResponse(responseCode = "200", description = "The stored revision",
            content = @Content(schema = @Schema(implementation = ArticleDetail.class)))
    @APIResponse(responseCode = "404", description = "No article with this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ArticleDetail get(@PathParam("id") String id) throws SQLException {
        return reader.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }
}

package io.newsflow.store.rest;

import io.newsflow.store.query.EntityReader;
import io.newsflow.store.query.EntityReader.TrendingPage;
import io.newsflow.store.query.TrendingQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.time.Instant;

/** Entity statistics. */
@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities", description = "What the news is talking about")
public class EntityResource {

    private final EntityReader reader;

    public EntityResource(EntityReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("/trending")
    @Operation(summary = "Entities by mentions in a window, with the change against the previous window",
            description = "Mentions are summed over articles whose publication (else fetch) time falls in the window. "
                    + "Each item has a series of mentions per slice of the current window, oldest first.")
    @APIResponse(responseCode = "200", description = "Trending entities",
            content = @Content(schema = @Schema(implementation = TrendingPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public TrendingPage trending(
            @Parameter(description = "Window length: number and unit m, h or d (default 24h, at most 90d)")
            @QueryParam("window") String window,
            @Parameter(description = "End of the window (ISO instant or date; default now)")
            @QueryParam("until") String until,
            @Parameter(description = "Maximum number of entities (1..100, default 10)") @QueryParam("limit") String limit,
            @Parameter(description = "Entity type filter") @QueryParam("type") String type,
            @Parameter(description = "Slices of the window in each series (1..96, default 12)")
            @QueryParam("buckets") String buckets) throws SQLException {
        return reader.trending(TrendingQuery.parse(window, until, limit, type, buckets, Instant.now()));
    }
}

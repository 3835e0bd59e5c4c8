package io.newsflow.store.rest;

import io.newsflow.store.query.ArticleQuery;
import io.newsflow.store.query.InvalidQueryException;
import io.newsflow.store.story.StoryReader;
import io.newsflow.store.story.StoryViews.StoryDetail;
import io.newsflow.store.story.StoryViews.StoryPage;
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

/** Stories: groups of articles about one event across outlets and languages. */
@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stories", description = "Articles grouped by the event they report")
public class StoryResource {

    private final StoryReader reader;

    public StoryResource(StoryReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(summary = "List stories, most active first",
            description = "Most articles first, then most recently seen. Returns {\"items\": [...]}.")
    @APIResponse(responseCode = "200", description = "Stories",
            content = @Content(schema = @Schema(implementation = StoryPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StoryPage list(
            @Parameter(description = "Maximum number of stories", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "" + StoryReader.MAX_LIMIT, defaultValue = "" + StoryReader.DEFAULT_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(description = "Only stories with an article at or after this time (ISO instant or date)")
            @QueryParam("since") String since) throws SQLException {
        return new StoryPage(reader.list(limit(limit), ArticleQuery.time("since", since)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One story with its articles, newest first")
    @APIResponse(responseCode = "200", description = "The story",
            content = @Content(schema = @Schema(implementation = StoryDetail.class)))
    @APIResponse(responseCode = "404", description = "No story with this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public StoryDetail get(@PathParam("id") String id) throws SQLException {
        return reader.find(id).orElseThrow(() -> new StoryNotFoundException(id));
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return StoryReader.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= StoryReader.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("limit must be an integer between 1 and " + StoryReader.MAX_LIMIT
                + ", was '" + limit + "'");
    }
}

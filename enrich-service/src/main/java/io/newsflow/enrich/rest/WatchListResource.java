package io.newsflow.enrich.rest;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.enrich.state.CompactedTopicStore;
import io.newsflow.enrich.state.UserDataStores;
import io.newsflow.enrich.watch.WatchedEntity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The organisations, people and products users track: {@code POST /api/entities} adds or replaces one (with
 * aliases), {@code GET} lists them, {@code DELETE /api/entities/{id}} removes one. Applied to the next article,
 * on every replica, without a restart.
 */
@Path("/api/entities")
@Produces(MediaType.APPLICATION_JSON)
public class WatchListResource {

    static final int MAX_ALIASES = 50;
    static final int MAX_NAME = 200;

    private final UserDataStores stores;

    public WatchListResource(UserDataStores stores) {
        this.stores = stores;
    }

    /** What a client sends: id is optional (derived from the name), type defaults to ORGANIZATION. */
    public record WatchRequest(String id, String name, String type, List<String> aliases, String qid) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(WatchRequest request) {
        if (!stores.enabled()) {
            return Problems.unavailable("Watch lists are disabled (newsflow.enrich.user-data.enabled=false)");
        }
        if (request == null || request.name() == null || request.name().isBlank()) {
            return Problems.badRequest("\"name\" is required");
        }
        String name = request.name().strip();
        if (name.length() > MAX_NAME) {
            return Problems.badRequest("\"name\" is longer than " + MAX_NAME + " chars");
        }
        EntityType type;
        try {
            type = request.type() == null ? EntityType.ORGANIZATION : EntityType.valueOf(request.type().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest("\"type\" must be one of " + List.of(EntityType.values()));
        }
        String id = request.id() == null || request.id().isBlank() ? UserDataIds.slug(name) : request.id().strip();
        if (!UserDataIds.VALID.matcher(id).matches()) {
            return Problems.badRequest("\"id\" must be lower-case letters, digits and dashes (at most 64), got '" + id + "'");
        }
        if (request.qid() != null && !request.qid().matches("Q[1-9][0-9]*")) {
            return Problems.badRequest("\"qid\" must be a Wikidata id such as Q7747");
        }
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        for (String alias : request.aliases() == null ? List.<String>of() : request.aliases()) {
            if (alias == null || alias.isBlank() || alias.strip().length() > MAX_NAME) {
                return Problems.badRequest("Aliases must be non-blank and at most " + MAX_NAME + " chars");
            }
            if (!alias.strip().equals(name)) {
                aliases.add(alias.strip());
            }
        }
        if (aliases.size() > MAX_ALIASES) {
            return Problems.badRequest("At most " + MAX_ALIASES + " aliases");
        }
        CompactedTopicStore<WatchedEntity> store = stores.watchList();
        if (store.get(id).isEmpty() && store.snapshot().size() >= stores.maxEntries()) {
            return Problems.conflict("The watch list is full (" + stores.maxEntries() + " entities)");
        }
        WatchedEntity entity = new WatchedEntity(id, name, type, new ArrayList<>(aliases), request.qid());
        try {
            store.put(entity);
        } catch (CompactedTopicStore.StoreUnavailableException e) {
            return Problems.unavailable(e.getMessage());
        }
        return Response.created(URI.create("/api/entities/" + id)).entity(entity).build();
    }

    @GET
    public List<WatchedEntity> list() {
        return UserDataStores.sorted(stores.watchList(), WatchedEntity::id);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return stores.watchList().get(id).map(e -> Response.ok(e).build())
                .orElseGet(() -> Problems.notFound("No watched entity " + id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        try {
            return stores.watchList().delete(id) ? Response.noContent().build()
                    : Problems.notFound("No watched entity " + id);
        } catch (CompactedTopicStore.StoreUnavailableException e) {
            return Problems.unavailable(e.getMessage());
        }
    }

    /** JSON error bodies shared by the user-data resources. */
    static final class Problems {
        private Problems() {
        }

        static Response badRequest(String reason) {
            return of(Response.Status.BAD_REQUEST, reason);
        }

        static Response notFound(String reason) {
            return of(Response.Status.NOT_FOUND, reason);
        }

        static Response conflict(String reason) {
            return of(Response.Status.CONFLICT, reason);
        }

        static Response unavailable(String reason) {
            return of(Response.Status.SERVICE_UNAVAILABLE, reason);
        }

        private static Response of(Response.Status status, String reason) {
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", reason)).build();
        }
    }
}

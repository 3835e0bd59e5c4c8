package io.newsflow.enrich.rest;

import io.newsflow.enrich.rest.WatchListResource.Problems;
import io.newsflow.enrich.rules.RuleQuery;
import io.newsflow.enrich.rules.RuleTopic;
import io.newsflow.enrich.state.CompactedTopicStore;
import io.newsflow.enrich.state.UserDataStores;
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
import java.util.List;
import java.util.Locale;

/**
 * Rule topics: {@code POST /api/topics} with a label and a boolean keyword query ({@link RuleQuery}) adds or
 * replaces one; articles that match get the topic {@code rule:<id>}. {@code GET} lists, {@code DELETE} removes.
 * A query that does not compile is refused with 400 and the reason.
 */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
public class RuleTopicResource {

    private final UserDataStores stores;

    public RuleTopicResource(UserDataStores stores) {
        this.stores = stores;
    }

    /** What a client sends: id is optional (derived from the label). */
    public record RuleRequest(String id, String label, String query, List<String> languages) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(RuleRequest request) {
        if (!stores.enabled()) {
            return Problems.unavailable("Rule topics are disabled (newsflow.enrich.user-data.enabled=false)");
        }
        if (request == null || request.label() == null || request.label().isBlank()) {
            return Problems.badRequest("\"label\" is required");
        }
        if (request.label().length() > WatchListResource.MAX_NAME) {
            return Problems.badRequest("\"label\" is longer than " + WatchListResource.MAX_NAME + " chars");
        }
        try {
            RuleQuery.parse(request.query());
        } catch (RuleQuery.InvalidQueryException e) {
            return Problems.badRequest("Invalid query: " + e.getMessage());
        }
        String label = request.label().strip();
        String id = request.id() == null || request.id().isBlank() ? UserDataIds.slug(label) : request.id().strip();
        if (!UserDataIds.VALID.matcher(id).matches()) {
            return Problems.badRequest("\"id\" must be lower-case letters, digits and dashes (at most 64), got '" + id + "'");
        }
        List<String> languages = new ArrayList<>();
        for (String l : request.languages() == null ? List.<String>of() : request.languages()) {
            String code = l == null ? "" : l.strip().toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z]{2,3}")) {
                return Problems.badRequest("\"languages\" must be ISO 639 codes such as nb or en, got '" + l + "'");
            }
            languages.add(code);
        }
        CompactedTopicStore<RuleTopic> store = stores.rules();
        if (store.get(id).isEmpty() && store.snapshot().size() >= stores.maxEntries()) {
            return Problems.conflict("There are already " + stores.maxEntries() + " rule topics");
        }
        RuleTopic rule = new RuleTopic(id, label, request.query().strip(), languages);
        try {
            store.put(rule);
        } catch (CompactedTopicStore.StoreUnavailableException e) {
            return Problems.unavailable(e.getMessage());
        }
        return Response.created(URI.create("/api/topics/" + id)).entity(rule).build();
    }

    @GET
    public List<RuleTopic> list() {
        return UserDataStores.sorted(stores.rules(), RuleTopic::id);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return stores.rules().get(id).map(r -> Response.ok(r).build())
                .orElseGet(() -> Problems.notFound("No rule topic " + id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        try {
            return stores.rules().delete(id) ? Response.noContent().build() : Problems.notFound("No rule topic " + id);
        } catch (CompactedTopicStore.StoreUnavailableException e) {
            return Problems.unavailable(e.getMessage());
        }
    }
}

package io.newsflow.ingest.rest;

import io.newsflow.ingest.config.IngestConfig;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** 401 for a changing feed request without the configured API key ({@code newsflow.ingest.api-key}). */
@Provider
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);
    static final String HEADER = "X-API-Key";

    private final jakarta.inject.Provider<IngestConfig> config;
    private volatile ApiKeyCheck check;

    /** The configuration is read on first use: providers may be created before configuration mappings exist. */
    public ApiKeyFilter(jakarta.inject.Provider<IngestConfig> config) {
        this.config = config;
    }

    private ApiKeyCheck check() {
        ApiKeyCheck current = check;
        if (current == null) {
            current = new ApiKeyCheck(config.get().apiKey().orElse(null));
            if (!current.enabled()) {
                LOG.info("newsflow.ingest.api-key is not set: the feed API accepts changes without a key");
            }
            check = current;
        }
        return current;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ApiKeyCheck check = check();
        if (!check.enabled() || !ApiKeyCheck.isChanging(request.getMethod(), request.getUriInfo().getPath())) {
            return;
        }
        if (!check.allows(request.getHeaderString(HEADER), request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            LOG.warnf("Refused %s %s: missing or wrong API key", request.getMethod(), request.getUriInfo().getPath());
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError("unauthorized", "This change needs the API key (header " + HEADER
                            + " or Authorization: Bearer)"))
                    .build());
        }
    }
}

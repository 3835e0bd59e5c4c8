package io.newsflow.ingest.websub;

import io.newsflow.ingest.config.IngestConfig;
import io.newsflow.ingest.fetch.UrlGuard;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * WebSub as configured: on when {@code newsflow.ingest.websub.callback-url} and {@code .secret} are set, off
 * otherwise (feeds are then only polled).
 */
@ApplicationScoped
public class WebSub {

    private static final Logger LOG = Logger.getLogger(WebSub.class);

    private final WebSubHubs hubs;
    private final Duration safetyNet;

    public WebSub(IngestConfig config, UrlGuard guard) {
        IngestConfig.WebSub ws = config.websub();
        Optional<String> callback = ws.callbackUrl().filter(s -> !s.isBlank());
        Optional<String> secret = ws.secret().filter(s -> !s.isBlank());
        if (callback.isPresent() && secret.isEmpty()) {
            LOG.warn("newsflow.ingest.websub.callback-url is set but newsflow.ingest.websub.secret is not: WebSub is off");
        }
        this.hubs = callback.isPresent() && secret.isPresent()
                ? new WebSubHubs(guard, config.fetch().connectTimeout(), config.fetch().timeout(),
                config.fetch().userAgent(), new WebSubSigner(secret.get()), callback.get(), ws.lease())
                : null;
        this.safetyNet = ws.safetyNetInterval();
    }

    public boolean enabled() {
        return hubs != null;
    }

    /** Present when enabled. */
    public Optional<WebSubHubs> hubs() {
        return Optional.ofNullable(hubs);
    }

    /** The slow poll kept for pushed feeds. */
    public Duration safetyNetInterval() {
        return safetyNet;
    }

    @PreDestroy
    void close() {
        if (hubs != null) {
            hubs.close();
        }
    }
}

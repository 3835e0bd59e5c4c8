package io.newsflow.ingest.websub;

import io.newsflow.ingest.fetch.FetchException;
import io.newsflow.ingest.fetch.UrlGuard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Subscribes feeds at their WebSub hubs (W3C WebSub §5.1): a form POST with our callback, the topic, a per-feed
 * secret and the lease we want. The hub then verifies the intent at the callback ({@code WebSubResource}) and pushes
 * new content there, signed with the secret. Hub URLs come from feeds, so they pass the SSRF guard like any fetch.
 */
public final class WebSubHubs implements AutoCloseable {

    private final HttpClient client;
    private final UrlGuard guard;
    private final Duration timeout;
    private final String userAgent;
    private final WebSubSigner signer;
    private final String callbackBase;
    private final Duration lease;

    /**
     * @param callbackBase the service's public base URL, e.g. {@code https://ingest.example.com}; callbacks are
     *                     {@code <base>/api/websub/<feed id>}
     */
    public WebSubHubs(UrlGuard guard, Duration connectTimeout, Duration timeout, String userAgent, WebSubSigner signer,
                      String callbackBase, Duration lease) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.guard = guard;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.signer = signer;
        this.callbackBase = callbackBase.endsWith("/") ? callbackBase.substring(0, callbackBase.length() - 1) : callbackBase;
        this.lease = lease;
    }

    public String callbackFor(String feedId) {
        return callbackBase + "/api/websub/" + feedId;
    }

    public Duration lease() {
        return lease;
    }

    public WebSubSigner signer() {
        return signer;
    }

    /**
     * Asks the hub for a subscription; true when it accepted the request (2xx: it verifies asynchronously).
     *
     * @throws FetchException when the hub is refused by the guard, unreachable or answers with an error
     */
    public boolean subscribe(String hub, String topic, String feedId) throws FetchException {
        URI target = guard.check(hub);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", "subscribe");
        form.put("hub.topic", topic);
        form.put("hub.callback", callbackFor(feedId));
        form.put("hub.secret", signer.secretFor(feedId));
        form.put("hub.lease_seconds", String.valueOf(lease.toSeconds()));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "Hub " + target + " answered HTTP "
                        + response.statusCode() + " to the subscription", response.statusCode(), null);
            }
            return true;
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.CONNECT_FAILED, "Cannot reach hub " + target + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.IO_ERROR, "Interrupted subscribing at " + target, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.newsflow.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real HTTP server on loopback: limits, encodings, redirects and conditional GET as they happen on the wire. */
class HttpFetcherTest {

    private static final long LIMIT = 64 * 1024;

    private HttpServer server;
    private String base;
    private HttpFetcher fetcher;
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/plain", ex -> respond(ex, 200, "hello".getBytes(StandardCharsets.UTF_8), null));
        server.createContext("/gzip", ex -> respond(ex, 200, gzip("compressed hello".getBytes(StandardCharsets.UTF_8)), "gzip"));
        server.createContext("/deflate", ex -> respond(ex, 200, deflate("deflated hello", false), "deflate"));
        server.createContext("/raw-deflate", ex -> respond(ex, 200, deflate("raw deflated hello", true), "deflate"));
        server.createContext("/bomb", ex -> respond(ex, 200, gzip(new byte[(int) LIMIT * 20]), "gzip"));
        server.createContext("/big", ex -> respond(ex, 200, new byte[(int) LIMIT + 1], null));
        server.createContext("/endless", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length: only the streaming limit can stop it
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[8192];
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the client hung up, as it should
            }
        });
        server.createContext("/redirect", ex -> redirect(ex, "/plain"));
        server.createContext("/loop", ex -> redirect(ex, "/loop"));
        server.createContext("/to-private", ex -> redirect(ex, "http://localhost:" + server.getAddress().getPort() + "/plain"));
        server.createContext("/status500", ex -> respond(ex, 500, "oops".getBytes(StandardCharsets.UTF_8), null));
        server.createContext("/etag", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.sendResponseHeaders(304, -1);
                ex.close();
            } else {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                ex.getResponseHeaders().add("Last-Modified", "Thu, 20 Nov 2026 08:00:00 GMT");
                respond(ex, 200, "tagged".getBytes(StandardCharsets.UTF_8), null);
            }
        });
        server.createContext("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            respond(ex, 429, new byte[0], null);
        });
        server.createContext("/maintenance", ex -> {
            ex.getResponseHeaders().add("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT");
            respond(ex, 503, new byte[0], null);
        });
        server.createContext("/cached", ex -> {
            ex.getResponseHeaders().add("Cache-Control", "public, max-age=900");
            respond(ex, 200, gzip("cached hello".getBytes(StandardCharsets.UTF_8)), "gzip");
        });
        server.createContext("/slow", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "late".getBytes(StandardCharsets.UTF_8), null);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        fetcher = fetcher(new UrlGuard(true), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        server.stop(0);
    }

    @Test
    void sendsTheUserAgentAndReturnsTheBody() throws FetchException {
        FetchResult result = fetcher.get(base + "/plain", "*/*", LIMIT, null);

        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(userAgents).containsExactly("Newsflow/0.1 (+https://github.com/newsflow)");
    }

    @Test
    void decodesGzipAndBothFormsOfDeflate() throws FetchException {
        assertThat(text(fetcher.get(base + "/gzip", "*/*", LIMIT, null))).isEqualTo("compressed hello");
        assertThat(text(fetcher.get(base + "/deflate", "*/*", LIMIT, null))).isEqualTo("deflated hello");
        assertThat(text(fetcher.get(base + "/raw-deflate", "*/*", LIMIT, null))).isEqualTo("raw deflated hello");
    }

    @Test
    void stopsADecompressionBombAtTheLimit() {
        assertKind(() -> fetcher.get(base + "/bomb", "*/*", LIMIT, null), FetchException.Kind.TOO_LARGE);
    }

    @Test
    void refusesABodyOverTheLimitByContentLengthAndWhileStreaming() {
        assertKind(() -> fetcher.get(base + "/big", "*/*", LIMIT, null), FetchException.Kind.TOO_LARGE);
        assertKind(() -> fetcher.get(base + "/endless", "*/*", LIMIT, null), FetchException.Kind.TOO_LARGE);
    }

    @Test
    void followsRedirectsUpToTheLimit() throws FetchException {
        FetchResult result = fetcher.get(base + "/redirect", "*/*", LIMIT, null);

        assertThat(text(result)).isEqualTo("hello");
        assertThat(result.uri().getPath()).isEqualTo("/plain");
        assertKind(() -> fetcher.get(base + "/loop", "*/*", LIMIT, null), FetchException.Kind.TOO_MANY_REDIRECTS);
    }

    @Test
    void checksEveryRedirectTargetAgainstTheGuard() {
        // 127.0.0.1 passes as "public" here so the first hop is allowed; localhost resolves to a private address.
        UrlGuard guard = new UrlGuard(false, host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByAddress(new byte[] {93, (byte) 184, (byte) 215, 14})}
                : new InetAddress[] {InetAddress.getByAddress(new byte[] {10, 0, 0, 1})});
        try (HttpFetcher guarded = fetcher(guard, Duration.ofSeconds(5))) {
            assertKind(() -> guarded.get(base + "/to-private", "*/*", LIMIT, null), FetchException.Kind.BLOCKED_ADDRESS);
        }
    }

    @Test
    void refusesPrivateTargetsByDefault() {
        try (HttpFetcher guarded = fetcher(new UrlGuard(false), Duration.ofSeconds(5))) {
            assertKind(() -> guarded.get(base + "/plain", "*/*", LIMIT, null), FetchException.Kind.BLOCKED_ADDRESS);
        }
        assertThat(userAgents).isEmpty();
    }

    @Test
    void sendsValidatorsAndReportsNotModified() throws FetchException {
        FetchResult first = fetcher.get(base + "/etag", "*/*", LIMIT, Validators.NONE);
        assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Thu, 20 Nov 2026 08:00:00 GMT"));

        FetchResult second = fetcher.get(base + "/etag", "*/*", LIMIT, first.validators());

        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
    }

    @Test
    void reportsHttpErrorsWithTheirStatus() {
        assertThatThrownBy(() -> fetcher.get(base + "/status500", "*/*", LIMIT, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
                    assertThat(e.status()).isEqualTo(500);
                });
    }

    @Test
    void readsRetryAfterOf429And503AndHoldsTheHostOff() {
        HostThrottle throttle = new HostThrottle(2, Duration.ZERO, Duration.ofSeconds(1), java.time.Clock.systemUTC());
        try (HttpFetcher polite = new HttpFetcher(new UrlGuard(true), Duration.ofSeconds(2), Duration.ofSeconds(5), 5,
                "Newsflow/0.1", throttle)) {
            assertThatThrownBy(() -> polite.get(base + "/busy", "*/*", LIMIT, null))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                    });
            // The host asked for two minutes: the next request to it is not sent but deferred.
            int before = userAgents.size();
            assertThatThrownBy(() -> polite.get(base + "/plain", "*/*", LIMIT, null))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FetchException.Kind.HOST_THROTTLED);
                        assertThat(e.kind().retriable()).isTrue();
                        assertThat(e.retryAfter().orElseThrow()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
                    });
            assertThat(userAgents).hasSize(before);
        }
        assertThatThrownBy(() -> fetcher.get(base + "/maintenance", "*/*", LIMIT, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter().orElseThrow()).isGreaterThan(Duration.ofDays(365));
                });
    }

    @Test
    void reportsMaxAgeAndTheBytesTransferred() throws FetchException {
        FetchResult result = fetcher.get(base + "/cached", "*/*", LIMIT, null);

        assertThat(text(result)).isEqualTo("cached hello");
        assertThat(result.maxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(result.wireBytes()).as("compressed size").isGreaterThan(0).isNotEqualTo(result.body().length);
        assertThat(fetcher.get(base + "/plain", "*/*", LIMIT, null).maxAge()).isNull();
    }

    @Test
    void givesUpWhenTheWholeExchangeTakesTooLong() {
        try (HttpFetcher impatient = fetcher(new UrlGuard(true), Duration.ofMillis(300))) {
            assertKind(() -> impatient.get(base + "/slow", "*/*", LIMIT, null), FetchException.Kind.TIMEOUT);
        }
    }

    @Test
    void reportsAConnectionRefused() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertKind(() -> fetcher.get("http://127.0.0.1:" + closedPort + "/", "*/*", LIMIT, null),
                FetchException.Kind.CONNECT_FAILED);
    }

    private HttpFetcher fetcher(UrlGuard guard, Duration timeout) {
        return new HttpFetcher(guard, Duration.ofSeconds(2), timeout, 5, "Newsflow/0.1 (+https://github.com/newsflow)");
    }

    private void respond(HttpExchange ex, int status, byte[] body, String encoding) throws IOException {
        userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
        ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        if (encoding != null) {
            ex.getResponseHeaders().add("Content-Encoding", encoding);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException expected) {
            // the client may hang up once it has seen enough
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(String text, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String text(FetchResult result) {
        return new String(result.body(), StandardCharsets.UTF_8);
    }

    private interface Fetch {
        void run() throws FetchException;
    }

    private static void assertKind(Fetch fetch, FetchException.Kind kind) {
        assertThatThrownBy(fetch::run)
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }
}

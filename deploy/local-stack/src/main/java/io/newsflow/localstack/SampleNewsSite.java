package io.newsflow.localstack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.localstack.SampleNewsSiteCatalog.Outlet;
import io.newsflow.localstack.SampleNewsSiteRenderer.Rendered;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * The bundled sample news site: four fictional outlets (English, Norwegian Bokmål, German) with a dozen original
 * articles, their RSS 2.0 feeds, an Atom 1.0 and an RSS 1.0 (RDF) feed, served on 127.0.0.1 with the HTTP behaviour a
 * polite feed poller relies on: ETag / Last-Modified with 304 answers, gzip on request, 404 for anything unknown.
 *
 * <p>Pages carry realistic chrome (navigation, a "read also" box between paragraphs, a "most read" list, share bar,
 * newsletter sign-up, cookie notice, comment form, footer) so the extractor has something to strip; {@link #articles()}
 * says per article which names an entity tagger must find and which chrome phrases must not survive extraction.
 * Content and expectations live in {@code src/main/resources/sample-site/articles.json}.
 *
 * <pre>java -cp local-stack.jar io.newsflow.localstack.SampleNewsSite [port]   (default 8090)</pre>
 */
public final class SampleNewsSite implements AutoCloseable {

    /**
     * One article as the end-to-end test sees it.
     *
     * @param outlet         outlet slug, e.g. {@code harbour-gazette}
     * @param url            absolute page URL on this site (feeds may add tracking parameters to it)
     * @param title          headline exactly as on the page and in the feeds
     * @param language       BCP 47 language of the text ({@code en}, {@code nb}, {@code de})
     * @param expectEntities names that occur in the article text and an entity tagger must find
     * @param mustNotContain phrases from the page chrome that the extracted text must not contain
     */
    public record SampleArticle(String outlet, URI url, String title, String language, List<String> expectEntities,
            List<String> mustNotContain) {
        public SampleArticle {
            expectEntities = List.copyOf(expectEntities);
            mustNotContain = List.copyOf(mustNotContain);
        }
    }

    public static final int DEFAULT_PORT = 8090;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A resource with both encodings prepared up front: the site is small and this keeps request handling trivial. */
    private record Resource(String contentType, byte[] identity, byte[] gzip, String etagValue, Instant lastModified) {
        String etag(boolean gzipped) {
            // Each encoding gets its own strong validator (as Apache httpd does), both match in If-None-Match.
            return "\"" + etagValue + (gzipped ? "-gzip" : "") + "\"";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final Map<String, Resource> resources;
    private final List<URI> feedUrls;
    private final List<SampleArticle> articles;

    private SampleNewsSite(HttpServer server, ExecutorService executor, URI baseUrl, Map<String, Resource> resources,
            List<URI> feedUrls, List<SampleArticle> articles) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = baseUrl;
        this.resources = resources;
        this.feedUrls = feedUrls;
        this.articles = articles;
    }

    /** Starts the site on 127.0.0.1; {@code port} 0 picks a free port. */
    public static SampleNewsSite start(int port) {
        return start(port, SampleNewsSiteCatalog.ROOT);
    }

    /**
     * Serves another catalogue in the sample site's format (index, bodies, templates) from the class-path root
     * {@code catalogueRoot} (e.g. {@code story-heldout/}), with the same HTTP behaviour.
     */
    public static SampleNewsSite start(int port, String catalogueRoot) {
        SampleNewsSiteCatalog catalog = SampleNewsSiteCatalog.load(catalogueRoot);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Sample news site cannot listen on 127.0.0.1:" + port, e);
        }
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Map<String, Resource> resources = new HashMap<>();
        new SampleNewsSiteRenderer(catalog, baseUrl).renderAll()
                .forEach((path, rendered) -> resources.put(path, prepare(rendered)));

        List<URI> feedUrls = new ArrayList<>();
        for (Outlet outlet : catalog.outlets()) {
            outlet.feeds().forEach(feed -> feedUrls.add(baseUrl.resolve(feed.path())));
        }
        List<SampleArticle> articles = catalog.articles().stream()
                .map(a -> new SampleArticle(a.outlet(), baseUrl.resolve(a.path()), a.title(), a.language(),
                        a.expectEntities(), a.mustNotContain()))
                .toList();

        AtomicInteger threads = new AtomicInteger();
        // Named threads, so a thread dump of the local run says whose they are.
        ExecutorService executor = Executors.newFixedThreadPool(4,
                r -> new Thread(r, "sample-news-site-" + threads.incrementAndGet()));
        server.setExecutor(executor);
        SampleNewsSite site = new SampleNewsSite(server, executor, baseUrl, Map.copyOf(resources), List.copyOf(feedUrls),
                articles);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Every feed: one RSS 2.0 per outlet, plus an Atom 1.0 and an RSS 1.0 (RDF); some articles are in two feeds. */
    public List<URI> feedUrls() {
        return feedUrls;
    }

    public List<SampleArticle> articles() {
        return articles;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Headers response = exchange.getResponseHeaders();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                response.set("Allow", "GET, HEAD");
                sendText(exchange, 405, "Method not allowed\n");
                return;
            }
            String path = exchange.getRequestURI().getRawPath(); // the query (tracking parameters) never matters
            Resource resource = resources.get(path);
            if (resource == null) {
                if (resources.containsKey(path + "/")) {
                    response.set("Location", baseUrl + path + "/");
                    sendText(exchange, 301, "Moved\n");
                } else {
                    sendText(exchange, 404, "Not found: " + path + "\n");
                }
                return;
            }
            Headers request = exchange.getRequestHeaders();
            boolean gzip = acceptsGzip(request.get("Accept-Encoding"));
            response.set("Content-Type", resource.contentType());
            response.set("ETag", resource.etag(gzip));
            response.set("Last-Modified", HTTP_DATE.format(resource.lastModified()));
            response.set("Cache-Control", "public, max-age=60");
            response.set("Vary", "Accept-Encoding");
            if (notModified(resource, request.getFirst("If-None-Match"), request.getFirst("If-Modified-Since"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = gzip ? resource.gzip() : resource.identity();
            if (gzip) {
                response.set("Content-Encoding", "gzip");
            }
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** RFC 9110 §13.1: If-None-Match wins; If-Modified-Since is only looked at without it. */
    private static boolean notModified(Resource resource, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*")) {
                    return true;
                }
                t = t.startsWith("W/") ? t.substring(2) : t; // weak comparison is what GET revalidation uses
                t = t.replace("\"", "");
                if (t.endsWith("-gzip")) {
                    t = t.substring(0, t.length() - "-gzip".length());
                }
                if (t.equals(resource.etagValue())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = Instant.from(HTTP_DATE.parse(ifModifiedSince.strip()));
                return !resource.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // an unparseable date is ignored, as the RFC asks
            }
        }
        return false;
    }

    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String header : acceptEncoding) {
            for (String part : header.split(",")) {
                String[] pieces = part.strip().split(";");
                String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
                if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                    continue;
                }
                boolean refused = false;
                for (int i = 1; i < pieces.length; i++) {
                    String param = pieces[i].strip().toLowerCase(Locale.ROOT);
                    if (param.startsWith("q=")) {
                        try {
                            refused = Double.parseDouble(param.substring(2)) <= 0.0;
                        } catch (NumberFormatException e) {
                            refused = true;
                        }
                    }
                }
                if (!refused) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Resource prepare(Rendered rendered) {
        byte[] identity = rendered.body();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(identity.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(identity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag;
        try {
            etag = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
        // HTTP dates have whole seconds; truncating keeps If-Modified-Since comparisons exact.
        return new Resource(rendered.contentType(), identity, compressed.toByteArray(), etag,
                rendered.lastModified().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Serves the site until Ctrl-C: {@code SampleNewsSite [port]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        SampleNewsSite site = start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }, "sample-news-site-shutdown"));
        System.out.println("Sample news site on " + site.baseUrl() + "/ (" + site.articles().size() + " articles)");
        site.feedUrls().forEach(feed -> System.out.println("  feed " + feed));
        System.out.println("  OPML " + site.baseUrl() + "/feeds.opml");
        System.out.println("Ctrl-C stops.");
        stopped.await();
    }
}

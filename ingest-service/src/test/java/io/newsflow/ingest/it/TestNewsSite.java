package io.newsflow.ingest.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A news site on loopback for the integration tests: serves whatever the test puts at a path, counts requests. */
final class TestNewsSite implements AutoCloseable {

    private record Resource(String contentType, byte[] body, int status, Map<String, String> headers) {
        Resource(String contentType, byte[] body) {
            this(contentType, body, 200, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> conditionalHits = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<String>> requestHeaders = new ConcurrentHashMap<>();

    TestNewsSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            CountDownLatch gate = gates.get(path);
            if (gate != null) {
                try {
                    gate.await(30, TimeUnit.SECONDS); // a slow server: answers only when the test opens the gate
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Resource resource = resources.get(path);
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (ifNoneMatch != null) {
                conditionalHits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            }
            requestHeaders.computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(exchange.getRequestHeaders().getFirst("User-Agent"));
            resource.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            String etag = resource.headers().get("ETag");
            if (etag != null && etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", resource.contentType());
            if (resource.status() != 200) {
                exchange.sendResponseHeaders(resource.status(), -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, resource.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resource.body());
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void put(String path, String contentType, String body) {
        resources.put(path, new Resource(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Serves the body with extra response headers; an ETag header makes a matching If-None-Match get a 304. */
    void put(String path, String contentType, String body, Map<String, String> headers) {
        resources.put(path, new Resource(contentType, body.getBytes(StandardCharsets.UTF_8), 200, Map.copyOf(headers)));
    }

    /** Answers the path with a bodiless status and headers (e.g. 429 with Retry-After). */
    void status(String path, int status, Map<String, String> headers) {
        resources.put(path, new Resource("text/plain", new byte[0], status, Map.copyOf(headers)));
    }

    /** Requests to the path that carried If-None-Match. */
    int conditionalHits(String path) {
        AtomicInteger count = conditionalHits.get(path);
        return count == null ? 0 : count.get();
    }

    /** User-Agent of each request to the path, in order. */
    java.util.List<String> userAgents(String path) {
        return requestHeaders.getOrDefault(path, java.util.List.of());
    }

    void rss(String path, String body) {
        put(path, "application/rss+xml; charset=utf-8", body);
    }

    void html(String path, String body) {
        put(path, "text/html; charset=utf-8", body);
    }

    /** Holds requests for the path until the returned latch is counted down. */
    CountDownLatch gate(String path) {
        return gates.computeIfAbsent(path, p -> new CountDownLatch(1));
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        gates.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }

    /** An RSS 2.0 feed; items are (path, title, pubDate RFC 1123). */
    String rssFeed(String title, String[]... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(title).append("</title><link>").append(url("/")).append("</link>")
                .append("<description>Test feed</description><language>en</language>");
        for (String[] item : items) {
            xml.append("<item><title>").append(item[1]).append("</title><link>").append(url(item[0]))
                    .append("</link><pubDate>").append(item[2]).append("</pubDate></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    /** An article page with navigation, a related box and a cookie banner around the story. */
    static String articlePage(String title, String... paragraphs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append(" | Test Times</title><meta name=\"author\" content=\"By Pat Writer\"></head><body>")
                .append("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>")
                .append("<div class=\"cookie-banner\"><p>We use cookies. Accept them or leave.</p></div>")
                .append("<article><h1>").append(title).append("</h1>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(paragraph).append("</p>");
        }
        return html.append("<aside class=\"related\"><ul><li><a href=\"/x\">Other story</a></li></ul></aside>")
                .append("</article><footer>Test Times footer</footer></body></html>").toString();
    }
}

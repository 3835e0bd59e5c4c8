package io.newsflow.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web site that attacks a feed reader, on 127.0.0.1: every feed and page a careless fetcher or parser would choke on.
 * Large bodies are generated while they are sent and never held in memory; the gzip bomb is a few hundred kilobytes
 * that inflate to {@value #BOMB_MEGABYTES} MB. Counts requests per path, so a test can prove a URL was never fetched.
 *
 * <p>Feeds ({@link #feedPaths()}): ill-formed XML, billion laughs, XXE, a gzip bomb, 100 MB, a 1 byte/s trickle, a
 * redirect loop, invalid UTF-8, a wrong declared charset, HTML served as RSS, and a well-formed feed whose items are
 * hostile pages ({@link #hostilePagePaths()}). {@code /ssrf-target} is what a guarded fetcher must never reach.
 */
public final class HostileNewsSite implements AutoCloseable {

    static final int BOMB_MEGABYTES = 256;
    private static final long HUGE_BYTES = 100L * 1024 * 1024;
    private static final Duration TRICKLE_FOR = Duration.ofSeconds(90);

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final byte[] gzipBomb;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private HostileNewsSite(HttpServer server, ExecutorService executor, byte[] gzipBomb) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.gzipBomb = gzipBomb;
    }

    public static HostileNewsSite start(int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Hostile site cannot listen on 127.0.0.1:" + port, e);
        }
        // Virtual threads: trickling connections held open for a minute cost no platform threads.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        HostileNewsSite site = new HostileNewsSite(server, executor, gzipOfZeros(BOMB_MEGABYTES));
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI url(String path) {
        return baseUrl.resolve(path);
    }

    /** Feed paths by what they are. */
    public static Map<String, String> feedPaths() {
        return Map.ofEntries(
                Map.entry("ill-formed XML", "/feed/ill-formed.xml"),
                Map.entry("billion laughs", "/feed/billion-laughs.xml"),
                Map.entry("XXE", "/feed/xxe.xml"),
                Map.entry("gzip bomb", "/feed/gzip-bomb.xml"),
                Map.entry("100 MB body", "/feed/huge.xml"),
                Map.entry("1 byte/s trickle", "/feed/trickle.xml"),
                Map.entry("redirect loop", "/feed/redirect-loop.xml"),
                Map.entry("invalid UTF-8", "/feed/invalid-utf8.xml"),
                Map.entry("wrong charset", "/feed/wrong-charset.xml"),
                Map.entry("HTML served as a feed", "/feed/html.xml"),
                Map.entry("feed of hostile pages", "/feed/hostile-pages.xml"));
    }

    /** The pages the hostile-pages feed links to, by what they are. */
    public static Map<String, String> hostilePagePaths() {
        return Map.of(
                "100 MB page", "/page/huge.html",
                "gzip bomb page", "/page/gzip-bomb.html",
                "1 byte/s page", "/page/trickle.html",
                "redirect loop page", "/page/redirect-loop.html");
    }

    /** Requests received for a path (query ignored). */
    public int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            switch (path) {
                case "/feed/ill-formed.xml" -> send(exchange, "application/rss+xml; charset=utf-8", ("<?xml version=\"1.0\"?>"
                        + "<rss version=\"2.0\"><channel><title>Broken & unescaped</title><item><title>One</title>"
                        + "<link>" + url("/missing/1.html") + "</link></item><item><title>Two<description>"
                        + "</channel><<<>>>\u0000\u0001 garbage").getBytes(StandardCharsets.UTF_8));
                case "/feed/billion-laughs.xml" -> send(exchange, "application/rss+xml", billionLaughs());
                case "/feed/xxe.xml" -> send(exchange, "application/rss+xml", ("<?xml version=\"1.0\"?>"
                        + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
                        + "<!ENTITY remote SYSTEM \"" + url("/ssrf-target") + "\">]>"
                        + "<rss version=\"2.0\"><channel><title>XXE</title><item><title>&xxe;</title>"
                        + "<description>&remote;</description><link>" + url("/missing/xxe.html") + "</link></item>"
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
                case "/feed/gzip-bomb.xml", "/page/gzip-bomb.html" -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    send(exchange, path.endsWith(".xml") ? "application/rss+xml" : "text/html", gzipBomb);
                }
                case "/feed/huge.xml" -> streamHuge(exchange, "application/rss+xml",
                        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>",
                        "<item><title>Filler</title><description>" + "x".repeat(900) + "</description></item>");
                case "/page/huge.html" -> streamHuge(exchange, "text/html",
                        "<!DOCTYPE html><html><head><title>Huge</title></head><body><article>",
                        "<p>" + "All work and no play makes a huge page. ".repeat(24) + "</p>");
                case "/feed/trickle.xml", "/page/trickle.html" -> trickle(exchange);
                case "/feed/redirect-loop.xml", "/page/redirect-loop.html" -> {
                    // Each hop a new URL, so a client that only detects A→A loops is not saved by that.
                    String query = exchange.getRequestURI().getQuery();
                    int hop = query == null ? 0 : Integer.parseInt(query.replaceAll("\\D", "0"));
                    exchange.getResponseHeaders().set("Location", path + "?hop=" + (hop + 1));
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/feed/invalid-utf8.xml" -> send(exchange, "application/rss+xml; charset=utf-8", concat(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bad bytes ",
                        new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        "</title><item><title>Caf", new byte[]{(byte) 0xE9, (byte) 0x80},
                        "</title><link>" + url("/missing/utf8.html") + "</link></item></channel></rss>"));
                case "/feed/wrong-charset.xml" -> send(exchange, "application/rss+xml; charset=utf-8",
                        // Declared UTF-8 twice, written in UTF-16LE: every other byte is NUL.
                        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Zürich</title>"
                                + "<item><title>Grüße</title><link>" + url("/missing/charset.html") + "</link></item>"
                                + "</channel></rss>").getBytes(StandardCharsets.UTF_16LE));
                case "/feed/html.xml" -> send(exchange, "application/rss+xml; charset=utf-8",
                        ("<!DOCTYPE html><html><head><title>Not a feed</title></head><body><h1>Welcome</h1>"
                                + "<p>This is a home page, not a feed.</p><a href=\"/rss\">RSS</a></body></html>")
                                .getBytes(StandardCharsets.UTF_8));
                case "/feed/hostile-pages.xml" -> send(exchange, "application/rss+xml; charset=utf-8", hostilePagesFeed());
                default -> exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // The client gave up (as it should with these resources): nothing to do.
        }
    }

    private byte[] hostilePagesFeed() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>Hostile pages</title>");
        for (Map.Entry<String, String> page : hostilePagePaths().entrySet()) {
            xml.append("<item><title>").append(page.getKey()).append("</title><link>").append(url(page.getValue()))
                    .append("</link><guid>").append(url(page.getValue())).append("</guid></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><rss version=\"2.0\"><channel><title>&lol10;</title><item><title>&lol10;</title></item>"
                + "</channel></rss>");
        return dtd.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** 100 MB, chunked (no Content-Length to reject up front), generated block by block while it is sent. */
    private static void streamHuge(HttpExchange exchange, String contentType, String head, String block)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        byte[] blockBytes = block.repeat(Math.max(1, 64 * 1024 / block.length())).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < HUGE_BYTES; sent += blockBytes.length) {
                out.write(blockBytes);
            }
        }
    }

    /** One byte per second of a valid-looking feed, until the client hangs up or {@link #TRICKLE_FOR} passes. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        byte[] body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < TRICKLE_FOR.toSeconds(); i++) {
                out.write(body[i % body.length]);
                out.flush();
                try {
                    // The point of this resource: a server that answers at one byte per second.
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static byte[] gzipOfZeros(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                gzip.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}

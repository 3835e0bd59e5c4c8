package io.newsflow.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic news site for load and fault tests: {@code N} outlets on 127.0.0.1, each with an RSS 2.0 feed of its
 * newest (up to {@value #FEED_ITEMS}) items and article pages of about 60 KB (navigation, "most read", footer, a large
 * inline tracking script — the weight of a real news page) around about 800 words of article text.
 *
 * <p>Everything is generated from a seed: the same seed, outlet and item number always give the same page, so a test
 * failure can be reproduced and nothing is kept in memory but a counter per outlet. New items appear with
 * {@link #publish(int)} or at a steady rate with {@link #startFlow(double)}, so articles keep flowing while a test
 * breaks things. Feeds answer {@code If-None-Match} with 304.
 */
public final class SyntheticNewsSite implements AutoCloseable {

    public static final int FEED_ITEMS = 50;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final Pattern FEED = Pattern.compile("/o(\\d+)/feed\\.xml");
    private static final Pattern PAGE = Pattern.compile("/o(\\d+)/news/(\\d+)-[a-z0-9-]+\\.html");
    private static final String[] WORDS = ("the a of to and in that for on with as at by from its their government "
            + "council minister report city region market company workers union prices energy water school hospital "
            + "police court budget plan project study research data policy election vote party leader officials "
            + "residents families children teachers doctors farmers harbour bridge railway road traffic weather storm "
            + "season summer winter growth inflation rates bank investors shares profit costs contract agreement talks "
            + "crisis response support funding decision proposal committee review board meeting statement interview "
            + "analysis figures percent million billion year month week day morning evening said says told announced "
            + "confirmed warned expected reported added explained argued suggested would could should might will has "
            + "have had was were is are been being new old local national international public private small large "
            + "major key early late recent further long short higher lower strong weak clear difficult important "
            + "expected significant final first second third last next several many few most more less").split(" ");
    private static final String[] PLACES = {"Oslo", "Berlin", "Paris", "London", "Stockholm", "Copenhagen", "Madrid",
            "Rome", "Vienna", "Warsaw", "Brussels", "Amsterdam", "Helsinki", "Lisbon", "Dublin", "Prague"};
    private static final String[] ORGS = {"European Union", "United Nations", "NATO", "World Health Organization",
            "International Monetary Fund", "European Central Bank", "Red Cross", "OECD"};
    private static final String[] PEOPLE = {"Anna Larsen", "Peter Schmidt", "Marie Dubois", "James Walker",
            "Sofia Rossi", "Lars Nilsson", "Eva Novak", "Tomas Berg", "Claire Martin", "Jonas Weber"};

    /** One published item: which outlet, its number there, its page URL and when it appeared in the feed. */
    public record Item(int outlet, int number, URI url, Instant publishedAt) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;
    private final long seed;
    private final int outlets;
    /** Items published per outlet; item numbers 1..count exist. */
    private final AtomicInteger[] counts;
    /** Publication time per outlet and item, kept compactly: epoch millis in a growing array. */
    private final long[][] publishedAt;
    private final AtomicInteger requests = new AtomicInteger();
    private final ScheduledExecutorService flowTimer;
    private ScheduledFuture<?> flow;
    private int nextOutlet;

    private SyntheticNewsSite(HttpServer server, ExecutorService executor, long seed, int outlets) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.seed = seed;
        this.outlets = outlets;
        this.counts = new AtomicInteger[outlets];
        this.publishedAt = new long[outlets][];
        for (int i = 0; i < outlets; i++) {
            counts[i] = new AtomicInteger();
            publishedAt[i] = new long[1024];
        }
        this.flowTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "synthetic-site-flow");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the site on 127.0.0.1 ({@code port} 0 = a free port) with {@code outlets} outlets and
     * {@code initialItemsPerOutlet} items already in each feed.
     */
    public static SyntheticNewsSite start(int port, int outlets, int initialItemsPerOutlet, long seed) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("Synthetic news site cannot listen on 127.0.0.1:" + port, e);
        }
        // Virtual threads: a slow or stalled client costs no platform thread, and the site never limits the poller.
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        SyntheticNewsSite site = new SyntheticNewsSite(server, executor, seed, outlets);
        server.createContext("/", site::handle);
        server.start();
        for (int i = 0; i < initialItemsPerOutlet; i++) {
            site.publish(outlets);
        }
        return site;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public int outlets() {
        return outlets;
    }

    public List<URI> feedUrls() {
        List<URI> feeds = new ArrayList<>();
        for (int i = 0; i < outlets; i++) {
            feeds.add(baseUrl.resolve("/o" + i + "/feed.xml"));
        }
        return feeds;
    }

    /** Publishes {@code n} new items, spread round-robin over the outlets; returns them. */
    public synchronized List<Item> publish(int n) {
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int outlet = nextOutlet;
            nextOutlet = (nextOutlet + 1) % outlets;
            int number = counts[outlet].get() + 1;
            if (number >= publishedAt[outlet].length) {
                publishedAt[outlet] = java.util.Arrays.copyOf(publishedAt[outlet], publishedAt[outlet].length * 2);
            }
            long now = System.currentTimeMillis();
            publishedAt[outlet][number] = now;
            counts[outlet].set(number);
            items.add(new Item(outlet, number, pageUrl(outlet, number), Instant.ofEpochMilli(now)));
        }
        return items;
    }

    /**
     * Publishes new items at {@code perSecond} (spread over the outlets) until {@link #stopFlow()}; ticks every 100 ms.
     */
    public synchronized void startFlow(double perSecond) {
        stopFlow();
        double perTick = perSecond / 10.0;
        double[] carry = {0};
        flow = flowTimer.scheduleAtFixedRate(() -> {
            carry[0] += perTick;
            int whole = (int) carry[0];
            if (whole > 0) {
                carry[0] -= whole;
                publish(whole);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    public synchronized void stopFlow() {
        if (flow != null) {
            flow.cancel(false);
            flow = null;
        }
    }

    /** Every item published so far. */
    public synchronized List<Item> published() {
        List<Item> items = new ArrayList<>();
        for (int outlet = 0; outlet < outlets; outlet++) {
            int count = counts[outlet].get();
            for (int number = 1; number <= count; number++) {
                items.add(new Item(outlet, number, pageUrl(outlet, number),
                        Instant.ofEpochMilli(publishedAt[outlet][number])));
            }
        }
        return items;
    }

    public synchronized int publishedCount() {
        int total = 0;
        for (AtomicInteger count : counts) {
            total += count.get();
        }
        return total;
    }

    /** HTTP requests answered so far (feeds and pages). */
    public int requests() {
        return requests.get();
    }

    public URI pageUrl(int outlet, int number) {
        return baseUrl.resolve("/o" + outlet + "/news/" + number + "-" + slug(outlet, number) + ".html");
    }

    /** The page of one item, exactly as served (for payload-size measurements). */
    public byte[] page(int outlet, int number) {
        return renderPage(outlet, number).getBytes(StandardCharsets.UTF_8);
    }

    /** Stops the flow and the server; stalled connections are dropped. */
    @Override
    public void close() {
        stopFlow();
        flowTimer.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher feed = FEED.matcher(path);
            Matcher page = PAGE.matcher(path);
            if (feed.matches() && Integer.parseInt(feed.group(1)) < outlets) {
                int outlet = Integer.parseInt(feed.group(1));
                int latest = counts[outlet].get();
                String etag = "\"o" + outlet + "-" + latest + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                send(exchange, "application/rss+xml; charset=utf-8", renderFeed(outlet, latest));
            } else if (page.matches() && Integer.parseInt(page.group(1)) < outlets
                    && Integer.parseInt(page.group(2)) >= 1
                    && Integer.parseInt(page.group(2)) <= counts[Integer.parseInt(page.group(1))].get()) {
                send(exchange, "text/html; charset=utf-8",
                        renderPage(Integer.parseInt(page.group(1)), Integer.parseInt(page.group(2))));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String renderFeed(int outlet, int latest) {
        StringBuilder xml = new StringBuilder(16 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>").append(outletName(outlet)).append("</title>")
                .append("<link>").append(baseUrl).append("/o").append(outlet).append("/</link>")
                .append("<description>Synthetic outlet ").append(outlet).append("</description>");
        for (int number = latest; number >= 1 && number > latest - FEED_ITEMS; number--) {
            SplittableRandom random = random(outlet, number);
            xml.append("<item><title>").append(escape(title(random))).append("</title>")
                    .append("<link>").append(pageUrl(outlet, number)).append("</link>")
                    .append("<guid isPermaLink=\"true\">").append(pageUrl(outlet, number)).append("</guid>")
                    .append("<pubDate>").append(RFC_822.format(Instant.ofEpochMilli(publishedAt[outlet][number])))
                    .append("</pubDate><description>").append(escape(sentence(random))).append("</description></item>");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    private String renderPage(int outlet, int number) {
        SplittableRandom random = random(outlet, number);
        String title = title(random);
        String author = PEOPLE[random.nextInt(PEOPLE.length)];
        String published = Instant.ofEpochMilli(publishedAt[outlet][number]).toString();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append(" | ").append(outletName(outlet)).append("</title>")
                .append("<link rel=\"canonical\" href=\"").append(pageUrl(outlet, number)).append("\">")
                .append("<meta property=\"og:title\" content=\"").append(escape(title)).append("\">")
                .append("<meta name=\"author\" content=\"").append(author).append("\">")
                .append("<meta property=\"article:published_time\" content=\"").append(published).append("\">")
                .append("<style>");
        // Real pages carry tens of kilobytes of CSS and script; the extractor has to look past them.
        for (int i = 0; i < 120; i++) {
            html.append(".c").append(i).append("{margin:").append(i % 7).append("px;padding:").append(i % 5)
                    .append("px;color:#").append(Integer.toHexString(0x100000 + i * 4099)).append(";font-size:1")
                    .append(i % 9).append("px}");
        }
        html.append("</style><script>window.__CONFIG__={\"tracking\":[");
        for (int i = 0; i < 300; i++) {
            html.append("{\"id\":\"t").append(i).append("\",\"src\":\"https://cdn.example.net/px/").append(i)
                    .append(".js\",\"consent\":").append(i % 2 == 0).append(",\"sample\":0.").append(i % 10).append("},");
        }
        html.append("{}]};</script></head><body><header><nav class=\"menu\"><ul>");
        for (int i = 0; i < 60; i++) {
            html.append("<li><a href=\"/o").append(outlet).append("/section/").append(i).append("\">Section ")
                    .append(i).append("</a></li>");
        }
        html.append("</ul></nav><div class=\"cookie\">We use cookies to improve your experience. Accept all cookies "
                + "or manage your preferences.</div></header><main><article><h1>").append(escape(title))
                .append("</h1><p class=\"byline\">By ").append(author).append(" · <time datetime=\"").append(published)
                .append("\">").append(published).append("</time></p>");
        int words = 0;
        int paragraph = 0;
        while (words < 800) {
            html.append("<p>");
            int sentences = 3 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                String sentence = sentence(random);
                words += sentence.split(" ").length;
                html.append(escape(sentence)).append(' ');
            }
            html.append("</p>");
            if (++paragraph == 4) {
                html.append("<aside class=\"read-also\"><a href=\"/o").append(outlet)
                        .append("/news/1-x.html\">Read also: more from ").append(outletName(outlet)).append("</a></aside>");
            }
        }
        html.append("</article></main><aside class=\"most-read\"><h2>Most read</h2><ol>");
        for (int i = 0; i < 20; i++) {
            html.append("<li><a href=\"/o").append(outlet).append("/news/").append(i + 1).append("-x.html\">")
                    .append(escape(title(random(outlet + 1000, i)))).append("</a></li>");
        }
        html.append("</ol></aside><footer><ul>");
        for (int i = 0; i < 80; i++) {
            html.append("<li><a href=\"/o").append(outlet).append("/about/").append(i).append("\">About us, page ")
                    .append(i).append("</a></li>");
        }
        html.append("</ul><p>© ").append(outletName(outlet)).append(". All rights reserved.</p></footer>");
        // Pad to about 60 KB with what real pages have at the end: tag-manager and ad-slot markup.
        int pad = 0;
        while (html.length() < 60 * 1024) {
            html.append("<div class=\"ad-slot\" data-slot=\"").append(pad++)
                    .append("\" data-sizes=\"300x250,728x90\" hidden></div>");
        }
        return html.append("</body></html>\n").toString();
    }

    private SplittableRandom random(int outlet, int number) {
        return new SplittableRandom(seed * 1_000_003L + outlet * 7_919L * 1_000_000L + number);
    }

    private String slug(int outlet, int number) {
        String title = title(random(outlet, number)).toLowerCase(java.util.Locale.ROOT);
        String slug = title.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    }

    private static String title(SplittableRandom random) {
        String place = PLACES[random.nextInt(PLACES.length)];
        String subject = WORDS[20 + random.nextInt(WORDS.length - 20)];
        String verb = List.of("faces", "approves", "rejects", "debates", "announces", "delays").get(random.nextInt(6));
        String object = WORDS[20 + random.nextInt(WORDS.length - 20)];
        return place + " " + subject + " " + verb + " " + object + " " + WORDS[20 + random.nextInt(WORDS.length - 20)]
                + " plan";
    }

    private static String sentence(SplittableRandom random) {
        int length = 8 + random.nextInt(13);
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String word = switch (random.nextInt(40)) {
                case 0 -> PLACES[random.nextInt(PLACES.length)];
                case 1 -> ORGS[random.nextInt(ORGS.length)];
                case 2 -> PEOPLE[random.nextInt(PEOPLE.length)];
                default -> WORDS[random.nextInt(WORDS.length)];
            };
            if (i == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            sentence.append(i == 0 ? "" : " ").append(word);
        }
        return sentence.append('.').toString();
    }

    private static String outletName(int outlet) {
        return "Synthetic Outlet " + outlet;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

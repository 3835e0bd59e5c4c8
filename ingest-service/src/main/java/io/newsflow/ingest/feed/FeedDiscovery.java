package io.newsflow.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Feed autodiscovery: the feeds a web page advertises with {@code <link rel="alternate" type="application/rss+xml">}
 * (and Atom, RDF, JSON Feed), as browsers and feed readers find them.
 */
public final class FeedDiscovery {

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/feed+json", "application/json", "application/x.atom+xml",
            "application/x-atom+xml", "text/xml", "application/xml");

    private FeedDiscovery() {
    }

    /** Whether a fetched body is an HTML page rather than a feed. */
    public static boolean isHtml(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            return true;
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).strip()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** Absolute http(s) URLs of the feeds the page links to, in page order, without duplicates. */
    public static List<String> feeds(byte[] html, String contentType, String pageUrl) {
        Document doc = Jsoup.parse(new String(html, charset(contentType)), pageUrl);
        List<String> found = new ArrayList<>();
        for (Element link : doc.select("link[rel][href][type]")) {
            boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
            String href = link.absUrl("href");
            if (alternate && FEED_TYPES.contains(type) && FeedParser.isHttp(href) && !found.contains(href)) {
                found.add(href);
            }
        }
        return found;
    }

    private static java.nio.charset.Charset charset(String contentType) {
        if (contentType != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("charset=\"?([\\w.:-]+)",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(contentType);
            if (m.find()) {
                try {
                    return java.nio.charset.Charset.forName(m.group(1));
                } catch (IllegalArgumentException ignored) {
                    // fall back to UTF-8
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}

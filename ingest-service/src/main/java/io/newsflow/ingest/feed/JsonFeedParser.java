package io.newsflow.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson's tree model: lenient about what the spec
 * makes optional, strict only about being a JSON object with a version and an items array.
 */
final class JsonFeedParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFeedParser() {
    }

    static boolean looksLikeJson(String text, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    static ParsedFeed parse(String json) throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FeedParseException("Not readable JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException("A JSON Feed is a JSON object", null);
        }
        String version = text(root, "version");
        if (version == null || !version.startsWith("https://jsonfeed.org/version/")) {
            throw new FeedParseException("Not a JSON Feed: no https://jsonfeed.org/version/ in \"version\"", null);
        }
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new FeedParseException("A JSON Feed needs an \"items\" array", null);
        }
        String format = "json_feed_" + version.substring("https://jsonfeed.org/version/".length());
        List<String> feedAuthors = authors(root);
        List<FeedItem> parsed = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.isObject()) {
                parsed.add(item(item, feedAuthors));
            }
        }
        String hub = null;
        for (JsonNode h : root.path("hubs")) {
            String url = text(h, "url");
            if (url != null && (hub == null || "WebSub".equalsIgnoreCase(text(h, "type")))) {
                hub = url;
            }
        }
        return new ParsedFeed(format, FeedParser.plain(text(root, "title")), text(root, "language"), parsed, null, hub,
                text(root, "feed_url"), null);
    }

    private static FeedItem item(JsonNode item, List<String> feedAuthors) {
        String url = text(item, "url");
        String link = FeedParser.isHttp(url) ? url.strip() : FeedParser.isHttp(text(item, "external_url"))
                ? text(item, "external_url").strip() : null;
        String contentText = text(item, "content_html") != null
                ? FeedParser.plain(text(item, "content_html")) : FeedParser.plain(text(item, "content_text"));
        String summary = FeedParser.shorten(FeedParser.plain(text(item, "summary")));
        if (summary == null && contentText != null) {
            summary = FeedParser.shorten(contentText);
        }
        List<String> authors = authors(item);
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText().strip());
            }
        }
        String image = text(item, "image") != null ? text(item, "image") : text(item, "banner_image");
        JsonNode id = item.get("id");
        return new FeedItem(link, FeedParser.plain(text(item, "title")), summary,
                authors.isEmpty() ? feedAuthors : authors, date(text(item, "date_published")),
                date(text(item, "date_modified")), id == null || id.isNull() ? null : id.asText(), contentText, tags,
                image);
    }

    /** 1.1 "authors" array, else 1.0 "author" object. */
    private static List<String> authors(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode a : node.path("authors")) {
            FeedParser.addAuthor(names, text(a, "name"));
        }
        if (names.isEmpty() && node.path("author").isObject()) {
            FeedParser.addAuthor(names, text(node.path("author"), "name"));
        }
        return List.copyOf(names);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e2) {
                return null; // an unreadable date is a missing date, not a broken feed
            }
        }
    }
}

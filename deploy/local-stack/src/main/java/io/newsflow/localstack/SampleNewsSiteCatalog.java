package io.newsflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A news site's content as declared in {@code <root>/articles.json}: outlets, their feeds and the articles. The bundled
 * sample site lives under {@value #ROOT}; other catalogues in the same format (e.g. a test's held-out set) live under
 * their own class-path root, with their bodies under {@code <root>/articles/} and templates under
 * {@code <root>/templates/} — or, when the index says {@code "templatesFrom": "<other root>"}, under that catalogue's
 * templates, so sets that share outlets share their pages. Read once at start; a broken index fails fast with the entry
 * it could not read.
 */
final class SampleNewsSiteCatalog {

    static final String ROOT = "sample-site/";
    static final Set<String> FEED_FORMATS = Set.of("rss", "atom", "rdf");

    /** One feed of an outlet; {@code linkQuery} (tracking parameters) is appended to item links, as real sites do. */
    record Feed(String format, String path, String title, String linkQuery) {
    }

    /** {@code template} names the page templates ({@code <template>.html}, {@code <template>-read-also.html}). */
    record Outlet(String slug, String name, String tagline, String language, Locale locale, ZoneId zone,
            DateTimeFormatter dateFormat, List<Feed> feeds, List<String> mostReadExtra, String template) {

        String homePath() {
            return "/" + slug + "/";
        }

        Feed rssFeed() {
            return feeds.stream().filter(f -> f.format().equals("rss")).findFirst().orElseThrow();
        }
    }

    record Article(String id, String outlet, String path, String title, String language, Instant publishedAt,
            String author, String section, String summary, String body, String story, String relation,
            List<String> feeds, List<String> topics, List<String> expectEntities, List<String> mustNotContain) {
    }

    private final String root;
    private final String templatesRoot;
    private final List<Outlet> outlets;
    private final List<Article> articles;

    private SampleNewsSiteCatalog(String root, String templatesRoot, List<Outlet> outlets, List<Article> articles) {
        this.root = root;
        this.templatesRoot = templatesRoot;
        this.outlets = List.copyOf(outlets);
        this.articles = List.copyOf(articles);
    }

    /** The bundled sample site. */
    static SampleNewsSiteCatalog load() {
        return load(ROOT);
    }

    /** The catalogue under a class-path root such as {@code sample-site/} (with the trailing slash). */
    static SampleNewsSiteCatalog load(String root) {
        String indexName = root + "articles.json";
        Map<String, Object> index = asObject(new JsonReader(resource(indexName)).readDocument(), indexName);
        List<Outlet> outlets = new ArrayList<>();
        for (Object o : asList(index.get("outlets"), "outlets")) {
            Map<String, Object> m = asObject(o, "outlet");
            List<Feed> feeds = new ArrayList<>();
            for (Object f : asList(m.get("feeds"), "feeds")) {
                Map<String, Object> fm = asObject(f, "feed");
                Feed feed = new Feed(string(fm, "format"), string(fm, "path"), string(fm, "title"),
                        (String) fm.get("linkQuery"));
                if (!FEED_FORMATS.contains(feed.format())) {
                    throw new IllegalStateException(indexName + ": unknown feed format " + feed.format());
                }
                feeds.add(feed);
            }
            Locale locale = Locale.forLanguageTag(string(m, "locale"));
            outlets.add(new Outlet(string(m, "slug"), string(m, "name"), string(m, "tagline"), string(m, "language"),
                    locale, ZoneId.of(string(m, "zone")), DateTimeFormatter.ofPattern(string(m, "dateFormat"), locale),
                    feeds, strings(m, "mostReadExtra"),
                    // Outlets of one catalogue may share a page design; by default each has its own.
                    m.get("template") instanceof String template ? template : string(m, "slug")));
        }
        Map<String, Outlet> bySlug = new HashMap<>();
        outlets.forEach(o -> bySlug.put(o.slug(), o));
        List<Article> articles = new ArrayList<>();
        for (Object a : asList(index.get("articles"), "articles")) {
            Map<String, Object> m = asObject(a, "article");
            Article article = new Article(string(m, "id"), string(m, "outlet"), string(m, "path"), string(m, "title"),
                    string(m, "language"), Instant.parse(string(m, "publishedAt")), string(m, "author"),
                    string(m, "section"), string(m, "summary"), string(m, "body"), string(m, "story"),
                    string(m, "relation"), strings(m, "feeds"), strings(m, "topics"), strings(m, "expectEntities"),
                    strings(m, "mustNotContain"));
            Outlet outlet = bySlug.get(article.outlet());
            if (article.feeds().isEmpty()) {
                throw new IllegalStateException(indexName + ": article " + article.id() + " is in no feed, so ingest would never see it");
            }
            if (outlet == null) {
                throw new IllegalStateException(indexName + ": article " + article.id() + " names unknown outlet " + article.outlet());
            }
            for (String format : article.feeds()) {
                if (outlet.feeds().stream().noneMatch(f -> f.format().equals(format))) {
                    throw new IllegalStateException(indexName + ": article " + article.id() + " is in feed '" + format
                            + "', which " + outlet.slug() + " does not have");
                }
            }
            articles.add(article);
        }
        Object templatesFrom = index.get("templatesFrom");
        return new SampleNewsSiteCatalog(root, templatesFrom instanceof String other ? other : root, outlets, articles);
    }

    List<Outlet> outlets() {
        return outlets;
    }

    List<Article> articles() {
        return articles;
    }

    Outlet outlet(String slug) {
        return outlets.stream().filter(o -> o.slug().equals(slug)).findFirst().orElseThrow();
    }

    List<Article> articlesOf(String outletSlug) {
        return articles.stream().filter(a -> a.outlet().equals(outletSlug)).toList();
    }

    /** The article's body fragment as written, before the outlet's "read also" box is put in. */
    String bodyOf(Article article) {
        return resource(root + "articles/" + article.body());
    }

    /** A page template of this catalogue, e.g. {@code rheinblick-read-also.html}. */
    String template(String name) {
        return resource(templatesRoot + "templates/" + name);
    }

    static String resource(String name) {
        try (InputStream in = SampleNewsSiteCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample-site resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("articles.json: '" + key + "' missing or not a string in " + m);
        }
        return s;
    }

    private static List<String> strings(Map<String, Object> m, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : asList(m.get(key), key)) {
            if (!(o instanceof String s)) {
                throw new IllegalStateException("articles.json: '" + key + "' must hold strings");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object o, String what) {
        if (!(o instanceof Map)) {
            throw new IllegalStateException("articles.json: " + what + " is not an object");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o, String what) {
        if (!(o instanceof List)) {
            throw new IllegalStateException("articles.json: " + what + " is not an array");
        }
        return (List<Object>) o;
    }

    /**
     * Just enough JSON for the index (objects, arrays, strings, numbers, literals), so this module needs no JSON
     * library on the launcher's class path. Also used by the tests to check the pages' JSON-LD.
     */
    static final class JsonReader {
        private final String text;
        private int pos;

        JsonReader(String text) {
            this.text = text;
        }

        Object readDocument() {
            Object value = readValue();
            skipWhitespace();
            if (pos != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object readValue() {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> readObject();
                case '[' -> readArray();
                case '"' -> readString();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> readNumber();
            };
        }

        private Map<String, Object> readObject() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = readString();
                skipWhitespace();
                expect(':');
                map.put(key, readValue());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> readArray() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(readValue());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String readString() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Object readNumber() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            return Double.parseDouble(text.substring(start, pos));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return value;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipWhitespace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalStateException error(String message) {
            return new IllegalStateException("JSON: " + message + " at offset " + pos);
        }
    }
}

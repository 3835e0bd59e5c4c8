package io.newsflow.localstack;

import io.newsflow.localstack.SampleNewsSiteCatalog.Article;
import io.newsflow.localstack.SampleNewsSiteCatalog.Feed;
import io.newsflow.localstack.SampleNewsSiteCatalog.Outlet;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders every page and feed of the sample site for one base URL, so links are absolute and point at the port the
 * site actually listens on. Output is deterministic (no clock, no randomness): the same base URL gives the same bytes,
 * hence stable ETags.
 */
final class SampleNewsSiteRenderer {

    static final String HTML = "text/html; charset=utf-8";
    static final Map<String, String> FEED_CONTENT_TYPES = Map.of(
            "rss", "application/rss+xml; charset=utf-8",
            "atom", "application/atom+xml; charset=utf-8",
            "rdf", "application/rdf+xml; charset=utf-8");
    static final String READ_ALSO_MARKER = "<!-- read-also -->";

    /** A rendered resource; lastModified is what Last-Modified and If-Modified-Since are compared with. */
    record Rendered(String contentType, byte[] body, Instant lastModified) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final SampleNewsSiteCatalog catalog;
    private final String base;

    SampleNewsSiteRenderer(SampleNewsSiteCatalog catalog, URI baseUrl) {
        this.catalog = catalog;
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** Every resource of the site by path. */
    Map<String, Rendered> renderAll() {
        Map<String, Rendered> site = new LinkedHashMap<>();
        Instant newest = newest(catalog.articles());
        site.put("/", new Rendered(HTML, utf8(indexPage()), newest));
        site.put("/feeds.opml", new Rendered("text/x-opml; charset=utf-8", utf8(opml()), newest));
        site.put("/robots.txt", new Rendered("text/plain; charset=utf-8",
                utf8("User-agent: *\nAllow: /\n\nSitemap: " + base + "/feeds.opml\n"), Instant.parse("2026-01-01T00:00:00Z")));
        site.put("/static/placeholder.svg", new Rendered("image/svg+xml; charset=utf-8", utf8(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"450\"><rect width=\"800\" height=\"450\" fill=\"#d5dde3\"/></svg>\n"),
                Instant.parse("2026-01-01T00:00:00Z")));
        for (Outlet outlet : catalog.outlets()) {
            List<Article> own = newestFirst(catalog.articlesOf(outlet.slug()));
            site.put(outlet.homePath(), new Rendered(HTML, utf8(outletHome(outlet, own)), newest(own)));
            for (Feed feed : outlet.feeds()) {
                List<Article> items = own.stream().filter(a -> a.feeds().contains(feed.format())).toList();
                String xml = switch (feed.format()) {
                    case "rss" -> rss(outlet, feed, items);
                    case "atom" -> atom(outlet, feed, items);
                    case "rdf" -> rdf(outlet, feed, items);
                    default -> throw new IllegalStateException("unknown feed format " + feed.format());
                };
                site.put(feed.path(), new Rendered(FEED_CONTENT_TYPES.get(feed.format()), utf8(xml), newest(items)));
            }
            for (Article article : own) {
                site.put(article.path(), new Rendered(HTML, utf8(articlePage(outlet, article, own)), article.publishedAt()));
            }
        }
        return site;
    }

    String url(String path) {
        return base + path;
    }

    // ---------------------------------------------------------------- article pages

    String articlePage(Outlet outlet, Article article, List<Article> ownNewestFirst) {
        List<Article> others = ownNewestFirst.stream().filter(a -> !a.id().equals(article.id())).toList();
        String body = catalog.bodyOf(article);
        if (!body.contains(READ_ALSO_MARKER)) {
            throw new IllegalStateException("Body " + article.body() + " has no " + READ_ALSO_MARKER + " marker");
        }
        String readAlsoItems = others.stream().limit(2)
                .map(a -> "    <li><a href=\"" + html(url(a.path())) + "\">" + html(a.title()) + "</a></li>")
                .collect(Collectors.joining("\n"));
        String readAlso = fill(template(outlet.template() + "-read-also.html"), Map.of("items", readAlsoItems));
        // Real sites put the box between paragraphs, which is exactly what makes it hard for extractors.
        body = body.replace(READ_ALSO_MARKER, readAlso.strip());

        StringBuilder mostRead = new StringBuilder();
        for (Article a : others) {
            mostRead.append("        <li><a href=\"").append(html(url(a.path()))).append("\">").append(html(a.title()))
                    .append("</a></li>\n");
        }
        for (String headline : outlet.mostReadExtra()) {
            mostRead.append("        <li><a href=\"").append(html(url(outlet.homePath()))).append("\">")
                    .append(html(headline)).append("</a></li>\n");
        }

        String url = url(article.path());
        Map<String, String> values = new HashMap<>();
        values.put("base", base);
        values.put("home", url(outlet.homePath()));
        values.put("rssUrl", url(outlet.rssFeed().path()));
        values.put("url", html(url));
        values.put("urlEncoded", URLEncoder.encode(url, StandardCharsets.UTF_8));
        values.put("title", html(article.title()));
        values.put("summary", html(article.summary()));
        values.put("author", html(article.author()));
        values.put("authorSlug", slug(article.author()));
        values.put("section", html(article.section()));
        values.put("sectionSlug", slug(article.section()));
        values.put("publishedAt", ISO.format(article.publishedAt().atZone(outlet.zone())));
        values.put("publishedHuman", html(outlet.dateFormat().format(article.publishedAt().atZone(outlet.zone()))));
        values.put("body", body);
        values.put("mostRead", mostRead.toString().stripTrailing());
        values.put("jsonLd", jsonLd(outlet, article, url));
        return fill(template(outlet.template() + ".html"), values);
    }

    private String jsonLd(Outlet outlet, Article article, String url) {
        boolean byOrganisation = catalog.outlets().stream().anyMatch(o -> o.name().equals(article.author()));
        String date = ISO.format(article.publishedAt().atOffset(ZoneOffset.UTC));
        String json = "{\n"
                + "  \"@context\": \"https://schema.org\",\n"
                + "  \"@type\": \"NewsArticle\",\n"
                + "  \"headline\": " + json(article.title()) + ",\n"
                + "  \"description\": " + json(article.summary()) + ",\n"
                + "  \"datePublished\": " + json(date) + ",\n"
                + "  \"dateModified\": " + json(date) + ",\n"
                + "  \"inLanguage\": " + json(article.language()) + ",\n"
                + "  \"articleSection\": " + json(article.section()) + ",\n"
                + "  \"url\": " + json(url) + ",\n"
                + "  \"mainEntityOfPage\": {\"@type\": \"WebPage\", \"@id\": " + json(url) + "},\n"
                + "  \"author\": [{\"@type\": " + json(byOrganisation ? "Organization" : "Person") + ", \"name\": "
                + json(article.author()) + "}],\n"
                + "  \"publisher\": {\"@type\": \"NewsMediaOrganization\", \"name\": " + json(outlet.name())
                + ", \"url\": " + json(url(outlet.homePath())) + "}\n"
                + "}";
        // "</" would end the script element early.
        return json.replace("</", "<\\/");
    }

    // ---------------------------------------------------------------- feeds

    private String rss(Outlet outlet, Feed feed, List<Article> items) {
        // The wire uses opaque guids (like many agencies); the others use the permalink.
        boolean opaqueGuids = outlet.slug().equals("continental-wire");
        // One outlet wraps descriptions in CDATA, as many CMSs do, so parsers see both encodings.
        boolean cdata = outlet.language().equals("nb");
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("  <channel>\n")
                .append("    <title>").append(xml(feed.title())).append("</title>\n")
                .append("    <link>").append(xml(url(outlet.homePath()))).append("</link>\n")
                .append("    <description>").append(xml(outlet.tagline())).append("</description>\n")
                .append("    <language>").append(outlet.locale().toLanguageTag().toLowerCase(Locale.ROOT)).append("</language>\n")
                .append("    <copyright>© 2026 ").append(xml(outlet.name())).append("</copyright>\n")
                .append("    <lastBuildDate>").append(rfc822(newest(items), outlet)).append("</lastBuildDate>\n")
                .append("    <ttl>15</ttl>\n")
                .append("    <atom:link href=\"").append(xml(url(feed.path()))).append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        for (Article a : items) {
            String link = feedLink(feed, a);
            xml.append("    <item>\n")
                    .append("      <title>").append(xml(a.title())).append("</title>\n")
                    .append("      <link>").append(xml(link)).append("</link>\n");
            if (opaqueGuids) {
                xml.append("      <guid isPermaLink=\"false\">").append(outlet.slug()).append(':').append(a.id()).append("</guid>\n");
            } else {
                xml.append("      <guid isPermaLink=\"true\">").append(xml(url(a.path()))).append("</guid>\n");
            }
            xml.append("      <pubDate>").append(rfc822(a.publishedAt(), outlet)).append("</pubDate>\n")
                    .append("      <dc:creator>").append(xml(a.author())).append("</dc:creator>\n")
                    .append("      <category>").append(xml(a.section())).append("</category>\n");
            if (cdata) {
                xml.append("      <description><![CDATA[<p>").append(a.summary()).append("</p>]]></description>\n");
            } else {
                xml.append("      <description>").append(xml(a.summary())).append("</description>\n");
            }
            xml.append("    </item>\n");
        }
        xml.append("  </channel>\n</rss>\n");
        return xml.toString();
    }

    private String atom(Outlet outlet, Feed feed, List<Article> items) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(outlet.locale().toLanguageTag()).append("\">\n")
                .append("  <title>").append(xml(feed.title())).append("</title>\n")
                .append("  <subtitle>").append(xml(outlet.tagline())).append("</subtitle>\n")
                .append("  <id>").append(tagUri(outlet, "feed:" + feed.format())).append("</id>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(url(feed.path()))).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(url(outlet.homePath()))).append("\"/>\n")
                .append("  <updated>").append(ISO.format(newest(items).atOffset(ZoneOffset.UTC))).append("</updated>\n")
                .append("  <rights>© 2026 ").append(xml(outlet.name())).append("</rights>\n")
                .append("  <generator>Newsflow sample site</generator>\n");
        for (Article a : items) {
            String date = ISO.format(a.publishedAt().atOffset(ZoneOffset.UTC));
            xml.append("  <entry>\n")
                    .append("    <title type=\"text\">").append(xml(a.title())).append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(feedLink(feed, a))).append("\"/>\n")
                    .append("    <id>").append(tagUri(outlet, a.id())).append("</id>\n")
                    .append("    <published>").append(date).append("</published>\n")
                    .append("    <updated>").append(date).append("</updated>\n")
                    .append("    <author><name>").append(xml(a.author())).append("</name></author>\n")
                    .append("    <category term=\"").append(xml(slug(a.section()))).append("\" label=\"").append(xml(a.section())).append("\"/>\n")
                    .append("    <summary type=\"text\">").append(xml(a.summary())).append("</summary>\n")
                    .append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return xml.toString();
    }

    private String rdf(Outlet outlet, Feed feed, List<Article> items) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("  <channel rdf:about=\"").append(xml(url(feed.path()))).append("\">\n")
                .append("    <title>").append(xml(feed.title())).append("</title>\n")
                .append("    <link>").append(xml(url(outlet.homePath()))).append("</link>\n")
                .append("    <description>").append(xml(outlet.tagline())).append("</description>\n")
                .append("    <dc:language>").append(outlet.language()).append("</dc:language>\n")
                .append("    <dc:date>").append(ISO.format(newest(items).atZone(outlet.zone()))).append("</dc:date>\n")
                .append("    <items>\n      <rdf:Seq>\n");
        for (Article a : items) {
            xml.append("        <rdf:li rdf:resource=\"").append(xml(url(a.path()))).append("\"/>\n");
        }
        xml.append("      </rdf:Seq>\n    </items>\n  </channel>\n");
        for (Article a : items) {
            xml.append("  <item rdf:about=\"").append(xml(url(a.path()))).append("\">\n")
                    .append("    <title>").append(xml(a.title())).append("</title>\n")
                    .append("    <link>").append(xml(url(a.path()))).append("</link>\n")
                    .append("    <description>").append(xml(a.summary())).append("</description>\n")
                    .append("    <dc:creator>").append(xml(a.author())).append("</dc:creator>\n")
                    .append("    <dc:date>").append(ISO.format(a.publishedAt().atZone(outlet.zone()))).append("</dc:date>\n")
                    .append("    <dc:subject>").append(xml(a.section())).append("</dc:subject>\n")
                    .append("  </item>\n");
        }
        xml.append("</rdf:RDF>\n");
        return xml.toString();
    }

    private String feedLink(Feed feed, Article a) {
        return url(a.path()) + (feed.linkQuery() == null ? "" : "?" + feed.linkQuery());
    }

    /** RFC 4151 tag URI: stable whatever port the site runs on, as Atom ids must be. */
    private static String tagUri(Outlet outlet, String specific) {
        return "tag:" + outlet.slug() + ".example,2026:" + specific;
    }

    // ---------------------------------------------------------------- index pages

    private String indexPage() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Newsflow sample news site</title>\n</head>\n<body>\n")
                .append("<h1>Newsflow sample news site</h1>\n")
                .append("<p>Fictional outlets with original articles, served locally for the Newsflow local run and ")
                .append("end-to-end test. All feeds as <a href=\"").append(html(url("/feeds.opml"))).append("\">OPML</a>.</p>\n");
        for (Outlet outlet : catalog.outlets()) {
            html.append("<section class=\"outlet\" id=\"").append(outlet.slug()).append("\">\n")
                    .append("<h2><a href=\"").append(html(url(outlet.homePath()))).append("\">").append(html(outlet.name()))
                    .append("</a> <small>(").append(outlet.language()).append(")</small></h2>\n<ul class=\"feeds\">\n");
            for (Feed feed : outlet.feeds()) {
                html.append("<li>").append(feedLabel(feed.format())).append(": <a href=\"").append(html(url(feed.path()))).append("\">")
                        .append(html(url(feed.path()))).append("</a></li>\n");
            }
            html.append("</ul>\n<ul class=\"articles\">\n");
            for (Article a : newestFirst(catalog.articlesOf(outlet.slug()))) {
                html.append("<li><a href=\"").append(html(url(a.path()))).append("\">").append(html(a.title())).append("</a></li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private String outletHome(Outlet outlet, List<Article> own) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(outlet.locale().toLanguageTag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(html(outlet.name())).append(" – ").append(html(outlet.tagline())).append("</title>\n");
        for (Feed feed : outlet.feeds()) {
            html.append("<link rel=\"alternate\" type=\"").append(FEED_CONTENT_TYPES.get(feed.format()).split(";")[0])
                    .append("\" title=\"").append(html(feed.title())).append("\" href=\"").append(html(url(feed.path()))).append("\">\n");
        }
        html.append("</head>\n<body>\n<header><h1>").append(html(outlet.name())).append("</h1><p>").append(html(outlet.tagline()))
                .append("</p></header>\n<main>\n");
        for (Article a : own) {
            html.append("<article class=\"teaser\"><h2><a href=\"").append(html(url(a.path()))).append("\">").append(html(a.title()))
                    .append("</a></h2><p>").append(html(a.summary())).append("</p></article>\n");
        }
        html.append("</main>\n<footer><a href=\"").append(html(url("/"))).append("\">All sample outlets</a></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private String opml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>Newsflow sample news site</title></head>\n  <body>\n");
        for (Outlet outlet : catalog.outlets()) {
            xml.append("    <outline text=\"").append(xml(outlet.name())).append("\">\n");
            for (Feed feed : outlet.feeds()) {
                xml.append("      <outline type=\"rss\" text=\"").append(xml(feed.title())).append("\" xmlUrl=\"")
                        .append(xml(url(feed.path()))).append("\" htmlUrl=\"").append(xml(url(outlet.homePath()))).append("\"/>\n");
            }
            xml.append("    </outline>\n");
        }
        xml.append("  </body>\n</opml>\n");
        return xml.toString();
    }

    private static String feedLabel(String format) {
        return switch (format) {
            case "rss" -> "RSS 2.0";
            case "atom" -> "Atom 1.0";
            case "rdf" -> "RSS 1.0 (RDF)";
            default -> format;
        };
    }

    // ---------------------------------------------------------------- helpers

    private String template(String name) {
        return catalog.template(name);
    }

    /** Fills {{name}} placeholders; a placeholder without a value is a template bug and fails the start. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        return m.replaceAll(r -> {
            String value = values.get(r.group(1));
            if (value == null) {
                throw new IllegalStateException("Template placeholder {{" + r.group(1) + "}} has no value");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private static List<Article> newestFirst(List<Article> articles) {
        return articles.stream().sorted(Comparator.comparing(Article::publishedAt).reversed()).toList();
    }

    private static Instant newest(List<Article> articles) {
        return articles.stream().map(Article::publishedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static String rfc822(Instant instant, Outlet outlet) {
        return RFC_822.format(instant.atZone(outlet.zone()));
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

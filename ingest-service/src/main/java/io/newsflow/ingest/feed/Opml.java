package io.newsflow.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * OPML 1.0/2.0 subscription lists, the format feed readers import and export. Read with jsoup's XML parser, which
 * never loads DTDs or expands entities, and tolerates the sloppy OPML many tools write.
 */
public final class Opml {

    /** One subscription of an OPML file. */
    public record Outline(String xmlUrl, String title) {
    }

    private Opml() {
    }

    /** Every outline with an xmlUrl (at any depth: folders nest outlines), in document order. */
    public static List<Outline> read(String opml) {
        Document doc = Jsoup.parse(opml, "", Parser.xmlParser());
        List<Outline> outlines = new ArrayList<>();
        for (Element outline : doc.getElementsByTag("outline")) {
            String url = null;
            String title = null;
            String text = null;
            for (Attribute attribute : outline.attributes()) {
                switch (attribute.getKey().toLowerCase(java.util.Locale.ROOT)) {
                    case "xmlurl" -> url = attribute.getValue().strip();
                    case "title" -> title = attribute.getValue().strip();
                    case "text" -> text = attribute.getValue().strip();
                    default -> { }
                }
            }
            if (url != null && !url.isEmpty()) {
                outlines.add(new Outline(url, title != null && !title.isEmpty() ? title : text));
            }
        }
        return outlines;
    }

    /** OPML 2.0 with one {@code type="rss"} outline per feed. */
    public static String write(List<FeedView> feeds, Instant now) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n<head>")
                .append("<title>Newsflow feeds</title><dateCreated>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
                .append("</dateCreated></head>\n<body>\n");
        for (FeedView feed : feeds) {
            String label = feed.title() != null ? feed.title() : feed.url();
            xml.append("<outline type=\"rss\" text=\"").append(escape(label)).append("\" title=\"").append(escape(label))
                    .append("\" xmlUrl=\"").append(escape(feed.url())).append("\"/>\n");
        }
        return xml.append("</body>\n</opml>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

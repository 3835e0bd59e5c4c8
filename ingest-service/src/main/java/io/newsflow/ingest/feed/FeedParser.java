package io.newsflow.ingest.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsflow.ingest.extract.Bylines;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom 0.3/1.0 with Rome and JSON Feed 1.0/1.1 with Jackson, safely and
 * leniently. Safely: DOCTYPE declarations with an internal subset are refused (no DTDs, no external entities, no
 * entity expansion bombs). Leniently, like Python's feedparser: the charset is taken from the BOM, the HTTP header or
 * the XML prolog unless the bytes contradict it ({@link FeedText}); a document Rome rejects is repaired (characters
 * XML forbids, bare '&amp;', HTML entities: {@link XmlRepair}) and, failing that, re-balanced by jsoup's XML parser,
 * which closes the elements a truncated or tag-soup feed leaves open. What was repaired is reported in
 * {@link ParsedFeed#repaired()}.
 */
public final class FeedParser {

    private static final int MAX_SUMMARY_CHARS = 2000;
    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /**
     * A DOCTYPE with a public/system id but no internal subset, as old RSS 0.91 feeds carry (Netscape's DTD). It can
     * declare no entities itself and the DTD it names is never loaded, so dropping it is safe and lets those feeds
     * parse; a DOCTYPE with an internal subset ("[...]", where XXE lives) is left for the parser to refuse.
     */
    private static final Pattern EXTERNAL_ONLY_DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[\\w:.-]+\\s+(PUBLIC|SYSTEM)\\s+[^\\[>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_START_TAG = Pattern.compile("<[A-Za-z]");

    /**
     * @param body        the raw bytes as fetched (decompressed)
     * @param contentType the HTTP Content-Type header, may be null
     */
    public ParsedFeed parse(byte[] body, String contentType) throws FeedParseException {
        FeedText.Decoded decoded = FeedText.decode(body, contentType);
        String text = decoded.text();
        if (JsonFeedParser.looksLikeJson(text, null)) {
            return JsonFeedParser.parse(text);
        }
        List<String> notes = new ArrayList<>();
        if (decoded.correction() != null) {
            notes.add(decoded.correction());
        }
        String xml = withoutExternalOnlyDoctype(text);
        Exception first;
        try {
            return toParsed(build(xml), notes);
        } catch (FeedException | IllegalArgumentException e) {
            first = e;
        }
        if (String.valueOf(first.getMessage()).contains("DOCTYPE")) {
            // Refused for safety: nothing to recover, and repairs must not work around the refusal.
            throw new FeedParseException("Not a readable RSS/Atom feed: " + first.getMessage(), first);
        }
        XmlRepair.Result repaired = XmlRepair.repair(xml);
        notes.addAll(repaired.repairs());
        if (!repaired.repairs().isEmpty()) {
            try {
                return toParsed(build(repaired.xml()), notes);
            } catch (FeedException | IllegalArgumentException e) {
                // still broken: try re-balancing below
            }
        }
        ParsedFeed rebalanced;
        try {
            notes.add("closed unbalanced or truncated elements");
            rebalanced = toParsed(build(rebalance(repaired.xml())), notes);
        } catch (FeedException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new FeedParseException("Not a readable RSS/Atom/JSON feed: " + first.getMessage(), first);
        }
        if (rebalanced.items().isEmpty()) {
            throw new FeedParseException("Truncated or malformed feed, no items recoverable: " + first.getMessage(), first);
        }
        return rebalanced;
    }

    private static SyndFeed build(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        input.setPreserveWireFeed(true);
        return input.build(new StringReader(xml));
    }

    /** jsoup's XML parser keeps what it can of a broken tree and closes every open element. */
    static String rebalance(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return doc.outerHtml();
    }

    static String withoutExternalOnlyDoctype(String xml) {
        Matcher start = FIRST_START_TAG.matcher(xml);
        int rootStart = start.find() ? start.start() : xml.length();
        Matcher doctype = EXTERNAL_ONLY_DOCTYPE.matcher(xml).region(0, rootStart);
        return doctype.find() ? xml.substring(0, doctype.start()) + xml.substring(doctype.end()) : xml;
    }

    private static ParsedFeed toParsed(SyndFeed feed, List<String> notes) {
        List<FeedItem> items = new ArrayList<>(feed.getEntries().size());
        for (SyndEntry entry : feed.getEntries()) {
            items.add(toItem(entry));
        }
        String hub = null;
        String self = null;
        for (SyndLink link : feed.getLinks()) {
            if ("hub".equals(link.getRel()) && hub == null) {
                hub = link.getHref();
            } else if ("self".equals(link.getRel()) && self == null) {
                self = link.getHref();
            }
        }
        for (Element e : feed.getForeignMarkup()) {
            if ("link".equals(e.getName()) && ATOM.equals(e.getNamespaceURI())) {
                String rel = e.getAttributeValue("rel");
                if ("hub".equals(rel) && hub == null) {
                    hub = e.getAttributeValue("href");
                } else if ("self".equals(rel) && self == null) {
                    self = e.getAttributeValue("href");
                }
            }
        }
        return new ParsedFeed(feed.getFeedType(), plain(feed.getTitle()), blankToNull(feed.getLanguage()), items,
                refreshHint(feed), blankToNull(hub), blankToNull(self), notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** RSS {@code <ttl>} (minutes) or the syndication module's period/frequency; the longer one when both. */
    static Duration refreshHint(SyndFeed feed) {
        Duration hint = null;
        WireFeed wire = feed.originalWireFeed();
        if (wire instanceof Channel channel && channel.getTtl() > 0) {
            hint = Duration.ofMinutes(channel.getTtl());
        }
        String period = null;
        int frequency = 1;
        if (feed.getModule(SyModule.URI) instanceof SyModule sy && sy.getUpdatePeriod() != null) {
            period = sy.getUpdatePeriod();
            frequency = sy.getUpdateFrequency();
        } else {
            // Rome maps the syndication module for RSS 1.0 only; in RSS 2.0 it is foreign markup.
            for (Element e : feed.getForeignMarkup()) {
                if (SyModule.URI.equals(e.getNamespaceURI()) && "updatePeriod".equals(e.getName())) {
                    period = e.getTextTrim();
                } else if (SyModule.URI.equals(e.getNamespaceURI()) && "updateFrequency".equals(e.getName())) {
                    try {
                        frequency = Integer.parseInt(e.getTextTrim());
                    } catch (NumberFormatException ignored) {
                        // keep 1, the module's default
                    }
                }
            }
        }
        if (period != null) {
            Duration length = switch (period.strip().toLowerCase(Locale.ROOT)) {
                case "hourly" -> Duration.ofHours(1);
                case "daily" -> Duration.ofDays(1);
                case "weekly" -> Duration.ofDays(7);
                case "monthly" -> Duration.ofDays(30);
                case "yearly" -> Duration.ofDays(365);
                default -> null;
            };
            if (length != null) {
                Duration sy = length.dividedBy(Math.max(1, frequency));
                hint = hint == null || sy.compareTo(hint) > 0 ? sy : hint;
            }
        }
        return hint;
    }

    private static FeedItem toItem(SyndEntry entry) {
        String contentText = null;
        if (!entry.getContents().isEmpty()) {
            SyndContent content = entry.getContents().getFirst();
            contentText = plain(content.getValue());
        }
        String summary = entry.getDescription() == null ? null : plain(entry.getDescription().getValue());
        if (summary == null) {
            summary = contentText;
        }
        List<String> categories = new ArrayList<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = blankToNull(category.getName());
            if (name != null && !categories.contains(name)) {
                categories.add(name);
            }
        }
        return new FeedItem(link(entry), plain(entry.getTitle()), shorten(summary), authors(entry),
                instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()), blankToNull(entry.getUri()),
                contentText, categories, image(entry));
    }

    /** media:content (an image), media:thumbnail, inside media:group too, else an image enclosure. */
    private static String image(SyndEntry entry) {
        String thumbnail = null;
        List<Element> media = new ArrayList<>(entry.getForeignMarkup());
        for (int i = 0; i < media.size(); i++) {
            Element e = media.get(i);
            if (!MEDIA_RSS.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getName()) {
                case "group" -> media.addAll(e.getChildren());
                case "content" -> {
                    String url = e.getAttributeValue("url");
                    String type = String.valueOf(e.getAttributeValue("type"));
                    if (isHttp(url) && ("image".equals(e.getAttributeValue("medium")) || type.startsWith("image/"))) {
                        return url.strip();
                    }
                }
                case "thumbnail" -> {
                    if (thumbnail == null && isHttp(e.getAttributeValue("url"))) {
                        thumbnail = e.getAttributeValue("url").strip();
                    }
                }
                default -> {
                    // media:title, media:credit, …: not needed
                }
            }
        }
        if (thumbnail != null) {
            return thumbnail;
        }
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().startsWith("image/") && isHttp(enclosure.getUrl())) {
                return enclosure.getUrl().strip();
            }
        }
        return null;
    }

    private static String link(SyndEntry entry) {
        if (isHttp(entry.getLink())) {
            return entry.getLink().strip();
        }
        for (SyndLink link : entry.getLinks()) {
            if ((link.getRel() == null || "alternate".equals(link.getRel())) && isHttp(link.getHref())) {
                return link.getHref().strip();
            }
        }
        // An RSS guid with isPermaLink (Rome maps it to the uri) is the article URL when no link is given.
        return isHttp(entry.getUri()) ? entry.getUri().strip() : null;
    }

    private static List<String> authors(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            addAuthor(names, person.getName());
        }
        if (entry.getAuthor() != null) {
            for (String name : entry.getAuthor().split("\\s*(?:,|;| and | og )\\s*")) {
                addAuthor(names, name);
            }
        }
        return List.copyOf(names);
    }

    static void addAuthor(Set<String> names, String raw) {
        String name = Bylines.clean(raw);
        if (name != null) {
            names.add(name);
        }
    }

    static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    static String shorten(String summary) {
        if (summary != null && summary.length() > MAX_SUMMARY_CHARS) {
            return summary.substring(0, MAX_SUMMARY_CHARS).strip() + "…";
        }
        return summary;
    }

    /** Feed titles and summaries may carry (escaped) HTML; events carry plain text. */
    static String plain(String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) {
            return null;
        }
        String text;
        if (htmlOrText.indexOf('<') < 0 && htmlOrText.indexOf('&') < 0) {
            // Most titles are plain text: skip the HTML parser, only normalise white space as it would.
            text = htmlOrText.replaceAll("\\s+", " ").strip();
        } else {
            text = Jsoup.parse(htmlOrText).text().strip();
        }
        return text.isEmpty() ? null : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

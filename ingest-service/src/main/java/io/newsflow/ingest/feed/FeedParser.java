package io.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.ingest.extract.Bylines;
import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
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
 * Parses RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom 0.3/1.0 with Rome, safely: DOCTYPE declarations are refused by
 * the XML parser (no DTDs, no external entities, no entity expansion bombs). Charset detection follows the BOM, the
 * HTTP Content-Type and the XML prolog, in that order of precedence as XML and HTTP specify (Rome's XmlReader).
 */
public final class FeedParser {

    private static final int MAX_SUMMARY_CHARS = 2000;

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
        String xml;
        try (Reader reader = new XmlReader(new ByteArrayInputStream(body), httpCharsetSource(contentType), true)) {
            StringWriter text = new StringWriter(body.length);
            reader.transferTo(text);
            xml = text.toString();
        } catch (IOException e) {
            throw new FeedParseException("Cannot decode feed bytes: " + e.getMessage(), e);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(withoutExternalOnlyDoctype(xml)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException("Not a readable RSS/Atom feed: " + e.getMessage(), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(toItem(entry));
        }
        return new ParsedFeed(feed.getFeedType(), plain(feed.getTitle()), blankToNull(feed.getLanguage()), items);
    }

    /**
     * The Content-Type to give XmlReader: only when it names a charset. Without one, RFC 3023 made text/xml US-ASCII
     * (XmlReader still applies that rule), which breaks the many UTF-8 feeds served as plain text/xml; RFC 7303,
     * which replaced it, lets the BOM and the XML prolog decide, which is what passing no type does.
     */
    private static String httpCharsetSource(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=") ? contentType : null;
    }

    static String withoutExternalOnlyDoctype(String xml) {
        Matcher start = FIRST_START_TAG.matcher(xml);
        int rootStart = start.find() ? start.start() : xml.length();
        Matcher doctype = EXTERNAL_ONLY_DOCTYPE.matcher(xml).region(0, rootStart);
        return doctype.find() ? xml.substring(0, doctype.start()) + xml.substring(doctype.end()) : xml;
    }

    private static FeedItem toItem(SyndEntry entry) {
        String summary = entry.getDescription() == null ? null : plain(entry.getDescription().getValue());
        if (summary == null && !entry.getContents().isEmpty()) {
            SyndContent content = entry.getContents().getFirst();
            summary = plain(content.getValue());
        }
        if (summary != null && summary.length() > MAX_SUMMARY_CHARS) {
            summary = summary.substring(0, MAX_SUMMARY_CHARS).strip() + "…";
        }
        return new FeedItem(link(entry), plain(entry.getTitle()), summary, authors(entry),
                instant(entry.getPublishedDate()), instant(entry.getUpdatedDate()));
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

    private static void addAuthor(Set<String> names, String raw) {
        String name = Bylines.clean(raw);
        if (name != null) {
            names.add(name);
        }
    }

    private static boolean isHttp(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** Feed titles and summaries may carry (escaped) HTML; events carry plain text. */
    static String plain(String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) {
            return null;
        }
        String text = Jsoup.parse(htmlOrText).text().strip();
        return text.isEmpty() ? null : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

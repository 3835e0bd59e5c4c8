package io.newsflow.ingest.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.ingest.extract.MainContent.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the headline, the main text and the metadata of a news article page.
 *
 * <p>The text comes from the DOM ({@link MainContent}: chrome removal, Readability-style block scoring, sibling
 * merging, block filtering), cross-checked against the publisher's JSON-LD {@code articleBody} when the page has one:
 * the DOM text wins when it covers the JSON-LD body (it keeps headings, lists and paragraph breaks); the JSON-LD body
 * wins when the DOM missed most of it (a paywalled or script-rendered page); a JSON-LD body that is only a teaser is
 * ignored. Metadata comes from {@link PageMetadata}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleExtractor {

    /** Text beyond this is cut at a paragraph boundary, keeping every event well under Kafka's 1 MB message limit. */
    static final int MAX_TEXT_CHARS = 100_000;
    /** JSON-LD articleBody shorter than this is a teaser, not the article. */
    private static final int MIN_LD_BODY_CHARS = 200;
    /** The DOM text is trusted when it holds at least this share of the JSON-LD body's word 4-grams. */
    private static final double MIN_LD_COVERAGE = 0.5;
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private final Clock clock;

    public ArticleExtractor() {
        this(Clock.systemUTC());
    }

    /** @param clock "now" for the date plausibility checks (no dates in the future) */
    public ArticleExtractor(Clock clock) {
        this.clock = clock;
    }

    /**
     * Extracts from fetched bytes; the charset comes from a BOM, else the HTTP header, else the page's meta tag.
     *
     * @param contentType HTTP Content-Type, may be null
     * @param pageUrl     the page's final URL, to resolve relative links
     */
    public ExtractedPage extract(byte[] body, String contentType, String pageUrl) {
        try {
            String base = pageUrl == null ? "" : pageUrl;
            return extract(Jsoup.parse(new ByteArrayInputStream(body), charsetOf(contentType), base), pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an in-memory page cannot fail: " + e.getMessage(), e);
        }
    }

    public ExtractedPage extract(String html, String pageUrl) {
        return extract(Jsoup.parse(html, pageUrl == null ? "" : pageUrl), pageUrl);
    }

    private ExtractedPage extract(Document doc, String pageUrl) {
        JsonNode ld = JsonLd.article(doc, json);
        // Metadata first: removing chrome below also removes bylines and meta-rich headers.
        PageMetadata meta = PageMetadata.read(doc, ld, pageUrl, clock.instant());
        String domText = doc.body() == null ? "" : new MainContent(doc.body(), meta.title()).text();
        String ldText = ldBody(JsonLd.text(ld, "articleBody"), meta.title());
        return new ExtractedPage(meta.title(), limit(choose(domText, ldText)), meta.canonicalUrl(), meta.authors(),
                meta.publishedAt(), meta.languageHint(), meta.description(), meta.modifiedAt(), meta.dateSource(),
                meta.section(), meta.imageUrl());
    }

    /** DOM text unless it misses most of a full JSON-LD body (then the DOM picked the wrong block, or has none). */
    static String choose(String domText, String ldText) {
        if (ldText.length() < MIN_LD_BODY_CHARS) {
            return domText.isEmpty() ? ldText : domText;
        }
        if (domText.isEmpty()) {
            return ldText;
        }
        return coverage(ldText, domText) >= MIN_LD_COVERAGE ? domText : ldText;
    }

    /** Share of {@code reference}'s word 4-grams that occur in {@code text}. */
    static double coverage(String reference, String text) {
        Set<String> have = shingles(text);
        Set<String> want = shingles(reference);
        if (want.isEmpty()) {
            return 1;
        }
        int hit = 0;
        for (String s : want) {
            if (have.contains(s)) {
                hit++;
            }
        }
        return (double) hit / want.size();
    }

    private static Set<String> shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 4 <= words.size(); i++) {
            out.add(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2) + ' ' + words.get(i + 3));
        }
        if (out.isEmpty() && !words.isEmpty()) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** The JSON-LD body as paragraphs; publishers put plain text, HTML, or HTML escaped once more in it. */
    private static String ldBody(String body, String title) {
        if (body == null || body.isBlank()) {
            return "";
        }
        if (body.contains("&lt;") || body.contains("&amp;") || body.contains("&#")) {
            body = Parser.unescapeEntities(body, false);
        }
        List<Block> blocks = new ArrayList<>();
        if (body.contains("<p") || body.contains("<br") || body.contains("<div") || body.contains("</")) {
            Document fragment = Jsoup.parseBodyFragment(body);
            return new MainContent(fragment.body(), title).text();
        }
        for (String paragraph : body.split("\\R\\s*")) {
            String text = clean(paragraph);
            if (text != null) {
                blocks.add(new Block("p", text, 0));
            }
        }
        return BlockFilter.join(blocks, title);
    }

    private static String limit(String text) {
        if (text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf("\n\n", MAX_TEXT_CHARS);
        return text.substring(0, cut > 0 ? cut : MAX_TEXT_CHARS);
    }

    /** Whitespace normalised (no-break and zero-width spaces included); null when nothing is left. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b' || c == '\u2009' || c == '\u202f') {
                space = !sb.isEmpty();
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (m.find() && Charset.isSupported(m.group(1))) {
            return m.group(1);
        }
        return null;
    }

    /** Element text, whitespace normalised; null when empty. */
    static String text(Element el) {
        return el == null ? null : clean(el.text());
    }
}

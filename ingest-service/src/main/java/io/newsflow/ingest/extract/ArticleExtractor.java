package io.newsflow.ingest.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the headline, the main text and the metadata of a news article page.
 *
 * <p>Text comes from the best source present: JSON-LD {@code articleBody}; else the page's {@code [itemprop=articleBody]}
 * or {@code <article>}; else the DOM block with the highest paragraph score (a small Readability-style scorer). Before
 * the DOM is read, page chrome is dropped: navigation, header, footer, aside, forms, scripts, and any element whose
 * class or id says it is navigation, a menu, sharing, related links ("read also", "les også"), comments, newsletter,
 * cookie or consent banners, ads, promos or subscription prompts. From what is left it keeps paragraphs, headings,
 * list items and block quotes, joined by blank lines, and drops lists and paragraphs that are mostly links.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleExtractor {

    /** Text beyond this is cut at a paragraph boundary, keeping every event well under Kafka's 1 MB message limit. */
    static final int MAX_TEXT_CHARS = 100_000;
    /** JSON-LD articleBody shorter than this is a teaser, not the article. */
    private static final int MIN_LD_BODY_CHARS = 200;
    /** Paragraphs with more link text than this share are navigation, not prose. */
    private static final double MAX_LINK_DENSITY = 0.5;

    private static final Set<String> DROPPED_TAGS = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
            "form", "button", "input", "select", "textarea", "label", "dialog",
            "nav", "header", "footer", "aside", "figure", "picture", "video", "audio", "menu");
    private static final Set<String> DROPPED_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar");
    /**
     * Words in a class or id that mark chrome. Matched as whole words of the class/id ("ad" matches "ad-slot" and
     * "top_ad", not "shadow" or "header"); multi-word entries match across -, _ and spaces.
     */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|read[\\s_-]?also"
                    + "|also[\\s_-]?read|read[\\s_-]?more|more[\\s_-]?stories|les[\\s_-]?ogs[aå]|lesogsa|comments?"
                    + "|disqus|newsletter|cookies?|consent|gdpr|ads?|advert|advertisement|adslot|banner|promo|promotion"
                    + "|sponsored|sponsor|subscribe|subscription|paywall|signup|popup|modal|sidebar|widget|outbrain"
                    + "|taboola|recommended|most[\\s_-]?read|trending|tags|skip[\\s_-]?link|footer|masthead|toolbar)(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEPT_BLOCKS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd");
    private static final Set<String> INLINE_TAGS = Set.of(
            "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
            "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "img");
    /** Short paragraphs that point elsewhere ("Read also: …", "Les også: …"). */
    private static final Pattern POINTER_PARAGRAPH = Pattern.compile(
            "^(?:read also|also read|read more|see also|related|recommended|les også|les mer|se også|lees ook"
                    + "|lesen sie auch|mehr zum thema)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /**
     * Extracts from fetched bytes; the charset comes from a BOM, else the HTTP header, else the page's meta tag.
     *
     * @param contentType HTTP Content-Type, may be null
     * @param pageUrl     the page's final URL, to resolve relative links
     */
    public ExtractedPage extract(byte[] body, String contentType, String pageUrl) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(body), charsetOf(contentType), pageUrl));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading an in-memory page cannot fail: " + e.getMessage(), e);
        }
    }

    public ExtractedPage extract(String html, String pageUrl) {
        return extract(Jsoup.parse(html, pageUrl));
    }

    private ExtractedPage extract(Document doc) {
        JsonNode ld = jsonLdArticle(doc);
        // Metadata first: removing chrome below also removes bylines and meta-rich headers.
        String title = firstNonBlank(
                plain(text(ld, "headline")),
                meta(doc, "meta[property=og:title]"),
                meta(doc, "meta[name=twitter:title]"),
                clean(doc.select("article h1, [itemprop=headline], h1").stream().findFirst().map(Element::text).orElse(null)),
                clean(doc.title()));
        String canonical = doc.select("link[rel=canonical][href]").stream()
                .map(link -> link.attr("abs:href"))
                .filter(ArticleExtractor::isHttpUrl)
                .findFirst().orElse(null);
        List<String> authors = authors(doc, ld);
        Instant published = firstDate(
                meta(doc, "meta[property=article:published_time]"),
                text(ld, "datePublished"),
                meta(doc, "meta[itemprop=datePublished]"),
                meta(doc, "meta[name=pubdate], meta[name=publish-date], meta[name=date]"),
                doc.select("article time[datetime], time[datetime]").stream().findFirst()
                        .map(t -> t.attr("datetime")).orElse(null));
        String language = languageHint(doc);
        String description = firstNonBlank(
                meta(doc, "meta[property=og:description]"),
                meta(doc, "meta[name=description]"),
                plain(text(ld, "description")));

        String domText = mainText(doc, title);
        String ldText = ldBody(ld, title);
        // JSON-LD is the publisher's own statement of the body; trust it unless it is clearly a truncated teaser.
        String text = ldText.length() >= MIN_LD_BODY_CHARS && ldText.length() * 2 >= domText.length() ? ldText : domText;
        if (text.isEmpty()) {
            text = ldText;
        }
        return new ExtractedPage(title, limit(text), canonical, authors, published, language, description);
    }

    // ---------------------------------------------------------------- main text

    private String mainText(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return "";
        }
        removeChrome(body);
        Element root = pickRoot(body);
        List<String> blocks = new ArrayList<>();
        emit(root, blocks);
        return join(blocks, title);
    }

    private static void removeChrome(Element body) {
        List<Element> doomed = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            if (DROPPED_TAGS.contains(el.normalName()) || isHidden(el)
                    || DROPPED_ROLES.contains(el.attr("role").toLowerCase(Locale.ROOT))
                    || BOILERPLATE.matcher(el.className() + " " + el.id()).find()) {
                doomed.add(el);
            }
        }
        doomed.forEach(Node::remove);
    }

    private static boolean isHidden(Element el) {
        String style = el.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return el.hasAttr("hidden") || "true".equalsIgnoreCase(el.attr("aria-hidden"))
                || style.contains("display:none") || style.contains("visibility:hidden");
    }

    /** The element holding the article: the marked-up body, the richest &lt;article&gt;, else the best-scored block. */
    private static Element pickRoot(Element body) {
        Element marked = richest(body.select("[itemprop=articleBody]"));
        if (marked != null) {
            return marked;
        }
        Element article = richest(body.select("article"));
        if (article != null) {
            return article;
        }
        Element scored = bestScored(body);
        return scored != null ? scored : body;
    }

    /** The candidate with the most paragraph text, when it has at least one real paragraph. */
    private static Element richest(Elements candidates) {
        return candidates.stream()
                .filter(el -> paragraphChars(el) >= 80)
                .max(Comparator.comparingInt(ArticleExtractor::paragraphChars))
                .orElse(null);
    }

    private static int paragraphChars(Element el) {
        int chars = 0;
        for (Element p : el.select("p")) {
            if (linkDensity(p) <= MAX_LINK_DENSITY) {
                chars += p.text().length();
            }
        }
        return chars;
    }

    /**
     * Readability-style scoring: each paragraph of prose adds to its parent and half to its grandparent, more for
     * longer text and commas; the winner is discounted by its link density.
     */
    private static Element bestScored(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : body.select("p, pre, td, div")) {
            if (p.normalName().equals("div") && !hasOwnProse(p)) {
                continue;
            }
            String text = p.normalName().equals("div") ? p.ownText() : p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.chars().filter(c -> c == ',').count() + Math.min(text.length() / 100.0, 3);
            Element parent = p.normalName().equals("div") ? p : p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grand = parent.parent();
                if (grand != null) {
                    scores.merge(grand, score / 2, Double::sum);
                }
            }
        }
        return scores.entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue() * (1 - linkDensity(e.getKey()))))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static boolean hasOwnProse(Element el) {
        for (TextNode t : el.textNodes()) {
            if (t.text().strip().length() >= 25) {
                return true;
            }
        }
        return false;
    }

    /** Walks the root in document order, turning kept blocks and runs of loose inline text into paragraphs. */
    private static void emit(Element el, List<String> out) {
        String tag = el.normalName();
        if (KEPT_BLOCKS.contains(tag)) {
            String text = clean(el.text());
            if (text != null && !(linkDensity(el) > MAX_LINK_DENSITY) && !isPointer(text)) {
                out.add(text);
            }
            return;
        }
        if ((tag.equals("ul") || tag.equals("ol")) && linkDensity(el) > MAX_LINK_DENSITY) {
            return; // a list of links: other headlines, tags, share targets
        }
        StringBuilder loose = new StringBuilder();
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode textNode) {
                loose.append(textNode.text());
            } else if (child instanceof Element childEl) {
                if (INLINE_TAGS.contains(childEl.normalName())) {
                    loose.append(childEl.normalName().equals("br") ? " " : childEl.text());
                } else {
                    flush(loose, out);
                    emit(childEl, out);
                }
            }
        }
        flush(loose, out);
    }

    private static void flush(StringBuilder loose, List<String> out) {
        String text = clean(loose.toString());
        loose.setLength(0);
        if (text != null && text.length() >= 2 && !isPointer(text)) {
            out.add(text);
        }
    }

    private static boolean isPointer(String text) {
        return text.length() < 160 && POINTER_PARAGRAPH.matcher(text).matches();
    }

    private static double linkDensity(Element el) {
        int total = el.text().length();
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : el.select("a")) {
            linked += a.text().length();
        }
        return (double) linked / total;
    }

    private static String join(List<String> blocks, String title) {
        List<String> kept = new ArrayList<>(blocks.size());
        for (String block : blocks) {
            if (kept.isEmpty() && block.equals(title)) {
                continue; // the headline is the title field, not the body's first paragraph
            }
            if (!kept.isEmpty() && kept.getLast().equals(block)) {
                continue;
            }
            kept.add(block);
        }
        return String.join("\n\n", kept);
    }

    private static String limit(String text) {
        if (text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf("\n\n", MAX_TEXT_CHARS);
        return text.substring(0, cut > 0 ? cut : MAX_TEXT_CHARS);
    }

    // ---------------------------------------------------------------- JSON-LD

    /** The first schema.org Article-like object in the page's JSON-LD, looking into arrays and @graph; else null. */
    private JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = json.readTree(script.data());
            } catch (IOException e) {
                continue; // broken JSON-LD is common; the DOM still has the article
            }
            JsonNode found = findArticle(root, 0);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticleType(node.get("@type"))) {
            return node;
        }
        JsonNode found = findArticle(node.get("@graph"), depth + 1);
        return found != null ? found : findArticle(node.get("mainEntity"), depth + 1);
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText("");
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("LiveBlogPosting")
                || name.equals("Report");
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
        }
        return value == null || !value.isValueNode() ? null : value.asText();
    }

    private static String ldBody(JsonNode ld, String title) {
        String body = text(ld, "articleBody");
        if (body == null || body.isBlank()) {
            return "";
        }
        List<String> blocks = new ArrayList<>();
        if (body.contains("<p") || body.contains("<br")) {
            emit(Jsoup.parseBodyFragment(body).body(), blocks);
        } else {
            for (String paragraph : body.split("\\R\\s*")) {
                String text = clean(paragraph);
                if (text != null) {
                    blocks.add(text);
                }
            }
        }
        return join(blocks, title);
    }

    // ---------------------------------------------------------------- metadata

    private static List<String> authors(Document doc, JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        if (ld != null) {
            addLdPeople(ld.get("author"), names);
        }
        if (names.isEmpty()) {
            for (Element meta : doc.select("meta[name=author], meta[name=byl], meta[property=article:author]")) {
                for (String name : meta.attr("content").split("\\s*(?:,|;| and | og )\\s*")) {
                    addAuthor(name, names);
                }
            }
        }
        if (names.isEmpty()) {
            for (Element el : doc.select("a[rel~=(?i)\\bauthor\\b], [itemprop=author] [itemprop=name], [itemprop=author]")) {
                addAuthor(el.text(), names);
            }
        }
        return List.copyOf(names);
    }

    private static void addLdPeople(JsonNode author, Set<String> names) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            author.forEach(a -> addLdPeople(a, names));
        } else if (author.isTextual()) {
            addAuthor(author.asText(), names);
        } else if (author.isObject() && author.hasNonNull("name")) {
            addAuthor(author.get("name").asText(), names);
        }
    }

    private static void addAuthor(String raw, Set<String> names) {
        String name = Bylines.clean(raw);
        if (name != null && !isHttpUrl(name)) {
            names.add(name);
        }
    }

    private static String languageHint(Document doc) {
        Element html = doc.selectFirst("html");
        return firstNonBlank(
                primaryLanguage(html == null ? null : html.attr("lang")),
                primaryLanguage(meta(doc, "meta[http-equiv=content-language]")),
                primaryLanguage(meta(doc, "meta[property=og:locale]")));
    }

    private static String primaryLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        Matcher m = LANGUAGE_TAG.matcher(tag.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static Instant firstDate(String... values) {
        for (String value : values) {
            Instant instant = Dates.parse(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    private static String meta(Document doc, String selector) {
        Element el = doc.selectFirst(selector);
        return el == null ? null : clean(el.attr("content"));
    }

    private static String plain(String maybeHtml) {
        return maybeHtml == null ? null : clean(Jsoup.parse(maybeHtml).text());
    }

    /** Whitespace normalised (no-break spaces included); null when nothing is left. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String text = s.replace('\u00a0', ' ').replaceAll("[\\s\\u200b]+", " ").strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String s) {
        String lower = s == null ? "" : s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
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
}

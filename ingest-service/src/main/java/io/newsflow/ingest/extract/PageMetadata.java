package io.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's metadata: headline, canonical URL, dates with their source, authors, language, section, lead image and
 * description. Structured data (JSON-LD) first, then meta tags, then the visible page.
 */
record PageMetadata(String title, String canonicalUrl, List<String> authors, Instant publishedAt, Instant modifiedAt,
                    String dateSource, String languageHint, String description, String section, String imageUrl) {

    /** Clocks disagree a little; a date further ahead than this is a mistake (or a placeholder), not a publication. */
    static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(15);
    /** Older dates are defaults of broken templates ("1970-01-01"), not news. */
    private static final Instant OLDEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");

    static PageMetadata read(Document doc, JsonNode ld, String pageUrl, Instant now) {
        MetaTags tags = new MetaTags(doc);
        String title = firstNonBlank(
                plain(JsonLd.text(ld, "headline")),
                tags.first("og:title"),
                tags.first("twitter:title"),
                ArticleExtractor.text(doc.selectFirst("article h1, [itemprop=headline], h1")),
                ArticleExtractor.clean(doc.title()));
        String canonical = firstNonBlank(
                absoluteUrl(doc.selectFirst("link[rel=canonical][href]"), "href"),
                tags.url("og:url"));

        String dateSource = null;
        Instant published = plausible(Dates.parse(JsonLd.text(ld, "datePublished")), now);
        if (published != null) {
            dateSource = ExtractedPage.JSON_LD;
        }
        if (published == null) {
            published = firstDate(tags, now, "article:published_time", "og:article:published_time",
                    "datepublished", "pubdate", "publish-date", "publishdate", "date", "dc.date.issued",
                    "dcterms.created", "sailthru.date", "parsely-pub-date", "article:published");
            dateSource = published != null ? ExtractedPage.META : null;
        }
        if (published == null) {
            published = timeElementDate(doc, now);
            dateSource = published != null ? ExtractedPage.TIME : null;
        }
        if (published == null) {
            published = plausible(Dates.fromUrl(pageUrl), now);
            if (published == null && canonical != null) {
                published = plausible(Dates.fromUrl(canonical), now);
            }
            dateSource = published != null ? ExtractedPage.URL : null;
        }
        Instant modified = plausible(Dates.parse(JsonLd.text(ld, "dateModified")), now);
        if (modified == null) {
            modified = firstDate(tags, now, "article:modified_time", "og:updated_time", "datemodified",
                    "last-modified", "dcterms.modified");
        }
        if (modified == null) {
            Element time = doc.selectFirst("time[itemprop=dateModified][datetime]");
            modified = time == null ? null : plausible(Dates.parse(time.attr("datetime")), now);
        }
        if (modified != null && published != null && modified.isBefore(published)) {
            modified = null;
        }

        String language = firstNonBlank(
                primaryLanguage(attr(doc.selectFirst("html"), "lang")),
                primaryLanguage(attr(doc.selectFirst("html"), "xml:lang")),
                primaryLanguage(tags.first("content-language")),
                primaryLanguage(JsonLd.text(ld, "inLanguage")),
                primaryLanguage(tags.first("og:locale")));
        String description = firstNonBlank(
                tags.first("og:description"),
                tags.first("description"),
                plain(JsonLd.text(ld, "description")));
        String section = firstNonBlank(
                tags.first("article:section"),
                plain(JsonLd.text(ld, "articleSection")));
        String image = firstNonBlank(
                tags.url("og:image"), tags.url("og:image:url"), tags.url("og:image:secure_url"),
                tags.url("twitter:image"), tags.url("twitter:image:src"),
                httpUrl(ldImage(ld == null ? null : ld.get("image"))));
        return new PageMetadata(title, canonical, authors(doc, tags, ld), published, modified, dateSource, language,
                description, section, image);
    }

    // ------------------------------------------------------------------ dates

    private static Instant plausible(Instant date, Instant now) {
        if (date == null || date.isBefore(OLDEST) || date.isAfter(now.plus(MAX_FUTURE_SKEW))) {
            return null;
        }
        return date;
    }

    private static Instant firstDate(MetaTags tags, Instant now, String... keys) {
        for (String key : keys) {
            Instant date = plausible(Dates.parse(tags.first(key)), now);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /**
     * The first plausible &lt;time datetime&gt; of the article. A time in the site's header, navigation, footer or
     * sidebar is the page's, not the article's; so is a bare date equal to today outside any article markup (the
     * "Sunday, 22 November" strip of a front page).
     */
    private static Instant timeElementDate(Document doc, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Element marked = doc.selectFirst("time[itemprop=datePublished][datetime], time[pubdate][datetime]");
        if (marked != null) {
            Instant date = plausible(Dates.parse(marked.attr("datetime")), now);
            if (date != null) {
                return date;
            }
        }
        for (Element time : doc.select("time[datetime]")) {
            if (inPageChrome(time)) {
                continue;
            }
            String value = time.attr("datetime").strip();
            Instant date = plausible(Dates.parse(value), now);
            if (date == null) {
                continue;
            }
            boolean dateOnly = value.length() <= 10;
            if (dateOnly && LocalDate.ofInstant(date, ZoneOffset.UTC).equals(today)
                    && time.closest("article, [itemprop=articleBody], [itemtype*=Article]") == null) {
                continue;
            }
            return date;
        }
        return null;
    }

    private static boolean inPageChrome(Element el) {
        for (Element up = el.parent(); up != null; up = up.parent()) {
            String tag = up.normalName();
            if (tag.equals("article") || tag.equals("main")) {
                return false;
            }
            if (tag.equals("header") || tag.equals("nav") || tag.equals("footer") || tag.equals("aside")
                    || Boilerplate.isChromeName(up.className(), up.id()) && !up.className().contains("byline")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ authors

    private static List<String> authors(Document doc, MetaTags tags, JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        if (ld != null) {
            addLdPeople(ld.get("author"), names);
        }
        if (names.isEmpty()) {
            for (String key : List.of("author", "byl", "article:author", "sailthru.author", "parsely-author",
                    "dc.creator")) {
                Bylines.names(tags.first(key)).forEach(names::add);
                if (!names.isEmpty()) {
                    break;
                }
            }
        }
        if (names.isEmpty()) {
            for (Element el : doc.select("[itemprop=author] [itemprop=name], [itemprop=author], a[rel~=(?i)\\bauthor\\b]")) {
                if (el.select("[itemprop=name]").isEmpty() || el.is("[itemprop=name]")) {
                    Bylines.names(el.text()).forEach(names::add);
                }
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
            Bylines.names(author.asText()).forEach(names::add);
        } else if (author.isObject() && author.hasNonNull("name")) {
            Bylines.names(author.get("name").asText()).forEach(names::add);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String ldImage(JsonNode image) {
        if (image == null || image.isNull()) {
            return null;
        }
        if (image.isArray()) {
            return image.isEmpty() ? null : ldImage(image.get(0));
        }
        if (image.isTextual()) {
            return image.asText();
        }
        return image.isObject() ? image.path("url").asText(null) : null;
    }

    private static String absoluteUrl(Element el, String attribute) {
        return el == null ? null : httpUrl(el.absUrl(attribute).isEmpty() ? el.attr(attribute) : el.absUrl(attribute));
    }

    private static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? s : null;
    }

    private static String primaryLanguage(String tag) {
        if (tag == null) {
            return null;
        }
        Matcher m = LANGUAGE_TAG.matcher(tag.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String attr(Element el, String name) {
        return el == null ? null : el.attr(name);
    }

    /** The page's meta tags by name, property, itemprop or http-equiv (lower case), read in one pass. */
    private static final class MetaTags {
        private final java.util.Map<String, String> content = new java.util.HashMap<>();
        private final java.util.Map<String, Element> elements = new java.util.HashMap<>();

        MetaTags(Document doc) {
            for (Element meta : doc.getElementsByTag("meta")) {
                if (!meta.hasAttr("content")) {
                    continue;
                }
                for (String attribute : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                    String key = meta.attr(attribute);
                    if (!key.isEmpty()) {
                        key = key.strip().toLowerCase(Locale.ROOT);
                        String value = ArticleExtractor.clean(meta.attr("content"));
                        if (value != null && !content.containsKey(key)) {
                            content.put(key, value);
                            elements.put(key, meta);
                        }
                    }
                }
            }
        }

        String first(String... keys) {
            for (String key : keys) {
                String value = content.get(key);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        String url(String key) {
            Element el = elements.get(key);
            return el == null ? null : absoluteUrl(el, "content");
        }
    }

    private static String plain(String maybeHtml) {
        if (maybeHtml == null) {
            return null;
        }
        return maybeHtml.indexOf('<') >= 0 || maybeHtml.indexOf('&') >= 0
                ? ArticleExtractor.clean(Jsoup.parse(maybeHtml).text()) : ArticleExtractor.clean(maybeHtml);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

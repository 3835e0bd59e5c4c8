package io.newsflow.localstack;

import io.newsflow.localstack.SampleNewsSite.SampleArticle;
import io.newsflow.localstack.SampleNewsSiteCatalog.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleNewsSiteTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RSS1 = "http://purl.org/rss/1.0/";
    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private static SampleNewsSite site;
    private static HttpClient http;
    private static SampleNewsSiteCatalog catalog;

    @BeforeAll
    static void start() {
        site = SampleNewsSite.start(0);
        catalog = SampleNewsSiteCatalog.load();
        // java.net.http neither asks for gzip nor decompresses, so each test controls Accept-Encoding itself.
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        site.close();
        http.close();
    }

    // ---------------------------------------------------------------- feeds

    @Test
    void everyFeedIsWellFormedXmlAndItsAbsoluteLinksResolveOnTheSite() throws Exception {
        assertThat(site.feedUrls()).hasSize(6);
        for (URI feed : site.feedUrls()) {
            HttpResponse<byte[]> response = get(feed);
            assertThat(response.statusCode()).as(feed.toString()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).matches("application/(rss|atom|rdf)\\+xml; charset=utf-8"));
            Document xml = parse(response.body());
            List<String> links = itemLinks(xml);
            assertThat(links).as("items of %s", feed).isNotEmpty();
            for (String link : links) {
                URI uri = URI.create(link);
                assertThat(uri.isAbsolute()).as(link).isTrue();
                assertThat(link).startsWith(site.baseUrl() + "/");
                HttpResponse<byte[]> page = get(uri);
                assertThat(page.statusCode()).as(link).isEqualTo(200);
                assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            }
        }
    }

    @Test
    void everyArticleIsInAFeedAndSomeAreInTwoSoDedupHasWorkToDo() throws Exception {
        Map<URI, Integer> feedsPerArticle = new HashMap<>();
        for (URI feed : site.feedUrls()) {
            for (String link : itemLinks(parse(get(feed).body()))) {
                URI withoutQuery = URI.create(link.replaceFirst("\\?.*$", ""));
                feedsPerArticle.merge(withoutQuery, 1, Integer::sum);
            }
        }
        assertThat(feedsPerArticle.keySet()).containsExactlyInAnyOrderElementsOf(
                site.articles().stream().map(SampleArticle::url).toList());
        assertThat(feedsPerArticle.values().stream().filter(n -> n >= 2).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void rssFeedsAreRss20WithDatedItems() throws Exception {
        List<URI> rssFeeds = site.feedUrls().stream().filter(u -> u.getPath().endsWith("/rss.xml")).toList();
        assertThat(rssFeeds).hasSize(catalog.outlets().size());
        for (URI feed : rssFeeds) {
            Element rss = parse(get(feed).body()).getDocumentElement();
            assertThat(rss.getLocalName()).isEqualTo("rss");
            assertThat(rss.getAttribute("version")).isEqualTo("2.0");
            Element channel = child(rss, null, "channel");
            assertThat(text(channel, null, "title")).isNotBlank();
            assertThat(text(channel, null, "link")).startsWith(site.baseUrl().toString());
            assertThat(text(channel, null, "description")).isNotBlank();
            for (Element item : children(channel, null, "item")) {
                assertThat(text(item, null, "title")).isNotBlank();
                assertThat(text(item, null, "guid")).isNotBlank();
                assertThat(ZonedDateTime.parse(text(item, null, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME))
                        .isBefore(ZonedDateTime.parse("2026-11-23T00:00:00Z"));
            }
        }
    }

    @Test
    void atomFeedIsValidAtom10() throws Exception {
        URI feed = onlyFeedEndingWith("/atom.xml");
        Element root = parse(get(feed).body()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        // RFC 4287 §4.1.1: a feed has exactly one id, title and updated; self link is recommended.
        assertThat(children(root, ATOM, "id")).hasSize(1);
        assertThat(children(root, ATOM, "title")).hasSize(1);
        OffsetDateTime.parse(text(root, ATOM, "updated"));
        assertThat(children(root, ATOM, "link")).anySatisfy(link -> {
            assertThat(link.getAttribute("rel")).isEqualTo("self");
            assertThat(link.getAttribute("href")).isEqualTo(feed.toString());
        });
        List<Element> entries = children(root, ATOM, "entry");
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            assertThat(ids.add(text(entry, ATOM, "id"))).isTrue();
            assertThat(URI.create(text(entry, ATOM, "id")).getScheme()).isEqualTo("tag");
            assertThat(text(entry, ATOM, "title")).isNotBlank();
            OffsetDateTime.parse(text(entry, ATOM, "updated"));
            OffsetDateTime.parse(text(entry, ATOM, "published"));
            assertThat(text(child(entry, ATOM, "author"), ATOM, "name")).isNotBlank();
            assertThat(children(entry, ATOM, "link")).singleElement()
                    .satisfies(link -> assertThat(link.getAttribute("rel")).isEqualTo("alternate"));
        }
    }

    @Test
    void rdfFeedIsValidRss10() throws Exception {
        URI feed = onlyFeedEndingWith("/rdf.xml");
        Element root = parse(get(feed).body()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(RDF);
        assertThat(root.getLocalName()).isEqualTo("RDF");
        Element channel = child(root, RSS1, "channel");
        assertThat(channel.getAttributeNS(RDF, "about")).isEqualTo(feed.toString());
        assertThat(text(channel, RSS1, "title")).isNotBlank();
        assertThat(text(channel, RSS1, "link")).isNotBlank();
        assertThat(text(channel, RSS1, "description")).isNotBlank();
        // RSS 1.0: the channel's rdf:Seq lists exactly the items that follow, by rdf:about.
        List<String> sequence = children(child(child(channel, RSS1, "items"), RDF, "Seq"), RDF, "li").stream()
                .map(li -> li.getAttributeNS(RDF, "resource")).toList();
        List<Element> items = children(root, RSS1, "item");
        assertThat(items.stream().map(i -> i.getAttributeNS(RDF, "about")).toList()).isEqualTo(sequence);
        for (Element item : items) {
            assertThat(text(item, RSS1, "link")).isEqualTo(item.getAttributeNS(RDF, "about"));
            assertThat(text(item, RSS1, "title")).isNotBlank();
            OffsetDateTime.parse(text(item, "http://purl.org/dc/elements/1.1/", "date"));
        }
    }

    @Test
    void secureParserRejectsADoctypeSoTheFeedTestsWouldCatchOne() {
        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parse(xxe)).isInstanceOf(SAXParseException.class);
    }

    // ---------------------------------------------------------------- article pages

    @Test
    void everyArticlePageShowsItsTitleEntitiesAndTheChromeTheExtractorMustDrop() throws Exception {
        assertThat(site.articles()).hasSizeBetween(10, 12);
        for (SampleArticle article : site.articles()) {
            String page = html(article.url());
            assertThat(page).as(article.url().toString())
                    .contains("<h1", article.title())
                    .contains("<html lang=\"" + article.language());
            for (String entity : article.expectEntities()) {
                assertThat(page).as("%s mentions %s", article.url(), entity).contains(entity);
            }
            // The e2e check "extracted text lacks X" only means something if X really is on the page.
            for (String chrome : article.mustNotContain()) {
                assertThat(page).as("%s has chrome %s", article.url(), chrome).contains(chrome);
            }
            assertThat(article.expectEntities()).hasSizeBetween(2, 4);
            assertThat(article.mustNotContain()).hasSize(2);
        }
    }

    @Test
    void entitiesAreInTheArticleTextAndChromePhrasesAreNot() {
        for (Article article : catalog.articles()) {
            String text = plainText(catalog.bodyOf(article));
            assertThat(text).as(article.id()).contains(article.expectEntities());
            for (String chrome : article.mustNotContain()) {
                assertThat(text).as(article.id()).doesNotContain(chrome);
            }
        }
    }

    @Test
    void articleTextsAreNewsLengthWithHeadingsListsAndQuotes() {
        for (Article article : catalog.articles()) {
            String body = catalog.bodyOf(article);
            int words = plainText(body).split("\\s+").length;
            assertThat(words).as("words in %s", article.id()).isBetween(300, 700);
            assertThat(body).as(article.id()).contains("<p>", SampleNewsSiteRenderer.READ_ALSO_MARKER);
            // The box goes between paragraphs, not at either end.
            int marker = body.indexOf(SampleNewsSiteRenderer.READ_ALSO_MARKER);
            assertThat(body.substring(0, marker)).contains("</p>");
            assertThat(body.substring(marker)).contains("<p>");
        }
        assertThat(catalog.articles()).allSatisfy(a -> assertThat(catalog.bodyOf(a)).contains("<h2>", "<ul>"));
        assertThat(catalog.articles()).filteredOn(a -> catalog.bodyOf(a).contains("<blockquote>")).hasSizeGreaterThan(8);
    }

    @Test
    void pagesCarryRealisticChromeAroundTheArticle() throws Exception {
        Map<String, List<String>> chromeByOutlet = Map.of(
                "harbour-gazette", List.of("<nav", "Read also", "Most read", "Share", "Morning Briefing", "cookies", "<textarea", "<footer"),
                "continental-wire", List.of("class=\"menu\"", "Related coverage", "Most Read", "Share on X", "daily digest", "cookies", "<textarea", "class=\"footer\""),
                "nordlys-avis", List.of("class=\"meny\"", "Les også", "Mest lest", "Del:", "nyhetsbrevet", "informasjonskapsler", "<textarea", "id=\"bunn\""),
                "rheinblick", List.of("<nav", "Lesen Sie auch", "Meistgelesen", "teilen", "Newsletter", "Cookies", "<textarea", "<footer"));
        for (SampleArticle article : site.articles()) {
            String page = html(article.url());
            assertThat(page).as(article.url().toString()).contains(chromeByOutlet.get(article.outlet()));
            // The "read also" box sits inside the article body, between its paragraphs.
            String readAlso = Map.of("harbour-gazette", "class=\"read-also\"", "continental-wire", "class=\"related-coverage\"",
                    "nordlys-avis", "class=\"les-ogsa\"", "rheinblick", "class=\"lesen-sie-auch\"").get(article.outlet());
            int box = page.indexOf(readAlso);
            assertThat(box).isPositive();
            assertThat(page.substring(box)).contains("<p>");
            assertThat(page.substring(0, box)).contains("<p>");
            // Links are absolute and point at this site's actual port (or at share services / mail).
            Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
            while (href.find()) {
                assertThat(href.group(1)).as("link on %s", article.url())
                        .matches("(" + Pattern.quote(site.baseUrl().toString()) + "/|https://|mailto:|#).*");
            }
        }
    }

    @Test
    void somePagesHaveJsonLdAndCanonicalOthersOnlyATimeAndByline() throws Exception {
        int withJsonLd = 0;
        int withoutJsonLd = 0;
        for (SampleArticle article : site.articles()) {
            String page = html(article.url());
            assertThat(page).as(article.url().toString()).containsPattern("<time[^>]* datetime=\"2026-11-\\d\\dT");
            Matcher jsonLd = JSON_LD.matcher(page);
            if (jsonLd.find()) {
                withJsonLd++;
                Map<String, Object> ld = SampleNewsSiteCatalog.asObject(
                        new SampleNewsSiteCatalog.JsonReader(jsonLd.group(1)).readDocument(), "json-ld");
                assertThat(ld).containsEntry("@type", "NewsArticle").containsEntry("headline", article.title());
                assertThat(Instant.parse((String) ld.get("datePublished"))).isBefore(Instant.parse("2026-11-23T00:00:00Z"));
                assertThat(ld.get("author")).asString().contains("name");
                assertThat(page).contains("<link rel=\"canonical\" href=\"" + article.url() + "\">");
            } else {
                withoutJsonLd++;
                assertThat(page).containsPattern("(Av <b>|Von )\\p{Lu}");
            }
        }
        assertThat(withJsonLd).isGreaterThanOrEqualTo(3);
        assertThat(withoutJsonLd).isGreaterThanOrEqualTo(3);
        assertThat(html(site.articles().stream().filter(a -> a.outlet().equals("nordlys-avis")).findFirst().orElseThrow().url()))
                .doesNotContain("og:title", "ld+json", "rel=\"canonical\"");
    }

    @Test
    void theCorpusHasASharedStoryAcrossOutletsAndLanguagesAndUnrelatedStories() {
        assertThat(catalog.outlets()).hasSizeBetween(3, 4);
        assertThat(site.articles()).extracting(SampleArticle::language).contains("en", "nb", "de");
        Map<String, List<Article>> byStory = catalog.articles().stream().collect(Collectors.groupingBy(Article::story));
        assertThat(byStory.values()).anySatisfy(story -> {
            assertThat(story.stream().map(Article::outlet).distinct()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(story.stream().map(Article::language).distinct()).contains("en", "nb");
            assertThat(story).extracting(Article::relation).contains("original", "rewrite", "translation");
        });
        // The syndicated copy is the wire text word for word under another outlet's name and URL.
        Article syndicated = catalog.articles().stream().filter(a -> a.relation().equals("syndicated")).findFirst().orElseThrow();
        Article original = byStory.get(syndicated.story()).stream().filter(a -> a.relation().equals("original")).findFirst().orElseThrow();
        assertThat(syndicated.outlet()).isNotEqualTo(original.outlet());
        assertThat(catalog.bodyOf(syndicated)).isEqualTo(catalog.bodyOf(original));
        assertThat(byStory.values().stream().filter(s -> s.size() == 1).count()).isGreaterThanOrEqualTo(5);
        assertThat(catalog.articles().stream().map(Article::path).distinct()).hasSize(catalog.articles().size());
    }

    // ---------------------------------------------------------------- HTTP behaviour

    @Test
    void conditionalGetsAreAnsweredWith304() throws Exception {
        URI feed = site.feedUrls().getFirst();
        HttpResponse<byte[]> first = get(feed);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]+\"");

        HttpResponse<byte[]> byEtag = get(feed, "If-None-Match", etag);
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.headers().firstValue("ETag")).contains(etag);

        assertThat(get(feed, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(feed, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
        assertThat(get(feed, "If-None-Match", "\"something-else\"", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
        String anHourEarlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusHours(1));
        assertThat(get(feed, "If-Modified-Since", anHourEarlier).statusCode()).isEqualTo(200);
        assertThat(get(feed, "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);

        // A validator from the gzip variant also revalidates, and pages behave like feeds.
        URI page = site.articles().getFirst().url();
        String gzipEtag = get(page, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).endsWith("-gzip\"");
        assertThat(get(page, "If-None-Match", gzipEtag).statusCode()).isEqualTo(304);
        assertThat(get(page, "If-None-Match", "W/" + gzipEtag + ", \"x\"", "Accept-Encoding", "gzip").statusCode()).isEqualTo(304);
    }

    @Test
    void lastModifiedIsThePublicationTimeOfThePageAndTheNewestItemOfAFeed() throws Exception {
        Article article = catalog.articles().getFirst();
        HttpResponse<byte[]> page = get(site.baseUrl().resolve(article.path()));
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(page.headers().firstValue("Last-Modified").orElseThrow())))
                .isEqualTo(article.publishedAt());
        Instant newestWire = catalog.articlesOf("continental-wire").stream().map(Article::publishedAt).max(Instant::compareTo).orElseThrow();
        HttpResponse<byte[]> feed = get(site.baseUrl().resolve("/continental-wire/feed/rss.xml"));
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(feed.headers().firstValue("Last-Modified").orElseThrow())))
                .isEqualTo(newestWire);
    }

    @Test
    void gzipIsUsedOnlyWhenTheClientAsksForIt() throws Exception {
        URI page = site.articles().get(2).url();
        HttpResponse<byte[]> plain = get(page);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Vary")).contains("Accept-Encoding");

        HttpResponse<byte[]> gzipped = get(page, "Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(get(page, "Accept-Encoding", "gzip;q=0, identity").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void unknownPathsAre404AndOnlyGetAndHeadAreAllowed() throws Exception {
        assertThat(get(site.baseUrl().resolve("/no/such/article")).statusCode()).isEqualTo(404);
        assertThat(get(site.baseUrl().resolve("/harbour-gazette/feed/json")).statusCode()).isEqualTo(404);
        assertThat(get(site.baseUrl().resolve("/harbour-gazette/world/2026/11/20/allies-agree-winter-air-defence-package-for-kyiv/")).statusCode())
                .isEqualTo(404);
        // Tracking parameters do not change what is served.
        URI tracked = URI.create(site.articles().getFirst().url() + "?utm_source=newsletter&fbclid=abc");
        assertThat(get(tracked).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(site.feedUrls().getFirst())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(site.feedUrls().getFirst())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theIndexPageListsOutletsAndFeedsAndOutletHomesListTheirArticles() throws Exception {
        String index = html(site.baseUrl().resolve("/"));
        assertThat(index).contains("Harbour Gazette", "Nordlys Avis", "Continental Wire", "Rheinblick");
        for (URI feed : site.feedUrls()) {
            assertThat(index).contains("href=\"" + feed + "\"");
        }
        assertThat(html(site.baseUrl().resolve("/nordlys-avis/"))).contains("Skreikvoten kuttes igjen");
        HttpResponse<byte[]> redirect = get(site.baseUrl().resolve("/nordlys-avis"));
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).contains(site.baseUrl() + "/nordlys-avis/");
        Document opml = parse(get(site.baseUrl().resolve("/feeds.opml")).body());
        NodeList outlines = opml.getElementsByTagName("outline");
        List<String> xmlUrls = new ArrayList<>();
        for (int i = 0; i < outlines.getLength(); i++) {
            String url = ((Element) outlines.item(i)).getAttribute("xmlUrl");
            if (!url.isEmpty()) {
                xmlUrls.add(url);
            }
        }
        assertThat(xmlUrls).containsExactlyElementsOf(site.feedUrls().stream().map(URI::toString).toList());
    }

    @Test
    void twoSitesOnFreePortsEachLinkToThemselves() throws Exception {
        try (SampleNewsSite other = SampleNewsSite.start(0)) {
            assertThat(other.baseUrl()).isNotEqualTo(site.baseUrl());
            assertThat(other.baseUrl().getHost()).isEqualTo("127.0.0.1");
            String feed = new String(get(other.feedUrls().getFirst()).body(), StandardCharsets.UTF_8);
            assertThat(feed).contains(other.baseUrl() + "/").doesNotContain(site.baseUrl() + "/");
            assertThat(other.articles()).allSatisfy(a -> assertThat(a.url().toString()).startsWith(other.baseUrl() + "/"));
        }
    }

    @Test
    void acceptEncodingParsing() {
        assertThat(SampleNewsSite.acceptsGzip(null)).isFalse();
        assertThat(SampleNewsSite.acceptsGzip(List.of("gzip, deflate"))).isTrue();
        assertThat(SampleNewsSite.acceptsGzip(List.of("deflate", "x-gzip"))).isTrue();
        assertThat(SampleNewsSite.acceptsGzip(List.of("GZIP;q=0.5"))).isTrue();
        assertThat(SampleNewsSite.acceptsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(SampleNewsSite.acceptsGzip(List.of("br, identity"))).isFalse();
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<byte[]> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI onlyFeedEndingWith(String suffix) {
        List<URI> feeds = site.feedUrls().stream().filter(u -> u.getPath().endsWith(suffix)).toList();
        assertThat(feeds).hasSize(1);
        return feeds.getFirst();
    }

    private static String html(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(uri);
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A parser that refuses DOCTYPEs and external entities (no XXE), as the ingest side must. */
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e; // quietly: the default handler would also print it
            }
        });
        return builder.parse(new ByteArrayInputStream(xml));
    }

    /** The article links a feed reader would follow, whatever the format. */
    private static List<String> itemLinks(Document xml) {
        Element root = xml.getDocumentElement();
        List<String> links = new ArrayList<>();
        switch (root.getLocalName()) {
            case "rss" -> children(child(root, null, "channel"), null, "item").forEach(i -> links.add(text(i, null, "link")));
            case "feed" -> children(root, ATOM, "entry").forEach(e -> children(e, ATOM, "link").stream()
                    .filter(l -> l.getAttribute("rel").isEmpty() || l.getAttribute("rel").equals("alternate"))
                    .forEach(l -> links.add(l.getAttribute("href"))));
            case "RDF" -> children(root, RSS1, "item").forEach(i -> links.add(text(i, RSS1, "link")));
            default -> throw new AssertionError("not a feed: " + root.getLocalName());
        }
        return links;
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())
                    && (namespace == null ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.getFirst();
    }

    private static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent().strip();
    }

    private static String plainText(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}

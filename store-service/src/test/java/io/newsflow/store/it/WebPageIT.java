package io.newsflow.store.it;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.localstack.quarkus.KafkaBrokerResource;
import io.newsflow.localstack.quarkus.PostgresResource;
import io.newsflow.store.TestArticles;
import io.newsflow.store.persistence.ArticleWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The analyst page at {@code /} in a real headless browser (Debian chromium) against the running service: its
 * scripts fetch the API and must render stories, articles with entities and topics, the trending chart and connect
 * the live stream; a screenshot must show a rendered page, not a blank one. Skipped where chromium is not installed.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class WebPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration BROWSER_LIMIT = Duration.ofSeconds(90);

    @TestHTTPResource("/")
    URL root;

    @Inject
    ArticleWriter writer;

    private static List<EnrichedArticle> articles;

    @BeforeEach
    void storeArticles() throws Exception {
        if (articles != null) {
            return;
        }
        // Published within the last hours, so they lead the list and appear in the 7-day trending chart.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String wire = "Page test " + RUN + ": ministers agreed on Thursday to send four more air-defence batteries "
                + "before winter, officials said after a two-day meeting at the alliance headquarters in Brussels.";
        articles = List.of(
                TestArticles.article("page-wire-" + RUN + ".test").title("Allies pledge batteries " + RUN).text(wire)
                        .publishedAt(now.minus(Duration.ofHours(3)))
                        .entities(alliance())
                        .topics(TestArticles.topic("medtop:16000000", "conflict, war and peace")).build(),
                TestArticles.article("page-copy-" + RUN + ".test").title("Allies pledge more batteries " + RUN)
                        .text(wire + " Distributed by Continental Wire.").publishedAt(now.minus(Duration.ofHours(2)))
                        .entities(alliance())
                        .topics(TestArticles.topic("medtop:16000000", "conflict, war and peace")).build(),
                TestArticles.article("page-other-" + RUN + ".test").language("nb").title("Skreikvoten kuttes " + RUN)
                        .text("Kvoten for torsk i Barentshavet blir neste år den laveste på over 30 år " + RUN)
                        .publishedAt(now.minus(Duration.ofHours(1)))
                        .entities(TestArticles.entity("Q179398", "Lofoten", EntityType.LOCATION, 0.7))
                        .topics(TestArticles.topic("medtop:20000175", "fishing industry")).build());
        for (EnrichedArticle a : articles) {
            writer.upsert(a);
        }
    }

    /** Mentioned often, so it leads the trending chart whatever other tests stored in the shared database. */
    private static EnrichedArticle.Entity alliance() {
        return new EnrichedArticle.Entity("nf:organization:alliance-" + RUN, "Alliance " + RUN,
                EntityType.ORGANIZATION, false, 500, 0.9, List.of());
    }

    @Test
    void pageIsServedWithItsScriptsAndStylesFromTheService() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"app.js\"></script>"));
        given().get("/app.js").then().statusCode(200).body(containsString("new EventSource('/api/stream?'"));
        given().get("/app.css").then().statusCode(200);
    }

    @Test
    void headlessBrowserRendersStoriesArticlesEntitiesAndTheChart() throws Exception {
        assumeChromium();
        String dom = run(chromium(List.of("--dump-dom", root + "?live=0")), BROWSER_LIMIT);

        assertThat(dom).contains("Allies pledge batteries " + RUN, "Allies pledge more batteries " + RUN,
                "Skreikvoten kuttes " + RUN);
        // Story list: the two copies form one story with two articles.
        assertThat(dom).contains("<span class=\"badge\">2</span><span class=\"title\">Allies pledge batteries " + RUN);
        // Entities and topics as chips on the article items; the trending chart drawn as SVG lines with a legend.
        assertThat(dom).contains("Alliance " + RUN, "conflict, war and peace", "<svg", "<polyline",
                "data-entity=\"nf:organization:alliance-" + RUN + "\"");
        // Facets computed over the filtered set.
        assertThat(dom).contains("class=\"facet\"", "<h3>source</h3>", "<h3>entity</h3>");

        Path screenshot = Files.createTempFile("newsflow-page", ".png");
        try {
            run(chromium(List.of("--screenshot=" + screenshot, "--window-size=1280,900", root + "?live=0")),
                    BROWSER_LIMIT);
            BufferedImage image = ImageIO.read(screenshot.toFile());
            assertThat(image).as("screenshot is a PNG").isNotNull();
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(nonBackgroundShare(image)).as("share of pixels that differ from the dominant colour")
                    .isGreaterThan(0.05);
            assertThat(distinctColours(image)).as("distinct colours (text, chips, chart)").isGreaterThan(50);
        } finally {
            Files.deleteIfExists(screenshot);
        }
    }

    @Test
    void headlessBrowserShowsArticlesStoredWhileThePageIsOpen() throws Exception {
        assumeChromium();
        // live=once: the page closes its stream after the first pushed article, so the browser can finish.
        Process browser = chromium(List.of("--dump-dom", root + "?live=once"));
        CompletableFuture<String> dom = output(browser);
        List<String> pushed = new ArrayList<>();
        Instant deadline = Instant.now().plus(BROWSER_LIMIT);
        while (browser.isAlive() && Instant.now().isBefore(deadline)) {
            // Keep storing until the page has received one: the test cannot see when the page subscribed.
            EnrichedArticle live = TestArticles.article("page-live-" + RUN + ".test")
                    .title("Live article " + pushed.size() + " " + RUN).text("Breaking: something happened " + RUN)
                    .publishedAt(Instant.now()).build();
            writer.upsert(live);
            pushed.add(live.article().title());
            browser.waitFor(1, TimeUnit.SECONDS);
        }
        String html = finish(browser, dom);
        assertThat(html).contains("live (closed)");
        assertThat(pushed).anySatisfy(title -> assertThat(html).containsPattern(
                "<li class=\"new\" data-id=\"[0-9a-f]+\"><a class=\"title\">" + title + "</a>"));
    }

    private static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed at " + CHROMIUM
                + " (apt-get install -y chromium); skipping the browser test");
    }

    /** Starts headless chromium with a fresh profile. */
    private static Process chromium(List<String> arguments) throws IOException {
        Path profile = Files.createTempDirectory("newsflow-chromium");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run",
                "--disable-component-update", "--disable-sync", "--disable-breakpad", "--user-data-dir=" + profile,
                "--hide-scrollbars", "--virtual-time-budget=10000"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.onExit().thenRun(() -> delete(profile));
        return process;
    }

    private static String run(Process process, Duration limit) throws Exception {
        return finish(process, output(process), limit);
    }

    private static CompletableFuture<String> output(Process process) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String finish(Process process, CompletableFuture<String> output) throws Exception {
        return finish(process, output, BROWSER_LIMIT);
    }

    /** Waits for the browser; one that hangs is killed with all its helper processes and fails the test. */
    private static String finish(Process process, CompletableFuture<String> output, Duration limit) throws Exception {
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + limit);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        return output.get(10, TimeUnit.SECONDS);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static double nonBackgroundShare(BufferedImage image) {
        Map<Integer, Integer> counts = histogram(image);
        int dominant = counts.values().stream().max(Integer::compare).orElse(0);
        return 1.0 - (double) dominant / (image.getWidth() * image.getHeight());
    }

    private static int distinctColours(BufferedImage image) {
        return histogram(image).size();
    }

    private static Map<Integer, Integer> histogram(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        return counts;
    }
}

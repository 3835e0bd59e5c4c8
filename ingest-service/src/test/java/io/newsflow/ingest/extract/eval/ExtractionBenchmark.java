package io.newsflow.ingest.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.feed.FeedParseException;
import io.newsflow.ingest.feed.FeedParser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Speed (and, for extraction, quality) of ingest-service's extractor and feed parser next to a peer, in one run:
 * <ul>
 *   <li>extraction: pages per CPU-second of one thread over the shared benchmark's pages (warmed up first), and the
 *       reference scorer's F1, beside readability-lxml (Debian python3-readability) on the same pages;</li>
 *   <li>feed parsing: items per CPU-second of {@link FeedParser} on a generated RSS 2.0 feed, beside feedparser
 *       (Debian python3-feedparser) on the same file.</li>
 * </ul>
 * CPU time of the measuring thread (not wall time) is the per-core figure, so other load on a shared machine does not
 * count against either side. Not a unit test: run {@code ingest-service/eval/bench.sh}. The extraction half is skipped
 * with a note when the benchmark pages are absent; a peer that is not installed is reported as missing.
 */
public final class ExtractionBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int peerRounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;

        Path dir = EvalPages.defaultDir();
        if (EvalPages.present(dir)) {
            extraction(dir, work, seconds, peerRounds);
        } else {
            System.out.println("Extraction benchmark not found at " + dir + "; extraction skipped.");
        }
        feeds(work, seconds, peerRounds);
    }

    private static void extraction(Path dir, Path work, double seconds, int peerRounds)
            throws IOException, InterruptedException {
        EvalPages eval = EvalPages.load(dir);
        ArticleExtractor extractor = new ArticleExtractor();
        long bytes = eval.pages().values().stream().mapToLong(b -> b.length).sum();
        Runnable round = () -> {
            for (Map.Entry<String, byte[]> page : eval.pages().entrySet()) {
                extractor.extract(page.getValue(), null, "https://eval.invalid/" + page.getKey());
            }
        };
        double perSecond = eval.pages().size() / cpuSecondsPerRound(round, seconds);
        System.out.printf("extraction  newsflow ArticleExtractor: %,.0f pages/s per core (%d pages, %.1f MB of HTML)%n",
                perSecond, eval.pages().size(), bytes / 1e6);

        Path predictions = work.resolve("predictions.json");
        ExtractionEvaluation.main(new String[] {"--dir", dir.toString(), "--out", predictions.toString()});

        JsonNode peer = peer("readability", dir.toString(), work.resolve("readability-predictions.json").toString(),
                Integer.toString(peerRounds));
        if (peer != null) {
            double peerRate = peer.get("per_second").asDouble();
            System.out.printf("extraction  readability-lxml: %,.1f pages/s per core; %s%n", peerRate,
                    ExtractionEvaluation.score(dir, work.resolve("readability-predictions.json")));
            System.out.printf("extraction  speed ratio newsflow/readability-lxml: %.1fx%n", perSecond / peerRate);
        }
    }

    private static void feeds(Path work, double seconds, int peerRounds)
            throws IOException, InterruptedException, FeedParseException {
        int items = 10_000;
        Path feed = work.resolve("generated-feed.xml");
        Files.writeString(feed, generatedFeed(items), StandardCharsets.UTF_8);
        byte[] body = Files.readAllBytes(feed);
        FeedParser parser = new FeedParser();
        int parsed = parser.parse(body, "application/rss+xml").items().size();
        Runnable round = () -> {
            try {
                parser.parse(body, "application/rss+xml");
            } catch (FeedParseException e) {
                throw new IllegalStateException(e);
            }
        };
        double perSecond = parsed / cpuSecondsPerRound(round, seconds);
        System.out.printf("feeds       newsflow FeedParser: %,.0f items/s per core (%d items, %.1f MB feed)%n",
                perSecond, parsed, body.length / 1e6);
        JsonNode peer = peer("feedparser", feed.toString(), Integer.toString(peerRounds));
        if (peer != null) {
            double peerRate = peer.get("per_second").asDouble();
            System.out.printf("feeds       feedparser: %,.0f items/s per core%n", peerRate);
            System.out.printf("feeds       speed ratio newsflow/feedparser: %.1fx%n", perSecond / peerRate);
        }
    }

    /** Warms up for a third of the budget, then returns the CPU seconds one round takes on this thread. */
    private static double cpuSecondsPerRound(Runnable round, double seconds) {
        long warmUntil = System.nanoTime() + (long) (seconds / 3 * 1e9);
        do {
            round.run();
        } while (System.nanoTime() < warmUntil);
        long budget = (long) (seconds * 1e9);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        int rounds = 0;
        do {
            round.run();
            rounds++;
        } while (System.nanoTime() - wallStart < budget || rounds < 3);
        return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9 / rounds;
    }

    private static JsonNode peer(String... args) throws IOException, InterruptedException {
        Path script = Path.of("eval/peers.py");
        if (!Files.isRegularFile(script)) {
            System.out.println("peer skipped: eval/peers.py not found (run from ingest-service/)");
            return null;
        }
        String[] command = new String[args.length + 2];
        command[0] = ExtractionEvaluation.python();
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            System.out.println("peer " + args[0] + " not available: " + out.lines().reduce((a, b) -> b).orElse(""));
            return null;
        }
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    /** An RSS 2.0 feed with the extensions real feeds carry: dc:creator, content:encoded, media:content, categories. */
    static String generatedFeed(int items) {
        StringBuilder xml = new StringBuilder(items * 900);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Benchmark Gazette</title>"
                + "<link>https://gazette.example/</link><description>Generated</description><language>en</language>\n");
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < items; i++) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(base.plusSeconds(60L * i).atOffset(ZoneOffset.UTC));
            xml.append("<item><title>Council approves budget item ").append(i).append(" after long debate</title>")
                    .append("<link>https://gazette.example/news/2026/11/item-").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">gazette-").append(i).append("</guid>")
                    .append("<pubDate>").append(date).append("</pubDate>")
                    .append("<dc:creator>Reporter ").append(i % 37).append("</dc:creator>")
                    .append("<category>Politics</category><category>Local</category>")
                    .append("<description><![CDATA[<p>The council voted on item ").append(i)
                    .append(" of the budget, with &amp; without amendments, late on Tuesday.</p>]]></description>")
                    .append("<content:encoded><![CDATA[<p>Paragraph one of story ").append(i)
                    .append(" about the council.</p><p>Paragraph two quotes the mayor.</p>]]></content:encoded>")
                    .append("<media:content url=\"https://gazette.example/img/").append(i)
                    .append(".jpg\" medium=\"image\" width=\"1200\" height=\"800\"/>")
                    .append("</item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }
}

package io.newsflow.enrich.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.entity.KnowledgeBase;
import io.newsflow.enrich.entity.NameCues;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.pipeline.ArticleEnricher;
import io.newsflow.enrich.topic.TopicClassifier;
import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Throughput and memory of the enrich stage, by hand (not part of the normal test run; the class name does not end in
 * Test):
 * <pre>./newsflow mvn -o -pl enrich-service test -Dtest=EnrichBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.seconds=20 -DargLine=-Xmx512m</pre>
 * One thread enriches ~800-word articles (the sample site's en/nb/de articles, each repeated to ~800 words, with the
 * language the page declares, as ingest sends it; then once more without) as the Kafka handler does — parse the RawArticle JSON, enrich, serialise the EnrichedArticle — for a warm-up and then a
 * measured period; articles/s on one thread is the per-core figure. Heap is measured after a full GC with the
 * knowledge base, language model and lexicons loaded.
 */
class EnrichBenchmark {

    /** The same as a plain program, to run with a heap cap: see docs/benchmarks.md. */
    public static void main(String[] args) throws Exception {
        new EnrichBenchmark().run();
    }

    @Test
    void run() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        long before = usedHeapAfterGc();
        ArticleEnricher enricher = new ArticleEnricher(new LanguageIdentifier(20, 0.5, 500),
                new EntityExtractor(KnowledgeBase.builtIn(), NameCues.builtIn()), new TopicClassifier(0.35), 50,
                Clock.systemUTC());
        List<byte[]> corpus = corpus(true);
        long loaded = usedHeapAfterGc();

        int words = 0;
        for (byte[] a : corpus) {
            words += Tokenizer.tokenize(EventJson.fromBytes(a, RawArticle.class).text()).size();
        }
        System.out.printf("Corpus: %d articles, mean %d tokens%n", corpus.size(), words / corpus.size());

        run(enricher, corpus, Math.max(5, seconds / 2) * 1_000_000_000L); // warm-up: JIT
        var threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long count = run(enricher, corpus, seconds * 1_000_000_000L);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();

        // On a shared machine the thread does not get a whole core; CPU time says what one core would do.
        System.out.printf("RESULT enrich-service: %.0f articles per CPU-second on one thread (%.3f ms CPU/article); "
                        + "wall clock %.0f articles/s (%d articles in %.1f s, %.1f s CPU)%n",
                count / cpu, cpu * 1000 / count, count / elapsed, count, elapsed, cpu);
        System.out.printf("RESULT heap: %.0f MB used after GC with everything loaded (%.0f MB before loading), "
                        + "%.0f MB committed, max %.0f MB%n", loaded / 1e6, before / 1e6, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        // Without a declared language the function words decide when they leave no doubt (en, de here), else the model.
        List<byte[]> undeclared = corpus(false);
        long cpuUndeclared = threads.getCurrentThreadCpuTime();
        long countUndeclared = run(enricher, undeclared, Math.max(5, seconds / 2) * 1_000_000_000L);
        double cpuU = (threads.getCurrentThreadCpuTime() - cpuUndeclared) / 1e9;
        System.out.printf("RESULT without a declared language: %.0f articles per CPU-second (%.3f ms CPU/article)%n",
                countUndeclared / cpuU, cpuU * 1000 / countUndeclared);
        breakdown(corpus, Math.max(3, seconds / 3));
        System.out.printf("RESULT cpus: %d available processors, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time per article of each stage alone, to see where the time goes. */
    private static void breakdown(List<byte[]> corpus, int seconds) {
        LanguageIdentifier languages = new LanguageIdentifier(20, 0.5, 500);
        EntityExtractor entities = new EntityExtractor(KnowledgeBase.builtIn(), NameCues.builtIn());
        TopicClassifier topics = new TopicClassifier(0.35);
        io.newsflow.enrich.fingerprint.StoryFingerprinter fingerprints =
                new io.newsflow.enrich.fingerprint.StoryFingerprinter(NameCues.builtIn().neverNames().functionWords());
        List<RawArticle> raws = corpus.stream().map(b -> EventJson.fromBytes(b, RawArticle.class)).toList();
        Map<String, java.util.function.Consumer<RawArticle>> stages = new java.util.LinkedHashMap<>();
        stages.put("json in+out", r -> EventJson.toBytes(EventJson.fromBytes(EventJson.toBytes(r), RawArticle.class)));
        stages.put("tokenize", r -> Tokenizer.tokenize(r.text()));
        stages.put("language", r -> languages.identify(r.title(), r.text(), r.languageHint(),
                Tokenizer.tokenize(r.title()), Tokenizer.tokenize(r.text())));
        stages.put("language undeclared", r -> languages.identify(r.title(), r.text(), null,
                Tokenizer.tokenize(r.title()), Tokenizer.tokenize(r.text())));
        stages.put("language (model)", r -> languages.identify(r.title(), r.text(), null));
        stages.put("entities", r -> entities.extract(r.title(), r.text(), "en"));
        stages.put("topics", r -> topics.classify(Tokenizer.tokenize(r.title()), Tokenizer.tokenize(r.text()), "en", List.of()));
        stages.put("fingerprint", r -> fingerprints.fingerprint(Tokenizer.tokenize(r.title()),
                Tokenizer.tokenize(r.text()), List.of()));
        var threads = ManagementFactory.getThreadMXBean();
        for (var stage : stages.entrySet()) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long n = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            while (System.nanoTime() < end) {
                for (RawArticle r : raws) {
                    stage.getValue().accept(r);
                    n++;
                }
            }
            System.out.printf("RESULT stage %-17s %.3f ms CPU/article (tokenizing included where the stage needs it)%n",
                    stage.getKey(), (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n);
        }
    }

    private static long run(ArticleEnricher enricher, List<byte[]> corpus, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            for (byte[] json : corpus) {
                RawArticle raw = EventJson.fromBytes(json, RawArticle.class);
                EnrichedArticle enriched = enricher.enrich(raw);
                sink += EventJson.toBytes(enriched).length;
                count++;
            }
        }
        if (sink == 42) {
            System.out.println(); // keep the JIT from dropping the work
        }
        return count;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // a hand-run harness: let the collector finish before reading the heap
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /**
     * The sample site's articles as RawArticle JSON, each body repeated to about 800 words; with {@code declared}, the
     * language hint is the page's declared language, as ingest reads it from the page.
     */
    static List<byte[]> corpus(boolean declared) throws Exception {
        JsonNode index;
        try (InputStream in = resource("sample-site/articles.json")) {
            index = new ObjectMapper().readTree(in);
        }
        List<byte[]> out = new ArrayList<>();
        int n = 0;
        for (JsonNode a : index.get("articles")) {
            String body = io.newsflow.enrich.pipeline.SampleSiteBodies.text(a.get("body").asText());
            StringBuilder text = new StringBuilder(body);
            while (text.toString().split("\\s+").length < 800) {
                text.append("\n\n").append(body);
            }
            String[] w = text.toString().split(" ");
            String trimmed = String.join(" ", java.util.Arrays.copyOf(w, Math.min(w.length, 800)));
            String url = "https://bench.example/" + n++;
            RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, io.newsflow.contracts.ArticleIds.idFor(url), url,
                    url, "bench.example", null, a.get("title").asText(), trimmed, null, List.of(),
                    Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:00:00Z"),
                    declared ? a.get("language").asText() : null, "h", 1);
            out.add(EventJson.toBytes(raw));
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = EnrichBenchmark.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " missing (io.newsflow:local-stack on the test classpath)");
        }
        return in;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

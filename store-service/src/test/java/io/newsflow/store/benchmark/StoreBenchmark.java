package io.newsflow.store.benchmark;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EventJson;
import io.newsflow.localstack.LocalPostgres;
import io.newsflow.store.TestArticles;
import io.newsflow.store.messaging.ArticleIntake;
import io.newsflow.store.messaging.IntakeResult;
import io.newsflow.store.messaging.StoreMetrics;
import io.newsflow.store.persistence.ArticleWriter;
import io.newsflow.store.persistence.ArticlesCommitted;
import io.newsflow.store.persistence.DatabaseRetry;
import io.newsflow.store.story.StoryClusterer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.newsflow.contracts.fingerprint.TextFingerprint;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upsert throughput through the real write path (message bytes → {@link ArticleIntake#acceptAll} → JSON parsing,
 * validation, story clustering, {@link ArticleWriter#upsertAll} in one transaction per batch) into an embedded
 * PostgreSQL (local-stack's {@link LocalPostgres}, schema by the service's Flyway migrations). Not a unit test: tagged
 * "benchmark" and excluded from the default build. Run:
 * <pre>
 * ./newsflow mvn -B -o -pl store-service -am test -Dtest=StoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dstore.test.excludedGroups=none [-Dbenchmark.articles=20000] [-Dbenchmark.batch=500] [-Dbenchmark.words=800] \
 *     [-Dbenchmark.cluster=false] [-Dbenchmark.profile=false] [-Dbenchmark.prefill=100000]
 * </pre>
 * Articles are synthetic but shaped like real ones: ~800 words of text (what the pipeline sends for a typical page),
 * 0–6 figures ({@link #figures}), the story fingerprint enrich-service attaches, 8 entities ({@link Entities}: one place, three of which are in 30%,
 * 20% and 10% of all articles, one of 20 common names, six from long-tailed pools), 2 topics, published over three
 * days, 10% of them syndicated copies of another article. Besides articles/s it prints the CPU per article of the
 * writer thread and of PostgreSQL, the time story clustering takes per batch, and (profile, the default) PostgreSQL's
 * time per statement. {@code benchmark.prefill} first stores that many articles with the same entity distribution and
 * dates straight into the tables (short texts, no clustering), so every batch's clustering window holds them: what
 * clustering costs per batch as the window grows.
 */
@Tag("benchmark")
class StoreBenchmark {

    private static final int ARTICLES = Integer.getInteger("benchmark.articles", 20_000);
    private static final int BATCH = Integer.getInteger("benchmark.batch", 500);
    /** false: every article founds its own story without any clustering query, to see what clustering costs. */
    private static final boolean CLUSTER = Boolean.parseBoolean(System.getProperty("benchmark.cluster", "true"));
    /** ~800 words is what ingest extracts from a typical article page and the pipeline sends. */
    private static final int WORDS = Integer.getInteger("benchmark.words", 800);
    /** true: per-statement PostgreSQL times (pg_stat_statements, loaded by a restart) and CPU split, printed. */
    private static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("benchmark.profile", "true"));
    private static final int WARM_UP = Math.min(2_000, ARTICLES / 5);
    /** Articles stored by SQL before the warm-up, in the same three days as the measured ones. */
    private static final int PREFILL = Integer.getInteger("benchmark.prefill", 0);
    private static final Instant START = Instant.parse("2026-11-19T00:00:00Z");
    private static final int DAYS = 3;

    @Test
    void upsertThroughput() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            if (PROFILE) {
                ServerCpu.enableStatementStatistics(postgres);
            }
            if (PREFILL > 0) {
                // Filled under schema v3 (articles, entities, stories) so that later migrations backfill from it.
                Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                        .locations("classpath:db/migration").target("3").load().migrate();
                prefill(postgres);
            }
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("classpath:db/migration").load().migrate();
            if (PREFILL > 0) {
                vacuum(postgres);
            }
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(postgres.jdbcUrl());
            dataSource.setUser(postgres.username());
            dataSource.setPassword(postgres.password());
            dataSource.setReWriteBatchedInserts(true); // as in application.properties
            // The embedded server defaults to synchronous_commit=off (zonky); production keeps it on, so measure that.
            dataSource.setOptions("-c synchronous_commit=on");

            var metrics = new StoreMetrics(new SimpleMeterRegistry());
            List<Long> clusteringNanos = new ArrayList<>();
            StoryClusterer clusterer = CLUSTER ? new StoryClusterer() {
                @Override
                public Assignment assign(Connection connection,
                                         List<io.newsflow.store.story.StoryFeatures> newcomers)
                        throws java.sql.SQLException {
                    long start = System.nanoTime();
                    Assignment assignment = super.assign(connection, newcomers);
                    clusteringNanos.add(System.nanoTime() - start);
                    return assignment;
                }
            } : new StoryClusterer() {
                @Override
                public Assignment assign(Connection connection,
                                         List<io.newsflow.store.story.StoryFeatures> newcomers) {
                    var own = new java.util.LinkedHashMap<String, String>();
                    newcomers.forEach(n -> own.put(n.articleId(), STORY_PREFIX + n.articleId()));
                    return new Assignment(own, java.util.Map.of());
                }
            };
            var writer = new ArticleWriter(dataSource, clusterer, ArticlesCommitted.Listener.NONE);
            var intake = new ArticleIntake(writer::upsert, writer::upsertAll,
                    new DatabaseRetry(Duration.ofMillis(100), Duration.ofSeconds(1), 5, metrics::databaseRetry), metrics);

            List<ArticleIntake.Incoming> messages = generate(WARM_UP + ARTICLES);
            run(intake, messages.subList(0, WARM_UP));
            clusteringNanos.clear();
            ServerCpu serverCpu = new ServerCpu(dataSource);
            if (PROFILE) {
                serverCpu.resetStatementStatistics();
            }
            long serverTicks = serverCpu.ticks();
            long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            run(intake, messages.subList(WARM_UP, messages.size()));
            double seconds = (System.nanoTime() - start) / 1e9;
            double javaCpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu) / 1e6;
            double serverCpuMs = (serverCpu.ticks() - serverTicks) * 1000.0 / ServerCpu.TICKS_PER_SECOND;

            long stored;
            long stories;
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                stored = scalar(st, "SELECT count(*) FROM article");
                stories = scalar(st, "SELECT count(*) FROM story");
            }
            System.out.printf("%nstore-service benchmark: %d articles of %d words in batches of %d, clustering %s, in "
                            + "%.2f s = %.0f articles/s (after %d warm-up; %d articles, %d stories in the database; "
                            + "%d cores)%n%n", ARTICLES, WORDS, BATCH, CLUSTER ? "on" : "off", seconds,
                    ARTICLES / seconds, WARM_UP, stored, stories, Runtime.getRuntime().availableProcessors());
            System.out.printf("CPU per article: writer thread (JVM) %.3f ms, PostgreSQL (all its processes) %.3f ms; "
                    + "load average %s%n", javaCpuMs / ARTICLES, serverCpuMs / ARTICLES, ServerCpu.loadAverage());
            int batches = (ARTICLES + BATCH - 1) / BATCH;
            System.out.printf("Per batch of %d (%d batches, %d articles prefilled): %.1f ms in all, story clustering "
                            + "%.1f ms (max %.1f)%n", BATCH, batches, PREFILL, seconds * 1000 / batches,
                    clusteringNanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
                    clusteringNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6);
            if (PROFILE) {
                serverCpu.printStatementStatistics(ARTICLES);
            }
            assertThat(stored).isEqualTo(PREFILL + WARM_UP + ARTICLES);
        }
    }

    private static void run(ArticleIntake intake, List<ArticleIntake.Incoming> messages) {
        for (int i = 0; i < messages.size(); i += BATCH) {
            List<IntakeResult> results = intake.acceptAll(messages.subList(i, Math.min(i + BATCH, messages.size())));
            assertThat(results).allMatch(r -> r instanceof IntakeResult.Stored);
        }
    }

    private static List<ArticleIntake.Incoming> generate(int count) {
        Random random = new Random(42);
        String[] vocabulary = new String[5_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(random);
        }
        List<ArticleIntake.Incoming> messages = new ArrayList<>(count);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String text;
            if (n > 10 && random.nextInt(10) == 0) {
                text = texts.get(random.nextInt(texts.size())) + " Distributed by a news agency.";
            } else {
                var sb = new StringBuilder();
                for (int w = 0; w < WORDS; w++) {
                    // Zipf-like: common words often, rare words rarely.
                    int index = (int) Math.min(vocabulary.length - 1, Math.abs(random.nextGaussian()) * 800);
                    sb.append(vocabulary[index]).append(w % 17 == 16 ? ". " : " ");
                }
                figures(random).forEach(f -> sb.append("They counted ").append(f).append(". "));
                text = sb.toString();
            }
            texts.add(text);
            EnrichedArticle.Entity[] entities = new EnrichedArticle.Entity[Entities.SLOTS];
            for (int e = 0; e < entities.length; e++) {
                int id = Entities.draw(e, random.nextDouble());
                entities[e] = TestArticles.entity("Q" + id, "Entity " + id, Entities.type(e, id), 0.9 - e * 0.1);
            }
            String title = "Headline " + n + " " + vocabulary[random.nextInt(vocabulary.length)];
            EnrichedArticle built = TestArticles.article("outlet" + (n % 50) + ".bench")
                    .title(title)
                    .text(text).language(n % 3 == 0 ? "nb" : "en")
                    .publishedAt(START.plusSeconds(random.nextInt(DAYS * 24 * 3600)))
                    .entities(entities)
                    .topics(TestArticles.topic("medtop:" + (10 + random.nextInt(7)) + "000000", "topic"),
                            TestArticles.topic("medtop:04" + (100 + random.nextInt(9)) + "000", "sub"))
                    .build();
            // As enrich-service sends it: the story fingerprint of title and text comes with the event.
            EnrichedArticle article = new EnrichedArticle(built.schemaVersion(), built.article(), built.language(),
                    built.entities(), built.topics(), built.enrichedAt(),
                    EnrichedArticle.Fingerprint.of(TextFingerprint.of(title, text), List.of(), List.of()));
            messages.add(new ArticleIntake.Incoming(EventJson.toBytes(article), article.id(), "bench@" + n));
        }
        return messages;
    }

    /**
     * Who articles name, by slot (salience falls with the slot): slot 0 a place, {@code Q1}/{@code Q2}/{@code Q3} in
     * 30/20/10% of articles (the country every story names), else one of 200; slot 1 one of 20 names each in ~5%;
     * slots 2–7 each from its own pool of 30,000 with a 1/rank (Zipf) distribution, whose head is in a few percent of
     * articles and whose tail is rare. The prefill draws with the same function in SQL ({@link #SQL}).
     */
    static final class Entities {
        static final int SLOTS = 8;
        static final int TAIL = 30_000;

        static int draw(int slot, double u) {
            if (slot == 0) {
                return u < 0.3 ? 1 : u < 0.5 ? 2 : u < 0.6 ? 3 : 100 + (int) ((u - 0.6) / 0.4 * 200);
            }
            if (slot == 1) {
                return 1000 + (int) (u * 20);
            }
            return slot * 100_000 + (int) Math.exp(u * Math.log(TAIL));
        }

        static EntityType type(int slot, int id) {
            return slot == 0 ? EntityType.LOCATION : EntityType.values()[id % 5];
        }

        /** {@link #draw} for {@code u} (a column) in SQL, with {@code slot} a column. */
        static final String SQL = """
                CASE WHEN slot = 0 THEN CASE WHEN u < 0.3 THEN 1 WHEN u < 0.5 THEN 2 WHEN u < 0.6 THEN 3
                                             ELSE 100 + floor((u - 0.6) / 0.4 * 200)::int END
                     WHEN slot = 1 THEN 1000 + floor(u * 20)::int
                     ELSE slot * 100000 + floor(exp(u * ln(%d)))::int END""".formatted(TAIL);
        /** {@link #type} in SQL, with {@code slot} and {@code id} columns. */
        static final String TYPE_SQL = "CASE WHEN slot = 0 THEN 'LOCATION' ELSE (ARRAY['PERSON', 'ORGANIZATION', "
                + "'LOCATION', 'PRODUCT', 'EVENT'])[id % 5 + 1] END";

        private Entities() {
        }
    }

    /**
     * Stores {@link #PREFILL} articles (a one-line text, no fingerprint, each its own story) with the measured
     * articles' entity distribution and dates, in three statements.
     */
    private static void prefill(LocalPostgres postgres) throws Exception {
        String time = "timestamptz '%s' + make_interval(secs => (g::bigint * 7919) %% %d)".formatted(START,
                DAYS * 24 * 3600);
        long start = System.nanoTime();
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute(("INSERT INTO story (id, title, first_seen, last_seen, article_count) SELECT 'st-prefill-' "
                    + "|| g, 'Prefilled ' || g, %1$s, %1$s, 1 FROM generate_series(1, %2$d) g").formatted(time,
                    PREFILL));
            st.execute(("INSERT INTO article (id, canonical_url, title, text, language, revision, published_at, "
                    + "fetched_at, story_id) SELECT 'prefill-' || g, 'https://prefill.bench/' || g, 'Prefilled ' "
                    + "|| g, 'A prefilled article.', 'en', 1, %1$s, %1$s, 'st-prefill-' || g "
                    + "FROM generate_series(1, %2$d) g").formatted(time, PREFILL));
            st.execute(("""
                    INSERT INTO article_entity (article_id, entity_id, name, type, linked, count, salience)
                    SELECT 'prefill-' || g, 'Q' || id, 'Entity ' || id, %s, true, 1, 0.9 - slot * 0.1
                    FROM (SELECT g, slot, %s AS id
                          FROM (SELECT g, slot, random() AS u
                                FROM generate_series(1, %d) g, generate_series(0, %d) slot) r) x
                    """).formatted(Entities.TYPE_SQL, Entities.SQL, PREFILL, Entities.SLOTS - 1));
        }
        System.out.printf("Prefilled %d articles in %.1f s%n", PREFILL, (System.nanoTime() - start) / 1e9);
    }

    /**
     * VACUUM ANALYZE after the prefill and the migrations that rewrote it, as autovacuum would do before long: index-only
     * scans and the planner's estimates then see the steady state, not a freshly bulk-loaded table.
     */
    private static void vacuum(LocalPostgres postgres) throws Exception {
        long start = System.nanoTime();
        try (Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password()); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE");
        }
        System.out.printf("VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * The figures of one article, as real ones report them: 0–6 (mean 3; the held-out story sets average 2.8 specific
     * figures, half of the articles 3 or more), half of them from a small pool of values many articles share (ages,
     * counts, round amounts: 32–1,000, most below 300), half specific (a five-digit count, an amount with decimals).
     */
    private static List<String> figures(Random random) {
        List<String> figures = new ArrayList<>();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            figures.add(random.nextBoolean()
                    ? Integer.toString(32 + (int) Math.min(968, Math.abs(random.nextGaussian()) * 150))
                    : random.nextBoolean() ? String.format(java.util.Locale.ROOT, "%,d", 10_000 + random.nextInt(990_000))
                    : String.format(java.util.Locale.ROOT, "%d.%d", 1 + random.nextInt(98), 1 + random.nextInt(9)));
        }
        return figures;
    }

    private static String word(Random random) {
        int length = 3 + random.nextInt(8);
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

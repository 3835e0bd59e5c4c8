package io.newsflow.e2e.bench;

import io.newsflow.contracts.Topics;
import io.newsflow.localstack.LocalPipeline;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.localstack.SyntheticNewsSite;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * End-to-end benchmark of the local pipeline (not a test): {@code N} synthetic outlets on loopback feed the three
 * packaged services (each its own process) on a real Kafka broker and PostgreSQL.
 *
 * <ol>
 *   <li>latency phase: the site publishes at a fixed rate (default 100 articles/s); for every article fetched in the
 *       measured window, fetch → stored latency is {@code article.stored_at - article.fetched_at} read from PostgreSQL
 *       (fetched_at is the RawArticle's fetchedAt, set by ingest when it fetched the page);</li>
 *   <li>throughput phase: the site publishes far faster than the pipeline can take (default 1500/s); sustained
 *       articles/s is the number of rows whose stored_at falls in the measured window, divided by its length;</li>
 *   <li>raw Kafka: the same number of records of the same sizes (taken from news.articles.raw and
 *       news.articles.enriched) produced to a fresh topic and consumed back in this process, as the ceiling.</li>
 * </ol>
 * CPU seconds and peak RSS per process come from /proc (services, broker, PostgreSQL, and this JVM which serves the
 * site). Run it with {@code deploy/local/bench.sh}; options: {@code --outlets 40 --phase 60 --latency-rate 100
 * --saturation-rate 1500}.
 */
public final class PipelineBenchmark {

    /** One measured phase: the site publishing at a rate, with the processes sampled at both ends. */
    private record Phase(Instant from, Instant to, String loadAverage, Map<String, Sample> before,
                         Map<String, Sample> after, long stored, String statements) {
        double cpuSeconds(String process) {
            return after.get(process).cpuSeconds() - before.get(process).cpuSeconds();
        }
    }

    private Phase runPhase(LocalPipeline pipeline, SyntheticNewsSite site, double rate, Duration length, String label)
            throws Exception {
        site.startFlow(rate);
        try (Connection c = connect(pipeline)) {
            PgStatements.reset(c);
        }
        Map<String, Sample> before = sample();
        Instant from = Instant.now();
        pause(length, label);
        Instant to = Instant.now();
        String load = loadAverage();
        site.stopFlow();
        Map<String, Sample> after = sample();
        long stored = storedBetween(pipeline, from, to);
        String statements;
        try (Connection c = connect(pipeline)) {
            statements = PgStatements.top(c, 8, stored);
        }
        return new Phase(from, to, load, before, after, stored, statements);
    }

    private record Sample(double cpuSeconds, long rss) {
    }

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    /** Where each service JVM writes a flight recording ({@code --jfr DIR}), or null for none. */
    private final Path flightRecordings;

    private PipelineBenchmark(Path flightRecordings) {
        this.flightRecordings = flightRecordings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "outlets", "40", "phase", "60", "latency-rate", "100", "saturation-rate", "1500", "warmup", "20", "soak", "0", "jfr", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        PipelineBenchmark benchmark = new PipelineBenchmark(options.get("jfr").isEmpty() ? null
                : Path.of(options.get("jfr")).toAbsolutePath());
        if (Long.parseLong(options.get("soak")) > 0) {
            benchmark.soak(Integer.parseInt(options.get("outlets")),
                    Duration.ofSeconds(Long.parseLong(options.get("soak"))), Double.parseDouble(options.get("latency-rate")));
            System.exit(0);
        }
        benchmark.run(Integer.parseInt(options.get("outlets")),
                Duration.ofSeconds(Long.parseLong(options.get("phase"))),
                Double.parseDouble(options.get("latency-rate")), Double.parseDouble(options.get("saturation-rate")),
                Duration.ofSeconds(Long.parseLong(options.get("warmup"))));
        System.exit(0);
    }

    private void run(int outlets, Duration phase, double latencyRate, double saturationRate, Duration warmup)
            throws Exception {
        Path root = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("newsflow-bench-");
        say("load average before start: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " CPUs)");
        try (SyntheticNewsSite site = SyntheticNewsSite.start(0, outlets, 0, 1);
             LocalPipeline pipeline = LocalPipeline.start(pipelineOptions(root, dataDir, site))) {
            findPids(pipeline, dataDir);
            say("processes: " + pids);
            byte[] page = site.page(0, 1);
            say("page size " + page.length + " bytes; " + outlets + " outlets; feeds of up to "
                    + SyntheticNewsSite.FEED_ITEMS + " items");

            site.startFlow(Math.min(latencyRate, 50));
            pause(warmup, "warm-up at " + Math.min(latencyRate, 50) + " articles/s");

            Phase latency = runPhase(pipeline, site, latencyRate, phase,
                    "latency phase at " + latencyRate + " articles/s");
            Instant from = latency.from();
            Instant to = latency.to();
            // Let the articles fetched in the window drain before reading their latencies.
            pause(Duration.ofSeconds(15), "drain");
            double[] latencies = latencies(pipeline, from, to, "stored_at - fetched_at");
            double[] toEnriched = latencies(pipeline, from, to, "enriched_at - fetched_at");
            double storedRateLow = storedBetween(pipeline, from.plusSeconds(5), to) / (Duration.between(from, to)
                    .toMillis() / 1000.0 - 5);

            Phase saturation = runPhase(pipeline, site, saturationRate, phase,
                    "throughput phase, offered " + saturationRate + " articles/s");
            Instant satFrom = saturation.from();
            Instant satTo = saturation.to();
            // The first seconds fill the queues; measure the steady part.
            Instant measureFrom = satFrom.plus(phase.dividedBy(4));
            long stored = storedBetween(pipeline, measureFrom, satTo);
            double sustained = stored / (Duration.between(measureFrom, satTo).toMillis() / 1000.0);
            pause(Duration.ofSeconds(10), "drain");

            long[] sizes = payloadSizes(pipeline.kafka().bootstrapServers());
            say("payload sizes: raw avg " + sizes[0] + " B, enriched avg " + sizes[1] + " B");
            int records = (int) Math.max(5_000, Math.min(50_000, sustained * phase.toSeconds()));
            double kafkaRaw = kafkaThroughput(pipeline.kafka().bootstrapServers(), (int) sizes[0], records);
            double kafkaEnriched = kafkaThroughput(pipeline.kafka().bootstrapServers(), (int) sizes[1], records);

            StringBuilder report = new StringBuilder();
            report.append(String.format(Locale.ROOT, "%n=== Newsflow end-to-end benchmark (%s) ===%n", Instant.now()));
            report.append(String.format(Locale.ROOT, "outlets %d, page %d B, phases %d s each, CPUs %d%n", outlets,
                    page.length, phase.toSeconds(), Runtime.getRuntime().availableProcessors()));
            report.append(String.format(Locale.ROOT,
                    "latency phase: offered %.0f/s, stored %.1f/s; fetch→stored over %d articles: p50 %.0f ms, "
                            + "p95 %.0f ms, p99 %.0f ms, max %.0f ms; load average at end %s%n",
                    latencyRate, storedRateLow, latencies.length, percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99), percentile(latencies, 100), latency.loadAverage()));
            report.append(String.format(Locale.ROOT,
                    "  of which fetch→enriched: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (the rest is enriched→stored)%n",
                    percentile(toEnriched, 50), percentile(toEnriched, 95), percentile(toEnriched, 99)));
            report.append(String.format(Locale.ROOT,
                    "throughput phase: offered %.0f/s, sustained %.1f articles/s stored (%d rows in %d s); load "
                            + "average at end %s%n", saturationRate, sustained, stored,
                    Duration.between(measureFrom, satTo).toSeconds(), saturation.loadAverage()));
            report.append(String.format(Locale.ROOT,
                    "raw Kafka produce→consume (acks=all, same broker, one partition set): %.0f rec/s at %d B, "
                            + "%.0f rec/s at %d B; pipeline/Kafka ratio %.3f (raw size)%n",
                    kafkaRaw, sizes[0], kafkaEnriched, sizes[1], sustained / kafkaRaw));
            report.append("process      CPU s (latency phase)  CPU s (throughput phase)  CPU %/core (thr.)  CPU ms/article (thr.)  peak RSS MB\n");
            double storedInPhase = saturation.stored();
            for (String name : pids.keySet()) {
                double cpuLat = latency.cpuSeconds(name);
                double cpuSat = saturation.cpuSeconds(name);
                report.append(String.format(Locale.ROOT, "%-12s %21.1f  %24.1f  %17.0f  %21.1f  %11d%n", name, cpuLat,
                        cpuSat, 100 * cpuSat / Duration.between(satFrom, satTo).toSeconds(),
                        storedInPhase == 0 ? Double.NaN : 1000 * cpuSat / storedInPhase,
                        peakRss.getOrDefault(name, 0L) / (1024 * 1024)));
            }
            report.append("PostgreSQL statements by execution time, latency phase:\n").append(latency.statements());
            report.append("PostgreSQL statements by execution time, throughput phase:\n")
                    .append(saturation.statements());
            report.append("load average now: ").append(loadAverage()).append('\n');
            System.out.println(report);
            Files.writeString(dataDir.resolve("benchmark.txt"), report);
        }
    }

    /**
     * Soak: publishes at {@code rate} for {@code duration} and prints every minute each process's RSS and the CPU
     * seconds it used in that minute (rising CPU at a constant rate = work growing with the data), the articles stored
     * so far, and at the end each service's live heap after a full GC against minute 2 (RSS follows heap sizing; the
     * live heap is what a leak would grow) and PostgreSQL's statements by execution time.
     */
    private void soak(int outlets, Duration duration, double rate) throws Exception {
        Path root = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("newsflow-soak-");
        try (SyntheticNewsSite site = SyntheticNewsSite.start(0, outlets, 0, 1);
             LocalPipeline pipeline = LocalPipeline.start(pipelineOptions(root, dataDir, site))) {
            findPids(pipeline, dataDir);
            site.startFlow(rate);
            try (Connection c = connect(pipeline)) {
                PgStatements.reset(c);
            }
            Map<String, Sample> previous = sample();
            Map<String, String> liveHeapAtMinute2 = new LinkedHashMap<>();
            Instant start = Instant.now();
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%n=== Newsflow soak: %.0f articles/s for %d s, %d outlets ===%n"
                            + "each process: RSS MB / CPU s in the minute%nminute", rate, duration.toSeconds(), outlets));
            pids.keySet().forEach(name -> report.append(String.format(Locale.ROOT, "  %15s", name)));
            report.append("  stored  load\n");
            for (int minute = 1; Instant.now().isBefore(start.plus(duration)); minute++) {
                pause(Duration.ofSeconds(60), "soak minute " + minute);
                Map<String, Sample> now = sample();
                report.append(String.format(Locale.ROOT, "%6d", minute));
                for (Map.Entry<String, Sample> process : now.entrySet()) {
                    double cpu = process.getValue().cpuSeconds() - previous.get(process.getKey()).cpuSeconds();
                    report.append(String.format(Locale.ROOT, "  %15s", process.getValue().rss() / (1024 * 1024)
                            + " / " + String.format(Locale.ROOT, "%.1f", cpu)));
                }
                previous = now;
                if (minute == 2) {
                    // After start-up and JIT; the end of the soak is compared with this.
                    for (String service : List.of("ingest", "enrich", "store")) {
                        liveHeapAtMinute2.put(service, megabytes(LiveHeap.afterFullGc(pids.get(service))));
                    }
                }
                report.append(String.format(Locale.ROOT, "  %6d  %s%n", storedBetween(pipeline, start, Instant.now()),
                        loadAverage().split(" ")[0]));
                say("minute " + minute + ": " + now);
            }
            report.append("live heap after a full GC, MB (minute 2 → end):");
            for (String service : List.of("ingest", "enrich", "store")) {
                String end = megabytes(LiveHeap.afterFullGc(pids.get(service)));
                report.append(String.format(Locale.ROOT, "  %s %s → %s", service,
                        liveHeapAtMinute2.getOrDefault(service, "?"), end));
            }
            report.append('\n');
            site.stopFlow();
            try (Connection c = connect(pipeline)) {
                report.append("PostgreSQL statements by execution time over the soak:\n")
                        .append(PgStatements.top(c, 8, storedBetween(pipeline, start, Instant.now())));
            }
            System.out.println(report);
            Files.writeString(dataDir.resolve("soak.txt"), report);
        }
    }

    private LocalPipeline.Options pipelineOptions(Path root, Path dataDir, SyntheticNewsSite site) throws IOException {
        LocalPipeline.Options options = new LocalPipeline.Options(root, dataDir, LocalPipeline.Ports.freePorts(),
                Duration.ofSeconds(1))
                .withFeedsInsteadOfSampleSite(site.feedUrls())
                // One loopback host serves every outlet: no politeness delay, enough parallel fetches.
                .withEnvironment("ingest-service", Map.of(
                        "NEWSFLOW_INGEST_WORKERS", "16",
                        "NEWSFLOW_INGEST_MIN_POLL_INTERVAL", "1s",
                        "NEWSFLOW_INGEST_MAX_POLL_INTERVAL", "2s",
                        "NEWSFLOW_INGEST_HOST_MIN_DELAY", "0s",
                        "NEWSFLOW_INGEST_HOST_MAX_CONCURRENT", "32"));
        if (flightRecordings == null) {
            return options;
        }
        Files.createDirectories(flightRecordings);
        for (String service : List.of("ingest-service", "enrich-service", "store-service")) {
            // JAVA_TOOL_OPTIONS reaches the service JVM without changing how the local stack launches it; the
            // recording is written when the service stops at the end of the run.
            options = options.withEnvironment(service, Map.of("JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + flightRecordings.resolve(service + ".jfr")));
        }
        say("flight recordings go to " + flightRecordings);
        return options;
    }

    /** Services by their handles; broker and PostgreSQL by their data directory on the command line. */
    private void findPids(LocalPipeline pipeline, Path dataDir) throws IOException {
        for (ServiceProcess service : List.of(pipeline.ingest(), pipeline.enrich(), pipeline.store())) {
            pids.put(service.name().replace("-service", ""), service.pid());
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline;
                try {
                    cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                } catch (IOException e) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                if (cmdline.contains("kafka.Kafka") && cmdline.contains(dataDir.toString())) {
                    pids.put("kafka", pid);
                } else if (cmdline.contains("postgres") && cmdline.contains(dataDir.toString())
                        && !pids.containsKey("postgres")) {
                    // The postmaster; its backends are separate processes, added up below.
                    pids.put("postgres", pid);
                }
            }
        }
        pids.put("site+bench", ProcessHandle.current().pid());
    }

    private Map<String, Sample> sample() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            double cpu = name.equals("postgres") ? postgresCpu(pid) : cpuSeconds(pid);
            long rss = rssBytes(pid);
            samples.put(name, new Sample(cpu, rss));
            peakRss.merge(name, rss, Math::max);
        });
        return samples;
    }

    /** The postmaster and all its backends: PostgreSQL does its work in child processes. */
    private static double postgresCpu(long postmaster) {
        return ProcessHandle.of(postmaster).map(p -> {
            // Backends that ended meanwhile are counted in the postmaster's cutime/cstime.
            double total = cpuSecondsWithChildren(postmaster);
            total += p.children().mapToDouble(c -> cpuSecondsWithChildren(c.pid())).sum();
            return total;
        }).orElse(-1.0);
    }

    private void pause(Duration duration, String what) throws InterruptedException {
        say(what + " for " + duration.toSeconds() + " s …");
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            // A timed phase of a benchmark: the harness samples memory while the pipeline works.
            Thread.sleep(Math.min(1000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
            sample();
        }
    }

    /** Milliseconds of {@code interval} (an SQL expression of two timestamps) for articles fetched in the window. */
    private static double[] latencies(LocalPipeline pipeline, Instant from, Instant to, String interval)
            throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Connection c = connect(pipeline); PreparedStatement s = c.prepareStatement(
                "SELECT EXTRACT(EPOCH FROM (" + interval + ")) * 1000 FROM article"
                        + " WHERE fetched_at >= ? AND fetched_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getDouble(1));
                }
            }
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long storedBetween(LocalPipeline pipeline, Instant from, Instant to) throws SQLException {
        try (Connection c = connect(pipeline); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM article WHERE stored_at >= ? AND stored_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Connection connect(LocalPipeline pipeline) throws SQLException {
        return DriverManager.getConnection(pipeline.postgres().jdbcUrl(), pipeline.postgres().username(),
                pipeline.postgres().password());
    }

    private static String megabytes(java.util.OptionalLong bytes) {
        return bytes.isPresent() ? Long.toString(bytes.getAsLong() / (1024 * 1024)) : "?";
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Average value size of the first records of news.articles.raw and news.articles.enriched. */
    private static long[] payloadSizes(String bootstrap) {
        long[] sizes = new long[2];
        List<String> topics = List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED);
        for (int t = 0; t < 2; t++) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-sizes-" + UUID.randomUUID()),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topics.get(t)));
                long total = 0;
                int n = 0;
                Instant deadline = Instant.now().plusSeconds(30);
                while (n < 500 && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null) {
                            total += record.value().length;
                            n++;
                        }
                    }
                }
                sizes[t] = n == 0 ? 10_000 : total / n;
            }
        }
        return sizes;
    }

    /** Records/s from the first send to the last record consumed, producer and consumer running together. */
    private static double kafkaThroughput(String bootstrap, int size, int records) throws Exception {
        String topic = "bench.kafka." + UUID.randomUUID();
        byte[] payload = new byte[size];
        new java.util.Random(1).nextBytes(payload);
        AtomicLong consumed = new AtomicLong();
        Instant start;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     // What ingest uses: acks=all and idempotence.
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                     ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer())) {
            // Create the topic and join the group before timing.
            producer.send(new ProducerRecord<>(topic, "warm", payload)).get();
            consumer.subscribe(List.of(topic));
            while (consumed.get() < 1) {
                consumed.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
            }
            consumed.set(0);
            start = Instant.now();
            Thread producing = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, payload));
                }
                producer.flush();
            });
            Instant deadline = Instant.now().plusSeconds(300);
            while (consumed.get() < records && Instant.now().isBefore(deadline)) {
                consumed.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
            }
            producing.join();
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        return consumed.get() / seconds;
    }

    private static double cpuSeconds(long pid) {
        long[] t = statTicks(pid);
        return t == null ? -1 : (t[0] + t[1]) / 100.0;
    }

    private static double cpuSecondsWithChildren(long pid) {
        long[] t = statTicks(pid);
        return t == null ? 0 : (t[0] + t[1] + t[2] + t[3]) / 100.0;
    }

    /** utime, stime, cutime, cstime in clock ticks (USER_HZ = 100). */
    private static long[] statTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[]{Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void say(String message) {
        System.out.println("[bench " + Instant.now() + "] " + message);
    }
}

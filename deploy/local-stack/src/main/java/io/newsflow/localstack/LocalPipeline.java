package io.newsflow.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The whole Newsflow pipeline on one machine, without Docker: a real Kafka broker, a real PostgreSQL, the bundled
 * sample news site and the three services, each in its own process. Behind {@code ./newsflow run}; the end-to-end
 * test starts the same thing on free ports.
 *
 * <pre>java -cp 'deploy/local-stack/target/local-stack.jar:deploy/local-stack/target/lib/*' io.newsflow.localstack.LocalPipeline run [--data-dir .newsflow]</pre>
 */
public final class LocalPipeline implements AutoCloseable {

    /** Where everything listens; {@link #defaults()} gives the documented ports, {@link #freePorts()} any free ones. */
    public record Ports(int kafka, int postgres, int sampleSite, int ingest, int enrich, int store) {
        public static Ports defaults() {
            return new Ports(9092, 5433, 8090, 8081, 8082, 8083);
        }

        public static Ports freePorts() {
            return new Ports(io.newsflow.localstack.Ports.free(), io.newsflow.localstack.Ports.free(),
                    io.newsflow.localstack.Ports.free(), io.newsflow.localstack.Ports.free(),
                    io.newsflow.localstack.Ports.free(), io.newsflow.localstack.Ports.free());
        }
    }

    /**
     * @param projectRoot  checkout holding the built services
     * @param dataDir      Kafka log, PostgreSQL cluster and service logs; kept between runs
     * @param ports        listening ports
     * @param pollInterval how often ingest polls each feed
     * @param sampleSite   whether to serve the bundled sample site and subscribe ingest to its feeds
     * @param feeds        further feed URLs ingest polls from the start (e.g. a {@link SyntheticNewsSite}'s)
     * @param environment  extra environment per service name ({@code ingest-service}, …), applied last, so it
     *                     overrides what this class sets (e.g. {@code NEWSFLOW_INGEST_WORKERS})
     */
    public record Options(Path projectRoot, Path dataDir, Ports ports, Duration pollInterval, boolean sampleSite,
                          List<URI> feeds, Map<String, Map<String, String>> environment) {

        public Options {
            feeds = List.copyOf(feeds);
            Map<String, Map<String, String>> copy = new java.util.HashMap<>();
            environment.forEach((service, env) -> copy.put(service, Map.copyOf(env)));
            environment = Map.copyOf(copy);
        }

        /** The sample site and nothing else, as {@code ./newsflow run} and the end-to-end test use it. */
        public Options(Path projectRoot, Path dataDir, Ports ports, Duration pollInterval) {
            this(projectRoot, dataDir, ports, pollInterval, true, List.of(), Map.of());
        }

        /** The same options with ingest polling these feeds instead of the sample site's. */
        public Options withFeedsInsteadOfSampleSite(List<URI> feedUrls) {
            return new Options(projectRoot, dataDir, ports, pollInterval, false, feedUrls, environment);
        }

        /** The same options with extra environment for one service ({@code ingest-service}, {@code enrich-service}, …). */
        public Options withEnvironment(String service, Map<String, String> extra) {
            Map<String, Map<String, String>> merged = new java.util.HashMap<>(environment);
            merged.put(service, merge(environment.getOrDefault(service, Map.of()), extra));
            return new Options(projectRoot, dataDir, ports, pollInterval, sampleSite, feeds, merged);
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private KafkaBroker kafka;
    private LocalPostgres postgres;
    private SampleNewsSite site;
    private ServiceProcess ingest;
    private ServiceProcess enrich;
    private ServiceProcess store;

    private LocalPipeline(Options options) {
        this.options = options;
    }

    /** Starts infrastructure, then store, enrich and ingest (consumers before the producer), each ready before the next. */
    public static LocalPipeline start(Options options) {
        LocalPipeline pipeline = new LocalPipeline(options);
        try {
            pipeline.startAll();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll() {
        Ports ports = options.ports();
        Path logs = options.dataDir().resolve("logs");
        log("Starting Kafka broker on 127.0.0.1:" + ports.kafka() + " …");
        kafka = track(KafkaBroker.start(options.dataDir().resolve("kafka"), ports.kafka()));
        log("Starting PostgreSQL on 127.0.0.1:" + ports.postgres() + " …");
        postgres = track(LocalPostgres.start(options.dataDir().resolve("postgres"), ports.postgres()));
        List<URI> feeds = new ArrayList<>(options.feeds());
        if (options.sampleSite()) {
            site = track(SampleNewsSite.start(ports.sampleSite()));
            log("Sample news site on " + site.baseUrl() + " (" + site.articles().size() + " articles, "
                    + site.feedUrls().size() + " feeds)");
            feeds.addAll(0, site.feedUrls());
        }

        Map<String, String> common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                // Plain-text logs are easier to read in a terminal; containers keep the JSON default.
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");

        log("Starting store-service …");
        store = track(ServiceProcess.of("store-service", options.projectRoot(), ports.store(), environment("store-service",
                merge(common, Map.of(
                        "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                        "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                        "QUARKUS_DATASOURCE_PASSWORD", postgres.password()))), logs).start());
        log("Starting enrich-service …");
        enrich = track(ServiceProcess.of("enrich-service", options.projectRoot(), ports.enrich(),
                environment("enrich-service", common), logs).start());
        log("Starting ingest-service …");
        ingest = track(ServiceProcess.of("ingest-service", options.projectRoot(), ports.ingest(), environment("ingest-service",
                merge(common, Map.of(
                        "NEWSFLOW_INGEST_FEEDS", feeds.stream().map(URI::toString).collect(Collectors.joining(",")),
                        // A fixed interval: the adaptive schedule would slow down on the sample site's static feeds,
                        // and the local run should show a new article within one interval.
                        "NEWSFLOW_INGEST_POLL_INTERVAL", options.pollInterval().toSeconds() + "s",
                        "NEWSFLOW_INGEST_MIN_POLL_INTERVAL", options.pollInterval().toSeconds() + "s",
                        "NEWSFLOW_INGEST_MAX_POLL_INTERVAL", options.pollInterval().toSeconds() + "s",
                        // Every local outlet shares one loopback host: per-host politeness would only serialise them.
                        "NEWSFLOW_INGEST_HOST_MIN_DELAY", "0s",
                        // The sample site is on loopback; only this local run may fetch from private addresses.
                        "NEWSFLOW_INGEST_FETCH_ALLOW_PRIVATE_ADDRESSES", "true"))), logs).start());
    }

    private Map<String, String> environment(String service, Map<String, String> base) {
        return merge(base, options.environment().getOrDefault(service, Map.of()));
    }

    /** The options this pipeline was started with. */
    public Options options() {
        return options;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /** The bundled sample site, or null when started {@link Options#withFeedsInsteadOfSampleSite without it}. */
    public SampleNewsSite site() {
        return site;
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess enrich() {
        return enrich;
    }

    public ServiceProcess store() {
        return store;
    }

    /** Stops everything in reverse start order: services first (graceful), then site, database and broker. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log("Error while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static void log(String message) {
        System.out.println("[newsflow] " + message);
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || !"run".equals(args[0])) {
            System.err.println("usage: LocalPipeline run [--data-dir DIR]   (./newsflow run does this)");
            System.exit(2);
        }
        Path dataDir = Path.of(".newsflow");
        for (int i = 1; i < args.length - 1; i++) {
            if ("--data-dir".equals(args[i])) {
                dataDir = Path.of(args[i + 1]);
            }
        }
        Path root = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("ingest-service"))) {
            System.err.println("Run from the Newsflow checkout (or set -Dnewsflow.home): " + root);
            System.exit(2);
        }
        Ports ports = Ports.defaults();
        List<Integer> busy = List.of(ports.kafka(), ports.postgres(), ports.sampleSite(), ports.ingest(), ports.enrich(),
                ports.store()).stream().filter(io.newsflow.localstack.Ports::inUse).toList();
        if (!busy.isEmpty()) {
            System.err.println("[newsflow] Ports already in use: " + busy + " — is another local run still up?");
            System.exit(1);
        }

        Options options = new Options(root, root.resolve(dataDir), ports, Duration.ofSeconds(30));
        CountDownLatch stopped = new CountDownLatch(1);
        LocalPipeline pipeline = LocalPipeline.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("Stopping …");
            pipeline.close();
            log("Stopped. Data kept in " + options.dataDir());
            stopped.countDown();
        }, "newsflow-local-shutdown"));

        log("");
        log("Newsflow is running. Ctrl-C stops everything; data is kept in " + options.dataDir());
        log("  Articles (store API)   " + pipeline.store().baseUrl() + "/api/articles");
        log("  Feeds (ingest API)     " + pipeline.ingest().baseUrl() + "/api/feeds");
        log("  Enrich for debugging   curl -X POST " + pipeline.enrich().baseUrl()
                + "/api/enrich -H 'Content-Type: application/json' -d '{\"title\":\"…\",\"text\":\"…\"}'");
        log("  Health and metrics     <service>/q/health/ready, <service>/q/metrics");
        log("  Sample news site       " + pipeline.site().baseUrl() + "/");
        log("  Kafka                  " + pipeline.kafka().bootstrapServers()
                + "   topics news.articles.raw, news.articles.enriched");
        log("  PostgreSQL             " + pipeline.postgres().jdbcUrl() + " (user postgres)");
        log("  Logs                   " + options.dataDir().resolve("logs"));
        log("Add a feed: curl -X POST " + pipeline.ingest().baseUrl()
                + "/api/feeds -H 'Content-Type: application/json' -d '{\"url\":\"https://…/rss.xml\"}'");
        stopped.await();
    }
}

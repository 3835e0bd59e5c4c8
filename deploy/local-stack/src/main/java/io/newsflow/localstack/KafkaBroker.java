package io.newsflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * A real Apache Kafka broker (KRaft, single node acting as broker and controller) in a child JVM.
 *
 * <p>The child JVM runs on the broker's own classpath (resolved at build time by the kafka-broker module), so Scala and
 * the broker's libraries never meet the application's classpath. Data survives a restart when started on the same
 * directory; topics are auto-created with {@value #DEFAULT_PARTITIONS} partitions.
 */
public final class KafkaBroker implements AutoCloseable {

    static final int DEFAULT_PARTITIONS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String STARTED_LINE = "Kafka Server started";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final boolean temporary;
    private ChildProcess process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, boolean temporary) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.temporary = temporary;
    }

    /**
     * Starts a broker keeping its log in {@code dataDir}; formats the storage on first use.
     *
     * @param port client port on 127.0.0.1, 0 for any free port; the controller listens on a second free port
     */
    public static KafkaBroker start(Path dataDir, int port) {
        int clientPort = port == 0 ? Ports.free() : port;
        // The controller port is remembered with the data, so a restarted broker finds its quorum where it left it.
        int controllerPort = Ports.remembered(dataDir.resolve("controller.port"));
        KafkaBroker broker = new KafkaBroker(dataDir.toAbsolutePath(), clientPort, controllerPort, false);
        broker.startProcess();
        return broker;
    }

    /** A broker on free ports in a temporary directory, deleted on {@link #close()}. */
    public static KafkaBroker startTemporary() {
        try {
            Path dir = Files.createTempDirectory("newsflow-kafka-");
            KafkaBroker broker = new KafkaBroker(dir, Ports.free(), Ports.free(), true);
            broker.startProcess();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's own log (stdout and stderr of the child JVM). */
    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    /** Stops the broker process cleanly (controlled shutdown), keeping its data. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** Starts the broker again on the same ports and data, e.g. after {@link #stop()} in a fault-injection test. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            Directories.deleteRecursively(dataDir);
        }
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("kraft-logs");
            Path config = writeServerProperties(logDir);
            Path log4j = dataDir.resolve("log4j2.properties");
            try (InputStream in = resource("kafka-broker-log4j2.properties")) {
                Files.write(log4j, in.readAllBytes());
            }
            String classpath = brokerClasspath();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                ChildProcess format = ChildProcess.start("kafka-storage-format", javaCommand(classpath, log4j,
                        "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", newClusterId(),
                        "-c", config.toString()), logFile(), null);
                format.awaitExit(Duration.ofSeconds(60), "formatting Kafka storage in " + logDir);
            }
            process = ChildProcess.start("kafka-broker", javaCommand(classpath, log4j, "kafka.Kafka", config.toString()),
                    logFile(), STARTED_LINE);
            process.awaitLine(START_TIMEOUT, "Kafka broker on port " + port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Kafka broker in " + dataDir, e);
        }
    }

    private Path writeServerProperties(Path logDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // A local broker on a laptop or CI box: small segments and quick compaction keep the disk footprint low.
        p.setProperty("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Written by io.newsflow.localstack.KafkaBroker; rewritten at every start");
        }
        return file;
    }

    private static List<String> javaCommand(String classpath, Path log4j, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx768m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j,
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = resource("kafka-broker.classpath")) {
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            for (String entry : classpath.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("Kafka broker library missing: " + entry
                            + " (rebuild with ./newsflow mvn install so Maven downloads it again)");
                }
            }
            return classpath;
        }
    }

    private static InputStream resource(String name) {
        InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " not on the classpath: io.newsflow:kafka-broker must be a dependency");
        }
        return in;
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding (what kafka-storage random-uuid prints). */
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-")); // kafka-storage would read a leading '-' as an option (Kafka's own Uuid avoids it too)
        return id;
    }
}

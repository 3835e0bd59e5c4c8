package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.localstack.KafkaBroker;
import io.newsflow.localstack.LocalPostgres;
import io.newsflow.localstack.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Smoke test of the service images built by {@code -Pimage}: each image tarball is unpacked into a root filesystem,
 * its entrypoint started with {@code chroot} as user 10001 and the image's environment, against a real Kafka broker
 * (and PostgreSQL for the store), and {@code /q/health/ready} must answer 200. No container engine is needed; chroot
 * and mounting /proc need root, so the start-up test is skipped (with the reason) elsewhere.
 */
@EnabledIfSystemProperty(named = "newsflow.image.smoke", matches = "true",
        disabledReason = "image smoke test runs with -Pimage (./newsflow mvn -Pimage verify)")
class ImageSmokeTest {

    static final Path ROOT = Path.of(System.getProperty("newsflow.root", "../..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/image-smoke").toAbsolutePath();
    private static final Map<String, Integer> PORTS = Map.of("ingest-service", 8081, "enrich-service", 8082,
            "store-service", 8083);
    /** Defaults for local runs that are allowed to sit in a properties file; anything else named *password* is not. */
    private static final List<String> DEFAULT_PASSWORDS = List.of("", "postgres");
    private static final List<String> BUILD_TOOLS = List.of("javac", "jar", "jshell", "jlink", "jdeps", "jpackage",
            "jarsigner", "javadoc", "jmod", "jdb", "mvn", "mvnw", "gcc", "sh", "bash", "curl", "wget");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static final Map<String, ContainerImage> UNPACKED = new ConcurrentHashMap<>();
    private static KafkaBroker broker;
    private static LocalPostgres postgres;

    @AfterAll
    static void stopInfrastructure() {
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-service", "enrich-service", "store-service"})
    void imageRunsAsNonRootWithoutBuildToolsOrSecrets(String service) throws Exception {
        ContainerImage image = image(service);

        assertThat(image.user()).as("image user").isEqualTo("10001:10001");
        assertThat(image.entrypoint()).startsWith("/opt/java/bin/java")
                .contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError")
                .endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(image.workingDir()).isEqualTo("/deployments");
        assertThat(image.exposedPorts()).containsExactly(PORTS.get(service) + "/tcp");
        assertThat(image.labels()).containsEntry("org.opencontainers.image.title", service)
                .containsKey("org.opencontainers.image.version");
        // Dependencies first, code last: a code change only replaces the small top layers.
        assertThat(image.layerComments()).endsWith("quarkus lib/boot", "quarkus lib/main", "quarkus-run.jar",
                "quarkus app", "quarkus generated");
        Path rootfs = image.rootfs();
        assertThat(rootfs.resolve("etc/passwd")).content().contains(":10001:10001:");
        assertThat(rootfs.resolve("opt/healthcheck/HealthCheck.class")).isRegularFile();
        assertThat(rootfs.resolve("deployments/quarkus-run.jar")).isRegularFile();

        try (Stream<Path> files = Files.walk(rootfs)) {
            List<String> forbidden = files.filter(p -> BUILD_TOOLS.contains(p.getFileName().toString())
                            || p.getFileName().toString().matches("(?i).*\\.(pem|key|p12|jks)$|id_rsa.*|\\.netrc|settings\\.xml|\\.git|\\.m2|\\.env"))
                    .map(p -> "/" + rootfs.relativize(p)).toList();
            // cacerts is the JDK's public trust store, not a secret.
            assertThat(forbidden).as("build tools, shells or key material in the image").isEmpty();
        }
        assertThat(passwordValues(rootfs)).as("password settings baked into the image")
                .allSatisfy((where, value) -> assertThat(DEFAULT_PASSWORDS).contains(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-service", "enrich-service", "store-service"})
    void entrypointStartsUnderChrootAndBecomesReady(String service) throws Exception {
        ContainerImage image = image(service);
        assumeTrue(isRoot(), "chroot and mounting /proc need root: start-up not tested as uid " + uid());
        assumeTrue(Shell.onPath("chroot") && Shell.onPath("mount"), "chroot or mount not on PATH");

        Map<String, String> env = new LinkedHashMap<>(image.env());
        int port = Ports.free();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker().bootstrapServers());
        if (service.equals("store-service")) {
            LocalPostgres pg = postgres();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        }

        Path log = WORK.resolve(service + ".log");
        try (ChrootSandbox sandbox = ChrootSandbox.prepare(image.rootfs())) {
            long started = System.nanoTime();
            Process process = sandbox.start(image.entrypoint(), env, log);
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
                Awaitility.await("ready of " + service + " (log: " + log + ")")
                        .atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> {
                            assertThat(process.isAlive()).as("process alive; log:%n%s", tail(log)).isTrue();
                            return status(http, ready) == 200;
                        });
                long readyMillis = (System.nanoTime() - started) / 1_000_000;

                assertThat(status(http, URI.create("http://127.0.0.1:" + port + "/q/health/live"))).isEqualTo(200);
                assertThat(status(http, URI.create("http://127.0.0.1:" + port + "/q/metrics"))).isEqualTo(200);
                // The probe compose uses, run inside the image as its own user.
                Shell.Result probe = sandbox.exec(env, "/opt/java/bin/java", "-cp", "/opt/healthcheck", "HealthCheck",
                        ready.toString());
                assertThat(probe.exit()).as("HealthCheck: %s", probe.output()).isZero();
                assertThat(Files.readString(log)).as("JSON logs in the prod profile").contains("{\"timestamp\"");

                long stopping = System.nanoTime();
                process.destroy(); // SIGTERM, as docker stop and the kubelet send it
                assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("stops within the grace period").isTrue();
                long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
                assertThat(process.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
                record(service, image, readyMillis, stopMillis);
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static ContainerImage image(String service) throws Exception {
        Path tarball = ROOT.resolve(service).resolve("target/jib-image.tar");
        assumeTrue(Files.isRegularFile(tarball), "no image tarball at " + tarball
                + ": build the images first (./newsflow mvn -Pimage package -DskipTests)");
        ContainerImage cached = UNPACKED.get(service);
        if (cached != null) {
            return cached;
        }
        Path dir = WORK.resolve(service);
        ChrootSandbox.deleteUnlessMounted(dir);
        ContainerImage image = ContainerImage.unpack(tarball, dir);
        UNPACKED.put(service, image);
        return image;
    }

    /** Every *password* setting in the image's properties files and in the service's own jar. */
    private static Map<String, String> passwordValues(Path rootfs) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rootfs)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".properties")) {
                    try (InputStream in = Files.newInputStream(p)) {
                        collectPasswords("/" + rootfs.relativize(p), in, found);
                    }
                } else if (name.endsWith(".jar") && p.getParent().endsWith("deployments/app")) {
                    jars.add(p);
                }
            }
        }
        for (Path jar : jars) {
            try (JarFile jf = new JarFile(jar.toFile())) {
                for (var entry : jf.stream().filter(e -> e.getName().endsWith(".properties")).toList()) {
                    try (InputStream in = jf.getInputStream(entry)) {
                        collectPasswords(jar.getFileName() + "!/" + entry.getName(), in, found);
                    }
                }
            }
        }
        return found;
    }

    private static void collectPasswords(String where, InputStream in, Map<String, String> found) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        properties.stringPropertyNames().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).contains("password"))
                .forEach(k -> {
                    String v = properties.getProperty(k).trim();
                    // ${ENV_VAR} or ${ENV_VAR:} references are resolved at run time: not a baked-in secret.
                    found.put(where + " " + k, v.matches("\\$\\{[A-Z0-9_]+:?}") ? "" : v);
                });
    }

    private static synchronized KafkaBroker broker() {
        // A second attempt: local-stack's storage format fails now and then (a random cluster id starting with '-'
        // is read as an option by kafka-storage); reported, not this test's concern.
        for (int attempt = 1; broker == null; attempt++) {
            try {
                broker = KafkaBroker.startTemporary();
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        return broker;
    }

    private static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.startTemporary();
        }
        return postgres;
    }

    private static int status(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean isRoot() throws IOException {
        return "0".equals(uid());
    }

    private static String uid() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                .map(l -> l.split("\\s+")[1]).findFirst().orElse("?");
    }

    /** Appends this run's figures to target/image-smoke/results.md (copied into docs/benchmarks.md by hand). */
    private static void record(String service, ContainerImage image, long readyMillis, long stopMillis)
            throws IOException {
        long rootfsBytes = image.rootfsBytes();
        String line = "| %s | %.1f MiB | %.1f MiB | %.1f s | %.1f s |%n".formatted(service,
                Files.size(image.tarball()) / 1048576.0, rootfsBytes / 1048576.0, readyMillis / 1000.0,
                stopMillis / 1000.0);
        Files.writeString(WORK.resolve("results.md"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print("[image-smoke] " + line);
    }
}

package io.newsflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Newsflow service run as its own process from its packaged Quarkus application
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}), configured only through environment variables, exactly as a
 * container would run it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path appJar;
    private final int httpPort;
    private final Map<String, String> environment;
    private final Path logFile;
    private final List<String> jvmOptions;
    private ChildProcess process;

    private ServiceProcess(String name, Path appJar, int httpPort, Map<String, String> environment, Path logFile,
                           List<String> jvmOptions) {
        this.name = name;
        this.appJar = appJar;
        this.httpPort = httpPort;
        this.environment = environment;
        this.logFile = logFile;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Describes a service; {@link #start()} launches it.
     *
     * @param projectRoot the Newsflow checkout, holding {@code <name>/target/quarkus-app}
     */
    public static ServiceProcess of(String name, Path projectRoot, int httpPort, Map<String, String> environment,
                                    Path logDir) {
        Path jar = projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        return new ServiceProcess(name, jar, httpPort, Map.copyOf(env), logDir.resolve(name + ".log"),
                List.of("-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                        // JBoss Threads resets thread locals by reflection; JDK 24+ refuses unless java.lang is open.
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED"));
    }

    /** Starts the process and waits until {@code /q/health/ready} answers UP. */
    public synchronized ServiceProcess start() {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(appJar + " is missing: build first (./newsflow mvn -DskipTests install)");
        }
        if (Ports.inUse(httpPort)) {
            throw new IllegalStateException("Port " + httpPort + " for " + name + " is already in use");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", appJar.toString()));
        process = ChildProcess.start(name, command, environment, logFile, null);
        awaitReady();
        return this;
    }

    /** Graceful stop (SIGTERM): Quarkus stops consuming, finishes in-flight work and commits offsets. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** kill -9, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** True when the service reports itself ready (HTTP 200 from /q/health/ready). */
    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + logFile);
            }
            if (isReady()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready within " + READY_TIMEOUT + "; see " + logFile);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}

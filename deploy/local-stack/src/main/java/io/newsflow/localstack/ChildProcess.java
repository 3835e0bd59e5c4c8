package io.newsflow.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child process whose output goes to a log file, optionally watched for the line that says it has started.
 * Every child still alive when this JVM exits is stopped, so a crashed test run leaves no broker behind.
 */
public final class ChildProcess {

    private static final Set<ChildProcess> ALIVE = ConcurrentHashMap.newKeySet();
    private static final int TAIL_LINES = 40;
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ALIVE.forEach(child -> child.stop(Duration.ofSeconds(20))), "newsflow-children-shutdown"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();

    private ChildProcess(String name, Process process, Path logFile, String startedLine) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        Thread pump = new Thread(() -> pumpOutput(startedLine), name + "-output");
        pump.setDaemon(true);
        pump.start();
        process.onExit().thenRun(() -> {
            ALIVE.remove(this);
            started.completeExceptionally(new IllegalStateException(
                    name + " exited with code " + process.exitValue() + "; last output:\n" + tail()));
        });
    }

    /**
     * Starts {@code command}, appending its stdout and stderr to {@code logFile}.
     *
     * @param startedLine text of the output line that means "ready", or null when the caller waits otherwise
     */
    public static ChildProcess start(String name, List<String> command, Path logFile, String startedLine) {
        return start(name, command, Map.of(), logFile, startedLine);
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
                                     String startedLine) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> fullCommand = new java.util.ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                // Own session: Ctrl-C in the terminal reaches only the launcher, which then stops children in order.
                fullCommand.add(SETSID.toString());
            }
            fullCommand.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(fullCommand).redirectErrorStream(true);
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), logFile, startedLine);
            ALIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /** Waits until the started line appears; fails with the end of the output when the process dies first. */
    public void awaitLine(Duration timeout, String what) {
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(Duration.ofSeconds(10));
            throw new IllegalStateException(what + " did not start within " + timeout + "; last output:\n" + tail(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed to start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }

    /** Waits for a short-lived process to finish successfully. */
    public void awaitExit(Duration timeout, String what) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new IllegalStateException(what + " did not finish within " + timeout);
            }
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + what, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + ":\n" + tail());
        }
    }

    /** SIGTERM (a clean shutdown for a JVM), then SIGKILL after {@code grace}; children of the process too. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        ALIVE.remove(this);
    }

    /** SIGKILL without a chance to clean up, as a crash would (fault injection). */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
        ALIVE.remove(this);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    private void pumpOutput(String startedLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                remember(line);
                if (startedLine != null && line.contains(startedLine)) {
                    started.complete(null);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
    }

    private synchronized void remember(String line) {
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
    }

    private synchronized String tail() {
        return String.join("\n", tail);
    }
}

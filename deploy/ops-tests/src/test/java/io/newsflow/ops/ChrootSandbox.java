package io.newsflow.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An unpacked image root filesystem made runnable the way a container runtime would: /proc mounted (the dynamic
 * loader resolves java's $ORIGIN through /proc/self/exe) and the usual character devices in /dev. Processes run
 * with {@code chroot --userspec=10001:10001} and exactly the environment given. {@link #close()} unmounts /proc.
 */
final class ChrootSandbox implements AutoCloseable {
    private static final String USER = "10001:10001";
    private final Path rootfs;
    private final String chroot;

    private ChrootSandbox(Path rootfs, String chroot) {
        this.rootfs = rootfs;
        this.chroot = chroot;
    }

    static ChrootSandbox prepare(Path rootfs) throws IOException, InterruptedException {
        Path proc = Files.createDirectories(rootfs.resolve("proc"));
        Path dev = Files.createDirectories(rootfs.resolve("dev"));
        // Device nodes instead of a bind mount of the host's /dev: nothing else of the host becomes visible.
        makeDevice(dev, "null", 3);
        makeDevice(dev, "zero", 5);
        makeDevice(dev, "full", 7);
        makeDevice(dev, "random", 8);
        makeDevice(dev, "urandom", 9);
        Shell.run("mount", "-t", "proc", "proc", proc.toString());
        return new ChrootSandbox(rootfs, Shell.run("sh", "-c", "command -v chroot"));
    }

    Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(chrootCommand(command));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    Shell.Result exec(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(chrootCommand(List.of(command))).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        return new Shell.Result(process.waitFor(), out.trim());
    }

    private List<String> chrootCommand(List<String> command) {
        List<String> full = new ArrayList<>(List.of(chroot, "--userspec=" + USER, rootfs.toString()));
        full.addAll(command);
        return full;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Path proc = rootfs.resolve("proc");
        if (Shell.tryRun("umount", proc.toString()).exit() != 0) {
            Shell.tryRun("umount", "-l", proc.toString());
        }
    }

    private static void makeDevice(Path dev, String name, int minor) throws IOException, InterruptedException {
        Path node = dev.resolve(name);
        if (!Files.exists(node)) {
            Shell.run("mknod", "-m", "666", node.toString(), "c", "1", Integer.toString(minor));
        }
    }

    /** Deletes an earlier run's directory, but never walks into a /proc still mounted inside it. */
    static void deleteUnlessMounted(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        String mounts = Files.readString(Path.of("/proc/self/mounts"));
        if (mounts.contains(" " + dir.toAbsolutePath() + "/")) {
            throw new IllegalStateException(dir + " still has a mount inside: umount it first");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

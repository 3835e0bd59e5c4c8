package io.newsflow.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Assembles the root filesystems the service images are layered on, because no registry (and so no base image) is
 * reachable where Newsflow is built:
 * <ul>
 *   <li>{@code runtime-jlink/}: a jlink'd Java runtime under {@code /opt/java} (from the JDK running the build), the
 *       few shared libraries it links against (copied from the build host, found with {@code ldd}), a minimal
 *       {@code /etc/passwd} and {@code /etc/group} with the non-root user 10001, and {@code /tmp};</li>
 *   <li>{@code runtime-none/}: empty, used instead when a registry base image that brings its own Java is chosen;</li>
 *   <li>{@code healthcheck/}: {@code /opt/healthcheck/HealthCheck.class}, the health probe for images without curl.</li>
 * </ul>
 * Arguments: output directory, comma-separated module list, directory holding the compiled HealthCheck.class.
 */
public final class BaseImageAssembler {
    /** JNI libraries of java.desktop that need X11/ALSA; a headless server never loads them, so they are left out. */
    private static final String EXCLUDED_FILES =
            "**/bin/jrunscript,**/bin/rmiregistry,**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so";
    private static final Pattern LDD_PATH = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");
    static final int USER_ID = 10001;

    private BaseImageAssembler() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BaseImageAssembler <output dir> <modules> <healthcheck classes dir>");
        }
        Path output = Path.of(args[0]).toAbsolutePath();
        String modules = args[1].replaceAll("\\s+", "");
        Path healthCheckClasses = Path.of(args[2]);

        deleteRecursively(output);
        Path root = output.resolve("runtime-jlink");
        Path javaHome = root.resolve("opt/java");
        Files.createDirectories(javaHome.getParent());
        jlink(modules, javaHome);
        copySharedLibraries(javaHome, root);
        writeUserDatabase(root);
        Files.createDirectories(root.resolve("tmp"));

        Files.createDirectories(output.resolve("runtime-none"));
        Path healthCheck = output.resolve("healthcheck/opt/healthcheck");
        Files.createDirectories(healthCheck);
        Files.copy(healthCheckClasses.resolve("HealthCheck.class"), healthCheck.resolve("HealthCheck.class"));
        System.out.println("[images] base root filesystem ready in " + root + " (" + sizeMiB(root) + " MiB)");
    }

    private static void jlink(String modules, Path javaHome) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new IllegalStateException(
                "jlink not found: build with a full JDK (./newsflow picks one), not a JRE"));
        List<String> args = List.of(
                "--add-modules", modules,
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--exclude-files=" + EXCLUDED_FILES,
                // Netty and Kafka still call sun.misc.Unsafe: allowed in the runtime itself (JDK 23+ warns otherwise).
                "--add-options=--sun-misc-unsafe-memory-access=allow",
                // Default CDS archive for the runtime: class data of the JDK is mapped, not parsed, at every start.
                "--generate-cds-archive",
                "--output", javaHome.toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintWriter out = new PrintWriter(log, true, StandardCharsets.UTF_8)) {
            int exit = jlink.run(out, out, args.toArray(String[]::new));
            if (exit != 0) {
                throw new IllegalStateException("jlink " + String.join(" ", args) + " failed (" + exit + "):\n" + log);
            }
        }
    }

    /** Copies every host library the runtime's executables and JNI libraries link against to the same path. */
    private static void copySharedLibraries(Path javaHome, Path root) throws IOException, InterruptedException {
        Set<String> libraries = new TreeSet<>();
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> files = Files.walk(javaHome)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".so") || p.getParent().endsWith("bin")
                            || p.getFileName().toString().equals("jspawnhelper"))
                    .forEach(binaries::add);
        }
        for (Path binary : binaries) {
            for (String line : run("ldd", binary.toString()).split("\n")) {
                Matcher m = LDD_PATH.matcher(line.trim());
                if (m.find() && !m.group(1).startsWith(javaHome.toString())) {
                    libraries.add(m.group(1));
                }
            }
        }
        if (libraries.stream().noneMatch(l -> l.contains("libc.so"))) {
            throw new IllegalStateException("ldd found no libc for " + javaHome + ": is this a glibc Linux host?");
        }
        // glibc loads libgcc_s at run time (thread cancellation, unwinding); ldd cannot see that.
        String libc = libraries.stream().filter(l -> l.contains("libc.so")).findFirst().orElseThrow();
        Path gcc = Path.of(libc).resolveSibling("libgcc_s.so.1");
        if (Files.exists(gcc)) {
            libraries.add(gcc.toString());
        }
        for (String library : libraries) {
            Path target = root.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            // Follows symbolic links: the image gets the real content under the name the loader asks for.
            Files.copy(Path.of(library), target, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("[images] host libraries: " + libraries);
    }

    private static void writeUserDatabase(Path root) throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        // HOME is /tmp: the root filesystem is read-only in compose and Kubernetes, /tmp is the writable mount.
        Files.writeString(etc.resolve("passwd"), """
                root:x:0:0:root:/root:/sbin/nologin
                newsflow:x:%d:%d:newsflow:/tmp:/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
                """.formatted(USER_ID, USER_ID));
        Files.writeString(etc.resolve("group"), """
                root:x:0:
                newsflow:x:%d:
                nogroup:x:65534:
                """.formatted(USER_ID));
        // Without nsswitch.conf glibc would still work, but this makes name lookups predictable: /etc/hosts, then DNS.
        Files.writeString(etc.resolve("nsswitch.conf"), """
                passwd: files
                group: files
                hosts: files dns
                """);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out; // ldd exits 1 for files that are not dynamic executables; the text is what matters
    }

    private static long sizeMiB(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum() / (1024 * 1024);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.newsflow.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of a service JVM: a full GC through {@code jcmd}, then the heap's used size. RSS of a JVM follows how
 * far the collector has let the heap grow, not what the program keeps, so a soak compares live heaps to tell a leak
 * from heap sizing.
 */
final class LiveHeap {

    /** "garbage-first heap   total reserved 524288K, committed 262144K, used 81234K [...]" (JDK 21–25 wording). */
    private static final Pattern USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");

    private LiveHeap() {
    }

    /** Bytes in use right after a full collection, or empty when jcmd cannot reach the process. */
    static OptionalLong afterFullGc(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd) || run(jcmd, pid, "GC.run") == null) {
            return OptionalLong.empty();
        }
        String info = run(jcmd, pid, "GC.heap_info");
        if (info == null) {
            return OptionalLong.empty();
        }
        Matcher m = USED.matcher(info);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }

    private static String run(Path jcmd, long pid, String command) {
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

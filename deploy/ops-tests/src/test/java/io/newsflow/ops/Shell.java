package io.newsflow.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs host commands (tar, mount, chroot) and fails with their output when they fail. */
final class Shell {
    private Shell() {
    }

    static String run(String... command) throws IOException, InterruptedException {
        Result result = tryRun(command);
        if (result.exit() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + result.exit() + ": " + result.output());
        }
        return result.output();
    }

    static Result tryRun(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out.trim());
    }

    static boolean onPath(String executable) {
        try {
            return tryRun("sh", "-c", "command -v " + executable).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    record Result(int exit, String output) {
    }
}

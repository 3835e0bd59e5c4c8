package io.newsflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Docker-format image tarball as jib's buildTar writes it (manifest.json, config.json, gzipped layers), unpacked
 * into a root filesystem the way a container runtime would: layers in manifest order, one over the other.
 */
record ContainerImage(Path tarball, Path rootfs, List<String> entrypoint, Map<String, String> env, String user,
                      String workingDir, List<String> exposedPorts, Map<String, String> labels,
                      List<String> layerComments, long rootfsBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ContainerImage unpack(Path tarball, Path workDir) throws IOException, InterruptedException {
        Path extracted = Files.createDirectories(workDir.resolve("tar"));
        Path rootfs = Files.createDirectories(workDir.resolve("rootfs"));
        Shell.run("tar", "-xf", tarball.toString(), "-C", extracted.toString());
        JsonNode manifest = JSON.readTree(extracted.resolve("manifest.json").toFile()).get(0);
        for (JsonNode layer : manifest.get("Layers")) {
            // jib writes no whiteout files, so unpacking in order is all a runtime would do.
            Shell.run("tar", "-xzf", extracted.resolve(layer.asText()).toString(), "-C", rootfs.toString());
        }
        JsonNode config = JSON.readTree(extracted.resolve(manifest.get("Config").asText()).toFile());
        JsonNode c = config.get("config");
        List<String> entrypoint = new ArrayList<>();
        c.path("Entrypoint").forEach(n -> entrypoint.add(n.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        c.path("Env").forEach(n -> {
            String[] kv = n.asText().split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        });
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> comments = new ArrayList<>();
        config.path("history").forEach(h -> comments.add(h.path("comment").asText()));
        long size;
        try (Stream<Path> files = Files.walk(rootfs)) { // measured before anything is mounted inside
            size = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        return new ContainerImage(tarball, rootfs, entrypoint, env, c.path("User").asText(""),
                c.path("WorkingDir").asText(""), ports, labels, comments, size);
    }
}

package io.newsflow.ops;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of Kustomize that Newsflow's manifests use, offline and without a binary: resources (files and
 * directories), configMapGenerator, namespace, labels, images and JSON 6902 patches with {kind, name} targets.
 * A patch whose target matches nothing, or whose path does not exist, fails the build, so an overlay cannot silently
 * stop applying after a rename in the base. (The test also compares with {@code kubectl kustomize} when installed.)
 */
final class Kustomize {
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private Kustomize() {
    }

    static List<ObjectNode> build(Path dir) throws IOException {
        JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path resource = dir.resolve(r.asText()).normalize();
            objects.addAll(Files.isDirectory(resource) ? build(resource) : readAll(resource));
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            ObjectNode cm = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            cm.putObject("metadata").put("name", generator.path("name").asText());
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : generator.path("files")) {
                Path file = dir.resolve(f.asText());
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException(dir + ": configMapGenerator file " + file + " missing");
                }
                data.put(file.getFileName().toString(), Files.readString(file));
            }
            objects.add(cm);
        }
        if (k.has("namespace")) {
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", k.get("namespace").asText()));
        }
        for (JsonNode label : k.path("labels")) {
            for (ObjectNode o : objects) {
                ObjectNode labels = ((ObjectNode) o.get("metadata")).with("labels");
                label.path("pairs").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode o : objects) {
                for (JsonNode c : o.at("/spec/template/spec/containers")) {
                    String[] ref = c.path("image").asText().split(":", 2);
                    if (ref[0].equals(image.path("name").asText())) {
                        String name = image.path("newName").asText(ref[0]);
                        String tag = image.path("newTag").asText(ref.length > 1 ? ref[1] : "");
                        ((ObjectNode) c).put("image", tag.isEmpty() ? name : name + ":" + tag);
                    }
                }
            }
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, objects, patch);
        }
        return objects;
    }

    static List<ObjectNode> readAll(Path file) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    docs.add((ObjectNode) doc);
                }
            }
        }
        return docs;
    }

    private static void applyPatch(Path dir, List<ObjectNode> objects, JsonNode patch) throws IOException {
        JsonNode target = patch.path("target");
        List<ObjectNode> matches = objects.stream()
                .filter(o -> !target.has("kind") || o.path("kind").asText().equals(target.get("kind").asText()))
                .filter(o -> !target.has("name") || o.at("/metadata/name").asText().equals(target.get("name").asText()))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalStateException(dir + ": patch target " + target + " matches no object");
        }
        JsonNode ops = YAML.readTree(patch.path("patch").asText());
        if (!ops.isArray()) {
            throw new IllegalStateException(dir + ": only JSON 6902 patches (a list of ops) are supported: " + ops);
        }
        for (ObjectNode o : matches) {
            for (JsonNode op : ops) {
                JsonPointer path = JsonPointer.compile(op.path("path").asText());
                JsonNode parent = o.at(path.head());
                String last = path.last().getMatchingProperty();
                String kind = op.path("op").asText();
                boolean exists = parent instanceof ObjectNode obj ? obj.has(last)
                        : parent instanceof ArrayNode arr && last.matches("\\d+") && Integer.parseInt(last) < arr.size();
                if (!(parent instanceof ContainerNode<?>) || (!kind.equals("add") && !exists)) {
                    throw new IllegalStateException(dir + ": patch " + op + " on " + o.path("kind").asText() + "/"
                            + o.at("/metadata/name").asText() + ": path does not exist");
                }
                switch (kind) {
                    case "replace", "add" -> {
                        if (parent instanceof ObjectNode obj) {
                            obj.set(last, op.get("value"));
                        } else if (kind.equals("add") && last.equals("-")) {
                            ((ArrayNode) parent).add(op.get("value"));
                        } else {
                            ((ArrayNode) parent).set(Integer.parseInt(last), op.get("value"));
                        }
                    }
                    case "remove" -> {
                        if (parent instanceof ObjectNode obj) {
                            obj.remove(last);
                        } else {
                            ((ArrayNode) parent).remove(Integer.parseInt(last));
                        }
                    }
                    default -> throw new IllegalStateException(dir + ": unsupported patch op " + op);
                }
            }
        }
    }
}

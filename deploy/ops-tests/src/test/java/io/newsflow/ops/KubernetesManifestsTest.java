package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contracts.Topics;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates deploy/kubernetes offline: every manifest parses, the base and each overlay build (patches must hit
 * existing objects), and what operators rely on holds in every environment: probes, resources, non-root security,
 * Services, autoscalers and disruption budgets that select the right pods, network rules that let the configured
 * Kafka port through, and topics created with the partition counts deploy/README.md documents.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = ImageSmokeTest.ROOT;
    private static final Path K8S = ROOT.resolve("deploy/kubernetes");
    /** The topic whose partitions bound each autoscaled service's useful replicas (one consumer per partition). */
    private static final Map<String, String> CONSUMED_TOPIC = Map.of(
            "ingest-service", Topics.INGEST_FEEDS, "enrich-service", Topics.ARTICLES_RAW,
            "store-service", Topics.ARTICLES_ENRICHED);
    private static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "ingest-service", 8081, "enrich-service", 8082, "store-service", 8083);
    private static final Pattern CREATE_LINE = Pattern.compile("(?m)^create (\\S+) (\\d+)\\b(.*)$");
    private static final Pattern README_ROW = Pattern.compile("(?m)^\\| `(news\\.[a-z.-]+)` \\| (\\d+) \\|");

    @Test
    void everyManifestParses() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(K8S)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        for (Path file : files) {
            for (ObjectNode doc : Kustomize.readAll(file)) {
                assertThat(doc.path("apiVersion").asText()).as("apiVersion in %s", file).isNotBlank();
                assertThat(doc.path("kind").asText()).as("kind in %s", file).isNotBlank();
                if (!doc.path("kind").asText().equals("Kustomization")) {
                    assertThat(doc.at("/metadata/name").asText()).as("metadata.name in %s", file).isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void deploymentsHaveProbesResourcesAndRunAsNonRoot(String env) throws IOException {
        List<ObjectNode> objects = Kustomize.build(K8S.resolve(env));
        List<ObjectNode> deployments = ofKind(objects, "Deployment");
        assertThat(deployments).extracting(d -> d.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(SERVICE_PORTS.keySet());
        for (ObjectNode d : deployments) {
            String name = d.at("/metadata/name").asText();
            JsonNode pod = d.at("/spec/template/spec");
            JsonNode c = pod.at("/containers/0");
            assertThat(c.path("image").asText()).as("%s image tag", name).matches(".+/" + name + ":[\\w.-]+")
                    .doesNotEndWith(":latest");
            assertThat(c.at("/ports/0/containerPort").asInt()).as("%s port", name).isEqualTo(SERVICE_PORTS.get(name));
            Map<String, String> probes = Map.of("startupProbe", "/q/health/started",
                    "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
            probes.forEach((probe, path) -> {
                assertThat(c.at("/" + probe + "/httpGet/path").asText()).as("%s %s", name, probe).isEqualTo(path);
                assertThat(c.at("/" + probe + "/httpGet/port").asText()).as("%s %s port", name, probe)
                        .isIn("http", Integer.toString(SERVICE_PORTS.get(name)));
            });
            // The startup probe must allow a slow first start (Flyway, reading compacted topics) before liveness.
            assertThat(c.at("/startupProbe/periodSeconds").asInt(10) * c.at("/startupProbe/failureThreshold").asInt(3))
                    .as("%s startup budget (s)", name).isGreaterThanOrEqualTo(60);

            JsonNode resources = c.path("resources");
            assertThat(resources.at("/requests/cpu").asText()).as("%s cpu request", name).isNotBlank();
            long requestMem = bytes(resources.at("/requests/memory").asText());
            long limitMem = bytes(resources.at("/limits/memory").asText());
            assertThat(requestMem).as("%s memory request", name).isPositive();
            assertThat(limitMem).as("%s memory limit ≥ request", name).isGreaterThanOrEqualTo(requestMem);
            // 70 % heap (the image's MaxRAMPercentage) must leave room for metaspace, threads and buffers.
            assertThat(limitMem).as("%s memory limit", name).isGreaterThanOrEqualTo(bytes("512Mi"));

            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as("%s runAsNonRoot", name).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as("%s uid = image user", name).isEqualTo(10001);
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as("%s SA token", name).isFalse();
            assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
                    .as("%s allowPrivilegeEscalation", name).isFalse();
            assertThat(c.at("/securityContext/capabilities/drop").toString()).as("%s dropped capabilities", name)
                    .contains("\"ALL\"");
            assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as("%s read-only root", name)
                    .isTrue();
            assertThat(c.path("volumeMounts").findValuesAsText("mountPath")).as("%s writable /tmp", name)
                    .contains("/tmp");
            // Long enough for Quarkus to stop polling, finish in-flight records and commit offsets.
            assertThat(pod.path("terminationGracePeriodSeconds").asInt(30)).as("%s grace period", name)
                    .isGreaterThanOrEqualTo(30);
            assertThat(c.path("envFrom").findValuesAsText("name")).as("%s envFrom", name)
                    .allSatisfy(ref -> assertThat(named(objects, ref)).as("%s references %s", name, ref).isNotNull());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void servicesAutoscalersAndBudgetsSelectTheirDeployment(String env) throws IOException {
        List<ObjectNode> objects = Kustomize.build(K8S.resolve(env));
        Map<String, Integer> partitions = partitionsFromScript();
        for (ObjectNode d : ofKind(objects, "Deployment")) {
            String name = d.at("/metadata/name").asText();
            Map<String, String> podLabels = map(d.at("/spec/template/metadata/labels"));
            assertThat(podLabels).as("%s selector matches its pods", name)
                    .containsAllEntriesOf(map(d.at("/spec/selector/matchLabels")));

            ObjectNode service = only(objects, "Service", name);
            assertThat(podLabels).as("Service %s selects the pods", name)
                    .containsAllEntriesOf(map(service.at("/spec/selector")));
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(SERVICE_PORTS.get(name));
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isIn("http",
                    Integer.toString(SERVICE_PORTS.get(name)));

            ObjectNode pdb = only(objects, "PodDisruptionBudget", name);
            assertThat(podLabels).as("PDB %s selects the pods", name)
                    .containsAllEntriesOf(map(pdb.at("/spec/selector/matchLabels")));
            assertThat(pdb.at("/spec/maxUnavailable").asInt(0) + pdb.at("/spec/minAvailable").asInt(0))
                    .as("PDB %s sets a budget", name).isPositive();

            ObjectNode hpa = named(ofKind(objects, "HorizontalPodAutoscaler"), name);
            assertThat(hpa).as("HPA for %s", name).isNotNull();
            assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(name);
            int min = hpa.at("/spec/minReplicas").asInt(1);
            int max = hpa.at("/spec/maxReplicas").asInt();
            assertThat(min).as("%s HPA min ≤ max", name).isBetween(1, max);
            assertThat(max).as("%s HPA max ≤ partitions of %s (extra consumers idle)", name, CONSUMED_TOPIC.get(name))
                    .isLessThanOrEqualTo(partitions.get(CONSUMED_TOPIC.get(name)));
            assertThat(d.at("/spec/replicas").asInt(1)).as("%s replicas within HPA range", name).isBetween(min, max);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void networkPoliciesLetTheConfiguredTrafficThrough(String env) throws IOException {
        List<ObjectNode> objects = Kustomize.build(K8S.resolve(env));
        assertThat(named(ofKind(objects, "NetworkPolicy"), "default-deny")).as("default deny").isNotNull();
        ObjectNode config = only(objects, "ConfigMap", "newsflow-config");
        String bootstrap = config.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText();
        Set<Integer> kafkaPorts = new TreeSet<>();
        for (String server : bootstrap.split(",")) {
            kafkaPorts.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
        }
        ObjectNode kafkaEgress = only(objects, "NetworkPolicy", "allow-dns-and-kafka");
        assertThat(kafkaEgress.at("/spec/egress").findValuesAsText("port").stream().map(Integer::parseInt).toList())
                .as("egress ports for KAFKA_BOOTSTRAP_SERVERS=%s", bootstrap).containsAll(kafkaPorts);
        ObjectNode httpIn = only(objects, "NetworkPolicy", "allow-http-in");
        assertThat(httpIn.at("/spec/ingress").findValuesAsText("port").stream().map(Integer::parseInt).toList())
                .as("HTTP ingress to the services (API, probes from kubelet are not subject to policy, metrics)")
                .containsAll(SERVICE_PORTS.values());
    }

    @Test
    void topicsJobCreatesEveryContractTopicWithTheDocumentedPartitions() throws Exception {
        Map<String, Integer> script = partitionsFromScript();
        Set<String> contractTopics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                contractTopics.add((String) f.get(null));
            }
        }
        // Every topic of the contracts and every topic a service's channels name (e.g. store's news.stories).
        Set<String> channelTopics = new TreeSet<>();
        for (String service : SERVICE_PORTS.keySet()) {
            Matcher topic = Pattern.compile("(?m)^mp\\.messaging\\..*topic=(\\S+)$").matcher(
                    Files.readString(ROOT.resolve(service + "/src/main/resources/application.properties")));
            while (topic.find()) {
                channelTopics.add(topic.group(1));
            }
        }
        assertThat(script.keySet()).as("topics created by create-topics.sh")
                .containsAll(contractTopics).containsAll(channelTopics);

        Map<String, Integer> documented = new TreeMap<>();
        Matcher row = README_ROW.matcher(Files.readString(ROOT.resolve("deploy/README.md")));
        while (row.find()) {
            documented.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        assertThat(new TreeMap<>(script)).as("partitions in create-topics.sh vs deploy/README.md").isEqualTo(documented);

        String compactions = Files.readString(K8S.resolve("base/create-topics.sh"));
        assertThat(compactions).containsPattern("create " + Pattern.quote(Topics.INGEST_FEEDS) + " \\d+ .*cleanup.policy=compact")
                .containsPattern("create " + Pattern.quote(Topics.INGEST_SEEN) + " \\d+ .*cleanup.policy=compact");

        List<ObjectNode> base = Kustomize.build(K8S.resolve("base"));
        ObjectNode job = only(base, "Job", "newsflow-topics");
        String scriptConfigMap = job.at("/spec/template/spec/volumes/0/configMap/name").asText();
        ObjectNode generated = only(base, "ConfigMap", scriptConfigMap);
        assertThat(generated.at("/data/create-topics.sh").asText()).isEqualTo(compactions);
        assertThat(job.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(job.at("/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation").asBoolean(true))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void overlaysPatchWhatTheyMeanTo(String env) throws IOException {
        List<ObjectNode> objects = Kustomize.build(K8S.resolve(env)); // throws when a patch target or path is missing
        ObjectNode config = only(objects, "ConfigMap", "newsflow-config");
        if (env.endsWith("local")) {
            assertThat(config.at("/data/NEWSFLOW_TOPIC_REPLICATION_FACTOR").asText()).isEqualTo("1");
            assertThat(ofKind(objects, "Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
        } else {
            assertThat(config.at("/data/NEWSFLOW_TOPIC_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(ofKind(objects, "Deployment")).allSatisfy(d -> assertThat(
                    d.at("/spec/template/spec/containers/0/image").asText()).startsWith("registry.example.com/"));
        }
    }

    /** deploy/README.md promises one table of every setting: each newsflow.* key of a service must be in it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-service", "enrich-service", "store-service"})
    void everyNewsflowSettingIsDocumentedAsEnvironmentVariable(String service) throws IOException {
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        Matcher key = Pattern.compile("(?m)^#?(newsflow\\.[a-z0-9.-]+)=").matcher(
                Files.readString(ROOT.resolve(service + "/src/main/resources/application.properties")));
        List<String> missing = new java.util.ArrayList<>();
        while (key.find()) {
            String env = key.group(1).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            if (!readme.contains("`" + env + "`")) {
                missing.add(env + " (" + key.group(1) + ")");
            }
        }
        assertThat(missing).as("settings of %s missing from the table in deploy/README.md", service).isEmpty();
    }

    /** With kubectl installed, the real Kustomize must build the same objects as the offline model above. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void kubectlKustomizeAgrees(String env) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Shell.onPath("kubectl"), "kubectl not installed");
        Path out = Files.createTempFile("kustomize-", ".yaml");
        try {
            Files.writeString(out, Shell.run("kubectl", "kustomize", K8S.resolve(env).toString()));
            List<ObjectNode> real = Kustomize.readAll(out);
            List<ObjectNode> model = Kustomize.build(K8S.resolve(env));
            assertThat(summary(real)).isEqualTo(summary(model));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** kind/name → the fields the other tests rely on; generated ConfigMap names lose kustomize's hash suffix. */
    private static Map<String, String> summary(List<ObjectNode> objects) {
        Map<String, String> summary = new TreeMap<>();
        for (ObjectNode o : objects) {
            String name = o.at("/metadata/name").asText().replaceFirst("-[a-z0-9]{10}$", "");
            summary.put(o.path("kind").asText() + "/" + name, String.join(" ",
                    o.at("/metadata/namespace").asText(), o.at("/spec/replicas").asText(),
                    o.at("/spec/minReplicas").asText(), o.at("/spec/template/spec/containers/0/image").asText(),
                    o.at("/spec/template/spec/containers/0/resources/requests/cpu").asText(),
                    o.at("/spec/template/spec/containers/0/resources/requests/memory").asText(),
                    o.at("/spec/template/spec/containers/0/resources/limits/memory").asText(),
                    o.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText()));
        }
        return summary;
    }

    private static Map<String, Integer> partitionsFromScript() throws IOException {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        Matcher m = CREATE_LINE.matcher(Files.readString(K8S.resolve("base/create-topics.sh")));
        while (m.find()) {
            partitions.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return partitions;
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static ObjectNode named(List<ObjectNode> objects, String name) {
        return objects.stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst().orElse(null);
    }

    private static ObjectNode only(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = ofKind(objects, kind).stream()
                .filter(o -> o.at("/metadata/name").asText().equals(name)).toList();
        if (found.size() != 1) {
            fail("expected one %s/%s, found %d", kind, name, found.size());
        }
        return found.get(0);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?").matcher(quantity);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return n * switch (unit) {
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            case "K" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            default -> 1L;
        };
    }
}

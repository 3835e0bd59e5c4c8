package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps alerts, dashboard and scrape configs in step with the code: every Newsflow metric they query is one a service
 * registers, every panel uses the provisioned data source, and Prometheus scrapes each service on its own port.
 */
class MonitoringConfigTest {

    private static final Path ROOT = ImageSmokeTest.ROOT;
    private static final Path MONITORING = ROOT.resolve("deploy/monitoring");
    private static final Pattern QUERIED = Pattern.compile("\\b(newsflow_[a-z_]+?)(?:_total|_seconds_(?:count|sum|bucket|max))?\\b");
    private static final Pattern REGISTERED = Pattern.compile("(?:Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\"(newsflow\\.[a-z.]+)\"");

    @Test
    void alertRulesAreCompleteAndQueryRegisteredMetrics() throws IOException {
        JsonNode rules = Kustomize.YAML.readTree(MONITORING.resolve("prometheus/alerts.yml").toFile()).at("/groups/0/rules");
        assertThat(rules.size()).isGreaterThanOrEqualTo(5);
        Set<String> alerts = new TreeSet<>();
        for (JsonNode rule : rules) {
            String name = rule.path("alert").asText();
            alerts.add(name);
            assertThat(rule.path("expr").asText()).as("%s expr", name).isNotBlank();
            assertThat(rule.path("for").asText()).as("%s for", name).matches("\\d+[smh]");
            assertThat(rule.at("/labels/severity").asText()).as("%s severity", name).isIn("warning", "critical");
            assertThat(rule.at("/annotations/summary").asText()).as("%s summary", name).isNotBlank();
        }
        // What the operations issue asks alerts for: lag, DLQ rate, failing feeds, no new articles, readiness.
        assertThat(alerts).contains("NewsflowConsumerLagHigh", "NewsflowDeadLetters", "NewsflowFeedsFailing",
                "NewsflowNoNewArticles", "NewsflowServiceNotReady", "NewsflowServiceDown");
        assertThat(queried(Files.readString(MONITORING.resolve("prometheus/alerts.yml"))))
                .as("newsflow_* metrics queried by alerts.yml").isSubsetOf(registered());
    }

    @Test
    void dashboardUsesTheProvisionedDataSourceAndRegisteredMetrics() throws IOException {
        Path file = MONITORING.resolve("grafana/dashboards/newsflow-pipeline.json");
        JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        String uid = Kustomize.YAML.readTree(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml")
                .toFile()).at("/datasources/0/uid").asText();
        assertThat(dashboard.path("panels").findValues("datasource")).isNotEmpty()
                .allSatisfy(ds -> assertThat(ds.path("uid").asText()).isEqualTo(uid));
        assertThat(dashboard.path("panels").findValuesAsText("expr")).as("panel queries").isNotEmpty();
        assertThat(queried(Files.readString(file))).as("newsflow_* metrics on the dashboard").isSubsetOf(registered())
                .contains("newsflow_articles_in", "newsflow_articles_out", "newsflow_articles_failed");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPort() throws IOException {
        JsonNode compose = Kustomize.YAML.readTree(MONITORING.resolve("prometheus/prometheus-compose.yml").toFile());
        JsonNode job = compose.at("/scrape_configs/0");
        assertThat(job.path("job_name").asText()).as("job label the alerts filter on").isEqualTo("newsflow");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        Set<String> targets = new TreeSet<>();
        job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        assertThat(targets).containsExactlyInAnyOrder("ingest-service:8081", "enrich-service:8082", "store-service:8083");
        JsonNode k8s = Kustomize.YAML.readTree(MONITORING.resolve("prometheus/prometheus-kubernetes.yml").toFile());
        assertThat(k8s.at("/scrape_configs/0/job_name").asText()).isEqualTo("newsflow");
        for (String service : Set.of("ingest-service", "enrich-service", "store-service")) {
            assertThat(Files.readString(ROOT.resolve("deploy/kubernetes/base/" + service + ".yaml")))
                    .as("%s scrape annotation", service).contains("prometheus.io/scrape: \"true\"")
                    .contains("prometheus.io/path: /q/metrics");
        }
    }

    private static Set<String> queried(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = QUERIED.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Prometheus base names (dots → underscores, no _total) of the meters the services register. */
    private static Set<String> registered() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String service : new String[] {"ingest-service", "enrich-service", "store-service"}) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = REGISTERED.matcher(Files.readString(p));
                    while (m.find()) {
                        names.add(m.group(1).replace('.', '_'));
                    }
                }
            }
        }
        return names;
    }
}

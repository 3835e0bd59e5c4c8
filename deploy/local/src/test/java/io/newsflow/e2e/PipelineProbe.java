package io.newsflow.e2e;

import io.newsflow.contracts.Topics;
import io.newsflow.localstack.LocalPipeline;
import io.newsflow.localstack.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the end-to-end tests and the benchmark read from a running pipeline: the store's rows (straight from PostgreSQL,
 * so the check does not depend on the store API's paging), a topic read whole, Prometheus counters, and a process's
 * CPU time and resident memory from /proc.
 */
final class PipelineProbe {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private PipelineProbe() {
    }

    /** Article ids stored, one entry per row (a list, so a doubled id would show). */
    static List<String> storedIdRows(LocalPipeline pipeline) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = connect(pipeline); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM article")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    static Connection connect(LocalPipeline pipeline) throws SQLException {
        return DriverManager.getConnection(pipeline.postgres().jdbcUrl(), pipeline.postgres().username(),
                pipeline.postgres().password());
    }

    /** One record of a topic as read by {@link #readTopic}. */
    record TopicRecord(String key, byte[] value, Map<String, String> headers, long timestamp) {
        String header(String name) {
            return headers.get(name);
        }

        String valueText() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    /** Reads a topic from the beginning to its end as of now (read_committed: aborted transactions are skipped). */
    static List<TopicRecord> readTopic(String bootstrapServers, String topic) {
        List<TopicRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new TopicRecord(record.key(), record.value(), headers, record.timestamp()));
                }
            }
        }
        return records;
    }

    static Set<String> keys(List<TopicRecord> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }

    /** Sum of every sample of a Prometheus counter (all tag combinations), 0 when absent or the service is down. */
    static double metric(ServiceProcess service, String name) {
        return metric(service, name, "");
    }

    /** Sum of the samples of {@code name} whose label set contains {@code labelFragment} (e.g. {@code stage="store"}). */
    static double metric(ServiceProcess service, String name, String labelFragment) {
        String text;
        try {
            text = getText(service.baseUrl().resolve("/q/metrics"));
        } catch (Exception e) {
            return 0;
        }
        double sum = 0;
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+-]+|NaN)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(text);
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labels.contains(labelFragment) && !"NaN".equals(m.group(2))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    static String getText(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> post(URI uri, String contentType, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Resident set size of a process in bytes (VmRSS), or -1 when it is gone. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU time of a process in seconds (/proc/pid/stat, fields 14 and 15), or -1 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may contain spaces; fields after the closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Topic names are constants in the contracts; re-exported here for brevity in tests. */
    static final String RAW = Topics.ARTICLES_RAW;
}

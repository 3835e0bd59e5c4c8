package io.newsflow.ingest.messaging;

import io.newsflow.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the compacted topics ingest keeps its state in, when missing. Partitions and replication come from the
 * broker defaults, which operations own; an existing topic that is not compacted is reported, not altered.
 */
public final class StateTopics {

    /**
     * Compacted: each feed's polling state and health (validators, interval, backoff, counters), key = feed id.
     * Not in contracts' Topics: only ingest reads or writes it.
     */
    public static final String FEED_STATE = "news.ingest.feed-state";

    public static final List<String> COMPACTED = List.of(Topics.INGEST_FEEDS, Topics.INGEST_SEEN, FEED_STATE);

    private static final Logger LOG = Logger.getLogger(StateTopics.class);
    private static final long TIMEOUT_SECONDS = 15;

    private StateTopics() {
    }

    public static void ensure(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String name : COMPACTED) {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, Optional.empty(), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
            }
        }
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.infof("Created compacted topics %s", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another replica created it first: fine.
            }
        }
        List<ConfigResource> resources = COMPACTED.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        configs.forEach((resource, config) -> {
            var policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warnf("Topic %s has cleanup.policy=%s, not compact: ingest state in it will expire with retention",
                        resource.name(), policy == null ? "?" : policy.value());
            }
        });
    }
}

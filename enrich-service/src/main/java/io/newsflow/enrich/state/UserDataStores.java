package io.newsflow.enrich.state;

import io.newsflow.enrich.config.EnrichConfig;
import io.newsflow.enrich.entity.EntityExtractor;
import io.newsflow.enrich.rules.RuleTopic;
import io.newsflow.enrich.rules.RuleTopics;
import io.newsflow.enrich.watch.WatchedEntity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.List;

/**
 * The users' watch list and rule topics, each in its compacted topic, applied to the enricher whenever they change
 * (on this replica at once, on the others within a poll) — no restart.
 */
@ApplicationScoped
public class UserDataStores {

    private final EnrichConfig config;
    private final CompactedTopicStore<WatchedEntity> watchList;
    private final CompactedTopicStore<RuleTopic> rules;

    public UserDataStores(EnrichConfig config, EntityExtractor extractor, RuleTopics ruleTopics,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        EnrichConfig.UserData c = config.userData();
        this.watchList = new CompactedTopicStore<>(bootstrapServers, c.watchlistTopic(), WatchedEntity.class,
                WatchedEntity::id, all -> extractor.useWatchList(all.values().stream()
                        .sorted(Comparator.comparing(WatchedEntity::id)).map(WatchedEntity::toKbEntry).toList()),
                c.timeout());
        this.rules = new CompactedTopicStore<>(bootstrapServers, c.rulesTopic(), RuleTopic.class, RuleTopic::id,
                all -> ruleTopics.replace(all.values()), c.timeout());
    }

    void start(@Observes StartupEvent event) {
        if (config.userData().enabled()) {
            watchList.start();
            rules.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        watchList.close();
        rules.close();
    }

    public boolean enabled() {
        return config.userData().enabled();
    }

    public int maxEntries() {
        return config.userData().maxEntries();
    }

    public CompactedTopicStore<WatchedEntity> watchList() {
        return watchList;
    }

    public CompactedTopicStore<RuleTopic> rules() {
        return rules;
    }

    /** Entries sorted by id, for stable listings. */
    public static <T> List<T> sorted(CompactedTopicStore<T> store, java.util.function.Function<T, String> id) {
        return store.snapshot().values().stream().sorted(Comparator.comparing(id)).toList();
    }

}

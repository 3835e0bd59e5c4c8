package io.newsflow.store.persistence;

import static io.newsflow.store.persistence.ResultSets.instant;
import static io.newsflow.store.persistence.ResultSets.strings;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.EventJson;
import io.newsflow.contracts.RawArticle;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import io.newsflow.store.story.DayCounts;
import io.newsflow.store.story.StoryChange;
import io.newsflow.store.story.StoryClusterer;
import io.newsflow.store.story.StoryFeatures;
import io.newsflow.store.story.StoryEvents;
import io.newsflow.store.story.StoryNumbers;
import io.newsflow.store.story.StorySimilarity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.core.BaseConnection;
import org.postgresql.jdbc.TimestampUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Idempotent upsert of enriched articles, their entities and topics, and their story assignment, in one transaction
 * per call (one article or a whole batch). The stored row changes only when the incoming (revision, enrichedAt) is
 * greater than the stored one, so redeliveries and late older revisions leave it as it is; the child rows are replaced
 * only together with the row. A new article gets its story from {@link StoryClusterer}; a revision keeps the story of
 * the article it revises. The per-day counts story clustering reads ({@link DayCounts}) follow the rows in the same
 * transaction: a new article adds to them, a newer revision takes its old day and entities away and adds its new ones,
 * and whatever changes nothing (a redelivery, a late older revision) leaves them alone. The story events of the write
 * go into the outbox table in the same transaction ({@link StoryOutbox}); listeners hear about the write only after
 * the commit.
 */
@ApplicationScoped
public class ArticleWriter {

    private static final Logger LOG = Logger.getLogger(ArticleWriter.class);

    static final String UPSERT_ARTICLE = """
            INSERT INTO article AS a (id, url, canonical_url, source, feed_url, title, text, summary, authors,
                    published_at, fetched_at, enriched_at, stored_at, language, language_confidence, ts_config,
                    content_hash, revision, entities, topics, story_id, minhash, simhash, word_count, story_numbers,
                    story_keywords, story_events, story_headline_events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?,
                    coalesce((SELECT c.config FROM text_search_config c WHERE c.language = ?), 'simple'::regconfig),
                    ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                url = EXCLUDED.url, canonical_url = EXCLUDED.canonical_url, source = EXCLUDED.source,
                feed_url = EXCLUDED.feed_url, title = EXCLUDED.title, text = EXCLUDED.text,
                summary = EXCLUDED.summary, authors = EXCLUDED.authors, published_at = EXCLUDED.published_at,
                fetched_at = EXCLUDED.fetched_at, enriched_at = EXCLUDED.enriched_at, stored_at = EXCLUDED.stored_at,
                language = EXCLUDED.language, language_confidence = EXCLUDED.language_confidence,
                ts_config = EXCLUDED.ts_config, content_hash = EXCLUDED.content_hash, revision = EXCLUDED.revision,
                entities = EXCLUDED.entities, topics = EXCLUDED.topics, minhash = EXCLUDED.minhash,
                simhash = EXCLUDED.simhash, word_count = EXCLUDED.word_count, story_numbers = EXCLUDED.story_numbers,
                story_keywords = EXCLUDED.story_keywords, story_events = EXCLUDED.story_events,
                story_headline_events = EXCLUDED.story_headline_events
                -- story_id is deliberately not updated: a revision stays in its story
            WHERE (EXCLUDED.revision, coalesce(EXCLUDED.enriched_at, '-infinity'::timestamptz))
                > (a.revision, coalesce(a.enriched_at, '-infinity'::timestamptz))
            """;

    static final String EXISTING = "SELECT id, story_id, revision, enriched_at FROM article WHERE id = ANY(?)";
    static final String CREATE_STORY = """
            INSERT INTO story (id, title, first_seen, last_seen, article_count) VALUES (?, ?, ?, ?, 0)
            ON CONFLICT (id) DO NOTHING
            """;
    static final String REFRESH_STORIES = """
            UPDATE story s SET article_count = x.n, first_seen = x.first_seen, last_seen = x.last_seen,
                               updated_at = now()
            FROM (SELECT story_id, count(*) AS n, min(sort_at) AS first_seen, max(sort_at) AS last_seen,
                         array_agg(DISTINCT source ORDER BY source) FILTER (WHERE source IS NOT NULL) AS sources,
                         array_agg(DISTINCT language ORDER BY language) AS languages
                  FROM article WHERE story_id = ANY(?) GROUP BY story_id) x
            WHERE s.id = x.story_id
            RETURNING s.id, s.title, s.article_count, s.first_seen, s.last_seen, x.sources, x.languages
            """;
    /** Moves the articles of absorbed stories to their survivors; returns (article, absorbed, survivor). */
    static final String REPOINT_ARTICLES = """
            UPDATE article a SET story_id = m.survivor
            FROM unnest(?::text[], ?::text[]) AS m(absorbed, survivor)
            WHERE a.story_id = m.absorbed
            RETURNING a.id, m.absorbed, m.survivor
            """;
    static final String DELETE_STORIES = """
            DELETE FROM story WHERE id = ANY(?) RETURNING id, title, first_seen, last_seen
            """;
    static final String DELETE_ENTITIES = "DELETE FROM article_entity WHERE article_id = ANY(?)";
    static final String DELETE_TOPICS = "DELETE FROM article_topic WHERE article_id = ANY(?)";
    static final String DELETE_BANDS = "DELETE FROM article_band WHERE article_id = ANY(?)";
    static final String COPY_BANDS = "article_band (band, article_id)";
    static final String DELETE_NUMBERS = "DELETE FROM article_number WHERE article_id = ANY(?)";
    static final String COPY_NUMBERS = "article_number (number, sort_at, article_id)";
    static final String COPY_ENTITIES = "article_entity (article_id, entity_id, name, type, linked, count, salience, "
            + "sort_at, latitude, longitude)";
    static final String COPY_TOPICS = "article_topic (article_id, code, label, score)";

    private final DataSource dataSource;
    private final StoryClusterer clusterer;
    private final ArticlesCommitted.Listener listener;

    @Inject
    public ArticleWriter(DataSource dataSource, StoryClusterer clusterer, ArticlesCommitted.Listener listener) {
        this.dataSource = dataSource;
        this.clusterer = clusterer;
        this.listener = listener;
    }

    /** Stores the article if it is new or newer than the stored one; commits before returning. */
    public UpsertOutcome upsert(EnrichedArticle event) throws SQLException {
        return upsertAll(List.of(event)).get(0);
    }

    /**
     * Stores a batch in one transaction, in order (a later revision in the batch wins as it would one by one);
     * commits before returning. Any failure rolls the whole batch back.
     *
     * @return what happened to each article, in input order
     */
    public List<UpsertOutcome> upsertAll(List<EnrichedArticle> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        // At-least-once delivery can put one article twice into a batch, and one multi-row INSERT … ON CONFLICT cannot
        // touch a row twice (SQLState 21000): write such a batch as consecutive runs of distinct ids, in order.
        List<List<EnrichedArticle>> runs = runsOfDistinctIds(events);
        if (runs.size() > 1) {
            List<UpsertOutcome> outcomes = new ArrayList<>(events.size());
            for (List<EnrichedArticle> run : runs) {
                outcomes.addAll(upsertAll(run));
            }
            return outcomes;
        }
        Written written;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                written = write(connection, events);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        }
        try {
            listener.committed(written.committed());
        } catch (RuntimeException e) {
            // The articles are stored; a failing notification must not make the consumer redeliver them.
            LOG.warnf(e, "Could not announce %d stored articles", written.committed().articles().size());
        }
        return written.outcomes();
    }

    /** Splits a batch, keeping its order, wherever an article id repeats. */
    static List<List<EnrichedArticle>> runsOfDistinctIds(List<EnrichedArticle> events) {
        List<List<EnrichedArticle>> runs = new ArrayList<>();
        List<EnrichedArticle> run = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (EnrichedArticle event : events) {
            if (!ids.add(event.id())) {
                runs.add(run);
                run = new ArrayList<>();
                ids.clear();
                ids.add(event.id());
            }
            run.add(event);
        }
        runs.add(run);
        return runs;
    }

    private record Written(List<UpsertOutcome> outcomes, ArticlesCommitted committed) {
    }

    private record Prepared(EnrichedArticle event, RawArticle article, List<EnrichedArticle.Entity> entities,
                            List<EnrichedArticle.Topic> topics, String language, TextFingerprint fingerprint,
                            Set<String> numbers, Set<String> keywords, StoryEvents.Kinds events, Instant time) {
    }

    /** The stored version of an article: what a new one must beat to replace it. */
    private record Version(String storyId, int revision, Instant enrichedAt) {
        /** Same order as the upsert's WHERE clause; enrichedAt at PostgreSQL's microsecond precision. */
        boolean olderThan(int otherRevision, Instant otherEnrichedAt) {
            if (otherRevision != revision) {
                return otherRevision > revision;
            }
            Instant mine = enrichedAt == null ? Instant.MIN : enrichedAt;
            Instant other = otherEnrichedAt == null ? Instant.MIN
                    : otherEnrichedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            return other.isAfter(mine);
        }
    }

    private Written write(Connection connection, List<EnrichedArticle> events) throws SQLException {
        clusterer.lock(connection);
        List<Prepared> batch = events.stream().map(ArticleWriter::prepare).toList();

        // Under the lock no other writer changes these rows, so what each upsert will do is known in advance and
        // the upserts can go to the server as one batch.
        Map<String, Version> versions = existing(connection, batch);
        Map<String, String> storyOf = new HashMap<>();
        versions.forEach((id, v) -> storyOf.put(id, v.storyId()));
        List<StoryFeatures> newcomers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(storyOf.keySet());
        for (Prepared p : batch) {
            if (seen.add(p.article().id())) {
                newcomers.add(new StoryFeatures(p.article().id(), null, p.time(), p.language(),
                        StoryFeatures.weighEnriched(p.entities()), p.fingerprint(), p.numbers(), p.keywords(),
                        p.events().reported(), p.events().headline(), StoryFeatures.placesOf(p.entities())));
            }
        }
        StoryClusterer.Assignment assignment = clusterer.assign(connection, newcomers);
        Map<String, String> assigned = assignment.stories();
        Set<String> createdStories = createStories(connection, batch, assigned);
        // A revision of an article whose story this batch merges away belongs to the survivor from now on.
        storyOf.replaceAll((id, story) -> assignment.merged().getOrDefault(story, story));
        storyOf.putAll(assigned);

        Set<String> storedBefore = Set.copyOf(versions.keySet());
        List<UpsertOutcome> outcomes = new ArrayList<>();
        Map<String, Prepared> changed = new LinkedHashMap<>();
        List<StoredArticle> stored = new ArrayList<>();
        DayCounts.Contribution replaced = DayCounts.Contribution.NONE;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ARTICLE)) {
            for (Prepared p : batch) {
                String id = p.article().id();
                Version current = versions.get(id);
                UpsertOutcome outcome = current == null ? UpsertOutcome.INSERTED
                        : current.olderThan(p.article().revision(), p.event().enrichedAt()) ? UpsertOutcome.UPDATED
                        : UpsertOutcome.UNCHANGED;
                outcomes.add(outcome);
                if (outcome != UpsertOutcome.UNCHANGED) {
                    addUpsert(connection, upsert, p, storyOf.get(id));
                    versions.put(id, new Version(storyOf.get(id), p.article().revision(), p.event().enrichedAt() == null
                            ? null : p.event().enrichedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
                    changed.put(id, p); // a later revision in the batch replaces an earlier one
                    stored.add(new StoredArticle(p.event(), storyOf.get(id), outcome));
                }
            }
            if (!changed.isEmpty()) {
                // What the revised articles counted for, read before their rows change.
                replaced = DayCounts.of(connection, changed.keySet().stream().filter(storedBefore::contains).toList());
                upsert.executeBatch();
            }
        }
        replaceChildRows(connection, changed.values());
        DayCounts.replace(connection, replaced, changed.keySet());
        Merged merged = mergeStories(connection, assignment.merged());
        List<StoryChange> stories = new ArrayList<>(refreshStories(connection, stored, merged.moved(),
                createdStories));
        // After the survivors' updates, so a consumer that follows mergedInto finds the survivor already complete.
        stories.addAll(merged.absorbed());
        // Same transaction as the articles: the events commit or roll back with what they announce.
        StoryOutbox.append(connection, stories, Instant.now());
        return new Written(outcomes, new ArticlesCommitted(stored, stories));
    }

    /** The keywords enrich-service ranked for the story fingerprint; none from producers that send no fingerprint. */
    private static Set<String> keywords(EnrichedArticle event) {
        if (event.fingerprint() == null) {
            return Set.of();
        }
        Set<String> keywords = new java.util.TreeSet<>();
        for (String keyword : event.fingerprint().keywords()) {
            String clean = PgText.clean(keyword);
            if (clean != null && !clean.isBlank()) {
                keywords.add(clean);
            }
        }
        return keywords;
    }

    private static Prepared prepare(EnrichedArticle event) {
        RawArticle article = event.article();
        Instant time = article.publishedAt() != null ? article.publishedAt()
                : article.fetchedAt() != null ? article.fetchedAt() : Instant.now();
        String language = LanguageCodes.normalise(event.language().code());
        return new Prepared(event, article, PgText.cleanEntities(event.entities()), PgText.cleanTopics(event.topics()),
                language, fingerprint(event), StoryNumbers.of(article.title(), article.summary(), article.text()),
                keywords(event), StoryEvents.read(language, article.title(), article.summary(), article.text()), time);
    }

    /**
     * The fingerprint enrich-service computed with the same code (contracts' TextFingerprint) and sent with the event;
     * computed here only for events without a usable one (older producers). Recomputing it for every article was the
     * writer's largest share of JVM CPU (about 0.5 ms for 800 words).
     */
    static TextFingerprint fingerprint(EnrichedArticle event) {
        TextFingerprint sent = event.fingerprint() == null ? null : event.fingerprint().textFingerprint();
        return sent != null ? sent : TextFingerprint.of(event.article().title(), event.article().text());
    }

    private static Map<String, Version> existing(Connection connection, List<Prepared> batch) throws SQLException {
        Map<String, Version> versions = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(EXISTING)) {
            ps.setArray(1, connection.createArrayOf("text", batch.stream().map(p -> p.article().id()).distinct()
                    .toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), new Version(rs.getString(2), rs.getInt(3),
                            instant(rs, "enriched_at")));
                }
            }
        }
        return versions;
    }

    /** Inserts the stories founded by this batch (before their articles, which reference them). */
    private static Set<String> createStories(Connection connection, List<Prepared> batch, Map<String, String> assigned)
            throws SQLException {
        Set<String> created = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(CREATE_STORY)) {
            for (Prepared p : batch) {
                String story = assigned.get(p.article().id());
                if (story != null && story.equals(StoryClusterer.STORY_PREFIX + p.article().id())
                        && created.add(story)) {
                    ps.setString(1, story);
                    ps.setString(2, PgText.clean(p.article().title()));
                    ps.setTimestamp(3, Timestamp.from(p.time()));
                    ps.setTimestamp(4, Timestamp.from(p.time()));
                    ps.addBatch();
                }
            }
            if (!created.isEmpty()) {
                int[] counts = ps.executeBatch();
                // A story id that already exists (its founder was deleted by retention and came back) is not new.
                List<String> ids = List.copyOf(created);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        created.remove(ids.get(i));
                    }
                }
            }
        }
        return created;
    }

    private static void addUpsert(Connection connection, PreparedStatement upsert, Prepared p, String story)
            throws SQLException {
        RawArticle article = p.article();
        int i = 0;
        upsert.setString(++i, article.id());
        upsert.setString(++i, PgText.clean(article.url()));
        upsert.setString(++i, PgText.clean(article.canonicalUrl()));
        upsert.setString(++i, PgText.clean(article.source()));
        upsert.setString(++i, PgText.clean(article.feedUrl()));
        upsert.setString(++i, PgText.clean(article.title()));
        upsert.setString(++i, PgText.clean(article.text()));
        upsert.setString(++i, PgText.clean(article.summary()));
        upsert.setArray(++i, connection.createArrayOf("text", PgText.clean(article.authors()).toArray()));
        setInstant(upsert, ++i, article.publishedAt());
        setInstant(upsert, ++i, article.fetchedAt());
        setInstant(upsert, ++i, p.event().enrichedAt());
        upsert.setString(++i, p.language());
        upsert.setDouble(++i, p.event().language().confidence());
        upsert.setString(++i, p.language());
        upsert.setString(++i, PgText.clean(article.contentHash()));
        upsert.setInt(++i, article.revision());
        try {
            upsert.setString(++i, EventJson.mapper().writeValueAsString(p.entities()));
            upsert.setString(++i, EventJson.mapper().writeValueAsString(p.topics()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise entities/topics of article " + article.id(), e);
        }
        upsert.setString(++i, story);
        upsert.setArray(++i, connection.createArrayOf("integer",
                Arrays.stream(p.fingerprint().minHash()).boxed().toArray()));
        upsert.setLong(++i, p.fingerprint().simHash());
        upsert.setInt(++i, p.fingerprint().words());
        upsert.setArray(++i, connection.createArrayOf("text", p.numbers().toArray()));
        upsert.setArray(++i, connection.createArrayOf("text", p.keywords().toArray()));
        upsert.setArray(++i, connection.createArrayOf("text", p.events().reported().toArray()));
        upsert.setArray(++i, connection.createArrayOf("text", p.events().headline().toArray()));
        upsert.addBatch();
    }

    /** Replaces the changed articles' child rows: entities, topics, MinHash band keys and figures. */
    private static void replaceChildRows(Connection connection, java.util.Collection<Prepared> changed)
            throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        Object[] ids = changed.stream().map(p -> p.article().id()).toArray();
        try (PreparedStatement delete = connection.prepareStatement(DELETE_ENTITIES)) {
            delete.setArray(1, connection.createArrayOf("text", ids));
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_TOPICS)) {
            delete.setArray(1, connection.createArrayOf("text", ids));
            delete.executeUpdate();
        }
        for (String sql : List.of(DELETE_BANDS, DELETE_NUMBERS)) {
            try (PreparedStatement delete = connection.prepareStatement(sql)) {
                delete.setArray(1, connection.createArrayOf("text", ids));
                delete.executeUpdate();
            }
        }
        // Each article appears once in `changed` and its old rows were deleted above, so plain COPY cannot conflict
        // as long as one article's rows are distinct; duplicates the enrichment sent are dropped here, first one kept.
        CopyRows bands = new CopyRows(COPY_BANDS);
        CopyRows numbers = new CopyRows(COPY_NUMBERS);
        CopyRows entities = new CopyRows(COPY_ENTITIES);
        CopyRows topics = new CopyRows(COPY_TOPICS);
        TimestampUtils timestamps = connection.unwrap(BaseConnection.class).getTimestampUtils();
        for (Prepared p : changed) {
            String id = p.article().id();
            // The article's sort_at, as the same text the driver sends for it in the upsert: equal to the microsecond.
            Instant sortAt = p.article().publishedAt() != null ? p.article().publishedAt() : p.article().fetchedAt();
            String sortAtText = sortAt == null ? null
                    : timestamps.toString(OffsetDateTime.ofInstant(sortAt, ZoneOffset.UTC));
            if (!p.fingerprint().isEmpty()) { // no text, no copies
                Arrays.stream(p.fingerprint().bands()).distinct().forEach(band -> bands.add(band).add(id).endRow());
            }
            if (p.numbers().size() >= StorySimilarity.MIN_NUMBERS_ALONE) { // fewer can never nominate a candidate
                p.numbers().forEach(number -> numbers.add(number).add(sortAtText).add(id).endRow());
            }
            Set<String> entityIds = new HashSet<>();
            for (EnrichedArticle.Entity entity : p.entities()) {
                if (entityIds.add(entity.id())) {
                    entities.add(id).add(entity.id()).add(entity.name()).add(entity.type().name()).add(entity.linked())
                            .add(entity.count()).add(entity.salience()).add(sortAtText)
                            .add(entity.geo() == null ? null : (Double) entity.geo().lat())
                            .add(entity.geo() == null ? null : (Double) entity.geo().lon()).endRow();
                }
            }
            Set<String> codes = new HashSet<>();
            for (EnrichedArticle.Topic topic : p.topics()) {
                if (codes.add(topic.code())) {
                    topics.add(id).add(topic.code()).add(topic.label()).add(topic.score()).endRow();
                }
            }
        }
        bands.copyInto(connection);
        numbers.copyInto(connection);
        entities.copyInto(connection);
        topics.copyInto(connection);
    }

    /**
     * What merging stories did: the articles each survivor took over, and a {@code merged} change for each absorbed
     * story (its state before the merge, no articles left).
     */
    private record Merged(Map<String, List<String>> moved, List<StoryChange> absorbed) {
    }

    /**
     * Applies the clusterer's merges: re-points the absorbed stories' articles to their survivors and deletes the
     * absorbed story rows. The survivors' counts, first/last seen, outlets and languages are recomputed from their
     * articles by {@link #refreshStories} like any other touched story; the survivor keeps its own title (its
     * founder's, the oldest article's).
     */
    private static Merged mergeStories(Connection connection, Map<String, String> merges) throws SQLException {
        if (merges.isEmpty()) {
            return new Merged(Map.of(), List.of());
        }
        List<String> absorbedIds = List.copyOf(merges.keySet());
        Object[] survivors = absorbedIds.stream().map(merges::get).toArray();
        Map<String, List<String>> moved = new LinkedHashMap<>();
        Map<String, List<String>> movedFrom = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(REPOINT_ARTICLES)) {
            ps.setArray(1, connection.createArrayOf("text", absorbedIds.toArray()));
            ps.setArray(2, connection.createArrayOf("text", survivors));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(1));
                    movedFrom.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                }
            }
        }
        Map<String, StoryChange> absorbed = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(DELETE_STORIES)) {
            ps.setArray(1, connection.createArrayOf("text", absorbedIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    absorbed.put(id, new StoryChange(id, false, rs.getString("title"), 0,
                            instant(rs, "first_seen"), instant(rs, "last_seen"), List.of(), List.of(),
                            movedFrom.getOrDefault(id, List.of()), merges.get(id)));
                }
            }
        }
        LOG.infof("Merged stories %s", merges);
        return new Merged(moved, absorbedIds.stream().map(absorbed::get).filter(java.util.Objects::nonNull)
                .toList());
    }

    /**
     * Recomputes count, first/last seen of every story this write touched (including survivors of merges, with the
     * articles they took over), and describes each change.
     */
    private static List<StoryChange> refreshStories(Connection connection, List<StoredArticle> stored,
                                                    Map<String, List<String>> moved, Set<String> created)
            throws SQLException {
        Map<String, List<String>> articlesByStory = new LinkedHashMap<>();
        for (StoredArticle s : stored) {
            List<String> ids = articlesByStory.computeIfAbsent(s.storyId(), k -> new ArrayList<>());
            if (!ids.contains(s.event().id())) {
                ids.add(s.event().id());
            }
        }
        moved.forEach((story, ids) -> {
            List<String> all = articlesByStory.computeIfAbsent(story, k -> new ArrayList<>());
            ids.stream().filter(id -> !all.contains(id)).forEach(all::add);
        });
        if (articlesByStory.isEmpty()) {
            return List.of();
        }
        Map<String, StoryChange> changes = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(REFRESH_STORIES)) {
            ps.setArray(1, connection.createArrayOf("text", articlesByStory.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    changes.put(id, new StoryChange(id, created.contains(id), rs.getString("title"),
                            rs.getInt("article_count"), instant(rs, "first_seen"), instant(rs, "last_seen"),
                            strings(rs.getArray("sources")), strings(rs.getArray("languages")),
                            articlesByStory.get(id), null));
                }
            }
        }
        return articlesByStory.keySet().stream().map(changes::get).filter(java.util.Objects::nonNull).toList();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e); // the connection is likely gone; the original failure is what matters
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection is discarded by the pool; nothing to restore.
        }
    }
}

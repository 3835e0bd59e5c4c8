package io.newsflow.store.story;

import io.newsflow.contracts.EnrichedArticle;
import io.newsflow.contracts.fingerprint.MinHash;
import io.newsflow.contracts.fingerprint.TextFingerprint;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assigns new articles to stories inside the writing transaction, from state in PostgreSQL only, so any number of
 * store replicas agree. Writers first take one transaction-scoped advisory lock ({@link #lock}): assignment and commit
 * are serialised, so two replicas never found two stories for the same event at the same moment, and each sees every
 * earlier assignment. Per batch it runs a fixed number of queries whatever the batch size: the window's article count
 * and entity frequencies for {@link StorySimilarity#rarity} (from the per-day counts, {@link DayCounts}), candidates
 * sharing entities, candidates sharing MinHash band keys (article_band), candidates sharing figures (article_number;
 * each per new article, best first), and their features; each new article is then compared with its own candidates
 * only.
 * <p>
 * Rarity counts whole UTC days: the articles and entity mentions of every day that overlaps the window
 * [earliest − {@link StorySimilarity#WINDOW}, latest + {@link StorySimilarity#WINDOW}], so up to a day more on each side
 * than the window itself. Both the article count and each entity's count are taken over the same days, and rarity is a
 * ratio of the two on a log scale, so the wider span hardly moves it; what it buys is a cost per batch of a few index
 * rows per entity instead of a count over every entity row of the window. Candidates and comparisons use exact times.
 */
@ApplicationScoped
public class StoryClusterer {

    /** Advisory lock key for story assignment ("newsflow" in ASCII, truncated); only store-service takes it. */
    static final long LOCK_KEY = 0x6e6577736c6f77L;
    /** Most entity-sharing candidates examined per new article, best overlap first. */
    static final int ENTITY_CANDIDATES = 20;
    /**
     * A stored article sharing one entity with a newcomer is a candidate: the comparison may still find a second one
     * under another spelling or type, and figures and keywords add to it. Asking for two here (as the score does)
     * kept such pairs from ever being compared unless they arrived in one batch (held-out story set 4: F1 0.656
     * through the pipeline against 0.822 when the same features are replayed in memory).
     */
    static final int MIN_SHARED_TO_NOMINATE = 1;
    /**
     * Entities less rare than this do not nominate candidates: those named by more than ~7% of a 10,000-article window,
     * ~3% of 100,000, ~1.6% of a million.
     */
    static final double MIN_CANDIDATE_RARITY = 0.3;
    /** Most band-sharing candidates examined per new article. */
    static final int COPY_CANDIDATES = 20;
    /**
     * Most figure-sharing candidates examined per new article, most figures in common first, each sharing at least
     * {@link StorySimilarity#MIN_NUMBERS_ALONE}: this lookup is for articles that share no entity with the newcomer,
     * which the entity lookup never nominates. On story sets 1-11 two different events never shared three figures, so
     * a handful is plenty.
     */
    static final int FIGURE_CANDIDATES = 10;
    public static final String STORY_PREFIX = "st-";

    /**
     * Most rows of one entity examined per new article on each side of its time, nearest first. An entity named by
     * more articles than this nominates only those nearest in time (the others would score less, and are still found
     * through a rarer entity they share): the lookup then costs at most 2 × this many index rows per (new article,
     * entity) however many articles the window holds, where it read every row the entity ever had.
     */
    static final int NEAREST_PER_ENTITY = 50;

    /**
     * Stored articles sharing keys with each newcomer, from the rows of each key nearest in time on both sides (at most
     * {@value #NEAREST_PER_ENTITY} each), summed per stored article as {@code least(newcomer's weight, row's weight)},
     * kept from a number of shared keys on, best first. Parameters: newcomer positions, keys, weights, times (epoch
     * seconds) as arrays; window end; rows per side; window start; rows per side; least shared keys; most kept.
     *
     * @param rows   the key rows: {@code table alias}, each with article_id and sort_at
     * @param key    the key column
     * @param weight the row's weight
     */
    private static String nearestRowsSql(String rows, String key, String weight) {
        return """
                WITH mine AS (
                    SELECT * FROM unnest(?::int[], ?::text[], ?::float8[], ?::float8[]) AS m(idx, k, w, t)),
                nearest AS (
                    SELECT m.idx, n.article_id, least(m.w, n.weight) AS overlap
                    FROM mine m CROSS JOIN LATERAL (
                        (SELECT r.article_id, %2$s AS weight FROM %1$s
                         WHERE r.%3$s = m.k AND r.sort_at >= to_timestamp(m.t) AND r.sort_at <= ?
                         ORDER BY r.sort_at LIMIT ?)
                        UNION ALL
                        (SELECT r.article_id, %2$s AS weight FROM %1$s
                         WHERE r.%3$s = m.k AND r.sort_at < to_timestamp(m.t) AND r.sort_at >= ?
                         ORDER BY r.sort_at DESC LIMIT ?)) n),
                shared AS (
                    SELECT idx, article_id, sum(overlap) AS overlap FROM nearest
                    GROUP BY idx, article_id HAVING count(*) >= ?),
                ranked AS (SELECT idx, article_id,
                                  row_number() OVER (PARTITION BY idx ORDER BY overlap DESC, article_id) AS rn
                           FROM shared)
                SELECT idx, article_id FROM ranked WHERE rn <= ?
                """.formatted(rows, weight, key);
    }

    /** Entity rows: the overlap is the smaller of the two saliences (the newcomer's weighted by rarity). */
    static final String ENTITY_CANDIDATES_SQL = nearestRowsSql("article_entity r", "entity_id", "r.salience");
    /** Figure rows: every shared figure weighs 1, so the overlap is the number of figures in common. */
    static final String FIGURE_CANDIDATES_SQL = nearestRowsSql("article_number r", "number", "1.0::float8");
    static final String COPY_CANDIDATES_SQL = """
            WITH q AS (SELECT * FROM unnest(?::int[], ?::bigint[]) AS q(idx, band)),
            hits AS (SELECT q.idx, b.article_id, count(*) AS shared
                     FROM q JOIN article_band b ON b.band = q.band
                     JOIN article a ON a.id = b.article_id
                     WHERE a.sort_at BETWEEN ? AND ?
                     GROUP BY q.idx, b.article_id),
            ranked AS (SELECT idx, article_id,
                              row_number() OVER (PARTITION BY idx ORDER BY shared DESC, article_id) AS rn FROM hits)
            SELECT idx, article_id FROM ranked WHERE rn <= ?
            """;
    static final String FEATURES_SQL = """
            SELECT a.id, a.story_id, a.sort_at, a.language, a.minhash, a.simhash, a.word_count,
                   a.story_numbers, a.story_keywords, a.story_events, a.story_headline_events,
                   array_agg(e.entity_id) AS entity_ids, array_agg(e.type) AS types, array_agg(e.salience) AS saliences,
                   array_agg(e.latitude) AS latitudes, array_agg(e.longitude) AS longitudes
            FROM article a LEFT JOIN article_entity e ON e.article_id = a.id
            WHERE a.id = ANY(?) GROUP BY a.id
            """;
    static final String STORY_FIRST_SEEN_SQL = "SELECT first_seen FROM story WHERE id = ?";

    /** Takes the story-assignment lock until the transaction ends. Call first in every writing transaction. */
    public void lock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.executeQuery().close();
        }
    }

    /**
     * The outcome of {@link #assign}.
     *
     * @param stories article id → story id, in input order, already pointing at surviving stories
     * @param merged  stories that existed before this batch and must be merged: absorbed story id → surviving story
     *                id (the survivor may be one this batch founds)
     */
    public record Assignment(Map<String, String> stories, Map<String, String> merged) {
        public Assignment {
            stories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stories));
            merged = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(merged)); // events in decision order
        }
    }

    /**
     * Decides the story of each new article, in publication order (ties by id) whatever the input order, so a batch
     * decides alike however its messages were interleaved; later articles of the batch also match earlier ones.
     * Articles that match nothing found a story whose id is {@value #STORY_PREFIX} + their own id; an article that
     * bridges stories merges them ({@link StorySimilarity#place}).
     */
    public Assignment assign(Connection connection, List<StoryFeatures> newcomers) throws SQLException {
        if (newcomers.isEmpty()) {
            return new Assignment(Map.of(), Map.of());
        }
        Instant earliest = newcomers.stream().map(StoryFeatures::time).min(Instant::compareTo).orElseThrow();
        Instant latest = newcomers.stream().map(StoryFeatures::time).max(Instant::compareTo).orElseThrow();
        Instant from = earliest.minus(StorySimilarity.WINDOW);
        Instant to = latest.plus(StorySimilarity.WINDOW);

        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(to, ZoneOffset.UTC);
        long windowSize = DayCounts.articles(connection, firstDay, lastDay);
        Set<String> newcomerEntities = new HashSet<>();
        newcomers.forEach(n -> newcomerEntities.addAll(n.entities().keySet()));
        Map<String, Long> frequencies = new HashMap<>(DayCounts.naming(connection, newcomerEntities, firstDay,
                lastDay));
        final long window = windowSize;
        StorySimilarity.Rarity windowRarity = entity -> StorySimilarity.rarity(window,
                frequencies.getOrDefault(entity, 0L));

        // Stored candidates of each newcomer (by position), from both lookups.
        Map<Integer, Set<String>> candidatesOf = new HashMap<>();
        entityCandidates(connection, newcomers, from, to, windowRarity, candidatesOf);
        copyCandidates(connection, newcomers, earliest.minus(StorySimilarity.COPY_WINDOW),
                latest.plus(StorySimilarity.COPY_WINDOW), candidatesOf);
        figureCandidates(connection, newcomers, from, to, candidatesOf);
        Set<String> candidateIds = new LinkedHashSet<>();
        candidatesOf.values().forEach(candidateIds::addAll);
        Map<String, StoryFeatures> stored = new HashMap<>();
        for (StoryFeatures f : features(connection, candidateIds)) {
            stored.put(f.articleId(), f);
        }

        Set<String> candidateEntities = new HashSet<>();
        stored.values().forEach(c -> candidateEntities.addAll(c.entities().keySet()));
        candidateEntities.removeAll(newcomerEntities);
        frequencies.putAll(DayCounts.naming(connection, candidateEntities, firstDay, lastDay));

        Stories stories = new Stories(connection);
        Map<String, String> decided = new HashMap<>();
        // Earlier newcomers of this batch, found by shared entity, band or figure, as if they had been stored already.
        Map<String, List<StoryFeatures>> batchByEntity = new HashMap<>();
        Map<Long, List<StoryFeatures>> batchByBand = new HashMap<>();
        Map<String, List<StoryFeatures>> batchByNumber = new HashMap<>();
        for (int i : publicationOrder(newcomers)) {
            StoryFeatures newcomer = newcomers.get(i);
            Map<String, StoryFeatures> candidates = new LinkedHashMap<>();
            for (String id : candidatesOf.getOrDefault(i, Set.of())) {
                StoryFeatures c = stored.get(id);
                if (c != null && !c.articleId().equals(newcomer.articleId())) {
                    candidates.put(c.articleId(), c);
                }
            }
            long[] bands = bands(newcomer);
            newcomer.entities().keySet().forEach(e -> batchByEntity.getOrDefault(e, List.of())
                    .forEach(c -> candidates.putIfAbsent(c.articleId(), c)));
            for (long band : bands) {
                batchByBand.getOrDefault(band, List.of()).forEach(c -> candidates.putIfAbsent(c.articleId(), c));
            }
            newcomer.numbers().forEach(n -> batchByNumber.getOrDefault(n, List.of())
                    .forEach(c -> candidates.putIfAbsent(c.articleId(), c)));
            final long articles = windowSize;
            StorySimilarity.Rarity rarity = entity -> StorySimilarity.rarity(articles,
                    frequencies.getOrDefault(entity, 0L));
            // Candidates as they stand now: an earlier newcomer of this batch may have merged their stories.
            List<StoryFeatures> current = candidates.values().stream()
                    .map(c -> c.withStory(stories.current(c.storyId()))).toList();
            StorySimilarity.Placement placement;
            try {
                placement = StorySimilarity.place(newcomer, current, rarity, stories::firstSeen);
            } catch (LookupFailed e) {
                throw (SQLException) e.getCause(); // the retry policy classifies database failures by SQLState
            }
            String story;
            if (placement.storyId() == null) {
                story = STORY_PREFIX + newcomer.articleId();
                stories.found(story, newcomer.time());
            } else {
                story = placement.storyId();
                stories.merge(placement.absorbed(), story);
                stories.joined(story, newcomer.time());
            }
            decided.put(newcomer.articleId(), story);
            StoryFeatures placed = newcomer.withStory(story);
            newcomer.entities().keySet().forEach(e -> {
                batchByEntity.computeIfAbsent(e, k -> new ArrayList<>()).add(placed);
                frequencies.merge(e, 1L, Long::sum);
            });
            for (long band : bands) {
                batchByBand.computeIfAbsent(band, k -> new ArrayList<>()).add(placed);
            }
            if (newcomer.numbers().size() >= StorySimilarity.MIN_NUMBERS_ALONE) {
                newcomer.numbers().forEach(n -> batchByNumber.computeIfAbsent(n, k -> new ArrayList<>()).add(placed));
            }
            windowSize++;
        }
        Map<String, String> assigned = new LinkedHashMap<>();
        newcomers.forEach(n -> assigned.put(n.articleId(), stories.current(decided.get(n.articleId()))));
        return new Assignment(assigned, stories.storedMerges());
    }

    /** Positions of the newcomers by publication time, then id: the order assign decides them in. */
    static List<Integer> publicationOrder(List<StoryFeatures> newcomers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < newcomers.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparing((Integer i) -> newcomers.get(i).time())
                .thenComparing(i -> newcomers.get(i).articleId()));
        return order;
    }

    /**
     * The stories one batch touches: which absorbed story now lives on in which survivor, and when each began. First
     * seen of stored stories is read only when a newcomer bridges stories, which is rare, so a batch without merges
     * still runs its fixed set of queries only.
     */
    private static final class Stories {
        private final Connection connection;
        private final Map<String, String> mergedInto = new LinkedHashMap<>();
        /** Earliest newcomer of this batch in each story (the survivor of a merge is never younger than it). */
        private final Map<String, Instant> seenInBatch = new HashMap<>();
        /** first_seen of stories stored before this batch, read when first needed. */
        private final Map<String, Instant> seenStored = new HashMap<>();
        private final Set<String> founded = new HashSet<>();

        Stories(Connection connection) {
            this.connection = connection;
        }

        String current(String story) {
            String s = story;
            while (mergedInto.containsKey(s)) {
                s = mergedInto.get(s);
            }
            return s;
        }

        void found(String story, Instant time) {
            founded.add(story);
            joined(story, time);
        }

        void joined(String story, Instant time) {
            seenInBatch.merge(story, time, (a, b) -> a.isBefore(b) ? a : b);
        }

        Instant firstSeen(String story) {
            Instant inBatch = seenInBatch.getOrDefault(story, Instant.MAX);
            if (founded.contains(story)) {
                return inBatch;
            }
            Instant stored = seenStored.computeIfAbsent(story, this::load);
            return stored.isBefore(inBatch) ? stored : inBatch;
        }

        void merge(Set<String> absorbed, String survivor) {
            absorbed.forEach(a -> mergedInto.put(a, survivor));
        }

        /** Merges of stories that exist in the database; one founded and absorbed within the batch never gets a row. */
        Map<String, String> storedMerges() {
            Map<String, String> merges = new LinkedHashMap<>();
            mergedInto.keySet().stream().filter(a -> !founded.contains(a)).forEach(a -> merges.put(a, current(a)));
            return merges;
        }

        private Instant load(String story) {
            try (PreparedStatement ps = connection.prepareStatement(STORY_FIRST_SEEN_SQL)) {
                ps.setString(1, story);
                try (ResultSet rs = ps.executeQuery()) {
                    Timestamp seen = rs.next() ? rs.getTimestamp(1) : null;
                    // A story without a first article time (never refreshed) counts as the youngest.
                    return seen == null ? Instant.MAX : seen.toInstant();
                }
            } catch (SQLException e) {
                throw new LookupFailed(e);
            }
        }
    }

    /** Carries a failed first-seen lookup out of {@link StorySimilarity#place}; assign rethrows the SQLException. */
    private static final class LookupFailed extends RuntimeException {
        LookupFailed(SQLException cause) {
            super(cause);
        }
    }

    private static long[] bands(StoryFeatures f) {
        return f.fingerprint() == null || f.fingerprint().isEmpty() ? new long[0] : f.fingerprint().bands();
    }

    /**
     * Stored articles sharing at least {@value #MIN_SHARED_TO_NOMINATE} entity with each newcomer, best
     * rarity-weighted overlap first. Entities most recent articles name ({@link #MIN_CANDIDATE_RARITY}) are left out
     * of the lookup: they cannot single out an event, and looking them up would fetch much of the window.
     */
    static void entityCandidates(Connection connection, List<StoryFeatures> newcomers, Instant from, Instant to,
                                 StorySimilarity.Rarity rarity, Map<Integer, Set<String>> candidatesOf)
            throws SQLException {
        NearestRows lookup = new NearestRows();
        for (int i = 0; i < newcomers.size(); i++) {
            for (Map.Entry<String, Double> e : newcomers.get(i).entities().entrySet()) {
                double r = rarity.of(e.getKey());
                if (r >= MIN_CANDIDATE_RARITY) {
                    lookup.add(i, e.getKey(), e.getValue() * r, newcomers.get(i).time());
                }
            }
        }
        lookup.run(connection, ENTITY_CANDIDATES_SQL, from, to, MIN_SHARED_TO_NOMINATE, ENTITY_CANDIDATES,
                candidatesOf);
    }

    /**
     * Stored articles sharing at least {@link StorySimilarity#MIN_NUMBERS_ALONE} figures with each newcomer that has
     * as many, most shared first. Each figure reads at most {@value #NEAREST_PER_ENTITY} rows on each side of the
     * newcomer's time, as an entity does: a figure many articles report (a round amount) then costs a bounded lookup
     * and nominates only the nearest of them.
     */
    static void figureCandidates(Connection connection, List<StoryFeatures> newcomers, Instant from, Instant to,
                                 Map<Integer, Set<String>> candidatesOf) throws SQLException {
        NearestRows lookup = new NearestRows();
        for (int i = 0; i < newcomers.size(); i++) {
            StoryFeatures newcomer = newcomers.get(i);
            if (newcomer.numbers().size() >= StorySimilarity.MIN_NUMBERS_ALONE) {
                for (String number : newcomer.numbers()) {
                    lookup.add(i, number, 1.0, newcomer.time());
                }
            }
        }
        lookup.run(connection, FIGURE_CANDIDATES_SQL, from, to, StorySimilarity.MIN_NUMBERS_ALONE, FIGURE_CANDIDATES,
                candidatesOf);
    }

    /** The keys of one {@link #nearestRowsSql} lookup: per newcomer position, each key with its weight and time. */
    private static final class NearestRows {
        private final List<Integer> idx = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private final List<Double> times = new ArrayList<>();

        void add(int newcomer, String key, double weight, Instant time) {
            idx.add(newcomer);
            keys.add(key);
            weights.add(weight);
            times.add(time.getEpochSecond() + time.getNano() / 1e9); // only splits earlier from later
        }

        void run(Connection connection, String sql, Instant from, Instant to, int minShared, int limit,
                 Map<Integer, Set<String>> candidatesOf) throws SQLException {
            if (keys.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setArray(1, connection.createArrayOf("integer", idx.toArray()));
                ps.setArray(2, connection.createArrayOf("text", keys.toArray()));
                ps.setArray(3, connection.createArrayOf("float8", weights.toArray()));
                ps.setArray(4, connection.createArrayOf("float8", times.toArray()));
                ps.setObject(5, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
                ps.setInt(6, NEAREST_PER_ENTITY);
                ps.setObject(7, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
                ps.setInt(8, NEAREST_PER_ENTITY);
                ps.setInt(9, minShared);
                ps.setInt(10, limit);
                collect(ps, candidatesOf);
            }
        }
    }

    private static void copyCandidates(Connection connection, List<StoryFeatures> newcomers, Instant from, Instant to,
                                       Map<Integer, Set<String>> candidatesOf) throws SQLException {
        List<Integer> idx = new ArrayList<>();
        List<Long> bands = new ArrayList<>();
        for (int i = 0; i < newcomers.size(); i++) {
            for (long band : bands(newcomers.get(i))) {
                idx.add(i);
                bands.add(band);
            }
        }
        if (bands.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(COPY_CANDIDATES_SQL)) {
            ps.setArray(1, connection.createArrayOf("integer", idx.toArray()));
            ps.setArray(2, connection.createArrayOf("bigint", bands.toArray()));
            ps.setObject(3, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            ps.setObject(4, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
            ps.setInt(5, COPY_CANDIDATES);
            collect(ps, candidatesOf);
        }
    }

    private static void collect(PreparedStatement ps, Map<Integer, Set<String>> candidatesOf) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                candidatesOf.computeIfAbsent(rs.getInt(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }
    }

    private static List<StoryFeatures> features(Connection connection, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<StoryFeatures> features = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(FEATURES_SQL)) {
            ps.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<StoryFeatures.WeightedEntity> entities = new ArrayList<>();
                    Object[] entityIds = array(rs.getArray("entity_ids"));
                    Object[] types = array(rs.getArray("types"));
                    Object[] saliences = array(rs.getArray("saliences"));
                    Object[] latitudes = array(rs.getArray("latitudes"));
                    Object[] longitudes = array(rs.getArray("longitudes"));
                    Map<String, EnrichedArticle.Geo> places = new HashMap<>();
                    for (int i = 0; i < entityIds.length; i++) {
                        if (entityIds[i] != null) {
                            entities.add(new StoryFeatures.WeightedEntity((String) entityIds[i], (String) types[i],
                                    ((Number) saliences[i]).doubleValue()));
                            if (latitudes[i] != null && longitudes[i] != null) {
                                places.put((String) entityIds[i], new EnrichedArticle.Geo(
                                        ((Number) latitudes[i]).doubleValue(), ((Number) longitudes[i]).doubleValue()));
                            }
                        }
                    }
                    Timestamp time = rs.getTimestamp("sort_at");
                    features.add(new StoryFeatures(rs.getString("id"), rs.getString("story_id"),
                            time == null ? Instant.EPOCH : time.toInstant(), rs.getString("language"),
                            StoryFeatures.weigh(entities), fingerprint(rs).orElse(null),
                            strings(rs, "story_numbers"), strings(rs, "story_keywords"),
                            strings(rs, "story_events"), strings(rs, "story_headline_events"), places));
                }
            }
        }
        return features;
    }

    private static Optional<TextFingerprint> fingerprint(ResultSet rs) throws SQLException {
        Object[] minhash = array(rs.getArray("minhash"));
        if (minhash.length != MinHash.SIGNATURE_SIZE) {
            return Optional.empty(); // stored before fingerprints existed
        }
        int[] signature = new int[minhash.length];
        for (int i = 0; i < minhash.length; i++) {
            signature[i] = ((Number) minhash[i]).intValue();
        }
        return Optional.of(new TextFingerprint(signature, rs.getLong("simhash"), rs.getInt("word_count")));
    }

    /** A text array column as a set; empty for rows stored before the column existed (null). */
    private static Set<String> strings(ResultSet rs, String column) throws SQLException {
        Set<String> values = new java.util.TreeSet<>();
        for (Object value : array(rs.getArray(column))) {
            values.add((String) value);
        }
        return values;
    }

    private static Object[] array(Array array) throws SQLException {
        if (array == null) {
            return new Object[0];
        }
        try {
            return (Object[]) array.getArray();
        } finally {
            array.free();
        }
    }
}

package io.newsflow.store.story;

import io.newsflow.contracts.EnrichedArticle.Geo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether two articles report the same event, from what they share:
 * <ol>
 *   <li><b>Copies</b> (syndication, reprints, light edits): MinHash/SimHash of the text say so whatever the entities.</li>
 *   <li><b>Rewrites and translations</b>, where words differ: the entities they share, each weighted by its salience in
 *       both articles, its type and how rare it is among recent articles (an inverse document frequency), so that a
 *       person or organisation specific to the event outweighs the country every article names. The overlap is
 *       normalised by both articles' entity mass, needs at least {@value #MIN_SHARED} shared actors (entities that
 *       stand for one actor, {@link ActorGroups}, count once), and is discounted
 *       by the time between the two articles. No single shared entity may carry a match: its share of the overlap is
 *       capped at what all the other shared entities bring together ({@link #DOMINANT_SHARE}), because one famous name
 *       in common (a head of state, a carmaker) plus a country is two different events about the same actor far more
 *       often than one event. Names without a knowledge-base id ({@code nf:TYPE:name}) are matched across spellings
 *       ({@link #counterparts}): outlets transliterate (Osnabrück / Osnabrueck, Støre / Stoere) and name finders keep
 *       a leading title ("Chief Executive Oliver Blume"), and both are common exactly where a story crosses languages;
 *       the same unlinked name typed differently by two articles (a resort a PERSON in one, a LOCATION in the other)
 *       is matched too.</li>
 *   <li><b>Figures and keywords</b>: the specific numbers both report ({@link #numberScore}) and the characteristic
 *       words both share ({@link #keywordScore}) add to the entity score of articles that share an entity, because
 *       translations and rewrites keep an event's figures and its unusual names where other words differ.</li>
 *   <li><b>Kind of event</b>: a kind both leads report in their own words ({@link StoryEvents}: "grève" and "huelga"
 *       are both a strike) adds to it too ({@link #eventScore}); headlines that report different kinds discount the
 *       whole score ({@link #differentEvents}).</li>
 *   <li><b>Place, kind and figure</b>: a specific place, the same specific kind of event and a shared figure within a
 *       day and a half join two reports whatever else they name ({@link #placeKindAndFigure}).</li>
 * </ol>
 * Pure and deterministic; the same function runs in the store and in the offline evaluation.
 */
public final class StorySimilarity {

    /** Entity score at or above which two articles are the same story. */
    public static final double SAME_STORY = 0.30;
    /**
     * Entity score at or above which a newcomer matching two stories merges them. Merging is irreversible and
     * transitive, so it asks for a little more than joining. It was 0.45 while set 1 was the only story set (there a
     * prime minister and his country matched two events at 0.41); on the replays of sets 1-12 in ten shuffled arrival
     * orders 0.34 raised the mean F1 of eight sets (set 5 0.816 → 0.877) and lowered none, publication order
     * unchanged; 0.30 (merge on any match) lowered sets 1 and 10 (docs/benchmarks.md, "Merging at 0.34").
     */
    public static final double MERGE_STORY = 0.34;
    /** Fewer shared entities than this is coincidence, however salient. */
    public static final int MIN_SHARED = 2;
    /** Articles this close in time get no time discount. */
    static final Duration SAME_NEWS_CYCLE = Duration.ofHours(24);
    /** Beyond the news cycle the score decays by e every this long. */
    static final Duration DECAY = Duration.ofHours(48);
    /** How far apart two articles can be and still be compared at all. */
    public static final Duration WINDOW = Duration.ofDays(4);
    /** Copies are matched over a longer span: a reprint weeks later is still the same story. */
    public static final Duration COPY_WINDOW = Duration.ofDays(30);

    /**
     * What one shared figure adds to the entity score. Chosen on the replays of held-out story sets 1–3 (0.03–0.10
     * tried; 0.08 raised all three, 0.10 lowered set 2): docs/benchmarks.md, "Figures and keywords as story signals".
     */
    static final double NUMBER_WEIGHT = 0.08;
    /** One shared figure is chance; two begin to be evidence. */
    static final int MIN_NUMBERS = 2;
    /**
     * Shared figures that count without a shared entity ({@link #figuresAlone}). On the replays of story sets 1-11
     * (9,600 pairs within the window) no two different events shared three specific figures, while 10 pairs of
     * translations sharing no entity at all did (an election's results, a fine and the customers affected).
     */
    public static final int MIN_NUMBERS_ALONE = 3;
    /** Beyond this many shared figures, more are not more evidence (a results table, a budget's lines). */
    static final int MAX_NUMBERS_COUNTED = 4;
    /**
     * What one shared keyword adds. Chosen on the replays of held-out story sets 1–4 (0.03–0.08 tried; 0.03 from two
     * shared keywords on raised set 3 and changed no other set; more merged set 1's hard negatives).
     */
    static final double KEYWORD_WEIGHT = 0.03;
    static final int MIN_KEYWORDS = 2;
    static final int MAX_KEYWORDS_COUNTED = 4;

    /**
     * What a shared kind of event ({@link StoryEvents}: both report a strike, a landslide) adds to the entity score.
     * Chosen on the replays of held-out story sets 1–5 (0.05–0.16 tried; 0.10 raised sets 3–5 and left 1–2; 0.16
     * merged set 1's hard negatives). A factor for two articles reporting different kinds was tried too (0.55–0.85)
     * and changed nothing: an article's lead names the other event of the same company in passing often enough.
     */
    static final double EVENT_WEIGHT = 0.10;

    /**
     * Factor on the score of two articles whose headlines report different kinds of event ({@link #differentEvents}):
     * the same company, town or union in two events. Chosen on the replays of story sets 1–7: 0.2 and 0.4 raised
     * set 5 (0.829 → 0.866 in publication order) and set 7 (0.727 → 0.757) and changed no other set; 0.6 only set 7.
     */
    static final double DIFFERENT_EVENTS = 0.4;

    /**
     * Two places at most this far apart count as one place for a story ({@link #counterparts(Map, Map, Map, Map)}):
     * a village and its municipality's centre, a suburb and its city. On the replays of story sets 1–5, 20–50 km
     * scored alike (mean of shuffles 0.916 against 0.911 without; 10 km 0.913); set 6's replay did not move.
     */
    static final double NEAR_PLACE_KM = 30;

    /** The heaviest shared entity counts for at most this share of the overlap (then the others must match it). */
    static final double DOMINANT_SHARE = 0.5;

    /**
     * Kinds of event too common to tell one event from another when little else is shared: most disasters have a
     * rescue, most crashes are accidents.
     */
    private static final Set<String> GENERIC_EVENTS = Set.of("rescue", "accident");
    /** A specific place is one few recent articles name. */
    static final double SPECIFIC_PLACE_RARITY = 0.6;
    /**
     * Salience at which a person is central to an article ({@link #personAndKind}): over every pair of the replays of
     * story sets 1–20 within 36 h sharing a specific kind, an unlinked person named by at most four articles and this
     * central in both was 18 times one story and never two.
     */
    static final double CENTRAL_PERSON = 0.5;
    /**
     * A specific person: few recent articles name them. Below {@link #SPECIFIC_PLACE_RARITY} because a person at the
     * centre of a running story is named by each of its reports: the sacked coach in the report of his interim
     * successor. Counted like {@link #CENTRAL_PERSON}: named by at most six of about 45 articles, 28 pairs one story
     * and none two; at eight, 30 and 3.
     */
    static final double SPECIFIC_PERSON_RARITY = 0.5;
    /** How close in time two reports of one event sharing only its place, kind and a figure must be. */
    static final Duration PLACE_KIND_FIGURE_SPAN = Duration.ofHours(36);

    /**
     * A pair scoring at least this (two-thirds of {@link #SAME_STORY}) and sharing a name joins when its figures say
     * the same event: two shared figures, or one and the same specific kind of event, within
     * {@link #PLACE_KIND_FIGURE_SPAN}. Counted first over the unjoined pairs of the replays of story sets 1–18: 18
     * same-story pairs had that, no different-story pair (at 0.15: 13 against 6 with two figures alone).
     */
    static final double NEAR_SAME_STORY = 0.20;

    /** Prefix of entity ids the enricher could not link: {@code nf:TYPE:normalised name}. */
    static final String UNLINKED = "nf:";
    private static final String UNLINKED_PERSON = UNLINKED + "PERSON:";
    /** Transliterations folded before unlinked names are compared, in this order (German, Scandinavian letters). */
    private static final String[][] SPELLINGS = {{"ue", "u"}, {"oe", "o"}, {"ae", "a"}, {"ø", "o"}, {"æ", "a"},
            {"å", "a"}, {"ß", "ss"}};

    /** Inverse document frequency of an entity among recent articles, 0..1 (1 = seen nowhere else). */
    @FunctionalInterface
    public interface Rarity {
        double of(String entityId);
    }

    /** A decision and why. */
    public record Match(double score, boolean copy) {
        public boolean sameStory() {
            return copy || score >= SAME_STORY;
        }
    }

    private StorySimilarity() {
    }

    /**
     * @param articles number of articles in the comparison window (without the newcomer)
     * @param withEntity number of those naming the entity
     * @return ln(1 + (N+1)/(df+1)) / ln(1 + (N+1)): 1 for an entity nobody else names, falling towards 0 as more do
     */
    public static double rarity(long articles, long withEntity) {
        double n = articles + 1.0;
        return Math.log1p(n / (withEntity + 1.0)) / Math.log1p(n);
    }

    public static Match compare(StoryFeatures a, StoryFeatures b, Rarity rarity) {
        Duration apart = Duration.between(a.time(), b.time()).abs();
        if (a.fingerprint() != null && b.fingerprint() != null && apart.compareTo(COPY_WINDOW) <= 0
                && a.fingerprint().isCopyOf(b.fingerprint())) {
            return new Match(1.0, true);
        }
        if (apart.compareTo(WINDOW) > 0) {
            return new Match(0, false);
        }
        // Pairing the entities is the costly part of a comparison: done once, for both scores.
        Map<String, String> shared = counterparts(a.entities(), b.entities(), a.places(), b.places());
        double textScore = shared.isEmpty() && !figuresAlone(a, b) ? 0
                : numberScore(a, b) + keywordScore(a, b) + eventScore(a, b);
        boolean different = differentEvents(a, b);
        double score = (entityScore(a.entities(), b.entities(), shared, rarity) + textScore) * timeFactor(apart)
                * (different ? DIFFERENT_EVENTS : 1);
        if (score < SAME_STORY && !different && apart.compareTo(PLACE_KIND_FIGURE_SPAN) <= 0
                && (placeKindAndFigure(a, b, shared, rarity) || personAndKind(a, b, shared, rarity)
                || score >= NEAR_SAME_STORY && !shared.isEmpty() && figuresSayOneEvent(a, b))) {
            score = SAME_STORY; // joins, never merges two stories (MERGE_STORY is higher)
        }
        return new Match(score, false);
    }

    /** Two shared figures, or one and the same specific kind of event ({@link #NEAR_SAME_STORY}). */
    static boolean figuresSayOneEvent(StoryFeatures a, StoryFeatures b) {
        int figures = shared(a.numbers(), b.numbers());
        return figures >= 2 || figures >= 1 && sameSpecificKind(a, b);
    }

    private static boolean sameSpecificKind(StoryFeatures a, StoryFeatures b) {
        for (String event : a.events()) {
            if (b.events().contains(event) && !GENERIC_EVENTS.contains(event)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two reports of one event in different languages often share a single name: the village where a ferry ran aground
     * ("Etne"), the suburb where a plant burned; each outlet names its own officials. What else they share is the kind
     * of event and a figure ("55 aboard", "60,000 told to stay indoors"). A specific place (one few recent articles
     * name), the same specific kind of event and at least one shared figure, within {@link #PLACE_KIND_FIGURE_SPAN}:
     * on the replays of story sets 1-16, 26 split same-story pairs had all three and 4 different-story pairs did (an
     * earthquake off Morocco felt near Granada the same week as one at Granada).
     */
    static boolean placeKindAndFigure(StoryFeatures a, StoryFeatures b, Map<String, String> shared, Rarity rarity) {
        if (!sameSpecificKind(a, b) || shared(a.numbers(), b.numbers()) == 0) {
            return false;
        }
        for (String id : shared.keySet()) {
            boolean place = a.places().containsKey(id) || id.startsWith(UNLINKED + "LOCATION:");
            if (place && rarity.of(id) >= SPECIFIC_PLACE_RARITY) {
                return true;
            }
        }
        return false;
    }

    /**
     * A person few recent articles name, central to both (salience at least {@link #CENTRAL_PERSON}), and the same
     * specific kind of event within {@link #PLACE_KIND_FIGURE_SPAN}: one athlete's doping ban, one skipper's rescue,
     * reported in two languages that share nothing else the enricher links. Only unlinked people count: a linked one is
     * a head of state or a minister, who is central to several events of one kind a week.
     */
    static boolean personAndKind(StoryFeatures a, StoryFeatures b, Map<String, String> shared, Rarity rarity) {
        if (!sameSpecificKind(a, b)) {
            return false;
        }
        for (Map.Entry<String, String> pair : shared.entrySet()) {
            String id = pair.getKey();
            if (id.startsWith(UNLINKED_PERSON) && pair.getValue().startsWith(UNLINKED_PERSON)
                    && a.entities().get(id) >= CENTRAL_PERSON && b.entities().get(pair.getValue()) >= CENTRAL_PERSON
                    && rarity.of(id) >= SPECIFIC_PERSON_RARITY) {
                return true;
            }
        }
        return false;
    }

    /** The story a newcomer joins: the one of its best-matching candidate (copies first), if any matches. */
    public record Choice(String storyId, String viaArticleId, Match match) {
    }

    /**
     * Compares the newcomer with every candidate (articles already in a story) and picks the best match: a copy beats
     * any entity score; ties go to the smaller story id, so every replica and every replay decides alike.
     */
    public static Optional<Choice> choose(StoryFeatures newcomer, Collection<StoryFeatures> candidates, Rarity rarity) {
        return Optional.ofNullable(matches(newcomer, candidates, rarity).best());
    }

    /** The best match as {@link #choose} picks it, and every story matched strongly enough to merge. */
    private record Matches(Choice best, Set<String> strongStories) {
    }

    /** One comparison per candidate: this is the write path's cost. */
    private static Matches matches(StoryFeatures newcomer, Collection<StoryFeatures> candidates, Rarity rarity) {
        Choice best = null;
        Set<String> strongStories = new TreeSet<>();
        for (StoryFeatures candidate : candidates) {
            if (candidate.storyId() == null || candidate.articleId().equals(newcomer.articleId())) {
                continue;
            }
            Match match = compare(newcomer, candidate, rarity);
            if (!match.sameStory()) {
                continue;
            }
            if (best == null || better(match, candidate, best)) {
                best = new Choice(candidate.storyId(), candidate.articleId(), match);
            }
            if (strong(match)) {
                strongStories.add(candidate.storyId());
            }
        }
        return new Matches(best, strongStories);
    }

    /**
     * Where a newcomer goes and which stories it proves to be one: {@code storyId} is null when it matches nothing
     * (it founds its own story); {@code absorbed} are the stories merged into {@code storyId}, empty unless it bridges
     * two or more stories.
     */
    public record Placement(String storyId, Set<String> absorbed) {
        public Placement {
            absorbed = Set.copyOf(absorbed);
        }
    }

    /** When a story began (its earliest article), to pick which of two merged stories survives. */
    @FunctionalInterface
    public interface StoryAge {
        Instant firstSeen(String storyId);
    }

    /**
     * {@link #choose} plus merging: when the newcomer also matches candidates of other stories at least
     * {@value #MERGE_STORY} (or is a copy of one), those stories and the one it joins are one story, and the oldest of
     * them (earliest first article, then smallest id, so every replica and replay decides alike) absorbs the others.
     * Without this a follow-up that arrives before its original founds a story of its own and stays apart for good.
     */
    public static Placement place(StoryFeatures newcomer, Collection<StoryFeatures> candidates, Rarity rarity,
                                  StoryAge age) {
        Matches matches = matches(newcomer, candidates, rarity);
        Choice best = matches.best();
        Set<String> bridged = new TreeSet<>(matches.strongStories());
        if (best == null) {
            return new Placement(null, Set.of());
        }
        bridged.add(best.storyId());
        if (bridged.size() < 2) {
            return new Placement(best.storyId(), Set.of());
        }
        String survivor = bridged.stream()
                .min(Comparator.comparing(age::firstSeen).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        Set<String> absorbed = new TreeSet<>(bridged);
        absorbed.remove(survivor);
        return new Placement(survivor, absorbed);
    }

    /** A match strong enough to merge the stories on both sides of it (see {@link #MERGE_STORY}). */
    static boolean strong(Match match) {
        return match.copy() || match.score() >= MERGE_STORY;
    }

    private static boolean better(Match match, StoryFeatures candidate, Choice best) {
        if (match.copy() != best.match().copy()) {
            return match.copy();
        }
        if (match.score() != best.match().score()) {
            return match.score() > best.match().score();
        }
        return candidate.storyId().compareTo(best.storyId()) < 0;
    }

    /**
     * Shared entity mass over the geometric mean of both masses, rarity-weighted; 0 below {@value #MIN_SHARED} shared
     * actors. Entities that stand for one actor ({@link ActorGroups}: the EU, its Commission, Brussels) count once in
     * the overlap, as their heaviest member, and each in the masses. The heaviest shared actor counts for at most
     * {@value #DOMINANT_SHARE} of the shared mass.
     *
     * @param shared the pairing of {@code a}'s entities with {@code b}'s, as {@link #counterparts} makes it
     */
    static double entityScore(Map<String, Double> a, Map<String, Double> b, Map<String, String> shared,
                              Rarity rarity) {
        if (shared.size() < MIN_SHARED) {
            return 0;
        }
        double overlap = 0;
        double heaviest = 0;
        int actors = 0;
        Map<String, Double> groups = null; // most pairs share no grouped actor: no map for them
        for (Map.Entry<String, String> pair : shared.entrySet()) {
            double o = rarity.of(pair.getKey()) * Math.min(a.get(pair.getKey()), b.get(pair.getValue()));
            String group = ActorGroups.groupOf(pair.getKey());
            if (group == null) {
                overlap += o;
                heaviest = Math.max(heaviest, o);
                actors++;
            } else {
                if (groups == null) {
                    groups = new HashMap<>();
                }
                groups.merge(group, o, Math::max);
            }
        }
        if (groups != null) {
            for (double o : groups.values()) {
                overlap += o;
                heaviest = Math.max(heaviest, o);
                actors++;
            }
        }
        if (actors < MIN_SHARED) {
            return 0;
        }
        overlap = Math.min(overlap, (overlap - heaviest) / (1 - DOMINANT_SHARE));
        double massA = mass(a, rarity);
        double massB = mass(b, rarity);
        return massA <= 0 || massB <= 0 ? 0 : overlap / Math.sqrt(massA * massB);
    }

    /**
     * An article's rarity-weighted entity mass, every entity counted: grouping its actors here too would make an
     * article naming the EU three ways lighter, and so closer to any article sharing its other entities.
     */
    private static double mass(Map<String, Double> entities, Rarity rarity) {
        double mass = 0;
        for (Map.Entry<String, Double> e : entities.entrySet()) {
            mass += rarity.of(e.getKey()) * e.getValue();
        }
        return mass;
    }

    /**
     * Evidence from the figures two articles share ({@link StoryNumbers}): {@value #NUMBER_WEIGHT} for each, from
     * {@value #MIN_NUMBERS} shared figures on, at most {@value #MAX_NUMBERS_COUNTED} counted. {@link #compare} asks
     * for at least one shared entity first: two reports of one event keep its figures in any language, while two
     * different events share a figure or two by chance (a time, an age, a round amount).
     */
    static double numberScore(StoryFeatures a, StoryFeatures b) {
        int shared = shared(a.numbers(), b.numbers());
        return shared < MIN_NUMBERS ? 0 : NUMBER_WEIGHT * Math.min(shared, MAX_NUMBERS_COUNTED);
    }

    /**
     * Whether two articles that share no entity may still be compared on figures, keywords and kind: they share at
     * least {@value #MIN_NUMBERS_ALONE} specific figures. Translations name an event's actors in their own words (the
     * Spanish data-protection agency, "le gendarme espagnol de la vie privée") and its place at another level (a
     * district, its city), and the enricher misses names a translation leaves unfamiliar; what survives is the
     * figures (8.4 million euros, 2.9 million customers, 72 hours). Three figures alone score below
     * {@link #SAME_STORY}: a shared kind of event, more figures or shared keywords must come with them.
     */
    static boolean figuresAlone(StoryFeatures a, StoryFeatures b) {
        return shared(a.numbers(), b.numbers()) >= MIN_NUMBERS_ALONE;
    }

    /**
     * Evidence from the characteristic words two articles share (enrich-service's ten keywords each):
     * {@value #KEYWORD_WEIGHT} for each from {@value #MIN_KEYWORDS} on, at most {@value #MAX_KEYWORDS_COUNTED}.
     * Across languages what survives is mostly names the enricher did not report as entities (a company, a ransomware
     * gang, a stave church); within one language a couple of shared topic words are common, hence the minimum.
     */
    static double keywordScore(StoryFeatures a, StoryFeatures b) {
        int shared = shared(a.keywords(), b.keywords());
        return shared < MIN_KEYWORDS ? 0 : KEYWORD_WEIGHT * Math.min(shared, MAX_KEYWORDS_COUNTED);
    }

    /**
     * {@value #EVENT_WEIGHT} when both articles report a kind of event in common, once however many: "what happened"
     * is the part of an event that the words of two languages share no trace of, and a shared entity (which
     * {@link #compare} asks for first) says who or where.
     */
    static double eventScore(StoryFeatures a, StoryFeatures b) {
        return shared(a.events(), b.events()) > 0 ? EVENT_WEIGHT : 0;
    }

    /**
     * Whether two articles report different events by what their headlines say happened: both headlines name a kind
     * of event, and one headline's kinds appear nowhere in the other article's headline and lead. The lead is read
     * for the second half because reports of one event name its kinds in different places (one headline says the
     * freighter ran aground, the other that a storm drove it ashore, and each lead says both), while an article
     * about another event of the same company names the first one in passing at most (job cuts at the telecom
     * whose network failed the week before: the outage report never mentions job cuts).
     */
    static boolean differentEvents(StoryFeatures a, StoryFeatures b) {
        if (a.headlineEvents().isEmpty() || b.headlineEvents().isEmpty()) {
            return false;
        }
        return shared(a.headlineEvents(), b.events()) == 0 || shared(b.headlineEvents(), a.events()) == 0;
    }

    private static int shared(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String value : a) {
            if (b.contains(value)) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * {@link #counterparts(Map, Map)}, then places: a place of {@code a} left without a counterpart is paired with the
     * nearest place of {@code b} left without one, if it lies within {@value #NEAR_PLACE_KM} km. Outlets name an
     * event's location at different levels: the local paper the village, the agency the municipality or the nearest
     * town, the foreign outlet the city a reader knows.
     *
     * @param placesOfA coordinates of {@code a}'s places ({@link StoryFeatures#places}); the same for {@code b}
     */
    static Map<String, String> counterparts(Map<String, Double> a, Map<String, Double> b, Map<String, Geo> placesOfA,
                                            Map<String, Geo> placesOfB) {
        Map<String, String> pairs = counterparts(a, b);
        if (placesOfA.isEmpty() || placesOfB.isEmpty()) {
            return pairs;
        }
        Set<String> takenOfB = new HashSet<>(pairs.values());
        Set<String> placeIdsOfB = new TreeSet<>(placesOfB.keySet()); // sorted: ties go by id on every replica
        List<Geo> sharedPlaces = pairs.keySet().stream().map(placesOfA::get).filter(java.util.Objects::nonNull)
                .toList();
        for (String id : new TreeSet<>(placesOfA.keySet())) {
            if (pairs.containsKey(id)) {
                continue;
            }
            Geo here = placesOfA.get(id);
            if (sharedPlaces.stream().anyMatch(place -> here.kilometresTo(place) <= NEAR_PLACE_KM)) {
                // Spandau and the Tiergarten are both Berlin, which both name already: two districts of one city
                // are no second place in common (a bomb and a zoo escape the same day, story set 22)
                continue;
            }
            String nearest = null;
            double nearestKm = NEAR_PLACE_KM;
            for (String candidate : placeIdsOfB) {
                if (takenOfB.contains(candidate)) {
                    continue;
                }
                double km = here.kilometresTo(placesOfB.get(candidate));
                if (km <= nearestKm) {
                    nearest = candidate;
                    nearestKm = km;
                }
            }
            if (nearest != null) {
                pairs.put(id, nearest);
                takenOfB.add(nearest);
            }
        }
        return pairs;
    }

    /**
     * The entities of {@code a} that {@code b} names too, each with its counterpart in {@code b}: first the same ids,
     * then, for unlinked names ({@code nf:TYPE:name}), an unlinked entity of the same type whose name is the same
     * after folding transliterations, or ends with it when it has at least two words ("executive oliver blume" /
     * "oliver blume"; a lone surname is too ambiguous), or for persons begins with it ({@link #sameName}). Each entity
     * of {@code b} is used once, and ties go by id, so every replica pairs alike.
     */
    static Map<String, String> counterparts(Map<String, Double> a, Map<String, Double> b) {
        Map<String, String> pairs = new TreeMap<>();
        for (String id : a.keySet()) {
            if (b.containsKey(id)) {
                pairs.put(id, id);
            }
        }
        List<String> unlinkedOfB = b.keySet().stream()
                .filter(id -> id.startsWith(UNLINKED) && !pairs.containsKey(id)).sorted().toList();
        if (unlinkedOfB.isEmpty()) {
            return pairs;
        }
        Set<String> taken = new HashSet<>();
        for (String id : new TreeSet<>(a.keySet())) {
            int typeEnd = id.startsWith(UNLINKED) ? id.indexOf(':', UNLINKED.length()) : -1;
            if (pairs.containsKey(id) || typeEnd < 0) {
                continue;
            }
            String typePrefix = id.substring(0, typeEnd + 1);
            String name = folded(id.substring(typeEnd + 1));
            String match = null;
            boolean person = typePrefix.equals(UNLINKED_PERSON);
            for (String candidate : unlinkedOfB) {
                if (candidate.startsWith(typePrefix) && !taken.contains(candidate)
                        && sameName(name, folded(candidate.substring(typePrefix.length())), person)) {
                    match = candidate;
                    break;
                }
            }
            // The name finder types an unknown name from its context, and two outlets give it different contexts
            // ("the Blue Lagoon was evacuated" / "Blue Lagoon said"): the same unlinked name under another type is
            // still the same thing, but only on an exact (folded) match, never a suffix.
            if (match == null) {
                for (String candidate : unlinkedOfB) {
                    if (!taken.contains(candidate) && name.equals(folded(unlinkedName(candidate)))) {
                        match = candidate;
                        break;
                    }
                }
            }
            if (match != null) {
                pairs.put(id, match);
                taken.add(match);
            }
        }
        return pairs;
    }

    /** The name part of an unlinked id ({@code nf:TYPE:name}). */
    private static String unlinkedName(String id) {
        return id.substring(id.indexOf(':', UNLINKED.length()) + 1);
    }

    /**
     * The same name, or the longer one ends with the shorter one of two words or more; for persons it may also begin
     * with it: outlets give a Spanish or Portuguese name with both surnames or with the first only ("Marisol Araya
     * Cifuentes" / "Marisol Araya").
     */
    private static boolean sameName(String a, String b, boolean person) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.indexOf(' ') > 0
                && (longer.endsWith(" " + shorter) || person && longer.startsWith(shorter + " "));
    }

    static String folded(String name) {
        String folded = name;
        for (String[] spelling : SPELLINGS) {
            folded = folded.replace(spelling[0], spelling[1]);
        }
        return folded;
    }

    static double timeFactor(Duration apart) {
        if (apart.compareTo(SAME_NEWS_CYCLE) <= 0) {
            return 1.0;
        }
        return Math.exp(-(double) apart.minus(SAME_NEWS_CYCLE).toMinutes() / DECAY.toMinutes());
    }
}

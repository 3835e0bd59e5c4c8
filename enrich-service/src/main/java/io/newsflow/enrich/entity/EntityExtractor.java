package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.Entity;
import io.newsflow.contracts.EnrichedArticle.Geo;
import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EnrichedArticle.Mention;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Named entities of an article: knowledge-base matches first (linked), then names the knowledge base does not know
 * ({@link NameFinder}, unlinked), grouped per entity with every mention, a count and a salience in 0..1 (mentions in
 * the headline and the first paragraph weigh more; the most salient entity has 1.0).
 */
public final class EntityExtractor {

    public static final String TITLE = "title";
    public static final String TEXT = "text";

    static final double TITLE_WEIGHT = 3.0;
    static final double LEAD_WEIGHT = 2.0;
    static final double SECOND_PARAGRAPH_WEIGHT = 1.5;
    static final double BODY_WEIGHT = 1.0;

    private final KnowledgeBase kb;
    private final NameFinder nameFinder;
    private final NameCues cues;
    /**
     * The first {@value #COMPASS_KEY} letters of every compass prefix ("nor" of "nord", "nordost"): a capitalised word
     * opening with none of them ("Bergen", "Regierung") skips the prefix tries of {@link #compassCompounds}.
     */
    private final Set<String> compassKeys;
    private static final int COMPASS_KEY = 3;
    /** Replaced as a whole when the watch list changes; an extraction uses the one it started with. */
    private volatile AliasMatcher matcher;

    public EntityExtractor(KnowledgeBase kb, NameCues cues) {
        this.kb = kb;
        this.matcher = new AliasMatcher(kb);
        // Places a German adjective is made of ("Stuttgarter", "Dresdner"): not the towns named like words
        this.nameFinder = new NameFinder(cues, oneWordNames(kb, e -> e.tags().contains("country")),
                oneWordNames(kb, e -> e.type() == EntityType.LOCATION
                        && !e.tags().contains(KnowledgeBase.PLACED_TOWN)));
        this.cues = cues;
        this.compassKeys = cues.place().compassPrefixes().stream()
                .map(p -> p.substring(0, Math.min(COMPASS_KEY, p.length())))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Links the user's watched entities too, from the next article on. They come before the built-in knowledge
     * base, so a watched alias wins where both have it.
     */
    public void useWatchList(List<KbEntry> watched) {
        List<KbEntry> all = new ArrayList<>(watched.size() + kb.entries().size());
        all.addAll(watched);
        all.addAll(kb.entries());
        matcher = new AliasMatcher(new KnowledgeBase(all));
    }

    /**
     * @param title    headline, may be null
     * @param text     body, may be null
     * @param language ISO 639-1 code of the article (selects language-specific aliases), may be null or "und"
     */
    public List<ExtractedEntity> extract(String title, String text, String language) {
        return extract(title, text, language, Tokenizer.tokenize(title == null ? "" : title),
                Tokenizer.tokenize(text == null ? "" : text));
    }

    /** The same, with the tokens the caller already has (the pipeline tokenizes each field once). */
    public List<ExtractedEntity> extract(String title, String text, String language, List<Token> titleTokens,
                                         List<Token> textTokens) {
        Map<String, Builder> entities = new LinkedHashMap<>();
        List<NameFinder.Field> fields = new ArrayList<>(2);
        AliasMatcher matcher = this.matcher;
        Predicate<String> lowerCase = word -> writtenLowerCase(word, textTokens) || writtenLowerCase(word, titleTokens);
        // Body first: a Title Case headline only confirms names the body establishes.
        fields.add(linkField(matcher, TEXT, text == null ? "" : text, textTokens, language, false, lowerCase,
                entities));
        fields.add(linkField(matcher, TITLE, title == null ? "" : title, titleTokens, language, isTitleCase(title),
                lowerCase, entities));
        List<NameFinder.FoundName> found = nameFinder.find(fields, language);
        yieldTownsToPersons(entities, found);
        for (NameFinder.FoundName name : found) {
            String id = KbEntry.unlinkedId(name.type(), name.key());
            Builder b = entities.computeIfAbsent(id, k -> new Builder(id, name.type(), false, Set.of()));
            b.supported = true;
            b.add(name.field(), name.start(), name.end(), name.text(), name.paragraph());
            if (name.text().length() > b.name.length() && !name.text().contains("\n")) {
                b.name = name.text();
            }
        }
        dropNamesInsideFoundNames(entities, found, language);
        joinBracketedAcronyms(entities, title, text);
        joinCountryAcronyms(entities, title, text);
        int[] credit = Dateline.creditSpan(text);
        if (credit != null) {
            entities.values().removeIf(b -> b.onlyWithin(TEXT, credit[0], credit[1]));
        }
        // An ambiguous alias ("Meta") alone is no evidence: keep the entity only if something unambiguous named it.
        entities.values().removeIf(b -> !b.supported);
        List<Builder> builders = new ArrayList<>(entities.values());
        double max = 0;
        for (Builder b : builders) {
            max = Math.max(max, b.score);
        }
        List<ExtractedEntity> result = new ArrayList<>(builders.size());
        for (Builder b : builders) {
            result.add(new ExtractedEntity(b.build(max), b.tags));
        }
        result.sort(Comparator.comparingDouble((ExtractedEntity e) -> -e.entity().salience())
                .thenComparingInt(e -> -e.entity().count())
                .thenComparing(e -> e.entity().name()));
        return result;
    }

    /**
     * A knowledge-base entity named only inside a longer name the name finder found across it (an acronym's long form:
     * "Norges teknisk-naturvitenskapelige universitet (NTNU)", "Evangelische Kirche in Deutschland (EKD)") is part of
     * that name, not a mention of its own: the country of a university's name is no place the article reports on.
     */
    private void dropNamesInsideFoundNames(Map<String, Builder> entities, List<NameFinder.FoundName> found,
                                           String language) {
        // Not a name with a lower-case head: "le musée de Hanovre", "le parquet de Bordeaux" say where, of a place;
        // but "le lac Tanganyika", "la baie de Saint-Brieuc" are the lake and the bay, not the town.
        List<NameFinder.FoundName> longer = found.stream()
                .filter(n -> n.text().indexOf(' ') > 0 && (Character.isUpperCase(n.text().charAt(0))
                        || cues.romanceHeads().isFeatureHead(language, n.key().substring(0, n.key().indexOf(' ')))))
                .toList();
        if (longer.isEmpty()) {
            return;
        }
        entities.values().removeIf(b -> !b.mentions.isEmpty() && b.mentions.stream().allMatch(
                m -> longer.stream().anyMatch(n -> n.field().equals(m.field()) && n.start() <= m.start()
                        && m.end() <= n.end() && (n.start() < m.start() || m.end() < n.end()))));
    }

    /**
     * A small town named like a word of a person's full name in the same article, or a bigger place from the
     * gazetteer named like its surname, is that person: "Carlos Alcaraz …
     * Alcaraz" is no town in Murcia, and "Pedro Sánchez … Sánchez" (a knowledge-base person whose surname alone is no
     * alias) no town in the Dominican Republic. Its mentions go to the person.
     */
    private static void yieldTownsToPersons(Map<String, Builder> entities, List<NameFinder.FoundName> found) {
        Map<String, String> personIds = null; // a word of a full name → the id of that person
        Set<String> surnames = new java.util.HashSet<>();
        for (NameFinder.FoundName name : found) {
            if (name.type() == EntityType.PERSON && name.key().indexOf(' ') > 0) {
                if (personIds == null) {
                    personIds = new java.util.HashMap<>();
                }
                String id = KbEntry.unlinkedId(EntityType.PERSON, name.key());
                String[] parts = name.key().split(" ");
                for (String part : parts) {
                    personIds.putIfAbsent(part, id);
                }
                surnames.add(parts[parts.length - 1]);
            }
        }
        for (Builder b : entities.values()) {
            if (b.type != EntityType.PERSON) {
                continue;
            }
            for (Mention m : b.mentions) {
                if (m.text().indexOf(' ') > 0) {
                    if (personIds == null) {
                        personIds = new java.util.HashMap<>();
                    }
                    String[] parts = m.text().split("\\s+");
                    for (String part : parts) {
                        personIds.putIfAbsent(Tokenizer.normalise(part), b.id);
                    }
                    surnames.add(Tokenizer.normalise(parts[parts.length - 1]));
                }
            }
        }
        if (personIds == null) {
            return;
        }
        for (Builder town : List.copyOf(entities.values())) {
            // the words as written: the entry's name may be another form of them ("Engel’s" for Engel)
            String word = town.mentions.isEmpty() ? "" : Tokenizer.normalise(town.mentions.getFirst().text());
            // Any word for a small town; a bigger one only as the surname ("Marion Engel … Engel", not Engels)
            boolean yields = town.tags.contains(KnowledgeBase.TOWN)
                    || gazetteerPlace(town.linked, town.type, town.tags) && surnames.contains(word);
            String id = yields ? personIds.get(word) : null;
            if (id == null) {
                continue;
            }
            entities.remove(town.id);
            Builder p = entities.computeIfAbsent(id, k -> new Builder(id, EntityType.PERSON, false, Set.of()));
            p.supported = true;
            p.mentions.addAll(town.mentions);
            p.score += town.score;
        }
    }

    /** Endings of a common noun's inflected forms that still say the word ("brannen", "brannene", "readings"). */
    private static final List<String> INFLECTIONS = List.of("", "en", "et", "a", "er", "ene", "s", "e", "n");

    /**
     * Whether a lower-case token spells {@code word} or an inflection of it; short words only as themselves ("Mo" is
     * no "mot").
     */
    static boolean writtenLowerCase(String word, List<Token> tokens) {
        for (Token t : tokens) {
            String surface = t.surface();
            if (surface.isEmpty() || !Character.isLowerCase(surface.charAt(0)) || !t.norm().startsWith(word)) {
                continue;
            }
            String ending = t.norm().substring(word.length());
            if (ending.isEmpty() || word.length() >= 4 && INFLECTIONS.contains(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param lowerCase whether the article writes a word (normalised) in lower case somewhere, inflected or not
     */
    private NameFinder.Field linkField(AliasMatcher matcher, String field, String text, List<Token> tokens,
                                       String language, boolean titleCase, Predicate<String> lowerCase,
                                       Map<String, Builder> entities) {
        boolean[] covered = new boolean[tokens.size()];
        boolean[] places = new boolean[tokens.size()];
        boolean[] quiet = titleCase ? null : NameFinder.quietTokens(text, tokens, cues);
        List<AliasMatcher.KbMatch> matches = matcher.match(text, tokens, language);
        int branchEnd = -1;
        int takenUntil = -1; // last token of a span that took the matches inside it
        for (AliasMatcher.KbMatch m : matches) {
            if (m.last() <= takenUntil) {
                continue; // the body of "Tynset Røde Kors", the city of "Jeux olympiques de Los Angeles"
            }
            if (m.type() == EntityType.ORGANIZATION && m.first() == m.last() && tokens.get(m.first()).hyphenBefore()
                    && tokens.get(m.first() - 1).capitalised()) {
                // "SNES-FSU", "Filctem-Cgil", "Lillesands-Posten": a known body's name ends a longer hyphenated one
                continue;
            }
            int host = hostAfterEvent(m, tokens, matches);
            if (host > m.last()) {
                // "Jeux olympiques de Los Angeles", "Giochi olimpici di Milano Cortina": one edition of the event
                takenUntil = Math.max(takenUntil, host);
                addSpan(entities, covered, field, text, tokens, m.first(), host, EntityType.EVENT);
                continue;
            }
            if (m.entry().tags().contains(KnowledgeBase.PLACED_TOWN) && !placedTown(m, tokens, matches)) {
                continue;
            }
            int local = localBranch(m, tokens, matches);
            if (local > m.last()) {
                // "Tynset Røde Kors Hjelpekorps", "Bergen Røde Kors": a town and a movement name the town's branch,
                // neither the town nor the national body
                takenUntil = Math.max(takenUntil, local);
                addSpan(entities, covered, field, text, tokens, m.first(), local, EntityType.ORGANIZATION);
                continue;
            }
            int compass = compassHalf(m, tokens);
            if (compass >= 0) {
                // "Nord-Troms", "Sør-Europa": part of a region, unlinked, not the region itself
                addSpan(entities, covered, field, text, tokens, compass, m.last(), EntityType.LOCATION);
                continue;
            }
            if (m.type() == EntityType.LOCATION && m.last() > m.first() && m.last() + 1 < tokens.size()
                    && bodyNounAfter(tokens.get(m.last() + 1))) {
                // "Møre og Romsdal politidistrikt", "Sogn og Fjordane tingrett": a body named after its seat
                addSpan(entities, covered, field, text, tokens, m.first(), m.last() + 1, EntityType.ORGANIZATION);
                continue;
            }
            if (m.type() == EntityType.LOCATION && m.last() > m.first() && m.last() + 1 < tokens.size()
                    && (language == null || !NameFinder.NOUN_CAPITALISING.contains(language))
                    && tokens.get(m.last() + 1).spaceBefore() && tokens.get(m.last() + 1).capitalised()
                    && cues.organisation().orgSuffixes().contains(tokens.get(m.last() + 1).norm())
                    && !(m.last() + 2 < tokens.size() && tokens.get(m.last() + 2).spaceBefore()
                    && tokens.get(m.last() + 2).capitalised())) {
                // "Northern Ireland Assembly", "Sri Lanka Police": a body named after a place of several words (not
                // "Da Nang International Airport", whose name goes on)
                addSpan(entities, covered, field, text, tokens, m.first(), m.last() + 1, EntityType.ORGANIZATION);
                continue;
            }
            EntityType headed = headBeforePlace(m, tokens, covered, language);
            if (headed != null) {
                // "Landkreis Miesbach", "Kanton Zürich": the district; "Helse Møre og Romsdal", "Sparebanken Møre":
                // a body named after the place
                addSpan(entities, covered, field, text, tokens, m.first() - 1, m.last(), headed);
                continue;
            }
            if (quiet != null && !quiet[m.first()] && partOfLongerName(m, tokens, language)) {
                continue; // "Jordan Peterson", "Hunter Biden": left to the name finder
            }
            if (m.type() == EntityType.LOCATION && m.last() + 1 < tokens.size()
                    && cues.place().countyTails().contains(tokens.get(m.last() + 1).norm())
                    && !tokens.get(m.last() + 1).capitalised() && tokens.get(m.last() + 1).spaceBefore()) {
                if (m.first() > 0 && tokens.get(m.first()).spaceBefore() && tokens.get(m.first() - 1).capitalised()
                        && cues.organisation().isOrgWord(tokens.get(m.first() - 1).norm())) {
                    continue; // "Region Kalmar län": the county's body, left to the name finder
                }
                // "i Kalmar län", "Örebro län": the county, not its seat
                addSpan(entities, covered, field, text, tokens, m.first(), m.last() + 1, EntityType.LOCATION);
                continue;
            }
            if (m.first() == m.last() && m.entry().tags().contains("city") && !m.entry().linked()
                    && cues.neverNames().functionWords().contains(tokens.get(m.first()).norm())) {
                continue; // "März" is a month before it is a town called Marz
            }
            if (m.first() == m.last() && tokens.get(m.first()).sentenceStart()
                    && lowerCase.test(tokens.get(m.first()).norm())) {
                // "Brann i lagerhall" over a body about "brannen": a sentence opens with the common word the article
                // writes in lower case elsewhere, not with the club (SK Brann), party (Rødt) or town it also names
                continue;
            }
            if (nounAfterDeterminer(m, tokens, language)) {
                continue; // "in der Region", "dem Keller", "ihren postmodernen Neubau": German nouns, not towns
            }
            if (m.last() < branchEnd) {
                continue; // the country of "WWF España", taken with the body
            }
            int model = modelAfterMaker(m, tokens, language);
            int branch = model > m.last() ? model : nationalBranch(m, text, tokens, matches);
            if (branch <= m.last()) {
                branch = bodyOfCountry(m, tokens, language);
            }
            if (branch <= m.last()) {
                branch = federationBranch(m, tokens);
            }
            if (branch > m.last()) {
                // "Volvo 240", "Renault Kangoo", "Tata LPO 1618": a company and its model name a product;
                // "WWF España", "SJ Norge", "Unicef France": a body and a country name its national branch
                EntityType type = model > m.last() ? EntityType.PRODUCT : EntityType.ORGANIZATION;
                branchEnd = branch;
                addSpan(entities, covered, field, text, tokens, m.first(), branch, type);
                continue;
            }
            for (int k = m.first(); k <= m.last(); k++) {
                covered[k] = true;
                places[k] = m.type() == EntityType.LOCATION;
            }
            KbEntry entry = m.entry();
            Builder b = entities.computeIfAbsent(entry.id(),
                    k -> new Builder(entry.id(), entry.type(), entry.linked(), entry.tags()));
            b.name = entry.name();
            b.geo = entry.geo();
            b.supported |= !m.needsSupport();
            String surface = text.substring(m.start(), m.end());
            b.writtenAsAlias |= entry.aliases().stream().anyMatch(a -> a.text().equals(surface));
            b.add(field, m.start(), m.end(), surface, tokens.get(m.first()).paragraph());
        }
        compassCompounds(matcher, field, text, tokens, language, covered, entities);
        if (TEXT.equals(field)) {
            datelinePlace(text, tokens, covered, entities);
        }
        return new NameFinder.Field(field, text, tokens, covered, titleCase, quiet, places);
    }

    /**
     * The place in capitals that opens a dateline ("BALLSTAD: Det var …", "LOFTHUS – Trea …") is a place even when
     * the knowledge base does not know it: a newsroom files from places. Known ones are linked already.
     */
    private static void datelinePlace(String text, List<Token> tokens, boolean[] covered,
                                      Map<String, Builder> entities) {
        int[] span = Dateline.placeSpan(text);
        if (span == null) {
            return;
        }
        int first = -1;
        int last = -1;
        for (int k = 0; k < tokens.size() && tokens.get(k).start() < span[1]; k++) {
            if (covered[k]) {
                return;
            }
            if (tokens.get(k).start() >= span[0]) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        if (first >= 0) {
            addSpan(entities, covered, TEXT, text, tokens, first, last, EntityType.LOCATION);
        }
    }

    /**
     * "Ostdeutschland", "Nordhessen", "Osttirol", "Nordsverige": a compass word and a place the knowledge base knows
     * (a country, region or city, not a town named like a word) in one word name part of that place, unlinked.
     */
    private void compassCompounds(AliasMatcher matcher, String field, String text, List<Token> tokens, String language,
                                  boolean[] covered, Map<String, Builder> entities) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (covered[i] || !t.capitalised() || t.allCaps() || t.hyphenBefore()
                    || i + 1 < tokens.size() && tokens.get(i + 1).hyphenBefore()) {
                continue;
            }
            String norm = t.norm();
            if (norm.length() < COMPASS_KEY + 4 || !compassKeys.contains(norm.substring(0, COMPASS_KEY))) {
                continue;
            }
            for (int cut = COMPASS_KEY; cut <= Math.min(8, norm.length() - 4); cut++) {
                if (!cues.place().compassPrefixes().contains(norm.substring(0, cut))) {
                    continue;
                }
                KbEntry place = matcher.placeNamed(norm.substring(cut), language);
                if (place != null && !place.tags().contains(KnowledgeBase.TOWN)) {
                    addSpan(entities, covered, field, text, tokens, i, i, EntityType.LOCATION);
                    break;
                }
            }
        }
    }

    /**
     * Tokens {@code from}..{@code to} as one unlinked entity of {@code type}, a name the knowledge-base match only
     * begins or ends (a body's national or local branch, a maker's model, a county, part of a region); the name
     * finder leaves those tokens alone.
     */
    private static void addSpan(Map<String, Builder> entities, boolean[] covered, String field, String text,
                                List<Token> tokens, int from, int to, EntityType type) {
        for (int k = from; k <= to; k++) {
            covered[k] = true;
        }
        int start = tokens.get(from).start();
        int end = tokens.get(to).end();
        String surface = text.substring(start, end);
        String id = KbEntry.unlinkedId(type, Tokenizer.normalise(surface));
        Builder found = entities.computeIfAbsent(id, k -> new Builder(id, type, false, Set.of()));
        found.name = surface;
        found.supported = true;
        found.add(field, start, end, surface, tokens.get(from).paragraph());
    }

    /**
     * In German, which capitalises every noun, a one-word town from the gazetteer right after a determiner, an
     * inflected adjective or a number is a noun ("der Kirchen", "ein eigener Saal", "300 Kirchen"): a town follows a
     * preposition, a conjunction or a capitalised word.
     */
    private boolean nounAfterDeterminer(AliasMatcher.KbMatch m, List<Token> tokens, String language) {
        if (language == null || !NameFinder.NOUN_CAPITALISING.contains(language) || m.first() != m.last()
                || m.first() == 0 || !m.entry().tags().contains(KnowledgeBase.TOWN) || m.entry().linked()) {
            return false;
        }
        Token prev = tokens.get(m.first() - 1);
        if (!tokens.get(m.first()).spaceBefore() || prev.capitalised()) {
            return false;
        }
        String n = prev.norm();
        boolean inflectedAdjective = n.length() > 4 && (n.endsWith("en") || n.endsWith("er") || n.endsWith("em")
                || n.endsWith("es")) && !prev.hasDigit()
                && !cues.placeContext().germanPrepositionsLikeAdjectives().contains(n);
        // "im polnischen Zakopane": a place's adjective; "dem Feldberg": a mountain takes an article
        boolean placeAdjective = n.contains("isch");
        String town = tokens.get(m.first()).norm();
        boolean mountain = cues.place().isGermanMountain(town);
        if (placeAdjective || mountain) {
            return false;
        }
        return cues.boundaries().nounCapsDeterminers().contains(n) || inflectedAdjective
                || prev.hasDigit() && !prev.hasLetter();
    }

    /**
     * The index of a compass word joined by a hyphen to a region, country or city match ("Nord-Troms",
     * "Øst-Finnmark", "Sud-Kivu"), or -1; not when the compass word itself ends a longer compound.
     */
    private int compassHalf(AliasMatcher.KbMatch m, List<Token> tokens) {
        if (m.type() != EntityType.LOCATION || m.first() == 0 || !tokens.get(m.first()).hyphenBefore()) {
            return -1;
        }
        Token half = tokens.get(m.first() - 1);
        return half.capitalised() && !half.allCaps() && !half.hyphenBefore()
                && cues.place().compassHalves().contains(half.norm())
                ? m.first() - 1 : -1;
    }

    /**
     * A country's acronym right before an organisation's name is part of that name: "US Central Command", "UK
     * Finance", "US Forest Service" name one body, not the country and a body. The country keeps its other mentions.
     */
    private static void joinCountryAcronyms(Map<String, Builder> entities, String title, String text) {
        List<Mention> acronyms = null;
        for (Builder b : entities.values()) {
            if (b.tags.contains("country")) {
                for (Mention m : b.mentions) {
                    if (m.text().length() <= 3 && m.text().chars().allMatch(Character::isUpperCase)) {
                        if (acronyms == null) {
                            acronyms = new ArrayList<>();
                        }
                        acronyms.add(m);
                    }
                }
            }
        }
        if (acronyms == null) {
            return;
        }
        for (Builder org : List.copyOf(entities.values())) {
            if (org.type != EntityType.ORGANIZATION || org.linked) {
                continue;
            }
            for (Mention m : org.mentions) {
                Mention acronym = null;
                for (Mention a : acronyms) {
                    if (a.field().equals(m.field()) && a.end() + 1 == m.start()
                            && (TITLE.equals(m.field()) ? title : text).charAt(a.end()) == ' ') {
                        acronym = a;
                    }
                }
                if (acronym == null) {
                    continue;
                }
                String surface = acronym.text() + " " + m.text();
                String id = KbEntry.unlinkedId(EntityType.ORGANIZATION, Tokenizer.normalise(surface));
                entities.remove(org.id);
                Builder joined = entities.computeIfAbsent(id, k -> new Builder(id, EntityType.ORGANIZATION, false, Set.of()));
                joined.name = surface;
                joined.supported = true;
                for (Mention other : org.mentions) {
                    joined.mentions.add(other == m ? new Mention(m.field(), acronym.start(), m.end(), surface) : other);
                }
                joined.score += org.score;
                for (Builder country : List.copyOf(entities.values())) {
                    if (country.mentions.remove(acronym) && country.mentions.isEmpty()) {
                        entities.remove(country.id);
                    }
                }
                acronyms.remove(acronym);
                break;
            }
        }
    }

    /**
     * An acronym found on its own that the article defines in brackets after another name ("Norsk
     * Sykepleierforbund (NSF)", where the compound hides the F from the acronym rule) is that name's entity.
     */
    private static void joinBracketedAcronyms(Map<String, Builder> entities, String title, String text) {
        Map<String, Builder> defined = null;
        for (Builder b : entities.values()) {
            for (Mention m : b.mentions) {
                String acronym = bracketedAcronym(TITLE.equals(m.field()) ? title : text, m.end());
                if (acronym != null && !acronym.equals(m.text())) {
                    if (defined == null) {
                        defined = new java.util.HashMap<>();
                    }
                    defined.putIfAbsent(acronym, b);
                }
            }
        }
        if (defined == null) {
            return;
        }
        for (Builder acronym : List.copyOf(entities.values())) {
            Builder full = acronym.mentions.isEmpty() ? null : defined.get(acronym.mentions.getFirst().text());
            // A linked entity stays itself where the article writes it as the knowledge base does ("US"); "BAKU", which
            // only the capitals make an acronym, is the short form the article defines for another name.
            if (full != null && full != acronym && full.type == acronym.type
                    && (!acronym.linked || !acronym.writtenAsAlias)
                    && acronym.mentions.stream().allMatch(m -> m.text().equals(acronym.mentions.getFirst().text()))) {
                entities.remove(acronym.id);
                full.mentions.addAll(acronym.mentions);
                full.score += acronym.score;
            }
        }
    }

    /**
     * The last token of the place a Romance particle puts right after a known event ("Juegos Olímpicos de Los
     * Ángeles"), or -1: that edition is what the article names, and its host city no place of its own there.
     */
    private int hostAfterEvent(AliasMatcher.KbMatch event, List<Token> tokens, List<AliasMatcher.KbMatch> matches) {
        int particle = event.last() + 1;
        if (event.type() != EntityType.EVENT || particle + 1 >= tokens.size() || !tokens.get(particle).spaceBefore()
                || !cues.romanceHeads().romanceHeadParticles().contains(tokens.get(particle).norm())) {
            return -1;
        }
        for (AliasMatcher.KbMatch place : matches) {
            if (place.first() == particle + 1 && place.type() == EntityType.LOCATION
                    && tokens.get(place.first()).spaceBefore()) {
                return place.last();
            }
        }
        return -1;
    }

    /**
     * The last token of a local branch named by a town right before a movement's name ("Tynset Røde Kors", with a
     * body word after it: "Tynset Røde Kors Hjelpekorps"), or -1. Only movements with local branches (tag
     * {@code ngo}) count, and only a town or city from the gazetteer as the place.
     */
    private int localBranch(AliasMatcher.KbMatch place, List<Token> tokens, List<AliasMatcher.KbMatch> matches) {
        if (!gazetteerPlace(place.entry()) || place.last() + 1 >= tokens.size()
                || !tokens.get(place.last() + 1).spaceBefore() || tokens.get(place.last()).possessive()) {
            return -1;
        }
        for (AliasMatcher.KbMatch body : matches) {
            if (body.first() == place.last() + 1 && body.type() == EntityType.ORGANIZATION
                    && body.entry().tags().contains("ngo")) {
                int last = body.last();
                if (last + 1 < tokens.size() && tokens.get(last + 1).spaceBefore() && tokens.get(last + 1).capitalised()
                        && cues.organisation().isOrgWord(tokens.get(last + 1).norm())) {
                    last++;
                }
                return last;
            }
        }
        return -1;
    }

    /**
     * The last token of a Scandinavian body named with its country in the genitive and lower-case words ending in a
     * body noun ("Noregs vassdrags- og energidirektorat", "Sveriges lantbruksuniversitet"), or -1: the country is then
     * no place of its own. "Norges største by" names no body and keeps the country.
     */
    private int bodyOfCountry(AliasMatcher.KbMatch m, List<Token> tokens, String language) {
        Token country = tokens.get(m.last());
        if (!NameFinder.scandinavian(language) || !m.entry().tags().contains("country")
                || !country.surface().endsWith("s")) {
            return -1;
        }
        for (int k = m.last() + 1; k < tokens.size() && k <= m.last() + 6; k++) {
            Token t = tokens.get(k);
            if (t.surface().equals("-")) {
                continue; // "vassdrags- og energidirektorat"
            }
            if (t.capitalised() || !t.hasLetter()) {
                return -1;
            }
            if (cues.organisation().isBodyNoun(t.norm())) {
                return k;
            }
            if (cues.neverNames().functionWords().contains(t.norm())
                    && !cues.boundaries().coordinators().contains(t.norm())) {
                return -1;
            }
        }
        return -1;
    }

    /** "ACR" when the text at {@code at} reads " (ACR)" with two to eight capitals, else null. */
    private static String bracketedAcronym(String text, int at) {
        if (text == null || at + 4 > text.length() || !text.startsWith(" (", at)) {
            return null;
        }
        int close = text.indexOf(')', at + 2);
        if (close < 0 || close - at - 2 < 2 || close - at - 2 > 8) {
            return null;
        }
        String acronym = text.substring(at + 2, close);
        return acronym.chars().allMatch(c -> Character.isUpperCase(c)) ? acronym : null;
    }

    /** One-word names, normalised, of the entries the test accepts: "norge", "españa" of the countries. */
    private static Set<String> oneWordNames(KnowledgeBase kb, java.util.function.Predicate<KbEntry> test) {
        Set<String> words = new java.util.HashSet<>();
        for (KbEntry e : kb.entries()) {
            if (test.test(e)) {
                for (KbEntry.Alias a : e.aliases()) {
                    List<Token> t = Tokenizer.tokenizeName(a.text());
                    if (t.size() == 1) {
                        words.add(t.getFirst().norm());
                    }
                }
            }
        }
        return words;
    }

    /**
     * The last token of a country or region right after a body, one space apart, mid-sentence ("WWF España",
     * "SJ Norge", "NRK Vestland", "Coldiretti Emilia-Romagna": the body's national or regional branch), or -1.
     */
    private static int nationalBranch(AliasMatcher.KbMatch m, String text, List<Token> tokens,
                                      List<AliasMatcher.KbMatch> matches) {
        if (m.entry().type() != EntityType.ORGANIZATION) {
            return -1;
        }
        for (AliasMatcher.KbMatch next : matches) {
            boolean area = next.entry().tags().contains("country") || next.entry().tags().contains("region");
            if (next.first() == m.last() + 1 && area && next.start() == m.end() + 1
                    && text.charAt(m.end()) == ' ' && !tokens.get(next.first()).sentenceStart()
                    && (next.last() + 1 >= tokens.size() || !tokens.get(next.last() + 1).capitalised()
                    || !tokens.get(next.last() + 1).spaceBefore())) {
                return next.last();
            }
        }
        return -1;
    }

    /**
     * The last token of the capitalised words right after a union or federation, mid-sentence ("NHO Reiseliv", "LO
     * Stat", "IG Metall Küste", "Confindustria Piemonte"): its branch, a body of its own; or -1.
     */
    private int federationBranch(AliasMatcher.KbMatch m, List<Token> tokens) {
        if (!m.entry().tags().contains("union")) {
            return -1;
        }
        int last = m.last();
        while (last + 1 < tokens.size()) {
            Token next = tokens.get(last + 1);
            if (!next.spaceBefore() || !next.capitalised() || next.sentenceStart()
                    || next.paragraph() != tokens.get(m.last()).paragraph()
                    || cues.neverNames().functionWords().contains(next.norm())) {
                break;
            }
            last++;
        }
        return last > m.last() ? last : -1;
    }

    /** A Scandinavian body noun written lower-case after its seat's name: "kommune", "tingrett", "politidistrikt". */
    private boolean bodyNounAfter(Token t) {
        return cues.organisation().isBodyNounAfterName(t.norm(), t.capitalised(), t.spaceBefore());
    }

    /**
     * The type of a name made of a capitalised head word right before a place the knowledge base knows (no country):
     * a German district's ("Landkreis Miesbach", "Bezirk Lienz", "Kanton Zürich"), a Scandinavian body's
     * ("Helse Møre og Romsdal", "Sparebanken Møre", "Region Jämtland"); null for anything else.
     */
    private EntityType headBeforePlace(AliasMatcher.KbMatch m, List<Token> tokens, boolean[] covered, String language) {
        if (m.type() != EntityType.LOCATION || m.entry().tags().contains("country") || m.first() == 0
                || !tokens.get(m.first()).spaceBefore() || covered[m.first() - 1] || language == null) {
            return null;
        }
        Token head = tokens.get(m.first() - 1);
        Token after = m.last() + 1 < tokens.size() ? tokens.get(m.last() + 1) : null;
        if (!head.capitalised() || head.allCaps() || cues.organisation().isDescriptor(head.norm())
                || after != null && (after.hyphenBefore() || cues.place().countyTails().contains(after.norm()))) {
            return null; // "Selskapet Hardanger Fjordlaks", "Landkreis Mansfeld-Südharz", "Region Kalmar län"
        }
        if (NameFinder.NOUN_CAPITALISING.contains(language) && cues.place().districtHeads().contains(head.norm())) {
            return EntityType.LOCATION;
        }
        if (NameFinder.NOUN_CAPITALISING.contains(language)) {
            // "Feuerwehr Hamburg", "Gesundheitsamt Stuttgart"; not the end of a longer name ("Klassik Stiftung
            // Weimar", "Friedrich-Schiller-Universität Jena", "Landesalarm- und Warnzentrale Kärnten")
            Token beforeHead = m.first() >= 2 ? tokens.get(m.first() - 2) : null;
            boolean longerName = head.hyphenBefore() || beforeHead != null && head.spaceBefore()
                    && (beforeHead.capitalised() && !beforeHead.sentenceStart()
                    || cues.boundaries().coordinators().contains(beforeHead.norm()));
            boolean germanBody = cues.germanAdjectiveNames().bodyHeads().endsWithOne(head.norm())
                    || cues.organisation().isOrgWord(head.norm());
            return germanBody && !longerName ? EntityType.ORGANIZATION : null;
        }
        // "Helse Møre og Romsdal", "Sparebanken Møre": a body named after its seat
        boolean body = NameFinder.scandinavian(language) && (cues.organisation().isOrgWord(head.norm())
                || cues.organisation().orgHeads().contains(head.norm()));
        return body ? EntityType.ORGANIZATION : null;
    }

    /**
     * A town named like a word ("Drammen", "Cannes") is taken only where the sentence puts it in a place: after a
     * preposition that does not follow a capitalised word ("Festival de Cannes" is the festival's), or after "and"
     * next to another place, and not glued to a capitalised word after it.
     */
    private boolean placedTown(AliasMatcher.KbMatch m, List<Token> tokens, List<AliasMatcher.KbMatch> matches) {
        int first = m.first();
        if (first == 0 || m.last() + 1 < tokens.size() && tokens.get(m.last() + 1).spaceBefore()
                && tokens.get(m.last() + 1).capitalised()) {
            return false;
        }
        Token prev = tokens.get(first - 1);
        Token before = first > 1 ? tokens.get(first - 2) : null;
        if (cues.placeContext().townPrepositions().contains(prev.norm())) {
            // "Anna Odine Strøm fra Alta": "from" after a name still places the town, unlike "Festival de Cannes"
            // "Også i Loen": a function word opening the sentence is capitalised, and no name
            return before == null || prev.sentenceStart() || !before.capitalised()
                    || before.sentenceStart() && cues.neverNames().functionWords().contains(before.norm())
                    || FROM.contains(prev.norm()) && !prev.capitalised();
        }
        if (cues.boundaries().coordinators().contains(prev.norm()) && before != null) {
            return placeEndsAt(tokens, matches, first - 2);
        }
        // "i Kautokeino, Alta og på Banak": listed after a place, with a comma between
        Token town = tokens.get(first);
        return !town.spaceBefore() && !town.hyphenBefore() && !town.sentenceStart() && prev.end() < town.start()
                && placeEndsAt(tokens, matches, first - 1);
    }

    /** Prepositions of origin, which no name of a festival or body puts between its words. */
    private static final Set<String> FROM = Set.of("fra", "frå", "från", "from");

    /**
     * A place ends at token {@code last}: one the knowledge base knows without doubt, or a town named like a word that
     * its own sentence places ("i Loen, Olden og Hyen": each village is placed by the one before).
     */
    private boolean placeEndsAt(List<Token> tokens, List<AliasMatcher.KbMatch> matches, int last) {
        for (AliasMatcher.KbMatch other : matches) {
            if (other.last() == last && other.entry().type() == EntityType.LOCATION) {
                return !other.entry().tags().contains(KnowledgeBase.PLACED_TOWN) || placedTown(other, tokens, matches);
            }
        }
        return false;
    }

    /**
     * A one-word place or person match glued to another capitalised word is usually part of a longer name the
     * knowledge base does not know: "Jordan Peterson", "Washington Irving", "Ivanka Trump"; so is a company's after a
     * given name.
     */
    private boolean partOfLongerName(AliasMatcher.KbMatch m, List<Token> tokens, String language) {
        if (m.type() == EntityType.LOCATION && endsNameAfterParticle(m, tokens)) {
            return true;
        }
        if (m.first() != m.last()) {
            return false;
        }
        Token self = tokens.get(m.first());
        if (self.allCaps()) {
            return false;
        }
        if (m.type() == EntityType.ORGANIZATION) {
            // "Janne Sandvik Karlsen", "Nikola Tesla": a company's one-word name after a given name is a person's
            Token before = m.first() > 0 ? tokens.get(m.first() - 1) : null;
            return before != null && self.spaceBefore() && before.capitalised() && !before.allCaps()
                    && cues.person().isGivenName(before.norm())
                    && !cues.neverNames().functionWords().contains(before.norm()); // "Per Coldiretti" is "for"
        }
        if (m.type() != EntityType.LOCATION && m.type() != EntityType.PERSON) {
            return false;
        }
        if (m.type() == EntityType.LOCATION && m.first() >= 2 && self.spaceBefore()) {
            // "University of Oxford", "Bank of England": the place is the tail of an organisation's name
            Token of = tokens.get(m.first() - 1);
            Token head = tokens.get(m.first() - 2);
            if ("of".equals(of.surface()) && of.spaceBefore() && head.capitalised()
                    && cues.organisation().ofHeads().contains(head.norm())) {
                return true;
            }
        }
        if (m.type() == EntityType.LOCATION && !m.entry().tags().contains("country")
                && (m.last() + 1 < tokens.size() && tokens.get(m.last() + 1).hyphenBefore()
                && tokens.get(m.last() + 1).capitalised() || self.hyphenBefore() && m.first() > 0
                && tokens.get(m.first() - 1).capitalised())) {
            return true; // "Suwałki-Lücke", "Marseille-Provence", "Paris-Orly": a place names only part of the compound
        }
        if (m.first() > 0 && self.spaceBefore() && tokens.get(m.first() - 1).allCaps()
                && cues.eventsAndProducts().shipPrefixes().contains(tokens.get(m.first() - 1).norm())) {
            return true; // "HMS Nyköping", "KNM Helge Ingstad": a ship named after a place or a person
        }
        if (m.type() == EntityType.LOCATION && m.first() > 0 && self.spaceBefore()) {
            // "Lake Malawi", "River Shannon", "Lago di Garda": a feature word before a place names another place
            Token prev = tokens.get(m.first() - 1);
            if (prev.capitalised() && cues.place().locationPrefixes().contains(prev.norm())
                    && !cues.place().compass().contains(prev.norm())) {
                return true;
            }
        }
        if (m.type() == EntityType.LOCATION && !self.possessive() && m.last() + 1 < tokens.size()) {
            // "Oslo universitetssykehus", "Volda sjukehus": a place before a lower-case body noun names that body
            Token next = tokens.get(m.last() + 1);
            if (next.spaceBefore() && !next.capitalised() && (cues.organisation().isBodyNoun(next.norm())
                    || cues.eventsAndProducts().isEventNoun(next.norm())
                    || cues.place().placeTails().contains(next.norm()))) {
                return true; // "Holmenkollen skifestival" too: an event's name; "Lenvik kirke": a building's
            }
        }
        if (m.type() == EntityType.LOCATION && !self.possessive() && m.last() + 1 < tokens.size()) {
            // "Loughborough University", "Durham County Council", "Bergen Filharmoniske Orkester": a town before a
            // body's last word (up to two capitalised words between) names the body
            for (int k = m.last() + 1; k < tokens.size() && k <= m.last() + 3; k++) {
                Token next = tokens.get(k);
                if (!next.spaceBefore() || !next.capitalised() || next.sentenceStart()
                        || language != null && NameFinder.NOUN_CAPITALISING.contains(language)) {
                    break;
                }
                if (cues.organisation().orgSuffixes().contains(next.norm()) || k > m.last() + 1
                        && cues.organisation().isOrgWord(next.norm())) {
                    return true;
                }
            }
        }
        if (m.type() == EntityType.LOCATION && !self.possessive() && m.last() + 1 < tokens.size()) {
            // "Dublin Airport", "Shannon Estuary": a place before a feature word is part of that feature's name
            Token next = tokens.get(m.last() + 1);
            if (next.spaceBefore() && next.capitalised() && cues.place().locationSuffixes().contains(next.norm())
                    && (language == null || !NameFinder.NOUN_CAPITALISING.contains(language))) {
                return true;
            }
        }
        if (m.type() == EntityType.LOCATION && m.first() > 0 && self.spaceBefore()) {
            // "Hurricane Milton", "Storm Dudley", "Typhoon Manila": a storm named like a place, even opening a sentence
            Token prev = tokens.get(m.first() - 1);
            if (prev.capitalised() && cues.eventsAndProducts().eventHeads().contains(prev.norm())) {
                return true;
            }
        }
        if (m.first() > 0 && self.spaceBefore()) {
            Token prev = tokens.get(m.first() - 1);
            // In German a capitalised word before a place is usually a noun ("Exklave Kaliningrad", "Stadt Passau").
            // "Karin Prien", "Nina Warken": a town named like a surname after a given name, even one that is also a
            // word elsewhere (Spanish "niña" folds to Nina)
            boolean givenBefore = cues.person().isGivenName(prev.norm())
                    || gazetteerPlace(m.entry()) && cues.person().isWordGivenName(prev.norm());
            boolean nounBefore = language != null && NameFinder.NOUN_CAPITALISING.contains(language)
                    && m.type() == EntityType.LOCATION && !cues.organisation().isOrgWord(prev.norm()) && !givenBefore;
            if (prev.capitalised() && !prev.possessive() && plainWord(prev) && !nounBefore
                    && (!prev.sentenceStart() || givenBefore)) {
                return true;
            }
        }
        if (m.type() == EntityType.LOCATION && m.first() >= 2 && self.spaceBefore()) {
            // "Imperial College London", "Transparency International Norge": a place after a name's organisation word
            Token prev = tokens.get(m.first() - 1);
            Token before = tokens.get(m.first() - 2);
            if (prev.capitalised() && prev.spaceBefore() && cues.organisation().orgSuffixes().contains(prev.norm())
                    && before.capitalised() && !before.possessive()
                    && !cues.neverNames().functionWords().contains(before.norm())) {
                return true;
            }
        }
        if (m.type() == EntityType.LOCATION && m.first() > 0 && self.spaceBefore()) {
            // "Universities Scotland said": an organisation's head at the start of a sentence
            Token prev = tokens.get(m.first() - 1);
            if (prev.sentenceStart() && prev.capitalised() && cues.organisation().isOrgWord(prev.norm())) {
                return true;
            }
        }
        if (m.type() == EntityType.LOCATION && !self.possessive() && m.last() + 1 < tokens.size()) {
            Token next = tokens.get(m.last() + 1);
            return next.spaceBefore() && next.capitalised() && plainWord(next);
        }
        return false;
    }

    /**
     * The last token of a model name right after a company's name, or -1: a number or code ("Volvo 240", "Tata LPO
     * 1618", "Audi A6") or, outside German (which capitalises every noun), one capitalised word that is no
     * organisation word, function word or title and ends the name ("Renault Kangoo", "Citroën Jumper"; not "Volvo
     * Cars", "Toyota Motor", nor "Tata Steel Europe").
     */
    private int modelAfterMaker(AliasMatcher.KbMatch m, List<Token> tokens, String language) {
        if (m.type() != EntityType.ORGANIZATION || !m.entry().tags().contains("company") || m.first() != m.last()
                || m.last() + 1 >= tokens.size() || m.entry().tags().contains("finance")
                || m.entry().tags().contains("media")) {
            return -1; // banks and media make no models: "DNB Carnegie" is a bank's branch
        }
        Token next = tokens.get(m.last() + 1);
        if (!next.spaceBefore() || next.sentenceStart() || next.paragraph() != tokens.get(m.last()).paragraph()
                || tokens.get(m.last()).possessive()) {
            return -1; // "Equinor's Mongstad": the company's site, not its model
        }
        Token before = m.first() > 0 ? tokens.get(m.first() - 1) : null;
        if (before != null && before.capitalised() && before.spaceBefore() && !tokens.get(m.first()).sentenceStart()) {
            return -1; // "Hilde Sandvik Aasen": the company's name is inside a person's
        }
        int last = m.last() + 1;
        boolean code = next.hasDigit() || next.allCaps() && next.surface().length() <= 4;
        if (code) {
            // "LPO 1618": a letter code and its number; "240" alone; not a year ("Volvo 2024 results")
            if (next.allCaps() && !next.hasDigit() && last + 1 < tokens.size() && tokens.get(last + 1).spaceBefore()
                    && tokens.get(last + 1).hasDigit() && !tokens.get(last + 1).hasLetter()) {
                last++;
            }
            String digits = tokens.get(last).surface();
            if (digits.matches("(19|20)\\d\\d") || digits.matches("\\d+[.,]\\d+")) {
                return -1;
            }
            return last;
        }
        boolean nounCaps = language != null && NameFinder.NOUN_CAPITALISING.contains(language);
        String n = next.norm();
        if (nounCaps || !next.capitalised() || next.allCaps() || cues.eventsAndProducts().corporateTails().contains(n)
                || cues.organisation().isOrgWord(n) || cues.organisation().isOrgCompound(n)
                || cues.organisation().orgSuffixes().contains(n) || cues.neverNames().functionWords().contains(n)
                || cues.person().isTitle(n) || cues.neverNames().demonyms().contains(n)
                || cues.person().sayingVerbs().contains(n) || cues.place().locationSuffixes().contains(n)
                || cues.person().isGivenName(n)) {
            return -1;
        }
        if (last + 1 < tokens.size() && tokens.get(last + 1).spaceBefore() && tokens.get(last + 1).capitalised()) {
            return -1; // a longer name: left to the name finder
        }
        return last;
    }

    /** A place from the GeoNames list, not a curated entry: its name is as likely a surname as a place. */
    private static boolean gazetteerPlace(KbEntry entry) {
        return gazetteerPlace(entry.linked(), entry.type(), entry.tags());
    }

    /** The same test on an entity being built from such an entry's matches. */
    private static boolean gazetteerPlace(boolean linked, EntityType type, Set<String> tags) {
        return !linked && type == EntityType.LOCATION && tags.contains("city");
    }

    /**
     * A place after a name particle that follows a capitalised word ends that longer name: "Bolsa de Madrid",
     * "Universitetet i Stavanger", "Marcelo Rebelo de Sousa", "Basilica di San Nicola", "Universidad de La Laguna"
     * (an article may follow the particle). A country or a place of several words ends one only after the head of a
     * body, an event or a place ("Universidad de Chile", "Giro d'Italia", "Estrecho de Gibraltar"; not "el presidente
     * de Colombia", "Museum of Modern Art de New York").
     */
    private boolean endsNameAfterParticle(AliasMatcher.KbMatch m, List<Token> tokens) {
        int at = m.first();
        if (at >= 3 && cues.boundaries().nameArticles().contains(tokens.get(at - 1).norm())
                && !tokens.get(at - 1).capitalised()
                && cues.particles().placeNameParticles().contains(tokens.get(at - 2).norm())) {
            at--; // "de la Unión Europea": the article goes with the particle
        }
        if (at < 2 || !tokens.get(at).spaceBefore()) {
            return false;
        }
        Token particle = tokens.get(at - 1);
        Token head = tokens.get(at - 2);
        boolean orgHead = cues.organisation().isOrgWord(head.norm());
        // A country or a place of several words ("New York") needs a head that names things after places
        boolean country = m.entry().tags().contains("country");
        // the head opens the capitalised run before the particle: "Fuerzas Militares de Colombia"
        boolean namesAfterPlaces = false;
        for (int k = at - 2; k >= 0 && !namesAfterPlaces; k--) {
            String word = tokens.get(k).norm();
            namesAfterPlaces = cues.organisation().isOrgWord(word)
                    || cues.eventsAndProducts().eventHeads().contains(word)
                    || cues.place().locationPrefixes().contains(word);
            if (!tokens.get(k).spaceBefore() || k == 0 || !tokens.get(k - 1).capitalised()) {
                break;
            }
        }
        if ((country || m.last() > m.first()) && !namesAfterPlaces) {
            return false;
        }
        boolean particleOk = cues.particles().placeNameParticles().contains(particle.norm())
                && (!head.sentenceStart() || orgHead)
                || !particle.capitalised() && cues.particles().headParticles().contains(particle.norm()) && orgHead
                && startsName(tokens, at - 2) && !cues.placesBody(particle.norm(), head.norm());
        return particleOk && particle.spaceBefore() && head.capitalised()
                && !head.possessive() && (plainWord(head) || orgHead);
    }

    /** "Universitetet i Stavanger" is a name, "Det Norske Teatret i Oslo" a name and where it is. */
    private static boolean startsName(List<Token> tokens, int head) {
        return head == 0 || tokens.get(head).sentenceStart() || !tokens.get(head - 1).capitalised();
    }

    private boolean plainWord(Token t) {
        String n = t.norm();
        return !t.allCaps() && !cues.neverNames().functionWords().contains(n) && !cues.person().isTitle(n)
                && !cues.neverNames().demonyms().contains(n) && !cues.person().sayingVerbs().contains(n)
                && !cues.organisation().orgSuffixes().contains(n) && !cues.place().locationSuffixes().contains(n);
    }

    /** "Putin Moves Against Trump: Russia Threatens to Arm Venezuela" — the longer words capitalised. */
    boolean isTitleCase(String title) {
        if (title == null || title.isBlank()) {
            return false;
        }
        List<Token> tokens = Tokenizer.tokenize(title.replace('\n', ' '));
        boolean[] quiet = NameFinder.quietTokens(title.replace('\n', ' '), tokens, cues);
        return quiet.length > 0 && quiet[quiet.length - 1];
    }

    static double weight(String field, int paragraph) {
        if (TITLE.equals(field)) {
            return TITLE_WEIGHT;
        }
        return paragraph == 0 ? LEAD_WEIGHT : paragraph == 1 ? SECOND_PARAGRAPH_WEIGHT : BODY_WEIGHT;
    }

    private static final class Builder {
        final String id;
        final EntityType type;
        final boolean linked;
        final Set<String> tags;
        final List<Mention> mentions = new ArrayList<>();
        String name = "";
        Geo geo;
        double score;
        boolean supported;
        /** Some mention is written exactly as one of the knowledge-base entry's aliases (not only case-folded to it). */
        boolean writtenAsAlias;

        Builder(String id, EntityType type, boolean linked, Set<String> tags) {
            this.id = id;
            this.type = type;
            this.linked = linked;
            this.tags = tags;
        }

        void add(String field, int start, int end, String surface, int paragraph) {
            mentions.add(new Mention(field, start, end, surface));
            score += weight(field, paragraph);
        }

        /** Every mention of it lies in {@code field} between {@code start} and {@code end}. */
        boolean onlyWithin(String field, int start, int end) {
            for (Mention m : mentions) {
                if (!field.equals(m.field()) || m.start() < start || m.end() > end) {
                    return false;
                }
            }
            return !mentions.isEmpty();
        }

        Entity build(double max) {
            mentions.sort(Comparator.comparing((Mention m) -> TITLE.equals(m.field()) ? 0 : 1)
                    .thenComparingInt(Mention::start));
            double salience = max == 0 ? 0 : Math.round(score / max * 1000) / 1000.0;
            return new Entity(id, name, type, linked, mentions.size(), salience, mentions, geo);
        }
    }
}

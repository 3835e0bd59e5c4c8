package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds names the knowledge base does not know: runs of capitalised words, typed by what surrounds them (titles and
 * verbs of saying → person, organisation suffixes and appositions → organisation, place prepositions and suffixes →
 * location, letter-digit model codes → product). A word that is capitalised only because it starts a sentence is not
 * a name unless something else says so. Single words are kept only with a cue, or when they repeat part of a full name
 * found elsewhere ("Zhuravlyov" after "Alexei Zhuravlyov").
 */
public final class NameFinder {

    /** Languages that capitalise every noun, so a capital proves little. */
    public static final Set<String> NOUN_CAPITALISING = Set.of("de", "lb");
    /** Norwegian, Swedish and Danish, whose "i" puts a place or, after a role, an employer after it. */
    private static final Set<String> SCANDINAVIAN = Set.of("nb", "nn", "no", "sv", "da");

    /** The language (null when unknown) is one of {@link #SCANDINAVIAN}; an immutable set's contains(null) throws. */
    static boolean scandinavian(String language) {
        return language != null && SCANDINAVIAN.contains(language);
    }
    /** Top-level domains that make "Meduza.io" or "NRK.no" a site's name: internet codes, not words of a language. */
    private static final Set<String> TLDS = Set.of(
            "ru", "com", "uk", "no", "org", "net", "de", "fr", "ua", "info", "io", "se", "dk", "fi", "eu", "us", "by",
            "ve", "es", "it", "pl");

    /**
     * Plural owners inside a body's name after its first word: "Tigray People's Liberation Front", "Royal Children's
     * Hospital", "National Farmers' Union". Opening a name they stay a possessive ("People's lives").
     */
    private static final Set<String> GROUP_OWNERS = Set.of("people", "peoples", "workers", "women", "children",
            "farmers", "veterans", "citizens", "teachers", "nurses", "journalists", "writers", "artists", "fishermen",
            "fishermens", "miners", "doctors", "pilots", "seafarers", "drivers", "students", "growers", "producers",
            "tenants", "parents", "owners", "builders", "engineers", "employers", "consumers", "taxpayers", "victims");

    /** "National" in a place's name after its head: "Parque Nacional de Doñana", "Parco Nazionale d'Abruzzo". */
    private static final Set<String> NATIONAL = Set.of("nacional", "national", "nationale", "nazionale");

    /**
     * Irish surname particles, capitalised inside a name ("Phil Ní Sheaghdha", "Darragh Ó Briain", "Mary Lou Mac
     * Aonghusa"); only capitalised, so French "ni" is no particle.
     */
    private static final Set<String> IRISH_PARTICLES = Set.of("ni", "o", "nic", "ui", "mac");

    /** "St." and "Ste." opening a saint's name, which names places, churches and hospitals. */
    private static final Set<String> SAINT = Set.of("St", "Ste", "Sta");

    /**
     * Definite articles, alone or inside a preposition, that put a noun, not a first name, after them: "the Blue
     * Lagoon", "la Cruz Roja", "del Gran Sasso", "dell'Alta Langa". Not "de"/"di"/"den", which are also prepositions
     * and pronouns before a person ("la casa de Rosa").
     */
    private static final Set<String> ARTICLES_BEFORE_A_NOUN = Set.of("the", "la", "le", "les", "el", "los", "las",
            "il", "lo", "det", "del", "della", "dello", "dell", "dei", "degli", "delle", "al", "alla", "allo", "nel",
            "nella", "nello", "dal", "dalla", "sul", "sulla", "du", "des", "au", "aux");

    /** Relative pronouns opening a clause after a name's comma ("who" is {@link #whoAfter}'s). */
    private static final Set<String> RELATIVES = Set.of("som", "which", "der", "die", "das", "qui", "que", "che", "cui",
            "quien", "donde", "dove", "ou", "hvor", "dar");

    /** Words ending a body's name that may take a remit after "for" (see {@link #remitAfter}). */
    private static final Suffixes REMIT_BODIES = new Suffixes(Set.of("institutt", "institut", "institutet",
            "direktoratet", "direktorat", "centrum", "senter", "senteret", "forum", "rad", "radet", "foreningen",
            "forening", "forbund", "forbundet", "akademi", "akademiet", "tilsyn", "tilsynet", "nemnd", "nemnda",
            "styrelsen", "verket", "verk"), 0);

    /** "that" after a verb of saying: "X, said that …", "X, sa at …". */
    private static final Set<String> COMPLEMENTIZERS = Set.of("that", "at", "att", "dass", "que", "che");

    /**
     * Auxiliary verbs that open a clause after a name between commas, whose object is no apposition: "il ministro,
     * Adolfo Urso, ha convocato l'azienda", "Stefano Lo Russo, hanno chiesto al gruppo".
     */
    private static final Set<String> AUXILIARIES = Set.of("ha", "hanno", "aveva", "avevano", "has", "have", "had",
            "han", "habia", "habian", "ont", "avait", "avaient", "hat", "haben", "hatte", "hatten", "har", "hadde",
            "hade");

    /** Units of a distance that places a name ("Mongstad, about 60 km north of Bergen"). */
    private static final Set<String> DISTANCE_UNITS = Set.of("km", "kilometres", "kilometers", "kilometre",
            "kilometer", "miles", "mil", "kilomètres", "kilómetros", "chilometri");

    /** "Grande Mosquée de Paris", "Gran Teatro del Liceo": the head is the word after. */
    private static final Set<String> GRANDE = Set.of("grande", "gran", "grand");

    /** Endings of German abstract and collective nouns, which no town's name has: "Umgebung", "Nachbarschaft". */
    private static final Suffixes GERMAN_NOUN_ENDINGS = new Suffixes(Set.of("ung", "heit", "keit", "schaft", "tion",
            "tat", "ismus", "nis", "tum", "ling", "ei", "ie", "ur", "enz", "anz", "innen"), 2);

    /** Endings of a German adjective in -isch: "Kaspisch|en", "Sächsisch|e". */
    private static final Set<String> GERMAN_ISCH_ENDINGS = Set.of("isch", "ische", "ischen", "ischer", "isches",
            "ischem");

    /** The Arabic article opening a hyphenated name word ("al-Kaabi", "el-Sisi"): the word is a capitalised name word. */
    private static final Set<String> ARABIC_ARTICLES = Set.of("al", "el");

    private final NameCues cues;
    /** One-word country names in every language the knowledge base has them in, normalised ("norge", "españa"). */
    private final Set<String> countries;
    /** One-word place names, normalised ("stuttgart", "dresden", "tirol"). */
    private final Set<String> places;
    private final AcronymDefinitions acronymDefinitions;
    /** "le ministère de la Culture", "la procura di Palermo", "el juzgado de Pravia": bodies with a lower-case head. */
    private final LowerCaseHeads romanceInstitutions;
    /** "piazza del Plebiscito", "calle Príncipe": Romance places with a lower-case head. */
    private final LowerCaseHeads romancePlaces;

    /**
     * @param countries one-word country names in every language, normalised
     * @param places    one-word place names, normalised: the places German adjectives are made of
     */
    public NameFinder(NameCues cues, Set<String> countries, Set<String> places) {
        this.cues = cues;
        this.countries = Set.copyOf(countries);
        this.places = Set.copyOf(places);
        this.acronymDefinitions = new AcronymDefinitions(cues);
        NameCues.RomanceHeads romance = cues.romanceHeads();
        this.romanceInstitutions = new LowerCaseHeads(romance.institutionHeads(), romance.romanceHeadParticles(),
                EntityType.ORGANIZATION, false, (language, head) -> false);
        this.romancePlaces = new LowerCaseHeads(romance.romancePlaceHeads(), romance.romanceHeadParticles(),
                EntityType.LOCATION, true, romance::isFeatureHead);
    }

    /**
     * A text field prepared for name finding.
     *
     * @param name      "title" or "text"
     * @param text      the field text
     * @param tokens    its tokens
     * @param covered   tokens already taken by knowledge-base matches
     * @param titleCase headline in Title Case: capitals say nothing there, so only repeats of known names count
     */
    public record Field(String name, String text, List<Token> tokens, boolean[] covered, boolean titleCase,
                        boolean[] quiet, boolean[] places) {
        /**
         * @param quiet  {@link #quietTokens} of the field when the caller has them already, else null
         * @param places tokens a knowledge-base place covers ("Tenerife" of "a Tenerife y Gran Canaria"), and those of
         *               places found since, left to right; or null
         */
        public Field {
        }

        public Field(String name, String text, List<Token> tokens, boolean[] covered, boolean titleCase) {
            this(name, text, tokens, covered, titleCase, null, null);
        }

        boolean place(int token) {
            return places != null && places[token];
        }
    }

    /**
     * A name found outside the knowledge base.
     *
     * @param key normalised full name the mention belongs to (a surname mention carries the full name's key)
     */
    public record FoundName(String field, int start, int end, String text, EntityType type, String key, int paragraph,
                            int strength) {
        FoundName(String field, int start, int end, String text, EntityType type, String key, int paragraph) {
            this(field, start, end, text, type, key, paragraph, STRONG);
        }
    }

    /** How sure the cue that typed a name is: a run's shape alone, a verb of saying, or a head word or apposition. */
    static final int WEAK = 0;
    static final int SAYING = 1;
    static final int STRONG = 2;

    /** @param quiet in a Title Case line (a headline or teaser) or a photo credit: capitals there say nothing */
    private record Word(int first, int last, int start, int end, String norm, boolean capitalised, boolean covered,
                        boolean sentenceStart, boolean spaceBefore, boolean possessive, boolean modelCode,
                        boolean domain, int paragraph, boolean quiet, boolean allCaps) {
    }

    private record Pending(Field field, Word word) {
    }

    public List<FoundName> find(List<Field> fields) {
        return find(fields, null);
    }

    /**
     * @param language ISO 639-1 code of the text, may be null; in languages that capitalise nouns (de, lb) a name
     *                 needs a cue of its own (a given name, a title, an organisation suffix, a surname that recurs
     *                 without an article) and never contains an article
     */
    public List<FoundName> find(List<Field> fields, String language) {
        boolean nounCaps = language != null && NOUN_CAPITALISING.contains(language);
        // By identity: a Field record's own hashCode would hash its whole text and token list on every lookup.
        Map<Field, List<Word>> wordsByField = new IdentityHashMap<>();
        Set<String> midSentenceCaps = new HashSet<>();
        for (Field field : fields) {
            List<Word> words = words(field);
            wordsByField.put(field, words);
            if (!field.titleCase()) {
                for (Word w : words) {
                    if (w.capitalised() && !w.sentenceStart() && !w.quiet()) {
                        midSentenceCaps.add(w.norm());
                    }
                }
            }
        }
        Set<String> bareSurnames = bareSingles(fields, wordsByField, nounCaps);
        List<FoundName> found = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Scan context = new Scan(nounCaps, midSentenceCaps, bareSurnames, saidSingles(fields, wordsByField), language);
        for (Field field : fields) {
            List<Word> words = wordsByField.get(field);
            if (field.titleCase()) {
                for (Word w : words) {
                    if (w.capitalised() && !w.covered()) {
                        pending.add(new Pending(field, w));
                    }
                }
                continue;
            }
            scan(field, words, context, found, pending);
        }
        resolve(found, pending);
        acronymDefinitions.apply(fields, found);
        if (nounCaps) {
            found.removeIf(name -> !plausibleInNounCapitalisingLanguage(name));
        }
        found.removeIf(name -> name.text().isEmpty() || Character.isLowerCase(name.text().codePointAt(0)));
        // after that filter: their names open lower case
        romancePlaces.apply(fields, found, language);
        romanceInstitutions.apply(fields, found, language);
        return found;
    }

    /**
     * What one call of {@link #find} knows about the whole article.
     *
     * @param saidSingles capitalised words that say something on their own ("Mbanda said", "sa Hestvik"): surnames
     */
    private record Scan(boolean nounCaps, Set<String> midSentenceCaps, Set<String> bareSurnames,
                        Set<String> saidSingles, String language) {
    }

    /** Capitalised words standing alone right before or after a verb of saying: how a surname recurs in news. */
    private Set<String> saidSingles(List<Field> fields, Map<Field, List<Word>> wordsByField) {
        return singles(fields, wordsByField, (words, i) -> {
            Word w = words.get(i);
            Word before = i > 0 && w.spaceBefore() ? words.get(i - 1) : null;
            Word after = i + 1 < words.size() && words.get(i + 1).spaceBefore() ? words.get(i + 1) : null;
            boolean saidBefore = before != null && !before.capitalised()
                    && cues.person().sayingVerbs().contains(before.norm());
            boolean saidAfter = after != null && cues.person().sayingVerbs().contains(after.norm());
            boolean alone = (before == null || !nameLike(before)) && (after == null || !after.capitalised());
            return alone && (saidBefore || saidAfter);
        });
    }

    /**
     * Capitalised words that stand alone somewhere (no capitalised neighbour) and, in a noun-capitalising language,
     * without a determiner before them: how a surname recurs ("glich Kane aus"), unlike a noun ("die Führung").
     */
    private Set<String> bareSingles(List<Field> fields, Map<Field, List<Word>> wordsByField, boolean nounCaps) {
        return singles(fields, wordsByField, (words, i) -> {
            Word w = words.get(i);
            if (w.sentenceStart()) {
                return false;
            }
            Word before = i > 0 ? words.get(i - 1) : null;
            Word after = i + 1 < words.size() ? words.get(i + 1) : null;
            // A capitalised neighbour that could be a name ("Größter Posten", "Harry Kane") or a capitalised
            // adjective inside a name ("British Lithium") makes it no bare occurrence; a capitalised function word at
            // a sentence start ("Für Kane") does not.
            boolean joined = before != null && w.spaceBefore() && (nameLike(before)
                    || before.capitalised() && !before.sentenceStart())
                    || after != null && after.spaceBefore() && after.capitalised();
            boolean determined = before != null && (cues.boundaries().nounCapsDeterminers().contains(before.norm())
                    || !nounCaps && cues.boundaries().articles().contains(before.norm()));
            return !joined && !determined;
        });
    }

    /** Where a capitalised, name-like word outside Title Case lines stands alone in some way. */
    private interface SingleTest {
        boolean test(List<Word> words, int i);
    }

    private Set<String> singles(List<Field> fields, Map<Field, List<Word>> wordsByField, SingleTest test) {
        Set<String> found = new HashSet<>();
        for (Field field : fields) {
            if (field.titleCase()) {
                continue;
            }
            List<Word> words = wordsByField.get(field);
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                if (w.capitalised() && !w.quiet() && nameLike(w) && test.test(words, i)) {
                    found.add(w.norm());
                }
            }
        }
        return found;
    }

    /**
     * Names in German text: no lower-case word except name particles (and, inside a body's name, the particles that
     * join its head to the rest, "Bundesamt für Strahlenschutz", and "und" after a suspended hyphen, "Städte- und
     * Gemeindetag"), no determiner at the start.
     */
    private boolean plausibleInNounCapitalisingLanguage(FoundName name) {
        boolean first = true;
        for (Token t : Tokenizer.tokenizeName(name.text())) {
            if (t.hyphenBefore()) {
                continue;
            }
            boolean particle = cues.particles().nounCapsNameParticles().contains(t.norm()) || !first && !t.capitalised()
                    && name.type() == EntityType.ORGANIZATION
                    && (cues.particles().nounCapsOrgParticles().contains(t.norm())
                    || cues.boundaries().coordinators().contains(t.norm())
                    && name.text().startsWith("- ", t.start() - 2));
            first = false;
            if (!t.capitalised() && t.hasLetter() && !t.hasDigit() && !particle) {
                return false;
            }
            if (!particle && (cues.boundaries().nounCapsDeterminers().contains(t.norm())
                    || cues.neverNames().functionWords().contains(t.norm()))) {
                return false;
            }
        }
        return true;
    }

    private void scan(Field field, List<Word> words, Scan context, List<FoundName> found, List<Pending> pending) {
        int i = 0;
        while (i < words.size()) {
            if (words.get(i).quiet()) {
                if (words.get(i).capitalised() && !words.get(i).covered()) {
                    pending.add(new Pending(field, words.get(i)));
                }
                i++;
                continue;
            }
            if (!nameLike(words.get(i)) && !articleStartsName(words, i, context.nounCaps()) && !givenNameOpens(words, i)) {
                i++;
                continue;
            }
            int start = i;
            int end = i; // inclusive
            while (end + 1 < words.size()) {
                Word next = words.get(end + 1);
                if (words.get(end).possessive() && !(end > start && GROUP_OWNERS.contains(words.get(end).norm()))
                        || context.nounCaps() && abbreviationAfter(words, start, end)) {
                    break;
                }
                if (end == start && cues.person().isGivenName(words.get(start).norm()) && next.first() == next.last()
                        && next.capitalised() && cues.organisation().isOrgCompound(next.norm())) {
                    break; // "kong Felipe Havforskningsinstituttet": a visit's object after a name, not its surname
                }
                if ((nameWordAt(words, end + 1) || givenNameOpens(words, end + 1))
                        && (next.spaceBefore() || afterInitial(field, words, start, end)) && !next.quiet()) {
                    end++;
                } else if (isShipPrefix(words.get(start)) && next.spaceBefore() && next.capitalised() && !next.quiet()
                        && !next.covered() && !cues.neverNames().functionWords().contains(next.norm())) {
                    end++; // a ship's name may contain a title: "RRS Sir David Attenborough"
                } else if (suspendedCompound(field, words, end)) {
                    end += 2; // "Nærings- og fiskeridepartementet", "Institut für Schnee- und Lawinenforschung"
                    if (!words.get(end).capitalised()) {
                        break; // a lower-case body noun ends the name
                    }
                } else if (capitalisedParticle(words, end + 1)) {
                    end += 2; // "Kevin De Bruyne", "Giovanni Di Lorenzo", "Laurent Le Bon"
                } else if (lowerCaseOrgTail(next)) {
                    end++; // "Volda sjukehus", "Statens havarikommisjon": a lower-case body noun ends the name
                    break;
                } else if (lowerCaseTail(next) && cues.eventsAndProducts().isEventNoun(next.norm())) {
                    end++; // "Holmenkollen skifestival", "Kongsberg jazzfestival": a lower-case event noun ends the name
                    break;
                } else if (lowerCaseTail(next) && cues.place().placeTails().contains(next.norm())) {
                    end++; // "Lenvik kirke", "Svinøy fyr": a lower-case building or feature noun ends the place's name
                    break;
                } else if (cues.place().countyTails().contains(next.norm()) && !next.capitalised()
                        && next.spaceBefore() && !next.covered()) {
                    end++; // "Länsstyrelsen i Jämtlands län", "Region Kalmar län": the county word is part of the name
                    break;
                } else if (connects(words, start, end + 1, context.nounCaps())) {
                    end += 2; // "Lula da Silva", "Bank of Norway"
                } else {
                    break;
                }
            }
            if (scandinavian(context.language())) {
                end = remitAfter(words, start, end); // "Norsk institutt for naturforskning"
            }
            if (namedAfterTitledPerson(words, start, end)) {
                start--; // "Lady Reading Hospital", "Queen Elizabeth Bridge": the title belongs to the name
            }
            handleRun(field, words, start, end, context, found, pending);
            i = end + 1;
        }
    }

    /**
     * The word is a middle initial after a given name, or "St." of a saint's name, then its full stop and a space:
     * "Ole T. Bjørgum", "Vera C. Rubin", "St. Olavs hospital", "St. Jakob"; not "Serie C. Vedere", where the full
     * stop ends a sentence.
     */
    private boolean afterInitial(Field field, List<Word> words, int start, int at) {
        Word word = words.get(at);
        if (at + 1 >= words.size() || word.first() != word.last()) {
            return false;
        }
        Token abbreviated = field.tokens().get(word.first());
        if (!abbreviated.abbreviatedBefore(field.text(), field.tokens().get(words.get(at + 1).first()))) {
            return false;
        }
        return at == start && SAINT.contains(abbreviated.surface())
                || at > start && abbreviated.initial() && cues.person().isGivenName(words.get(at - 1).norm());
    }

    /**
     * German writes a body's abbreviation right after its name ("das WSL-Institut für Schnee- und Lawinenforschung SLF
     * in Davos"): an all-caps word after a name of two or more words that ends in a lower-case letter is no part of it.
     */
    private static boolean abbreviationAfter(List<Word> words, int start, int end) {
        Word next = words.get(end + 1);
        return end > start && next.allCaps() && !words.get(end).allCaps() && next.norm().chars().allMatch(Character::isLetter);
    }

    /**
     * A Romance adjective between an organisation noun and the name, where adjectives follow their noun: "le groupe
     * allemand Vossberg", "la société lyonnaise Gerflor", "el grupo alemán Vossberg", "il gruppo tedesco Vossberg".
     */
    private boolean adjectiveAfterOrgNoun(List<Word> words, int adjective, Scan context) {
        if (adjective < 1 || context.language() == null || !KIND_BEFORE_NAME.contains(context.language())) {
            return false;
        }
        Word word = words.get(adjective);
        Word noun = words.get(adjective - 1);
        return word.spaceBefore() && !noun.capitalised() && cues.organisation().orgNouns().contains(noun.norm())
                && !cues.neverNames().functionWords().contains(word.norm())
                && word.norm().chars().allMatch(Character::isLetter);
    }

    /** Languages that put a product's kind before its name: "le satellite Kenyalang-1", "el misil Sea Falcon". */
    private static final Set<String> KIND_BEFORE_NAME = Set.of("fr", "es", "it", "pt");

    /** A lower-case product noun right after the name or, where the kind comes first, right before it. */
    private boolean productNounBeside(List<Word> words, int start, int end, Scan context) {
        Word after = end + 1 < words.size() ? words.get(end + 1) : null;
        if (after != null && after.spaceBefore() && !after.capitalised() && !words.get(end).possessive()
                && cues.eventsAndProducts().productNouns().contains(after.norm())) {
            return true;
        }
        Word before = start > 0 && words.get(start).spaceBefore() ? words.get(start - 1) : null;
        return before != null && context.language() != null && KIND_BEFORE_NAME.contains(context.language())
                && !before.capitalised() && cues.eventsAndProducts().productNouns().contains(before.norm());
    }

    /**
     * A body or a place named after a titled person: the run ends in an organisation's or a place's last word and a
     * capitalised title stands right before it ("Lady Reading Hospital", "King Edward Memorial Hospital").
     */
    private boolean namedAfterTitledPerson(List<Word> words, int start, int end) {
        if (start == 0 || end == start || !words.get(start).spaceBefore()) {
            return false;
        }
        Word title = words.get(start - 1);
        String last = words.get(end).norm();
        return title.capitalised() && !title.allCaps() && !title.covered() && !title.quiet()
                && cues.person().isTitle(title.norm())
                && (cues.organisation().orgSuffixes().contains(last) || cues.place().locationSuffixes().contains(last));
    }

    /** A capitalised article in mid-sentence right before a name word is part of the name (not in German, where
     * capitals say less). */
    private boolean articleStartsName(List<Word> words, int i, boolean nounCaps) {
        Word w = words.get(i);
        if (nounCaps || !w.capitalised() || w.sentenceStart() || w.quiet() || w.covered() || i + 1 >= words.size()
                || !cues.boundaries().nameArticles().contains(w.norm())) {
            return false;
        }
        Word next = words.get(i + 1);
        return next.spaceBefore() && !next.quiet() && nameLike(next);
    }

    /**
     * A given name that is also a function word or a demonym ("säger Per Lindholm", "Jan Christian Vestre", "der Physiker
     * Christian Breyer"): capitalised mid-sentence before another name word, it opens or continues a name.
     */
    private boolean givenNameOpens(List<Word> words, int i) {
        if (i + 1 >= words.size()) {
            return false;
        }
        Word w = words.get(i);
        Word next = words.get(i + 1);
        return w.capitalised() && !w.sentenceStart() && !w.quiet() && !w.covered() && !w.allCaps()
                && cues.person().isGivenName(w.norm()) && !cues.person().isTitle(w.norm())
                && next.spaceBefore() && !next.quiet() && nameLike(next);
    }

    /**
     * The word ends in a hyphen that stands for the end it shares with the compound after "and" ("Nærings- og
     * fiskeridepartementet", "Schnee- und Lawinenforschung", "Havs- och vattenmyndigheten"): that compound is a name
     * word, or a lower-case body noun that ends the name.
     */
    private boolean suspendedCompound(Field field, List<Word> words, int at) {
        if (at + 2 >= words.size() || !field.text().startsWith("- ", words.get(at).end())) {
            return false;
        }
        Word and = words.get(at + 1);
        Word second = words.get(at + 2);
        if (and.capitalised() || !cues.boundaries().coordinators().contains(and.norm())
                || !second.spaceBefore() || second.quiet()) {
            return false;
        }
        return nameLike(second) || lowerCaseOrgTail(second);
    }

    /** A capitalised particle inside a name, mid-sentence, before another name word. */
    private boolean capitalisedParticle(List<Word> words, int particle) {
        if (particle + 1 >= words.size()) {
            return false;
        }
        Word p = words.get(particle);
        Word after = words.get(particle + 1);
        return p.capitalised() && !p.sentenceStart() && !p.quiet() && p.spaceBefore() && !p.covered()
                && (cues.particles().nameParticles().contains(p.norm()) || IRISH_PARTICLES.contains(p.norm()))
                && after.spaceBefore() && !after.quiet() && nameLike(after);
    }

    private boolean connects(List<Word> words, int runStart, int particle, boolean nounCaps) {
        if (particle + 1 >= words.size()) {
            return false;
        }
        Word p = words.get(particle);
        Word after = words.get(particle + 1);
        // "Universidad de La Laguna", "San Cristóbal de La Laguna": a capitalised article opens the name after it
        boolean articleThenName = !nounCaps && cues.particles().placeNameParticles().contains(p.norm())
                && after.capitalised() && !after.sentenceStart()
                && cues.boundaries().nameArticles().contains(after.norm()) && particle + 2 < words.size()
                && words.get(particle + 2).spaceBefore() && nameWordAt(words, particle + 2);
        if (!p.spaceBefore() || !after.spaceBefore() || !(nameWordAt(words, particle + 1) || articleThenName)
                || p.capitalised()) {
            return false;
        }
        if (cues.particles().nameParticles().contains(p.norm())) {
            return !(nounCaps && cues.particles().articleParticles().contains(p.norm()));
        }
        if (isCoordinator(p)) {
            if (cues.organisation().isOrgWord(after.norm()) || after.allCaps()) {
                return false; // "Miljødirektoratet og Mattilsynet", "Universitetet i Bergen og NTNU": two bodies, not one
            }
            if (particle + 2 < words.size() && lowerCaseOrgTail(words.get(particle + 2))) {
                return false; // "Universitetet i Bergen og Oslo universitetssykehus": the second body's own noun
            }
            return joinsBodysSubjects(words, runStart, particle);
        }
        // "Research Council of Norway", "Serum Institute of India": the head may be the run's last word, not its first
        for (int k = runStart; k < particle; k++) {
            String head = words.get(k).norm();
            if ("of".equals(p.norm()) && (cues.organisation().ofHeads().contains(head)
                    || k == particle - 1 && cues.organisation().orgSuffixes().contains(head))) {
                return true;
            }
            // "Consiglio Nazionale delle Ricerche", "Universitetet i Stavanger": an organisation's head keeps its name open
            if (cues.particles().orgParticles().contains(p.norm()) && cues.organisation().isOrgWord(head)
                    && (k == runStart || k == particle - 1)
                    && !(k == runStart && k == particle - 1 && cues.placesBody(p.norm(), head))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The second subject of a body named for two ("Party of Action and Solidarity", "Office for Democratic Institutions
     * and Human Rights", "Institute for Social and Economic Studies"): the run so far is a head joined by its particle to
     * a subject that is no country, and this is the run's first "and". What follows "and" is no country, no body and no
     * acronym (checked by the caller and here): "the Ministry of Health and Norway", "the Bank of Ireland and Vantoria"
     * stay two names.
     */
    private boolean joinsBodysSubjects(List<Word> words, int runStart, int coordinator) {
        Word after = words.get(coordinator + 1);
        if (countries.contains(after.norm())) {
            return false;
        }
        if (sharedHead(words, runStart, coordinator)) {
            return true;
        }
        boolean subjectJoined = false;
        for (int k = runStart; k < coordinator; k++) {
            Word w = words.get(k);
            if (subjectJoined && countries.contains(w.norm())) {
                return false; // "the Bank of Ireland and Vantoria": a body named for a country has no second subject
            }
            if (!w.capitalised()) {
                if (cues.boundaries().coordinators().contains(w.norm())) {
                    return false; // one "and" per name
                }
                String particle = w.norm();
                subjectJoined |= k > runStart && ("of".equals(particle) || cues.particles().orgParticles().contains(particle))
                        && isHead(words.get(k - 1).norm());
            }
        }
        return subjectJoined;
    }

    /**
     * "National Search and Rescue Agency", "Federal Aviation and Space Authority": a head opens the run, the run is no
     * whole name yet (its last word ends no body's name), and a body's last word ends the words after "and", which
     * open no body of their own ("National Museum and National Gallery").
     */
    private boolean sharedHead(List<Word> words, int runStart, int coordinator) {
        NameCues.Organisation organisation = cues.organisation();
        String last = words.get(coordinator - 1).norm();
        if (!organisation.orgHeads().contains(words.get(runStart).norm()) || coordinator - runStart > 3
                || isHead(last) || organisation.orgHeads().contains(words.get(coordinator + 1).norm())) {
            return false;
        }
        for (int k = coordinator + 1; k < words.size() && k <= coordinator + 3; k++) {
            Word w = words.get(k);
            if (!w.spaceBefore() || !nameLike(w)) {
                return false;
            }
            if (organisation.orgSuffixes().contains(w.norm())) {
                return true;
            }
        }
        return false;
    }

    /** A body's head word: "Ministry", "Center", "Universidad", "Universitetet". */
    private boolean isHead(String norm) {
        NameCues.Organisation organisation = cues.organisation();
        return organisation.isOrgWord(norm) || organisation.ofHeads().contains(norm)
                || organisation.orgSuffixes().contains(norm);
    }

    /**
     * A name word, or an adjective of nationality or party inside a name before another name word: "Office for
     * Democratic Institutions", "Party of European Socialists". Only where a run goes on: alone such a word is no name.
     */
    private boolean nameWordAt(List<Word> words, int i) {
        Word w = words.get(i);
        if (nameLike(w)) {
            return true;
        }
        if (w.allCaps() && !w.covered() && i > 0 && w.spaceBefore() && nameLike(words.get(i - 1))
                && cues.organisation().orgSuffixes().contains(w.norm())) {
            return true; // "Otra Bygg AS", "Mjøsbyen IL": the company form or club word ends the name
        }
        return w.capitalised() && !w.covered() && !w.sentenceStart() && i + 1 < words.size()
                && cues.neverNames().demonyms().contains(w.norm())
                && words.get(i + 1).spaceBefore() && !words.get(i + 1).quiet() && nameLike(words.get(i + 1));
    }

    private void handleRun(Field field, List<Word> words, int start, int end, Scan context,
                           List<FoundName> found, List<Pending> pending) {
        // A capital at the start of a sentence proves nothing: keep the first word only with other evidence.
        Word first = words.get(start);
        if (start == end && first.sentenceStart() && end + 1 < words.size() && words.get(end + 1).covered()
                && words.get(end + 1).spaceBefore() && cues.organisation().isDescriptor(first.norm())) {
            return; // "Fackförbundet IF Metall är positivt": the common noun says what the known body after it is
        }
        if (first.sentenceStart() && !first.modelCode() && !first.domain()) {
            boolean evidence = cues.person().isGivenName(first.norm())
                    || !context.nounCaps() && context.midSentenceCaps().contains(first.norm())
                    || start == end && cues.organisation().isOrgCompound(first.norm())
                    // "Hurricane Milton hit Florida."
                    || end > start && cues.eventsAndProducts().eventHeads().contains(first.norm())
                    || end > start && !words.get(end).capitalised()
                    && cues.eventsAndProducts().isEventNoun(words.get(end).norm())
                    || end > start && !words.get(end).capitalised()
                    && cues.place().placeTails().contains(words.get(end).norm())
                    // "Oslo kommune protesterte": a body noun in its indefinite form ends the name (not "Ifølgje
                    // selskapet", where the definite noun stands alone)
                    || end > start && lowerCaseOrgTail(words.get(end)) && !words.get(end).norm().endsWith("et")
                    && !words.get(end).norm().endsWith("en")
                    || end > start && eventTail(field, words.get(end)) > 0
                    || end > start && (sayingVerbAfter(words, end) || apposition(field, words, end) != null
                    || whoAfter(field, words, end) || cues.organisation().orgSuffixes().contains(words.get(end).norm())
                    || cues.organisation().isOrgCompound(words.get(end).norm())
                    || cues.organisation().isOrgWord(first.norm())
                    || cues.organisation().isDescriptor(first.norm()) || surnameRecurs(words, start, end, context));
            if (!evidence) {
                if (start == end) {
                    pending.add(new Pending(field, first));
                    return;
                }
                start++;
                // A particle left at the front ("das" of "Wofür das Geld") starts no name.
                while (start < end && !words.get(start).capitalised()) {
                    start++;
                }
                first = words.get(start);
                if (!first.capitalised()) {
                    return;
                }
            }
        }
        // "Kommandeur Christoph Huber", "Forsvarer Kristian Brekke": a role noun before a given name is no part of the
        // name (in German any noun, elsewhere only a sentence's first word).
        // Elsewhere the same holds for a department left between a title and a name ("ministro della Giustizia Carlo
        // Nordio", "Minister of Finance Kari Nilsen"): the name starts at its given name.
        if (end > start && (context.nounCaps() || words.get(start).sentenceStart() || afterDepartment(words, start, end))
                && !cues.person().isGivenName(words.get(start).norm())) {
            for (int k = start + 1; k < end; k++) {
                if (cues.person().isGivenName(words.get(k).norm()) && words.get(k).capitalised()) {
                    start = k;
                    first = words.get(k);
                    break;
                }
            }
        }
        if (context.nounCaps() && end > start + 1 && cues.organisation().isDescriptor(words.get(start + 1).norm())
                && (germanPlaceAdjective(words.get(start)) || germanNameAdjective(words.get(start)))) {
            start++; // "der Berliner Antriebshersteller Vossberg": where the maker is from, then what it is
            first = words.get(start);
        }
        // "Gewerkschaft Verdi": the descriptor says what the name is, but is no part of it.
        boolean described = (context.nounCaps() || words.get(start).sentenceStart()) && end > start
                && cues.organisation().isDescriptor(words.get(start).norm());
        if (described) {
            start++;
            first = words.get(start);
        }
        int size = end - start + 1;
        if (end + 1 < words.size() && words.get(end + 1).spaceBefore() && words.get(end + 1).capitalised()
                && cues.person().isTitle(words.get(end + 1).norm())) {
            return; // "Foreign" in "Foreign Minister", "Defence" in "Defence Secretary": part of a title
        }
        Typed typed = described ? new Typed(EntityType.ORGANIZATION, STRONG)
                : type(field, words, start, end, context, found);
        if (typed == null && size >= 2 && size <= 3 && coordinatedWithPerson(field, words, start, end, found)) {
            typed = new Typed(EntityType.PERSON, WEAK);
        }
        EntityType type = typed == null ? null : typed.type();
        if (type == null) {
            if (size == 1) {
                pending.add(new Pending(field, first));
            }
            return;
        }
        if (type != EntityType.PERSON && start > 0 && first.spaceBefore() && !first.sentenceStart()) {
            // "British Antarctic Survey", "Democratic Republic of Congo": a demonym opens an organisation's or place's name
            Word before = words.get(start - 1);
            if (before.capitalised() && !before.quiet() && !before.covered()
                    && cues.neverNames().demonyms().contains(before.norm())) {
                start--;
                first = before;
            }
        }
        Word last = words.get(end);
        StringBuilder key = new StringBuilder();
        for (int k = start; k <= end; k++) {
            if (k > start) {
                key.append(' ');
            }
            key.append(words.get(k).norm());
        }
        int nameEnd = last.end();
        int tail = type == EntityType.EVENT && end > start ? eventTail(field, last) : -1;
        if (tail > 0) {
            // "Raw Air-rennet": the event is "Raw Air", the lower-case tail only says what kind it is
            nameEnd = tail;
            key.setLength(Math.max(0, key.lastIndexOf("-")));
        }
        found.add(new FoundName(field.name(), first.start(), nameEnd, field.text().substring(first.start(), nameEnd),
                type, key.toString(), first.paragraph(), typed.strength()));
        if (type == EntityType.LOCATION && field.places() != null) {
            // a list goes on from a place found here: "på Øra og Gamlebyen"
            for (int k = start; k <= end; k++) {
                for (int t = words.get(k).first(); t <= words.get(k).last(); t++) {
                    field.places()[t] = true;
                }
            }
        }
    }

    private record Typed(EntityType type, int strength) {
    }

    /**
     * "Ingrid Haugland and Aino Kask", "Aino Kask og Kari Nordvik": a name joined by "and" to a person's name (found
     * just before, or starting with a given name just after) is a person's too.
     */
    private boolean coordinatedWithPerson(Field field, List<Word> words, int start, int end, List<FoundName> found) {
        if (!found.isEmpty()) {
            FoundName previous = found.get(found.size() - 1);
            if (previous.type() == EntityType.PERSON && previous.field().equals(field.name())
                    && previous.end() < words.get(start).start()
                    && coordinator(field.text().substring(previous.end(), words.get(start).start()))) {
                return true;
            }
        }
        if (end + 2 < words.size() && words.get(end + 2).capitalised()
                && cues.person().isGivenName(words.get(end + 2).norm())
                && end + 3 < words.size() && nameLike(words.get(end + 3)) && words.get(end + 3).spaceBefore()) {
            return coordinator(field.text().substring(words.get(end).end(), words.get(end + 2).start()));
        }
        return false;
    }

    private boolean coordinator(String gap) {
        return gap.length() > 2 && gap.charAt(0) == ' ' && gap.charAt(gap.length() - 1) == ' '
                && cues.boundaries().coordinators().contains(gap.substring(1, gap.length() - 1));
    }

    /** A run of three or more words after "della"/"of", which may be a department's name before a person's. */
    private boolean afterDepartment(List<Word> words, int start, int end) {
        if (end - start < 2 || start == 0 || cues.person().isWordGivenName(words.get(start).norm())) {
            return false;
        }
        Word before = words.get(start - 1);
        return !before.capitalised() && cues.affiliation().departmentParticles().contains(before.norm());
    }

    private Typed type(Field field, List<Word> words, int start, int end, Scan context, List<FoundName> found) {
        EntityType cued = cuedType(field, words, start, end, context);
        if (cued != null) {
            return new Typed(cued, STRONG);
        }
        if (sayingVerbAfter(words, end) || whoAfter(field, words, end)) {
            if (inAStatement(words, end + 2)) {
                return new Typed(EntityType.ORGANIZATION, SAYING); // "X said in a statement": a body, seldom a person
            }
            if (start == end && !whoAfter(field, words, end)) {
                return null; // "Jefferies said", "OsloMet sier": a surname of a full name found elsewhere, or a body
            }
            return new Typed(anyAcronym(words, start, end) || nationalWord(words, start, end)
                    || bodyWords(words, start, end) ? EntityType.ORGANIZATION : EntityType.PERSON, SAYING);
        }
        EntityType guessed = guessedType(field, words, start, end, context, found);
        return guessed == null ? null : new Typed(guessed, WEAK);
    }

    /**
     * A word of the run is a country or its adjective: "Cornish Lithium said", "Imerys British Lithium said", "Kenya
     * Airways said" — a company or a body; people are seldom named so.
     */
    private boolean nationalWord(List<Word> words, int start, int end) {
        for (int k = start; k <= end; k++) {
            String norm = words.get(k).norm();
            if (cues.neverNames().demonyms().contains(norm) || countries.contains(norm)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The type a Spanish, French, Italian or Portuguese name with a particle inside takes from its head, its first
     * word or the one after "Grande"/"Gran": a place's ([place-head-romance]), a body's ([org-head]) or an event's
     * ([event-head]); null for any other name.
     */
    private EntityType romanceHeadType(List<Word> words, int start, int end, Scan context) {
        if (context.nounCaps() || context.language() == null || end - start < 2) {
            return null;
        }
        boolean particle = false;
        for (int k = start + 1; k < end; k++) {
            particle |= !words.get(k).capitalised()
                    && cues.particles().placeNameParticles().contains(words.get(k).norm());
        }
        if (!particle) {
            return null;
        }
        String head = words.get(start).norm();
        if (GRANDE.contains(head) && words.get(start + 1).capitalised()) {
            head = words.get(start + 1).norm();
        }
        if (cues.romanceHeads().romancePlaceHeads().contains(context.language() + "=" + head)) {
            return EntityType.LOCATION;
        }
        if (cues.organisation().isOrgWord(head)) {
            return EntityType.ORGANIZATION;
        }
        return cues.eventsAndProducts().eventHeads().contains(head) ? EntityType.EVENT : null;
    }

    /** Whether a colon (blanks allowed) stands right before the word: German capitalises a clause's first word there. */
    private static boolean afterColon(String text, Word w) {
        int k = w.start() - 1;
        while (k >= 0 && text.charAt(k) == ' ') {
            k--;
        }
        return k >= 0 && text.charAt(k) == ':';
    }

    /**
     * A capitalised German adjective that opens a name: one of [name-adjective-de] or one in -isch ("Kaspischen",
     * "Sächsische"; not "Fischen", "Tische").
     */
    private boolean germanNameAdjective(Word w) {
        String n = w.norm();
        if (cues.germanAdjectiveNames().adjectives().contains(n)) {
            return true;
        }
        int isch = n.lastIndexOf("isch");
        return isch >= 3 && n.length() - isch <= 6 && GERMAN_ISCH_ENDINGS.contains(n.substring(isch));
    }

    /**
     * A German adjective made of a known place with -er ("Stuttgarter", "Wiener", "Dresdner" of Dresden, "Thüringer"
     * of Thüringen, "Ötztaler" of a valley), which opens names as often as it only says where.
     */
    private boolean germanPlaceAdjective(Word w) {
        String n = w.norm();
        if (n.length() < 5 || !n.endsWith("er")) {
            return false;
        }
        String stem = n.substring(0, n.length() - 2);
        return places.contains(stem) || places.contains(stem + "en")
                || stem.endsWith("n") && places.contains(stem.substring(0, stem.length() - 1) + "en")
                || cues.place().isGermanFeature(stem);
    }

    /**
     * The run follows "til"/"till"/"a"/"à", and a verb of saying comes at most three words before that; not a
     * person's name ("dijo a Pedro Sánchez"), not the English article ("told a Senate hearing").
     */
    private boolean toAfterSaying(List<Word> words, int start, Scan context) {
        Word to = start > 0 ? words.get(start - 1) : null;
        if (start < 2 || !cues.affiliation().statementTo().contains(to.norm()) || to.capitalised()
                || cues.person().isGivenName(words.get(start).norm())
                || "a".equals(to.norm()) && (context.language() == null || "en".equals(context.language()))) {
            return false;
        }
        for (int k = start - 2; k >= Math.max(0, start - 5); k--) {
            if (cues.person().sayingVerbs().contains(words.get(k).norm())
                    || cues.affiliation().statementVerbs().contains(words.get(k).norm())) {
                return true;
            }
            if (words.get(k).sentenceStart()) {
                return false; // "…, sa Eira. Tredjeplassen gikk til Jonas Haugli": the statement ended before
            }
        }
        return false;
    }

    private static final String OPENING_QUOTES = "«\"“„'‘‹";

    /** A storm noun right before the run, lower-case or opening the sentence, maybe with an opening quote between. */
    private boolean stormNounBefore(Field field, List<Word> words, int start) {
        if (start == 0) {
            return false;
        }
        Word prev = words.get(start - 1);
        if (prev.capitalised() && !prev.sentenceStart()
                || !cues.eventsAndProducts().stormNouns().contains(prev.norm())) {
            return false;
        }
        String gap = field.text().substring(prev.end(), words.get(start).start());
        for (int k = 0; k < gap.length(); k++) {
            char c = gap.charAt(k);
            if (!Character.isWhitespace(c) && OPENING_QUOTES.indexOf(c) < 0) {
                return false;
            }
        }
        return !gap.isEmpty();
    }

    private static boolean anyAcronym(List<Word> words, int start, int end) {
        for (int k = start; k <= end; k++) {
            if (words.get(k).allCaps()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inAStatement(List<Word> words, int at) {
        if (at + 2 >= words.size() || !"in".equals(words.get(at).norm())) {
            return false;
        }
        String next = words.get(at + 1).norm();
        String noun = words.get(at + 2).norm();
        return ("a".equals(next) || "its".equals(next) || "their".equals(next))
                && (noun.equals("statement") || noun.equals("press") || noun.equals("release"));
    }

    /** The role before "at"/"for": "a meteorologist at", "the company's spokesperson for". */
    private boolean employerBefore(List<Word> words, int start, Scan context) {
        if (start < 2 || words.get(start - 1).capitalised() || !words.get(start).spaceBefore()) {
            return false;
        }
        String preposition = words.get(start - 1).norm();
        if (cues.affiliation().employerPrepositions().contains(preposition)) {
            return isRole(words.get(start - 2).norm());
        }
        if (!"i".equals(preposition) || !scandinavian(context.language())) {
            return false;
        }
        // "sier analytiker Tor Reier Lilleholt i Volue", "daglig leder i Kirkens Bymisjon": a role, maybe its
        // holder's name, then "i" and a name the gazetteer does not know as a place: the employer
        int k = start - 2;
        while (k > 0 && words.get(k).capitalised() && !words.get(k).sentenceStart() && words.get(k).spaceBefore()) {
            k--;
        }
        return isRole(words.get(k).norm()) && !words.get(k).capitalised();
    }

    private boolean isRole(String norm) {
        return cues.person().isTitle(norm) || cues.person().personNouns().contains(norm);
    }

    /**
     * One all-caps word of three to five letters, mid-sentence, alone (no capitalised or all-caps neighbour): unknown
     * acronyms in running text name bodies far more often than anything else.
     */
    private boolean bodyAcronym(List<Word> words, int at) {
        Word w = words.get(at);
        int length = w.end() - w.start();
        if (!w.allCaps() || length < 3 || length > 5 || w.sentenceStart() || w.covered() || w.quiet()
                || !w.norm().chars().allMatch(Character::isLetter)
                || cues.neverNames().plainAcronyms().contains(w.norm())
                || w.norm().chars().allMatch(c -> "ivxlcdm".indexOf(c) >= 0)) {
            return false;
        }
        Word before = at > 0 ? words.get(at - 1) : null;
        Word after = at + 1 < words.size() ? words.get(at + 1) : null;
        return (before == null || !before.allCaps() && !(before.capitalised() && w.spaceBefore()))
                && (after == null || !after.allCaps() && !(after.capitalised() && after.spaceBefore()));
    }

    private static final java.util.regex.Pattern ROAD = java.util.regex.Pattern.compile("[ea]\\d{1,3}|b\\d{2,3}");

    /**
     * A European route, motorway or federal road number standing alone (E6, A7, B500; B roads are German): not after a
     * capitalised word ("Airbus A350" is a model) nor a level ("level A2"), and no road in German nouns' company.
     */
    private boolean road(List<Word> words, int at, Scan context) {
        Word w = words.get(at);
        if (!ROAD.matcher(w.norm()).matches() || w.norm().charAt(0) == 'b' && !context.nounCaps()) {
            return false;
        }
        Word before = at > 0 && w.spaceBefore() ? words.get(at - 1) : null;
        Word after = at + 1 < words.size() && words.get(at + 1).spaceBefore() ? words.get(at + 1) : null;
        return (before == null || !before.capitalised() || before.sentenceStart() && !before.covered()
                || context.nounCaps() && !cues.neverNames().levelWords().contains(before.norm()))
                && (before == null || !cues.neverNames().levelWords().contains(before.norm()))
                && (after == null || !after.capitalised() || after.sentenceStart() || context.nounCaps());
    }

    /** A type from a head word, an apposition or a role before the name: the strong cues. */
    private EntityType cuedType(Field field, List<Word> words, int start, int end, Scan context) {
        Word first = words.get(start);
        Word last = words.get(end);
        int size = end - start + 1;
        if (stormNounBefore(field, words, start)) {
            return EntityType.EVENT; // "ekstremvêret «Tora»", "la tempête Ciarán": a storm's name, not a person's
        }
        if (size >= 2 && cues.organisation().nationalAdjectives().contains(first.norm())) {
            return EntityType.ORGANIZATION; // "Norsk Lektorlag", "Svenska Dagbladet", "Dansk Industri"
        }
        if (size >= 2 && context.nounCaps() && !first.sentenceStart() && !afterColon(field.text(), first)) {
            // "das Rote Kreuz", "das Kaspische Meer", "die Stuttgarter Philharmoniker", "die Bayreuther Festspiele";
            // after a colon German capitalises a clause's first word ("Clostebol-Befund: Norwegischer Biathlet …")
            if (germanNameAdjective(first)) {
                return cues.germanAdjectiveNames().typeByNoun(last.norm(), false);
            }
            if (germanPlaceAdjective(first)) {
                EntityType byNoun = cues.germanAdjectiveNames().typeByNoun(last.norm(), true);
                if (byNoun != null) {
                    return byNoun;
                }
            }
        }
        if (size >= 2 && context.nounCaps() && cues.germanAdjectiveNames().bodyHeads().endsWithOne(first.norm())
                && !cues.person().isGivenName(last.norm())) {
            return EntityType.ORGANIZATION; // "Bergrettung Obergurgl", "Klinik Innsbruck": a body and its seat
        }
        EntityType romance = romanceHeadType(words, start, end, context);
        if (romance != null) {
            return romance; // "Basilica di Santa Croce", "Grande Mosquée de Paris", "Universidad de La Laguna"
        }
        if (toAfterSaying(words, start, context)) {
            return EntityType.ORGANIZATION; // "sier hun til Avisa Valdres", "säger han till Sydsvenskan": a news outlet
        }
        if (size >= 2 && isShipPrefix(first)) {
            return EntityType.PRODUCT;
        }
        for (int k = start; k <= end; k++) {
            if (words.get(k).modelCode()) {
                return EntityType.PRODUCT;
            }
        }
        if (productNounBeside(words, start, end, context)) {
            return EntityType.PRODUCT; // "the Sea Falcon missile", "AMRAAM missiles", "le satellite Kenyalang-1"
        }
        if (size == 1 && first.domain()) {
            return EntityType.ORGANIZATION;
        }
        if (size == 1 && road(words, start, context)) {
            return EntityType.LOCATION; // "stengt E8", "auf der A7", "sull'autostrada A1", "die B500"
        }
        if (size == 1 && bodyAcronym(words, start)) {
            return EntityType.ORGANIZATION; // "the CGIL and the UIL", "ifølge NJFF", "la FARC": an unknown acronym
        }
        if (size >= 2 && cues.eventsAndProducts().isEventNoun(last.norm())) {
            return EntityType.EVENT; // "Holmenkollen skifestival", "Kongsberg Jazzfestival"
        }
        if (size == 1 && !first.sentenceStart() && cues.eventsAndProducts().isEventNoun(first.norm())
                && !cues.eventsAndProducts().eventNouns().contains(first.norm())) {
            return EntityType.EVENT; // "Finnmarksløpet", "Vasaloppet", "Kvitebjørnrennet": a race named in one word
        }
        if (size >= 2 && (cues.eventsAndProducts().eventHeads().contains(first.norm())
                || cues.eventsAndProducts().eventHeads().contains(last.norm()))) {
            return EntityType.EVENT; // "Typhoon Haiyan", "Copa Libertadores", "Nations Championship"
        }
        if (size >= 2 && !last.capitalised() && cues.place().placeTails().contains(last.norm())) {
            return EntityType.LOCATION; // "Lenvik kirke", "Moss havn"
        }
        if (cues.organisation().isOrgCompound(last.norm())
                || size >= 2 && !last.capitalised() && cues.organisation().isBodyNoun(last.norm())) {
            return EntityType.ORGANIZATION;
        }
        if (size == 2 && countries.contains(last.norm()) && !countries.contains(first.norm())
                && !cues.place().locationSuffixes().contains(last.norm()) && !context.nounCaps()
                && !first.sentenceStart() && !cues.place().locationPrefixes().contains(first.norm())
                && !cues.person().isGivenName(first.norm())
                && !cues.neverNames().demonyms().contains(first.norm())) {
            return EntityType.ORGANIZATION; // "Eiendom Norge", "Innovasjon Norge": a body's national branch
        }
        if (size == 1 && !first.sentenceStart() && context.nounCaps() && cues.place().isGermanFeature(first.norm())) {
            return EntityType.LOCATION; // "Ötztal", "Bodensee", "Erzgebirge"
        }
        if (size == 1 && !first.sentenceStart() && cues.place().isPlaceCompound(first.norm())) {
            return EntityType.LOCATION; // "Hardangervidda", "Vestvågøy", "Mälaren" aside: a feature word as the ending
        }
        // "Deutscher Lehrerverband", "Norsk Sykepleierforbund": a descriptor ends the name
        if (size >= 2 && (cues.organisation().orgSuffixes().contains(last.norm())
                || cues.organisation().isOrgWord(first.norm()) || cues.organisation().isDescriptor(last.norm()))) {
            return EntityType.ORGANIZATION;
        }
        if (size >= 2 && cues.place().locationSuffixes().contains(last.norm()) && last.capitalised()) {
            return EntityType.LOCATION; // "Kamuzu International Airport", "Allan Hills"
        }
        boolean placeHead = cues.place().locationPrefixes().contains(first.norm())
                && !cues.place().compass().contains(first.norm());
        for (int k = start + 1; k < end; k++) {
            if (cues.organisation().orgSuffixes().contains(words.get(k).norm()) && words.get(k).capitalised()
                    && !(placeHead && k == start + 1 && NATIONAL.contains(words.get(k).norm()))) {
                return EntityType.ORGANIZATION; // "Imperial College London", "Transparency International Norge"
            }
        }
        for (int k = start; k + 1 < end; k++) {
            if ("of".equals(words.get(k + 1).norm()) && !words.get(k + 1).capitalised()) {
                // "Republic of Congo" is a place, "Research Council of Norway" a body
                return cues.place().placeOfHeads().contains(words.get(k).norm())
                        ? EntityType.LOCATION : EntityType.ORGANIZATION;
            }
        }
        EntityType apposition = apposition(field, words, end);
        if (apposition != null) {
            return apposition;
        }
        Word before = start > 0 && first.spaceBefore() ? words.get(start - 1) : null;
        if (before != null && !before.capitalised() && (cues.organisation().orgNouns().contains(before.norm())
                || before.norm().length() > 8 && cues.organisation().isDescriptor(before.norm())
                || adjectiveAfterOrgNoun(words, start - 1, context))) {
            return EntityType.ORGANIZATION;
        }
        if (employerBefore(words, start, context)) {
            return EntityType.ORGANIZATION;
        }
        if (size >= 2 && (cues.place().locationPrefixes().contains(first.norm())
                || cues.place().locationSuffixes().contains(last.norm()))) {
            return EntityType.LOCATION;
        }
        if (before != null && (cues.person().isTitle(before.norm())
                || cues.person().personHeads().contains(before.norm())
                || cues.person().sayingVerbs().contains(before.norm()))
                && !(size == 1 && scandinavianGenitiveBeforeNoun(words, end))) {
            return anyAcronym(words, start, end) ? EntityType.ORGANIZATION : EntityType.PERSON;
        }
        if (size >= 2 && cues.person().isGivenName(first.norm())) {
            return EntityType.PERSON;
        }
        if (context.nounCaps() && !cues.person().isWordGivenName(first.norm())) {
            // "ein halber Meter Schnee", "seit 20 Jahren Frauen … meiner Frauen": in German two capitalised nouns
            // meet all the time and a noun recurs bare, so only a title, a verb of saying or a given name says person
            return null;
        }
        // "La Restinga … Restinga", "El Hierro. Él …": a name opening with an article is never a person's
        boolean articleOpens = cues.boundaries().nameArticles().contains(first.norm());
        if (size >= 2 && size <= 3 && !articleOpens && surnameRecurs(words, start, end, context)) {
            return EntityType.PERSON; // "Harry Kane …", later "Kane" on its own: a full name and its surname
        }
        if (size >= 2 && size <= 4 && !articleOpens && personContext(field, words, start, end, context)) {
            return EntityType.PERSON;
        }
        return null;
    }

    /**
     * What says a name with an unknown given name is a person's: an occupation before it ("teacher Aino Kask"), an age
     * after it ("Aino Kask (45)", "Aino Kask, 45,"), a pronoun right after it or opening the next sentence, or its last
     * word saying something on its own elsewhere ("Kask said").
     */
    private boolean personContext(Field field, List<Word> words, int start, int end, Scan context) {
        Word before = start > 0 && words.get(start).spaceBefore() ? words.get(start - 1) : null;
        if (before != null && !before.capitalised() && cues.person().personNouns().contains(before.norm())) {
            return true;
        }
        if (start > 0 && roleBeforeComma(field, words, start) || before != null && scandinavianDemonym(before)) {
            return true; // "its spokesperson, Aino Kask, said"; "amerikanske Aino Kask"
        }
        if (context.saidSingles().contains(words.get(end).norm())) {
            return true;
        }
        if (ageAfter(field.text(), words.get(end).end())) {
            return true;
        }
        if (end + 1 < words.size()) {
            Word next = words.get(end + 1);
            String gap = field.text().substring(words.get(end).end(), next.start());
            return (gap.equals(" ") || gap.equals(", ") || gap.equals(". "))
                    && cues.person().isPronoun(context.language(), next.norm());
        }
        return false;
    }

    /** "spokesperson, X", "el presidente andaluz, X", "l'actrice principale, X": a role, its adjectives, a comma. */
    private boolean roleBeforeComma(Field field, List<Word> words, int start) {
        if (!onlyComma(field.text(), words.get(start - 1).end(), words.get(start).start())) {
            return false;
        }
        for (int k = start - 1; k >= Math.max(0, start - 3); k--) {
            Word w = words.get(k);
            if (w.capitalised()) {
                return false;
            }
            if (cues.person().isTitle(w.norm()) || cues.person().personNouns().contains(w.norm())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "indiske", "amerikanske", "Finske": a Norwegian or Danish adjective of nationality before a name, as sports news
     * introduces a foreign athlete. Nationality adjectives end in -ske (-iske, -anske, -ske).
     */
    private boolean scandinavianDemonym(Word w) {
        String norm = w.norm();
        return norm.length() >= 6 && norm.endsWith("ske") && (!w.capitalised() || w.sentenceStart())
                && !cues.neverNames().functionWords().contains(norm);
    }

    /** " (45)" or ", 45," right after a name. */
    private static boolean ageAfter(String text, int at) {
        int i = at;
        String open = text.startsWith(" (", i) ? ")" : text.startsWith(", ", i) ? "," : null;
        if (open == null) {
            return false;
        }
        i += 2;
        int digits = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && digits < 3) {
            i++;
            digits++;
        }
        return digits == 2 && text.startsWith(open, i);
    }

    /** What a run's shape suggests when no cue says anything: the weak guesses. */
    private EntityType guessedType(Field field, List<Word> words, int start, int end, Scan context,
                                   List<FoundName> found) {
        Word first = words.get(start);
        int size = end - start + 1;
        Word before = start > 0 && first.spaceBefore() ? words.get(start - 1) : null;
        if (context.nounCaps()) {
            // Every noun is capitalised: "in Führung", "Milliarden Euro" are no names. Only the cues above count, and
            // a list with a known place of one word no abstract noun ("Dornbirn, Lustenau und Hohenems"; not "Berlin
            // und Umgebung").
            return start == end && listedWithPlace(field, words, start, end)
                    && !GERMAN_NOUN_ENDINGS.endsWithOne(first.norm()) && !cues.person().isGivenName(first.norm())
                    ? EntityType.LOCATION : null;
        }
        if (listedWithPlace(field, words, start, end) && !cues.person().isGivenName(first.norm())) {
            return EntityType.LOCATION; // "a Tenerife y Gran Canaria", "Meursault, Puligny-Montrachet et Chassagne"
        }
        if (before != null && !before.capitalised()
                && cues.placeContext().locationPrepositions().contains(before.norm())) {
            // "på SMS", "på BB": an unknown acronym after it is a service or a body, seldom a place
            return size == 1 && first.allCaps() ? null : EntityType.LOCATION;
        }
        if (before != null && !before.capitalised()
                && cues.placeContext().isPlaceUnlessPerson(context.language(), before.norm())
                && !first.allCaps() && !cues.person().isGivenName(first.norm())
                && !cues.person().isWordGivenName(first.norm()) && !namesFoundPerson(words.get(end).norm(), found)) {
            return EntityType.LOCATION; // "à Pommard", "a Teorama y Convención"; not "a Pedro Sánchez", "a Sánchez"
        }
        if (size >= 2 && size <= 3 && before != null && !before.capitalised()
                && cues.boundaries().nameArticles().contains(first.norm())
                && cues.placeContext().isRomancePlacePreposition(context.language(), before.norm())) {
            return EntityType.LOCATION; // "en La Gomera", "dans Le Marais": a name with an article after "en"
        }
        if (size >= 2 && size <= 3) {
            if (cues.boundaries().nameArticles().contains(first.norm()) || anyAcronym(words, start, end)) {
                return EntityType.ORGANIZATION; // "ESB Networks", "The Economist"
            }
            if (cues.organisation().endsLikeAdjective(words.get(end).norm())) {
                return EntityType.ORGANIZATION; // "Esquerra Republicana": a noun and its adjective name a body
            }
            // "Armée du Salut", "Concello de Vigo": a person's name with a particle starts with a given name (a cue)
            for (int k = start + 1; k < end; k++) {
                if (!words.get(k).capitalised()) {
                    return EntityType.ORGANIZATION;
                }
            }
            // A person needs evidence (a given name, a title, a pronoun, a surname that recurs: the cues above); a
            // run of capitalised words alone is as often a place, a body or an event ("Lambeth Palace"). A given name
            // that is also a word ("Guy Parmelin", "Franco Armani") is enough here, where nothing else typed the run.
            // "the Blue Lagoon", "La Cruz Roja": after an article a word given name is the word
            if (!cues.person().isWordGivenName(first.norm())
                    || before != null && ARTICLES_BEFORE_A_NOUN.contains(before.norm())) {
                return null;
            }
            // "en Gran Canaria", "nel porto di Gioia Tauro" aside: after a place's preposition the word is no given name
            return before != null && !before.capitalised()
                    && cues.placeContext().isRomancePlacePreposition(context.language(), before.norm())
                    ? EntityType.LOCATION : EntityType.PERSON;
        }
        return null;
    }

    /**
     * "säger Skolverkets utredare", "sier Equinors talsperson": a word in the Scandinavian genitive (an "s" and no
     * apostrophe) before a lower-case noun owns that noun; it names a body as often as a person.
     */
    private static boolean scandinavianGenitiveBeforeNoun(List<Word> words, int at) {
        return words.get(at).norm().endsWith("s") && at + 1 < words.size() && words.get(at + 1).spaceBefore()
                && !words.get(at + 1).capitalised();
    }

    /**
     * The run stands in a list with a place the knowledge base knows: right after "Tenerife y", "Tenerife, " or right
     * before "y Tenerife", ", Tenerife".
     */
    private boolean listedWithPlace(Field field, List<Word> words, int start, int end) {
        boolean coordinatorBefore = start >= 2 && words.get(start).spaceBefore() && isCoordinator(words.get(start - 1));
        boolean commaBefore = start >= 1
                && onlyComma(field.text(), words.get(start - 1).end(), words.get(start).start());
        boolean coordinatorAfter = end + 2 < words.size() && words.get(end + 2).spaceBefore()
                && isCoordinator(words.get(end + 1));
        boolean commaAfter = end + 1 < words.size()
                && onlyComma(field.text(), words.get(end).end(), words.get(end + 1).start());
        if (coordinatorBefore && field.place(words.get(start - 2).last())
                || coordinatorAfter && field.place(words.get(end + 2).first())) {
            return true;
        }
        // A comma alone makes a list only when the list goes on: not "the Mayor of London, Sadiq Khan, urged"
        boolean listGoesOn = coordinatorAfter || commaAfter && words.get(end + 1).capitalised();
        boolean listBegan = commaBefore || start >= 1 && !words.get(start - 1).capitalised();
        return commaBefore && listGoesOn && field.place(words.get(start - 1).last())
                || commaAfter && listBegan && field.place(words.get(end + 1).first());
    }

    private boolean isCoordinator(Word w) {
        return !w.capitalised() && cues.boundaries().coordinators().contains(w.norm());
    }

    /**
     * Scandinavian bodies name their remit in lower case after "for"/"för" (which normalises to "for"): "Norsk
     * institutt for naturforskning", "Direktoratet for medisinske produkter", "Centrum för paleogenetik",
     * "Direktoratet for samfunnssikkerhet og beredskap". After a run ending in such a body's word, the remit (one or
     * two lower-case words, and one more pair after "og"/"och") is part of the name; returns the new end, or
     * {@code end}.
     */
    private int remitAfter(List<Word> words, int start, int end) {
        if (!REMIT_BODIES.endsWithOne(words.get(end).norm()) || end + 2 >= words.size()
                || !"for".equals(words.get(end + 1).norm()) || words.get(end + 1).capitalised()) {
            return end;
        }
        int k = remitWords(words, end + 2);
        if (k < 0) {
            return end;
        }
        if (k + 2 < words.size() && isCoordinator(words.get(k + 1))) {
            int more = remitWords(words, k + 2);
            return more < 0 ? k : more;
        }
        return k;
    }

    /** The last of one or two lower-case content words from {@code at}, or -1. */
    private int remitWords(List<Word> words, int at) {
        int k = -1;
        for (int i = at; i < Math.min(at + 2, words.size()); i++) {
            Word w = words.get(i);
            if (!w.spaceBefore() || w.capitalised() || w.norm().length() < 4 || w.covered()
                    || cues.neverNames().functionWords().contains(w.norm())) {
                break;
            }
            k = i;
        }
        return k;
    }

    /** A person found so far has this word in their name: "Sánchez" of "Pedro Sánchez". */
    private static boolean namesFoundPerson(String norm, List<FoundName> found) {
        for (FoundName name : found) {
            if (name.type() == EntityType.PERSON && name.key().endsWith(norm)
                    && (name.key().length() == norm.length()
                    || name.key().charAt(name.key().length() - norm.length() - 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** The run's last word also stands alone elsewhere, with no determiner: a surname, as in "Harry Kane … Kane". */
    private static boolean surnameRecurs(List<Word> words, int start, int end, Scan context) {
        int size = end - start + 1;
        if (size < 2 || size > 3 || !context.bareSurnames().contains(words.get(end).norm())) {
            return false;
        }
        for (int k = start; k <= end; k++) {
            if (!words.get(k).capitalised()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A run that opens with an article or holds a body's word speaks for a body ("La Generalitat Valenciana explica",
     * "Vestland Bondelag seier"): no person's name does either.
     */
    private boolean bodyWords(List<Word> words, int start, int end) {
        if (end > start && cues.boundaries().nameArticles().contains(words.get(start).norm())) {
            return true;
        }
        for (int k = start; k <= end; k++) {
            String norm = words.get(k).norm();
            if (cues.organisation().isOrgWord(norm) || cues.organisation().orgSuffixes().contains(norm)) {
                return true;
            }
        }
        return false;
    }

    private boolean sayingVerbAfter(List<Word> words, int end) {
        return end + 1 < words.size() && words.get(end + 1).spaceBefore()
                && cues.person().sayingVerbs().contains(words.get(end + 1).norm());
    }

    private static boolean whoAfter(Field field, List<Word> words, int end) {
        if (end + 1 >= words.size()) {
            return false;
        }
        Word next = words.get(end + 1);
        return "who".equals(next.norm()) && onlyComma(field.text(), words.get(end).end(), next.start());
    }

    /** ", a Russian company …", ", deputy chairman of …", ", the capital …": the noun types the name before it. */
    private EntityType apposition(Field field, List<Word> words, int end) {
        if (end + 1 >= words.size() || !onlyComma(field.text(), words.get(end).end(), words.get(end + 1).start())) {
            return null;
        }
        int k = end + 1;
        boolean article = cues.boundaries().articles().contains(words.get(k).norm());
        if (article) {
            k++;
        }
        boolean place = false;
        for (int n = 0; n < 4 && k < words.size(); n++, k++) {
            Word w = words.get(k);
            if (n > 0 && (!w.spaceBefore()
                    || !w.capitalised() && cues.neverNames().functionWords().contains(w.norm()))) {
                break; // "a former footballer chosen by parliament": the apposition ends before a preposition
            }
            if (article && !w.capitalised() && (cues.boundaries().articles().contains(w.norm())
                    || cues.boundaries().nameArticles().contains(w.norm()))) {
                break; // a second article: the first was a verb ("Philippe Tabarot, a appelé le syndicat")
            }
            if (w.capitalised() && !cues.neverNames().demonyms().contains(w.norm())
                    && !cues.person().isTitle(w.norm())) {
                continue;
            }
            if (w.possessive()) {
                continue; // ", the company's operations manager": the possessor is not what the name is
            }
            if (n == 0 && (RELATIVES.contains(w.norm()) || !article && AUXILIARIES.contains(w.norm()))) {
                // "Ingrid Bolsø Berdal, som får selskap av …", "Adolfo Urso, ha convocato l'azienda": a clause
                return null;
            }
            if (n == 0 && cues.person().sayingVerbs().contains(w.norm()) && k + 1 < words.size()
                    && COMPLEMENTIZERS.contains(words.get(k + 1).norm()) || w.norm().endsWith("year-old")) {
                // "Kjetil Grønvold, sa at partiet …": the speaker, not the party (", sier X" after a place is the
                // next speaker's); ", a 27-year-old developer"
                return EntityType.PERSON;
            }
            if (cues.organisation().orgNouns().contains(w.norm())) {
                return EntityType.ORGANIZATION;
            }
            if (n > 0 && DISTANCE_UNITS.contains(w.norm())
                    && Character.isDigit(words.get(k - 1).norm().charAt(0))) {
                return EntityType.LOCATION; // ", about 60 km north of Bergen": only a place lies some way off
            }
            if (cues.person().personNouns().contains(w.norm()) || cues.person().isTitle(w.norm())) {
                return EntityType.PERSON;
            }
            // "the district health officer": a place noun may qualify the person noun after it
            place |= cues.placeContext().placeNouns().contains(w.norm());
        }
        return place ? EntityType.LOCATION : null;
    }

    private static boolean onlyComma(String text, int from, int to) {
        boolean comma = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',') {
                if (comma) {
                    return false;
                }
                comma = true;
            } else if (c != ' ') {
                return false;
            }
        }
        return comma;
    }

    /** Single words with no cue of their own join a full name they are part of; otherwise they are dropped. */
    private static void resolve(List<FoundName> found, List<Pending> pending) {
        Map<String, FoundName> byPart = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (FoundName name : found) {
            if (name.type() != EntityType.PERSON || !name.key().contains(" ")) {
                continue;
            }
            String[] parts = name.key().split(" ");
            for (String part : new String[] {parts[parts.length - 1], parts[0]}) {
                FoundName previous = byPart.putIfAbsent(part, name);
                if (previous != null && !previous.key().equals(name.key())) {
                    ambiguous.add(part);
                }
            }
        }
        Map<String, FoundName> byLeadingWords = longerNamesByLeadingWords(found);
        // Single-word persons found by a cue ("spokesman Peskov") join the full name as well.
        List<FoundName> merged = new ArrayList<>(found.size());
        for (FoundName name : found) {
            FoundName full = name.key().contains(" ") ? byLeadingWords.get(name.key())
                    : ambiguous.contains(name.key()) ? null : byPart.get(name.key());
            merged.add(full != null && full.type() == name.type()
                    ? new FoundName(name.field(), name.start(), name.end(), name.text(), full.type(), full.key(), name.paragraph())
                    : name);
        }
        unifyTypes(merged);
        found.clear();
        found.addAll(merged);
        for (Pending p : pending) {
            FoundName full = ambiguous.contains(p.word().norm()) ? null : byPart.get(p.word().norm());
            if (full != null) {
                Word w = p.word();
                found.add(new FoundName(p.field().name(), w.start(), w.end(), p.field().text().substring(w.start(), w.end()),
                        full.type(), full.key(), w.paragraph()));
            }
        }
    }

    /**
     * Persons of three words or more by each shorter run of their leading or trailing words: Spanish and Portuguese
     * names carry two surnames, and a report gives the full name once and then the given name and first surname
     * ("Irene Sánchez Moraleda … Irene Sánchez") or both surnames, which is the same person, not a second one. A run
     * two different names share is left out.
     */
    private static Map<String, FoundName> longerNamesByLeadingWords(List<FoundName> found) {
        Map<String, FoundName> byRun = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (FoundName name : found) {
            String[] parts = name.key().split(" ");
            if (name.type() != EntityType.PERSON || parts.length < 3) {
                continue;
            }
            for (int words = 2; words < parts.length; words++) {
                // the leading words ("Irene Sánchez") and the trailing ones: a double surname recurs without the
                // given name ("Hilde Lunde Rasmussen … seier Lunde Rasmussen", "Antonio Martínez Ares … Martínez Ares")
                for (String run : List.of(String.join(" ", java.util.Arrays.copyOf(parts, words)),
                        String.join(" ", java.util.Arrays.copyOfRange(parts, parts.length - words, parts.length)))) {
                    FoundName previous = byRun.putIfAbsent(run, name);
                    if (previous != null && !previous.key().equals(name.key())) {
                        ambiguous.add(run);
                    }
                }
            }
        }
        byRun.keySet().removeAll(ambiguous);
        return byRun;
    }

    /**
     * One name, one type: where mentions of the same name were typed differently, the surest cue decides ("Met
     * Éireann had issued …" guesses a person, "a meteorologist at Met Éireann" says an organisation).
     */
    private static void unifyTypes(List<FoundName> found) {
        Map<String, FoundName> surest = new HashMap<>();
        boolean mixed = false;
        for (FoundName name : found) {
            FoundName previous = surest.putIfAbsent(name.key(), name);
            if (previous != null && previous.type() != name.type()) {
                mixed = true;
                if (name.strength() > previous.strength()) {
                    surest.put(name.key(), name);
                }
            }
        }
        if (!mixed) {
            return;
        }
        found.replaceAll(name -> {
            FoundName best = surest.get(name.key());
            return best.type() == name.type() ? name : new FoundName(name.field(), name.start(), name.end(), name.text(),
                    best.type(), name.key(), name.paragraph(), best.strength());
        });
    }

    private boolean isShipPrefix(Word w) {
        return w.allCaps() && cues.eventsAndProducts().shipPrefixes().contains(w.norm());
    }

    /** A Scandinavian body noun written lower-case after the name it belongs to: "Oslo universitetssykehus". */
    private boolean lowerCaseOrgTail(Word w) {
        return !w.quiet() && !w.covered()
                && cues.organisation().isBodyNounAfterName(w.norm(), w.capitalised(), w.spaceBefore());
    }

    /** A word that may end the name before it as a lower-case noun: "Holmenkollen skifestival", "Moss havn". */
    private static boolean lowerCaseTail(Word w) {
        return !w.capitalised() && w.spaceBefore() && !w.quiet() && !w.covered();
    }

    /**
     * Where the lower-case event noun joined by a hyphen to a capitalised word starts ("Raw Air-rennet",
     * "Holmenkollen-stafetten" aside: only the nouns of [event-noun-nb]), as the offset of the hyphen, or -1.
     */
    private int eventTail(Field field, Word w) {
        String surface = field.text().substring(w.start(), w.end());
        int hyphen = surface.lastIndexOf('-');
        if (hyphen <= 0 || hyphen + 1 >= surface.length() || !Character.isLowerCase(surface.charAt(hyphen + 1))
                || !cues.eventsAndProducts().isEventNoun(Tokenizer.normalise(surface.substring(hyphen + 1)))) {
            return -1;
        }
        return w.start() + hyphen;
    }

    private boolean nameLike(Word w) {
        return w.capitalised() && !w.covered()
                && !cues.neverNames().functionWords().contains(w.norm()) && !cues.person().isTitle(w.norm())
                && !cues.neverNames().demonyms().contains(w.norm());
    }

    /** Words: tokens joined by hyphens without spaces ("Il-76", "Su-30MK2") count as one. */
    private List<Word> words(Field field) {
        List<Token> tokens = field.tokens();
        boolean[] quiet = field.quiet() != null ? field.quiet() : quietTokens(field.text(), tokens, cues);
        List<Word> words = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j + 1 < tokens.size() && tokens.get(j + 1).hyphenBefore()) {
                j++;
            }
            Token first = tokens.get(i);
            Token last = tokens.get(j);
            boolean covered = false;
            boolean letters = false;
            boolean digits = false;
            for (int k = i; k <= j; k++) {
                Token t = tokens.get(k);
                covered |= field.covered()[k];
                letters |= t.hasLetter();
                digits |= t.hasDigit();
            }
            String norm = i == j ? first.norm() : hyphenated(tokens, i, j); // most words are one token: no copy
            boolean modelCode = j > i && letters && digits && first.capitalised() && first.hasLetter()
                    && first.surface().length() <= 4;
            boolean domain = i == j && isDomain(first.surface());
            // An elided article opening a sentence ("L" of "L'Institut") is capitalised but no part of a name.
            boolean capitalised = first.capitalised()
                    && !(i == j && j + 1 < tokens.size() && Tokenizer.elides(first, tokens.get(j + 1)))
                    || j > i && ARABIC_ARTICLES.contains(first.surface()) && tokens.get(i + 1).capitalised();
            words.add(new Word(i, j, first.start(), last.end(), norm, capitalised, covered,
                    first.sentenceStart(), first.spaceBefore(), last.possessive(), modelCode, domain, first.paragraph(),
                    quiet[i], i == j && first.allCaps() && first.surface().length() >= 2));
            i = j + 1;
        }
        return words;
    }

    private static String hyphenated(List<Token> tokens, int first, int last) {
        StringBuilder norm = new StringBuilder();
        for (int k = first; k <= last; k++) {
            if (k > first) {
                norm.append('-');
            }
            norm.append(tokens.get(k).norm());
        }
        return norm.toString();
    }

    /**
     * Tokens whose capitals carry no information: lines in Title Case (headlines, teasers, link lists) and the rest of
     * a line after "Foto:"/"Photo:".
     */
    public static boolean[] quietTokens(String text, List<Token> tokens, NameCues cues) {
        Set<String> functionWords = cues.neverNames().functionWords();
        Set<String> creditMarkers = cues.neverNames().creditMarkers();
        boolean[] quiet = new boolean[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            int lineEnd = text.indexOf('\n', tokens.get(i).start());
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int j = i;
            int words = 0;
            int capitalised = 0;
            int creditFrom = -1;
            while (j < tokens.size() && tokens.get(j).start() < lineEnd) {
                Token t = tokens.get(j);
                if (t.surface().length() >= 4 && t.hasLetter() && !t.hasDigit()
                        && (t.capitalised() || !functionWords.contains(t.norm()))) {
                    words++;
                    if (t.capitalised()) {
                        capitalised++;
                    }
                }
                if (creditFrom < 0 && t.end() < text.length() && text.charAt(t.end()) == ':' && creditMarkers.contains(t.norm())) {
                    creditFrom = j + 1;
                }
                j++;
            }
            // A line that ends a sentence is running text however many nouns it capitalises ("Dann bewahrte Torwart
            // Noah Atubolu seine Mannschaft … vor der Verlängerung."): only headlines, captions and credits go quiet.
            boolean titleCase = words >= 3 && capitalised >= 0.9 * words && !endsSentence(text, j, tokens);
            for (int k = i; k < j; k++) {
                quiet[k] = titleCase || creditFrom >= 0 && k >= creditFrom;
            }
            i = j;
        }
        return quiet;
    }

    private static boolean endsSentence(String text, int end, List<Token> tokens) {
        int k = tokens.get(end - 1).end();
        while (k < text.length() && text.charAt(k) != '\n' && "\"'»“”’)".indexOf(text.charAt(k)) >= 0) {
            k++;
        }
        return k < text.length() && ".!?…".indexOf(text.charAt(k)) >= 0;
    }

    private static boolean isDomain(String surface) {
        int dot = surface.lastIndexOf('.');
        return dot > 0 && dot < surface.length() - 1 && Character.isUpperCase(surface.charAt(0))
                && TLDS.contains(surface.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }
}

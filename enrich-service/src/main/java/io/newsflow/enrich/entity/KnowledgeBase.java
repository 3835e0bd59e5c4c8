package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.EnrichedArticle.Geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entities the enricher links to: countries (names generated from CLDR, QIDs from {@code kb/countries.tsv}),
 * the hand-curated list in {@code kb/entities.tsv}, and unlinked generated places that fill the gaps: cities from
 * GeoNames ({@code kb/cities.tsv}) with their names in other languages ({@code kb/city-exonyms.tsv}), country
 * subdivisions from CLDR ({@code kb/regions.tsv}), and, last, towns that count only where a preposition places them
 * ({@code kb/word-towns.tsv}, {@code kb/small-towns.tsv}). Immutable once loaded; shared by every thread.
 */
public final class KnowledgeBase {

    public static final String COUNTRIES = "kb/countries.tsv";
    public static final String ENTITIES = "kb/entities.tsv";
    /** Generated from GeoNames (CC BY 4.0) by scripts/kb/generate-cities.cjs. */
    public static final String CITIES = "kb/cities.tsv";
    /** Generated from Unicode CLDR's subdivision names (Unicode License v3) by scripts/kb/generate-regions.cjs. */
    public static final String REGIONS = "kb/regions.tsv";
    /** Other names of large cities from GeoNames (CC BY 4.0), by scripts/kb/generate-cities500.cjs. */
    public static final String CITY_EXONYMS = "kb/city-exonyms.tsv";

    /**
     * Towns named like a lower-case word of nb, nn, sv, da, fr, es or it ("Drammen", "Cannes", "Moraleja"), from
     * GeoNames by scripts/kb/generate-cities.cjs --word-towns.
     */
    public static final String WORD_TOWNS = "kb/word-towns.tsv";
    /**
     * Norway's municipalities ("Gamvik", "Sør-Varanger", "Rælingen"), many of them no town of their own, by
     * scripts/kb/generate-municipalities.cjs; the third column says whether one needs a preposition ("i Time").
     */
    public static final String MUNICIPALITIES_NO = "kb/municipalities-no.tsv";
    /** Villages of 500–999 and seats of municipalities ("Lesja", "Penamacor"), by generate-cities500.cjs --small-towns. */
    public static final String SMALL_TOWNS = "kb/small-towns.tsv";
    /** Tag of a generated place with fewer than 100,000 inhabitants. */
    public static final String TOWN = "town";
    /** The tag of a {@link #WORD_TOWNS} or {@link #SMALL_TOWNS} entry: EntityExtractor takes one only where a preposition places it. */
    public static final String PLACED_TOWN = "placed-town";
    private static final Set<String> TOWN_TAGS = Set.of("city", TOWN);
    private static final Set<String> PLACED_TOWN_TAGS = Set.of("city", TOWN, PLACED_TOWN);

    private final List<KbEntry> entries;

    public KnowledgeBase(List<KbEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The built-in knowledge base from the classpath. */
    public static KnowledgeBase builtIn() {
        List<KbEntry> entries = new ArrayList<>();
        for (String[] row : readTsv(COUNTRIES)) {
            entries.add(country(row));
        }
        for (String[] row : readTsv(ENTITIES)) {
            entries.add(curated(row));
        }
        // Generated places come after them and only fill gaps: a name the curated entries use keeps its meaning.
        Set<String> taken = new HashSet<>();
        takeNames(entries, taken);
        // A curated city keeps its QID but takes its coordinates from the generated row of the same name (the file
        // keeps only the most populous of same-named places, which is the one a curated city is).
        Map<String, Geo> skippedCities = new HashMap<>();
        for (String[] row : readTsv(CITIES)) {
            KbEntry city = city(row);
            if (city == null) {
                continue;
            }
            if (free(city, taken)) {
                entries.add(city);
            } else if (city.geo() != null) {
                skippedCities.putIfAbsent(city.name().toLowerCase(Locale.ROOT), city.geo());
            }
        }
        entries.replaceAll(e -> e.geo() == null && e.type() == EntityType.LOCATION && e.tags().contains("city")
                ? e.withGeo(skippedCities.get(e.name().toLowerCase(Locale.ROOT))) : e);
        takeNames(entries, taken);
        addExonyms(entries, taken);
        // Subdivisions next ("Kerala", "Waikato", "Creuse"): a city of the same name keeps it, and its town tag.
        for (String[] row : readTsv(REGIONS)) {
            KbEntry region = curated(row);
            if (free(region, taken)) {
                entries.add(region);
            }
        }
        // Municipalities after the regions (a county keeps its name) and before the towns that need a preposition,
        // whose rows for a municipality's seat ("Lesja") they replace where the name is no word.
        takeNames(entries, taken);
        for (String[] row : readTsv(MUNICIPALITIES_NO)) {
            KbEntry municipality = municipality(row);
            if (free(municipality, taken)) {
                entries.add(municipality);
            }
        }
        // Towns that need a preposition to count come last: a region keeps its name ("off Wexford").
        takeNames(entries, taken);
        for (String[] row : concat(readTsv(WORD_TOWNS), readTsv(SMALL_TOWNS))) {
            KbEntry town = city(row);
            if (town != null && free(town, taken)) {
                entries.add(new KbEntry(null, EntityType.LOCATION, town.name(), PLACED_TOWN_TAGS, town.aliases(), town.geo()));
                town.aliases().forEach(a -> taken.add(a.text().toLowerCase(Locale.ROOT)));
            }
        }
        return new KnowledgeBase(entries);
    }

    /**
     * The names other languages give large cities ("Napoli", "Neapel", "Hanovre") join the city's entry, curated or
     * generated; a name some entry already uses keeps its meaning. A city the cities list leaves out as ambiguous
     * ("Florence") gets an entry with only its other names.
     */
    private static void addExonyms(List<KbEntry> entries, Set<String> taken) {
        Map<String, Integer> cityAt = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            KbEntry e = entries.get(i);
            if (e.type() == EntityType.LOCATION && e.tags().contains("city")) {
                cityAt.putIfAbsent(e.name().toLowerCase(Locale.ROOT), i);
            }
        }
        for (String[] row : readTsv(CITY_EXONYMS)) {
            List<KbEntry.Alias> names = new ArrayList<>();
            for (String name : row[5].split("\\|")) {
                if (!name.isBlank() && taken.add(name.strip().toLowerCase(Locale.ROOT))) {
                    names.add(new KbEntry.Alias(name.strip(), null));
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            Integer at = cityAt.get(row[1].toLowerCase(Locale.ROOT));
            if (at != null) {
                KbEntry city = entries.get(at);
                List<KbEntry.Alias> aliases = new ArrayList<>(city.aliases());
                aliases.addAll(names);
                entries.set(at, new KbEntry(city.qid(), city.type(), city.name(), city.tags(), aliases, city.geo()));
            } else {
                Geo geo = new Geo(Double.parseDouble(row[3]), Double.parseDouble(row[4]));
                entries.add(new KbEntry(null, EntityType.LOCATION, row[1], Set.of("city"), names, geo));
            }
        }
    }

    public List<KbEntry> entries() {
        return entries;
    }

    private static void takeNames(List<KbEntry> entries, Set<String> taken) {
        for (KbEntry e : entries) {
            for (KbEntry.Alias a : e.aliases()) {
                taken.add(a.text().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean free(KbEntry generated, Set<String> taken) {
        return generated.aliases().stream().noneMatch(a -> taken.contains(a.text().toLowerCase(Locale.ROOT)));
    }

    private static KbEntry country(String[] row) {
        String code = row[0];
        String qid = nullIfDash(row[1]);
        String name = row.length > 2 && !"-".equals(row[2]) && !row[2].isBlank() ? row[2] : CountryNames.englishName(code);
        if (name == null) {
            throw new IllegalStateException(COUNTRIES + ": the JDK has no name for " + code + "; give one");
        }
        Set<KbEntry.Alias> aliases = new LinkedHashSet<>();
        aliases.add(new KbEntry.Alias(name, null));
        aliases.addAll(CountryNames.aliases(code));
        if (row.length > 3) {
            for (String part : row[3].split("\\|")) {
                String alias = part.strip();
                // "-Granada": CLDR's Spanish and Portuguese name of Grenada is a Spanish city's, which the news means
                if (alias.startsWith("-")) {
                    for (KbEntry.Alias gone : parseAliases(alias.substring(1))) {
                        aliases.removeIf(a -> a.text().equals(gone.text())
                                && (gone.language() == null || gone.language().equals(a.language())));
                    }
                } else {
                    aliases.addAll(parseAliases(alias));
                }
            }
        }
        return new KbEntry(qid, EntityType.LOCATION, name, Set.of("country"), List.copyOf(aliases));
    }

    /**
     * geonames_id, name, ascii_name, country, population, latitude, longitude → an unlinked city (GeoNames ids are not
     * QIDs) with its coordinates.
     */
    private static KbEntry city(String[] row) {
        if (row.length < 4 || row[1].isBlank()) {
            return null;
        }
        String name = row[1].strip();
        List<KbEntry.Alias> aliases = new ArrayList<>(2);
        aliases.add(new KbEntry.Alias(name, null));
        String ascii = row[2].strip();
        if (!ascii.isEmpty() && !"-".equals(ascii) && !ascii.equals(name)) {
            aliases.add(new KbEntry.Alias(ascii, null));
        }
        // A town's name is more often also a surname ("Alcaraz", "Holloway"): EntityExtractor lets a person win it.
        boolean town = row.length > 4 && row[4].strip().length() < 6; // fewer than 100,000 inhabitants
        Geo geo = row.length > 6 ? new Geo(Double.parseDouble(row[5]), Double.parseDouble(row[6])) : null;
        return new KbEntry(null, EntityType.LOCATION, name, town ? TOWN_TAGS : Set.of("city"), aliases, geo);
    }

    /** name, ascii name or -, needs_preposition (yes/no) → an unlinked town, or one taken only where a preposition places it. */
    static KbEntry municipality(String[] row) {
        String name = row[0].strip();
        List<KbEntry.Alias> aliases = new ArrayList<>(2);
        aliases.add(new KbEntry.Alias(name, null));
        if (row.length > 1 && !"-".equals(row[1].strip()) && !row[1].isBlank()) {
            aliases.add(new KbEntry.Alias(row[1].strip(), null));
        }
        boolean placed = row.length > 2 && "yes".equals(row[2].strip());
        return new KbEntry(null, EntityType.LOCATION, name, placed ? PLACED_TOWN_TAGS : TOWN_TAGS, aliases, null);
    }

    private static KbEntry curated(String[] row) {
        if (row.length < 4) {
            throw new IllegalStateException(ENTITIES + ": expected qid, type, tags, name, aliases in " + Arrays.toString(row));
        }
        String qid = nullIfDash(row[0]);
        EntityType type = EntityType.valueOf(row[1].strip());
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : row[2].split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        String name = row[3].strip();
        Set<KbEntry.Alias> aliases = new LinkedHashSet<>();
        aliases.add(new KbEntry.Alias(name, null));
        if (row.length > 4) {
            aliases.addAll(parseAliases(row[4]));
        }
        return new KbEntry(qid, type, name, tags, List.copyOf(aliases));
    }

    /** "Putin|ru=Путин" → (Putin, any language), (Путин, ru). */
    static List<KbEntry.Alias> parseAliases(String field) {
        List<KbEntry.Alias> aliases = new ArrayList<>();
        for (String part : field.split("\\|")) {
            String alias = part.strip();
            if (alias.isEmpty()) {
                continue;
            }
            int eq = alias.indexOf('=');
            String language = null;
            if (eq > 0 && eq <= 3 && alias.substring(0, eq).chars().allMatch(Character::isLowerCase)) {
                language = alias.substring(0, eq);
                alias = alias.substring(eq + 1).strip();
            }
            // "?Meta": ambiguous on its own, links only with support (see KbEntry.Alias#needsSupport)
            boolean needsSupport = alias.startsWith("?");
            aliases.add(new KbEntry.Alias(needsSupport ? alias.substring(1).strip() : alias, language, needsSupport));
        }
        return aliases;
    }

    private static List<String[]> concat(List<String[]> first, List<String[]> second) {
        List<String[]> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String nullIfDash(String value) {
        String v = value.strip();
        return v.isEmpty() || "-".equals(v) ? null : v;
    }

    static List<String[]> readTsv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return rows;
    }
}

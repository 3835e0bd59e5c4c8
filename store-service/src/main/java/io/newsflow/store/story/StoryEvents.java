package io.newsflow.store.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What kind of event an article reports (a strike, a landslide, a cyberattack, a takeover), read from the words of its
 * headline, summary and lead in its own language: the "what" of an event, beside the "who" and "where" of its entities
 * and the "when" of its time. It is what two reports of one event keep when they are written in different languages
 * and share few names, and what two events about the same company or town do not share (job cuts and an outage).
 * <p>
 * The kinds and their words per language are data ({@value #LEXICON}); languages without rows are read with every
 * language's words. Only the lead is read: later paragraphs recall earlier events and name other ones in passing.
 */
public final class StoryEvents {

    static final String LEXICON = "/story/event-types.tsv";
    /**
     * Words of the body read after title and summary: the lead, where an article says what happened. On the replays
     * of story sets 1–5, 60 scored above 30 and none (title and summary only) and the same as 100.
     */
    static final int LEAD_WORDS = 60;

    /** A piece of a term standing for a gap of up to {@value #MAX_GAP} words (a figure, an adjective, a place). */
    static final String GAP = "...";
    /** The longest gap: within one clause ("streicht in Köln weitere 1.600 Stellen" is five words). */
    static final int MAX_GAP = 5;

    /** Languages read with another's words (Nynorsk, Danish and the macrolanguage code with Bokmål's). */
    private static final Map<String, String> SHARES_WORDS_WITH = Map.of("nn", "nb", "no", "nb", "da", "nb");

    private static final Lexicon LEXICON_DATA = Lexicon.load();

    private StoryEvents() {
    }

    /** What an article reports: the kinds its headline, summary and lead name, and those of the headline alone. */
    public record Kinds(Set<String> reported, Set<String> headline) {
    }

    /** The kinds of event title, summary and lead report (nulls skipped), sorted; empty when none is recognised. */
    public static Set<String> of(String language, String title, String summary, String text) {
        return read(language, title, summary, text).reported();
    }

    /**
     * {@link #of} and the kinds the title alone reports, in one pass: the title is read first, so what has been found
     * when it ends is the headline's.
     */
    public static Kinds read(String language, String title, String summary, String text) {
        Index terms = LEXICON_DATA.termsFor(language);
        Set<String> kinds = new TreeSet<>();
        Set<String> headline = null;
        for (List<String> words : List.of(words(title, Integer.MAX_VALUE), words(summary, Integer.MAX_VALUE),
                words(text, LEAD_WORDS))) {
            for (int i = 0; i < words.size(); i++) {
                terms.matchesAt(words, i, kinds);
            }
            if (headline == null) {
                headline = Set.copyOf(kinds);
            }
        }
        return new Kinds(kinds, headline);
    }

    /**
     * Lower-case words: letters and digits, hyphens kept inside a word ("cessez-le-feu"), apostrophes splitting
     * ("l'incendie" is "l", "incendie").
     */
    static List<String> words(String text, int limit) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalised.length() && words.size() < limit; i++) {
            char c = normalised.charAt(i);
            boolean inner = c == '-' && word.length() > 0 && i + 1 < normalised.length()
                    && Character.isLetterOrDigit(normalised.charAt(i + 1));
            if (Character.isLetterOrDigit(c) || inner) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0 && words.size() < limit) {
            words.add(word.toString());
        }
        return words;
    }

    /** One way a word may match a piece of a term: the word itself, its beginning, its end or any part of it. */
    private record Piece(String text, boolean prefix, boolean suffix) {
        /** {@value #GAP}: compared by identity in {@link Term}, never with {@link #matches}. */
        static final Piece GAP_PIECE = new Piece(GAP, false, false);

        static Piece parse(String raw) {
            boolean suffix = raw.startsWith("*");
            boolean prefix = raw.endsWith("*");
            String text = raw.substring(suffix ? 1 : 0, Math.max(suffix ? 1 : 0, raw.length() - (prefix ? 1 : 0)));
            return new Piece(text, prefix, suffix);
        }

        boolean matches(String word) {
            if (text.isEmpty()) {
                return true; // "*": any one word ("kutter * stillinger")
            }
            if (prefix && suffix) {
                return word.contains(text);
            }
            if (prefix) {
                return word.startsWith(text);
            }
            if (suffix) {
                return word.endsWith(text);
            }
            return word.equals(text);
        }
    }

    /**
     * A term of one kind: pieces matching consecutive words, where a {@value #GAP} piece lets up to {@value #MAX_GAP}
     * words of any kind come between its neighbours ("cut ... jobs" reads "cut 1,600 more jobs").
     */
    private record Term(String kind, List<Piece> pieces) {
        boolean matchesAt(List<String> words, int start) {
            return matchesFrom(words, start, 0);
        }

        private boolean matchesFrom(List<String> words, int word, int piece) {
            if (piece == pieces.size()) {
                return true;
            }
            if (pieces.get(piece) == Piece.GAP_PIECE) {
                for (int skipped = 0; skipped <= MAX_GAP && word + skipped <= words.size(); skipped++) {
                    if (matchesFrom(words, word + skipped, piece + 1)) {
                        return true;
                    }
                }
                return false;
            }
            return word < words.size() && pieces.get(piece).matches(words.get(word))
                    && matchesFrom(words, word + 1, piece + 1);
        }
    }

    /**
     * Terms by the first piece's text, so a word is compared with the few terms it could begin and not with all of
     * them (a language has ~200, the fallback ~1,700): the word itself, each of its beginnings and endings are looked
     * up; only terms whose first piece may lie anywhere in a word are tried one by one.
     */
    private record Index(Map<String, List<Term>> exact, Map<String, List<Term>> prefix,
                         Map<String, List<Term>> suffix, List<Term> anywhere) {

        static Index of(List<Term> terms) {
            Map<String, List<Term>> exact = new HashMap<>();
            Map<String, List<Term>> prefix = new HashMap<>();
            Map<String, List<Term>> suffix = new HashMap<>();
            List<Term> anywhere = new ArrayList<>();
            for (Term term : terms) {
                Piece first = term.pieces().get(0);
                if (first.text().isEmpty() || (first.prefix() && first.suffix())) {
                    anywhere.add(term);
                } else {
                    (first.prefix() ? prefix : first.suffix() ? suffix : exact)
                            .computeIfAbsent(first.text(), k -> new ArrayList<>()).add(term);
                }
            }
            return new Index(Map.copyOf(exact), Map.copyOf(prefix), Map.copyOf(suffix), List.copyOf(anywhere));
        }

        /** Adds the kind of every term that matches the words from {@code start} on. */
        void matchesAt(List<String> words, int start, Set<String> kinds) {
            String word = words.get(start);
            addMatches(exact.get(word), words, start, kinds);
            for (int end = 1; end <= word.length(); end++) {
                addMatches(prefix.get(word.substring(0, end)), words, start, kinds);
                addMatches(suffix.get(word.substring(word.length() - end)), words, start, kinds);
            }
            addMatches(anywhere, words, start, kinds);
        }

        private static void addMatches(List<Term> terms, List<String> words, int start, Set<String> kinds) {
            if (terms == null) {
                return;
            }
            for (Term term : terms) {
                if (!kinds.contains(term.kind()) && term.matchesAt(words, start)) {
                    kinds.add(term.kind());
                }
            }
        }
    }

    /** The terms per language, and all of them for languages without rows of their own. */
    private record Lexicon(Map<String, Index> byLanguage, Index all) {

        Index termsFor(String language) {
            String code = language == null ? "" : language.toLowerCase(Locale.ROOT);
            return byLanguage.getOrDefault(SHARES_WORDS_WITH.getOrDefault(code, code), all);
        }

        static Lexicon load() {
            Map<String, List<Term>> byLanguage = new HashMap<>();
            List<Term> all = new ArrayList<>();
            for (DataFile.Row row : DataFile.rows(LEXICON, 3)) {
                String[] columns = row.columns();
                for (String raw : columns[2].split(";")) {
                    List<Piece> pieces = new ArrayList<>();
                    for (String piece : raw.strip().split(" ")) {
                        if (piece.equals(GAP)) {
                            if (pieces.isEmpty()) {
                                throw new IllegalStateException(LEXICON + " line " + row.line()
                                        + ": a term cannot begin with a gap");
                            }
                            pieces.add(Piece.GAP_PIECE);
                            continue;
                        }
                        for (String word : piece.equals("*") ? List.of("*") : apostrophesSplit(piece)) {
                            pieces.add(Piece.parse(word));
                        }
                    }
                    Term term = new Term(columns[0], List.copyOf(pieces));
                    byLanguage.computeIfAbsent(columns[1], k -> new ArrayList<>()).add(term);
                    all.add(term);
                }
            }
            Map<String, Index> indexes = new HashMap<>();
            byLanguage.forEach((language, terms) -> indexes.put(language, Index.of(terms)));
            return new Lexicon(Map.copyOf(indexes), Index.of(all));
        }

        /** A term's piece split where {@link #words} splits text, keeping its wildcards ("d'emplois" → d, emplois). */
        private static List<String> apostrophesSplit(String piece) {
            List<String> parts = new ArrayList<>();
            for (String part : piece.toLowerCase(Locale.ROOT).split("['’]")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return parts;
        }
    }
}

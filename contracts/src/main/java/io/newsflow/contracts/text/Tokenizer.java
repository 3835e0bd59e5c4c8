package io.newsflow.contracts.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a text field into {@link Token}s with UTF-16 offsets, sentence starts and paragraph numbers, in one pass and
 * without regular expressions (it runs on every article). It lives in contracts because its normalised words are the
 * words of {@link io.newsflow.contracts.fingerprint.TextFingerprint}: enrich fingerprints the tokens it already has,
 * the store tokenises text that arrives without a fingerprint, and both must see the same words.
 */
public final class Tokenizer {

    /** Words after which a full stop does not end the sentence. Compared lower-case, without the dot. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "sen", "rep", "gov",
            "jr", "sr", "no", "nr", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "inc", "ltd", "co", "corp", "jan",
            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ca", "bl.a", "f.eks", "mv",
            "pres", "fig", "approx", "dvs", "ifr", "jf", "kl", "mill", "mrd", "pst", "mld");

    /**
     * Elided French and Italian articles and prepositions, written lower case: "d'Espagne", "l'Iran", "dell'Italia" are
     * split after the apostrophe so the name stands alone. Capitalised ones stay whole ("L'Oréal", "D'Alema").
     */
    private static final Set<String> ELISIONS = Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu",
            "puisqu", "jusqu", "quoiqu", "dell", "dall", "nell", "sull", "all", "coll", "quell", "un", "tutt");

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        return tokenize(text, true);
    }

    /**
     * A name as written anywhere in a sentence (a knowledge-base alias, a watch-list entry): its first word is not
     * taken for a sentence's start, so a capitalised elision stays part of it ("L'Oréal" is one word, as it is in
     * the middle of a sentence, where text is matched against it).
     */
    public static List<Token> tokenizeName(String name) {
        return tokenize(name, false);
    }

    private static List<Token> tokenize(String text, boolean startsSentence) {
        List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 6));
        int n = text.length();
        int i = 0;
        int paragraph = 0;
        boolean sentenceStart = startsSentence;
        boolean hyphenBefore = false;
        boolean spaceOnly = false;
        boolean sawNewline = false;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                int end;
                boolean possessive = false;
                if (isSpacelessScript(cp)) {
                    end = i + Character.charCount(cp);
                } else {
                    end = scanWord(text, i, sentenceStart);
                    // Possessive 's: cut it off so "Russia's" and "Russia" are the same word.
                    if (end + 1 < n && isApostrophe(text.charAt(end)) && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S')
                            && (end + 2 == n || !isWordChar(text.codePointAt(end + 2)))) {
                        possessive = true;
                    }
                }
                String surface = text.substring(start, end);
                tokens.add(new Token(tokens.size(), start, end, surface, normalise(surface), sentenceStart, paragraph,
                        hyphenBefore, spaceOnly && !tokens.isEmpty(), possessive, Token.shapeOf(surface)));
                sentenceStart = false;
                hyphenBefore = false;
                spaceOnly = true;
                sawNewline = false;
                i = possessive ? end + 2 : end;
                continue;
            }
            // Separator characters.
            char c = text.charAt(i);
            if (c == '\n') {
                if (sawNewline) {
                    paragraph += tokens.isEmpty() ? 0 : 1;
                    sawNewline = false;
                    // Only count the first blank line of a run.
                    while (i + 1 < n && Character.isWhitespace(text.charAt(i + 1))) {
                        i++;
                    }
                } else {
                    sawNewline = true;
                }
                sentenceStart = true; // a line break ends a headline, list item or paragraph
                spaceOnly = false;
                hyphenBefore = false;
            } else if (Character.isWhitespace(c)) {
                hyphenBefore = false;
            } else if ((c == '-' || c == '\u2010' || c == '\u2011') && !tokens.isEmpty()
                    && tokens.getLast().end() == i && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                hyphenBefore = true;
                spaceOnly = false;
            } else if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                if (c != '.' || !tokens.isEmpty() && !isAbbreviation(tokens.getLast(), text, i)) {
                    sentenceStart = true;
                }
                spaceOnly = false;
                hyphenBefore = false;
            } else if (isApostrophe(c) && !tokens.isEmpty() && tokens.getLast().end() == i
                    && isElision(text, tokens.getLast().start(), i, tokens.getLast().sentenceStart())) {
                hyphenBefore = false; // "d'Italia": the name is adjacent to its article, as after a space
                // "L'Institut …" opening a sentence: the word after the article opens it too (its capital proves
                // as little as the article's).
                sentenceStart = tokens.getLast().sentenceStart();
            } else {
                // Quotes, brackets, commas, dashes: no new sentence, but the words are no longer adjacent. An ampersand
                // joins the parts of one name ("Pratt & Whitney", "H&M").
                if (c != '\r' && c != '\u00a0' && c != '&') {
                    spaceOnly = false;
                }
                hyphenBefore = false;
                if (c == ':' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    sentenceStart = true;
                }
            }
            i++;
        }
        return tokens;
    }

    private static int scanWord(String text, int from, boolean sentenceStart) {
        int n = text.length();
        int i = from;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp) && !isSpacelessScript(cp)) {
                i += Character.charCount(cp);
            } else if ((isApostrophe(text.charAt(i)) || text.charAt(i) == '.') && i + 1 < n
                    && isWordChar(text.codePointAt(i + 1)) && !isSpacelessScript(text.codePointAt(i + 1))
                    && !isPossessiveAt(text, i) && !isElision(text, from, i, sentenceStart)) {
                i++; // inner apostrophe or dot: O'Brien, d'Ivoire, Gazeta.Ru, U.S
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Where the name begins in a word that opens with an elided article before a capital ("L'Aquila" → 2, "Dell'Orso"
     * → 5), or -1: the name as it is read where the tokenizer splits the article off.
     */
    public static int afterElidedArticle(String word) {
        for (int i = 1; i < word.length() - 1 && i <= 6; i++) {
            if (isApostrophe(word.charAt(i))) {
                return Character.isUpperCase(word.charAt(i + 1))
                        && ELISIONS.contains(word.substring(0, i).toLowerCase(Locale.ROOT)) ? i + 1 : -1;
            }
        }
        return -1;
    }

    /** True when {@code article} is an elided article or preposition split off {@code word} ("l'" of "l'Aquila"). */
    public static boolean elides(Token article, Token word) {
        return word.start() == article.end() + 1 && !word.hyphenBefore() && ELISIONS.contains(article.norm());
    }

    /**
     * True when text[from, apostrophe) is an elided article or preposition and the apostrophe ends it. Capitalised, it
     * is one only where it opens a sentence ("L'Union européenne …", "L'Austria …", "Dell'Università …"):
     * inside a sentence a capital "L'" belongs to a name (L'Oréal, L'Aquila), and a capital "D'" before a capital
     * is a surname's particle anywhere (D'Alema, D'Annunzio).
     */
    private static boolean isElision(String text, int from, int apostrophe, boolean sentenceStart) {
        if (!isApostrophe(text.charAt(apostrophe)) || apostrophe - from > 6) {
            return false;
        }
        String article = text.substring(from, apostrophe);
        if (ELISIONS.contains(article)) {
            return true;
        }
        if (!sentenceStart || !Character.isUpperCase(article.charAt(0))) {
            return false;
        }
        String lower = article.toLowerCase(Locale.ROOT);
        if (!lower.substring(1).equals(article.substring(1)) || !ELISIONS.contains(lower)) {
            return false; // "LA'", "O'Brien"
        }
        return !lower.equals("d") || apostrophe + 1 < text.length() && Character.isLowerCase(text.charAt(apostrophe + 1));
    }

    private static boolean isPossessiveAt(String text, int apostrophe) {
        if (!isApostrophe(text.charAt(apostrophe))) {
            return false;
        }
        int s = apostrophe + 1;
        return s < text.length() && (text.charAt(s) == 's' || text.charAt(s) == 'S')
                && (s + 1 == text.length() || !isWordChar(text.codePointAt(s + 1)));
    }

    private static boolean isAbbreviation(Token last, String text, int dot) {
        if (last.end() != dot) {
            return false;
        }
        String word = last.norm();
        if (word.length() == 1 && Character.isLetter(word.charAt(0)) && last.capitalised()) {
            return true; // an initial: "George W. Bush"
        }
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        // "5. november": a number followed by a lower-case word is an ordinal, not a sentence end.
        int next = dot + 1;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return last.hasDigit() && !last.hasLetter() && next < text.length() && Character.isLowerCase(text.charAt(next));
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Scripts written without spaces: every character is a word, so multi-character aliases match char by char. */
    static boolean isSpacelessScript(int cp) {
        if (cp < 0x0E00) {
            return false; // Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari …: the common case, without a script lookup
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }

    /**
     * {@link #normalise} of each Latin character up to U+024F on its own (0 where that is not one char): most words
     * are made of these, and folding them by table avoids lower-casing and decomposing a copy of every word.
     */
    private static final char[] LATIN_FOLD = new char[0x250];

    static {
        for (char c = 1; c < LATIN_FOLD.length; c++) {
            String folded = normaliseSlowly(String.valueOf(c));
            LATIN_FOLD[c] = folded.length() == 1 ? folded.charAt(0) : 0;
        }
    }

    /** Lower case, accents stripped, typographic apostrophes unified: "Nicolás" → "nicolas". */
    public static String normalise(String word) {
        boolean changes = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= LATIN_FOLD.length || LATIN_FOLD[c] == 0) {
                return normaliseSlowly(word); // other scripts, combining marks, typographic apostrophes
            }
            changes |= LATIN_FOLD[c] != c;
        }
        if (!changes) {
            return word;
        }
        char[] folded = new char[word.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = LATIN_FOLD[word.charAt(i)];
        }
        return new String(folded);
    }

    // Package-private for the test that checks the table against it.
    static String normaliseSlowly(String word) {
        boolean plain = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80 || Character.isUpperCase(c)) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        boolean ascii = true;
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        // Letters that do not decompose but are commonly written without their mark.
        for (int i = 0; i < out.length(); i++) {
            switch (out.charAt(i)) {
                case 'ø' -> out.setCharAt(i, 'o');
                case 'æ' -> out.setCharAt(i, 'e');
                case 'ł' -> out.setCharAt(i, 'l');
                case 'đ' -> out.setCharAt(i, 'd');
                case 'ı' -> out.setCharAt(i, 'i');
                default -> { }
            }
        }
        return out.toString();
    }
}

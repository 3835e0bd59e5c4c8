package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bodies named in full before their acronym in brackets: "la Direction générale de l'aviation civile (DGAC)",
 * "the Norwegian Institute of Public Health (NIPH)", "la Fiscalía General de la República (FGR)". Romance names keep
 * their inner words lower-case, so capitals alone find only the head; the acronym says where the name starts: its
 * letters are the initials of the name's words, read backwards from the bracket, particles skipped. Later mentions of
 * the acronym join the full name.
 */
final class AcronymDefinitions {

    /** Acronyms are two to eight capitals; longer runs are shouted words, not abbreviations. */
    private static final int MAX_LETTERS = 8;
    private final Set<String> functionWords;
    /** Particles a name's acronym may skip ("Fédération des acteurs de la solidarité (FAS)") beyond function words. */
    private final Set<String> particles;

    AcronymDefinitions(NameCues cues) {
        this.functionWords = cues.neverNames().functionWords();
        this.particles = cues.particles().acronymParticles();
    }

    /**
     * Adds the full names defined in the fields, drops the shorter names found inside them and gives the acronym's
     * own mentions the full name's key, so the name and its acronym are one entity.
     */
    void apply(List<NameFinder.Field> fields, List<NameFinder.FoundName> found) {
        List<Definition> definitions = new ArrayList<>();
        for (NameFinder.Field field : fields) {
            if (!field.titleCase()) {
                define(field, definitions);
            }
        }
        for (Definition d : definitions) {
            NameFinder.FoundName full = d.name();
            found.removeIf(name -> name.field().equals(full.field()) && name.start() >= full.start()
                    && name.end() <= full.end() || name.text().equals(d.acronym()));
        }
        for (Definition d : definitions) {
            found.add(d.name());
            for (NameFinder.Field field : fields) {
                for (Token t : field.tokens()) {
                    if (t.surface().equals(d.acronym()) && !field.covered()[t.index()]) {
                        found.add(new NameFinder.FoundName(field.name(), t.start(), t.end(), t.surface(),
                                d.name().type(), d.name().key(), t.paragraph()));
                    }
                }
            }
        }
    }

    private record Definition(NameFinder.FoundName name, String acronym) {
    }

    private void define(NameFinder.Field field, List<Definition> out) {
        List<Token> tokens = field.tokens();
        String text = field.text();
        for (int i = 1; i < tokens.size(); i++) {
            Token acronym = tokens.get(i);
            String letters = acronym.surface();
            if (!(acronym.allCaps() || titleCaseAcronym(letters)) || acronym.hasDigit() || letters.length() > MAX_LETTERS
                    || !bracketedAfter(text, tokens.get(i - 1), acronym)) {
                continue;
            }
            int start = longFormStart(tokens, i - 1, letters);
            if (start < 0 || start == i - 1 || allCovered(field.covered(), start, i - 1)) {
                continue;
            }
            Token first = tokens.get(start);
            Token last = tokens.get(i - 1);
            // "L'Association des maires … (AMRF)": the elided article opening the sentence is no part of the name
            int skip = elision(first);
            StringBuilder key = new StringBuilder(Tokenizer.normalise(first.surface().substring(skip)));
            for (int k = start + 1; k < i; k++) {
                key.append(' ').append(tokens.get(k).norm());
            }
            int from = first.start() + skip;
            out.add(new Definition(new NameFinder.FoundName(field.name(), from, last.end(),
                    text.substring(from, last.end()), EntityType.ORGANIZATION, key.toString(), first.paragraph()),
                    letters));
        }
    }

    /**
     * The first token of the name whose initials spell {@code letters}, ending at {@code end}, or -1: each letter from
     * the last is the initial of a word further back, particles between them skipped, and the name opens with a
     * capitalised word. Words must follow each other with only blanks, hyphens or an elided article between.
     */
    private int longFormStart(List<Token> tokens, int end, String letters) {
        int letter = letters.length() - 1;
        for (int k = end; k >= 0 && k >= end - 2 * letters.length() - 2; k--) {
            Token word = tokens.get(k);
            if (k < end && !(tokens.get(k + 1).spaceBefore() || tokens.get(k + 1).hyphenBefore())) {
                return -1; // punctuation between: the name does not reach further back
            }
            if (Character.toUpperCase(initial(word)) == Character.toUpperCase(letters.charAt(letter))) {
                if (letter-- == 0) {
                    return Character.isUpperCase(initial(word)) ? k : -1;
                }
            } else if (!word.capitalised() && (particles.contains(word.norm()) || functionWords.contains(word.norm()))) {
                continue;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /**
     * An acronym written as a word, as Italian and Spanish news do: "(Ingv)", "(Infn)", "(Ros)". Each letter is still
     * a word's initial; only letters, the first a capital.
     */
    private static boolean titleCaseAcronym(String letters) {
        if (letters.length() < 3 || !Character.isUpperCase(letters.charAt(0))) {
            return false;
        }
        for (int k = 1; k < letters.length(); k++) {
            if (!Character.isLowerCase(letters.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The first letter of a word, past an elided article: "l'aviation" → a, "dell'Interno" → I. */
    private static char initial(Token word) {
        return word.surface().charAt(elision(word));
    }

    /** How many chars of the word an elided article takes ("l'", "dell'"), or 0. */
    private static int elision(Token word) {
        String s = word.surface();
        int apostrophe = Math.max(s.indexOf('\''), s.indexOf('’'));
        return apostrophe > 0 && apostrophe <= 4 && apostrophe + 1 < s.length() ? apostrophe + 1 : 0;
    }

    /** "… civile (DGAC)": the acronym alone in brackets right after the previous word, in the same paragraph. */
    private static boolean bracketedAfter(String text, Token previous, Token acronym) {
        return acronym.end() < text.length() && text.charAt(acronym.end()) == ')'
                && previous.paragraph() == acronym.paragraph()
                && text.substring(previous.end(), acronym.start()).strip().equals("(");
    }

    private static boolean allCovered(boolean[] covered, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (!covered[k]) {
                return false;
            }
        }
        return true;
    }
}

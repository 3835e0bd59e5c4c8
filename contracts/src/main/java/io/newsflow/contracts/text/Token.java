package io.newsflow.contracts.text;

/**
 * A word of a text field: a run of letters/digits (with inner apostrophes and dots, as in "d'Ivoire" or "Gazeta.Ru").
 * Hyphens split words, so "Su-30-flyene" yields Su, 30, flyene and the knowledge base can still find "Su-30" in it.
 *
 * @param index         position in the token list
 * @param start         UTF-16 offset of the first char in the field
 * @param end           UTF-16 offset after the last char (a possessive "'s" is not included)
 * @param surface       the text as written
 * @param norm          lower-cased, accents removed: the form knowledge-base aliases are compared in
 * @param sentenceStart first word of a sentence, paragraph or field
 * @param paragraph     0-based paragraph number (paragraphs are separated by blank lines)
 * @param hyphenBefore  joined to the previous token by a hyphen with no space ("Il-76", "Su-30MK2")
 * @param spaceBefore   separated from the previous token by blanks only (no punctuation, no line break)
 * @param possessive    followed by a possessive "'s" / "’s" that was cut off
 */
public record Token(int index, int start, int end, String surface, String norm, boolean sentenceStart, int paragraph,
                    boolean hyphenBefore, boolean spaceBefore, boolean possessive) {

    /** First letter upper-case (or title-case); digits and caseless scripts are not capitalised. */
    public boolean capitalised() {
        int first = surface.codePointAt(0);
        return Character.isUpperCase(first) || Character.isTitleCase(first);
    }

    /** Two or more letters, all upper-case: "NATO", "CIA", "US". */
    public boolean allCaps() {
        int letters = 0;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    public boolean hasDigit() {
        for (int i = 0; i < surface.length(); i++) {
            if (Character.isDigit(surface.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public boolean hasLetter() {
        for (int i = 0; i < surface.length(); i++) {
            if (Character.isLetter(surface.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

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
 * @param shape         capitalised / all caps / digits / letters as bits (see {@link #shapeOf})
 */
public record Token(int index, int start, int end, String surface, String norm, boolean sentenceStart, int paragraph,
                    boolean hyphenBefore, boolean spaceBefore, boolean possessive, int shape) {

    // Bits of shape: what the surface is made of, worked out once by the tokenizer because every stage asks.
    static final int CAPITALISED = 1;
    static final int ALL_CAPS = 2;
    static final int HAS_DIGIT = 4;
    static final int HAS_LETTER = 8;

    /** The shape bits of a surface form: see {@link #capitalised}, {@link #allCaps}, {@link #hasDigit}, {@link #hasLetter}. */
    static int shapeOf(String surface) {
        int first = surface.codePointAt(0);
        int shape = Character.isUpperCase(first) || Character.isTitleCase(first) ? CAPITALISED : 0;
        int letters = 0;
        boolean lowerLetter = false;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                lowerLetter |= !Character.isUpperCase(c);
            } else if (Character.isDigit(c)) {
                shape |= HAS_DIGIT;
            }
        }
        if (letters > 0) {
            shape |= HAS_LETTER;
        }
        if (letters >= 2 && !lowerLetter) {
            shape |= ALL_CAPS;
        }
        return shape;
    }

    /** First letter upper-case (or title-case); digits and caseless scripts are not capitalised. */
    public boolean capitalised() {
        return (shape & CAPITALISED) != 0;
    }

    /** Two or more letters, all upper-case: "NATO", "CIA", "US". */
    public boolean allCaps() {
        return (shape & ALL_CAPS) != 0;
    }

    public boolean hasDigit() {
        return (shape & HAS_DIGIT) != 0;
    }

    public boolean hasLetter() {
        return (shape & HAS_LETTER) != 0;
    }

    /**
     * This word is abbreviated: its full stop and one space come right before {@code next}, as in "W. Bush" or
     * "St. Olavs"; a full stop ending a sentence looks the same, so callers add what makes it an abbreviation (a
     * single capital letter after a given name, "St.").
     */
    public boolean abbreviatedBefore(String text, Token next) {
        return text.startsWith(". ", end) && next.start() == end + 2;
    }

    /** One capital letter, as a middle initial is written: the "W" of "George W. Bush". */
    public boolean initial() {
        return surface.length() == 1 && capitalised();
    }
}

package io.newsflow.enrich.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Endings of compound words ("forsvarsminister", "Sognefjorden", "jazzfestivalen"), looked up by a word's last three
 * letters: this runs for most capitalised words, several times each; a loop over every ending or a substring per
 * possible ending cost 4 to 17 times as much per word.
 */
public final class Suffixes {
    /** Letters of the index key; shorter endings are checked for every word. */
    private static final int KEY = 3;
    private static final String[] NONE = {};

    private final Set<String> endings;
    private final int minPrefix;
    private final String[][] byLastLetters;
    private final String[] shortEndings;
    private final int shortest;

    /**
     * @param endings   normalised like the words they will meet
     * @param minPrefix letters a word must have before its ending: 0 lets the ending alone match, 3 asks for a
     *                  compound ("visepresident", not "president")
     */
    public Suffixes(Set<String> endings, int minPrefix) {
        if (minPrefix < 0) {
            throw new IllegalArgumentException("minPrefix " + minPrefix + " is negative");
        }
        this.endings = Set.copyOf(endings);
        this.minPrefix = minPrefix;
        int size = Integer.highestOneBit(Math.max(8, endings.size() * 4) - 1) << 1; // few letter keys share a bucket
        List<List<String>> buckets = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            buckets.add(new ArrayList<>());
        }
        List<String> shortOnes = new ArrayList<>();
        int min = Integer.MAX_VALUE;
        for (String ending : this.endings) {
            if (ending.isEmpty()) {
                throw new IllegalArgumentException("an empty ending would match every word");
            }
            if (ending.length() < KEY) {
                shortOnes.add(ending);
            } else {
                buckets.get(slot(ending, size - 1)).add(ending);
            }
            min = Math.min(min, ending.length());
        }
        byLastLetters = buckets.stream().map(b -> b.isEmpty() ? NONE : b.toArray(String[]::new)).toArray(String[][]::new);
        shortEndings = shortOnes.toArray(String[]::new);
        shortest = min;
    }

    /** The word ends in one of the endings after at least {@code minPrefix} letters. */
    public boolean endsWithOne(String norm) {
        int length = norm.length();
        if (length - minPrefix < shortest) {
            return false;
        }
        if (length >= KEY && endsWithOneOf(norm, byLastLetters[slot(norm, byLastLetters.length - 1)])) {
            return true;
        }
        return shortEndings.length > 0 && endsWithOneOf(norm, shortEndings);
    }

    /** The word is one of the endings itself ("universitetet", "festival"), whatever the minimum prefix. */
    public boolean contains(String norm) {
        return endings.contains(norm);
    }

    private boolean endsWithOneOf(String norm, String[] candidates) {
        for (String ending : candidates) {
            if (norm.length() - ending.length() >= minPrefix && norm.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** The bucket of a word's last {@link #KEY} letters, without a substring. */
    private static int slot(String word, int mask) {
        int length = word.length();
        return ((word.charAt(length - 3) * 31 + word.charAt(length - 2)) * 31 + word.charAt(length - 1)) & mask;
    }
}

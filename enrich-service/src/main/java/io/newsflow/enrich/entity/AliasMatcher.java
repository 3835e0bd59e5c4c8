package io.newsflow.enrich.entity;

import io.newsflow.contracts.EnrichedArticle.EntityType;
import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds knowledge-base aliases in a token list: a trie over normalised words, walked once from every position,
 * longest match first (so "The Washington Post" beats "Washington", "Sukhoi Su-30MK2" beats "Sukhoi"). Matching is
 * case-aware per word, restricted to the article's language (plus English and language-neutral aliases) and allows a
 * possessive "'s", a Scandinavian/German genitive "-s" and model-variant suffixes ("Su-30" in "Su-30MK2").
 */
public final class AliasMatcher {

    /** Languages whose genitive is a bare -s on the name: "Russlands", "Venezuelas". */
    private static final Set<String> GENITIVE_S = Set.of("nb", "nn", "no", "da", "sv", "de", "nl", "is");
    private static final int MAX_VARIANT_SUFFIX = 4;

    private static final byte ANY_CASE = 0;
    private static final byte CAPITALISED = 1;
    private static final byte ALL_CAPS = 2;

    private final List<KbEntry> entries;
    private final Node root = new Node();
    private final Map<String, Integer> languageBits = new HashMap<>();

    public AliasMatcher(KnowledgeBase kb) {
        this.entries = kb.entries();
        for (int e = 0; e < entries.size(); e++) {
            for (KbEntry.Alias alias : entries.get(e).aliases()) {
                add(e, alias);
            }
        }
    }

    /** A knowledge-base entity found at tokens first..last (inclusive); start/end are UTF-16 offsets of the mention. */
    public record KbMatch(int first, int last, int start, int end, KbEntry entry, boolean needsSupport) {
        public EntityType type() {
            return entry.type();
        }
    }

    private void add(int entry, KbEntry.Alias alias) {
        if (alias.text().startsWith("the ")) {
            return; // "the Kremlin": the bare name matches already, and the mention should not include "the"
        }
        List<Token> words = Tokenizer.tokenizeName(alias.text());
        if (words.isEmpty()) {
            return;
        }
        List<String> norms = new ArrayList<>(words.size());
        byte[] rules = new byte[words.size()];
        for (int i = 0; i < words.size(); i++) {
            Token w = words.get(i);
            norms.add(w.norm());
            rules[i] = w.allCaps() ? ALL_CAPS : w.capitalised() ? CAPITALISED : ANY_CASE;
        }
        long mask = alias.language() == null ? -1L : bit(alias.language());
        Target target = new Target(entry, mask, rules, endsWithDigit(words.getLast()), alias.needsSupport(), false);
        addPath(norms, target);
        // "L'Aquila", "L'Avana", "L'Oréal" after another elided article ("all'Aquila", "dell'Avana") or opening a
        // sentence ("L'Oréal a …"), where the tokenizer splits the article off: the name without it, there only.
        int name = Tokenizer.afterElidedArticle(words.getFirst().surface());
        if (name > 0) {
            List<String> bare = new ArrayList<>(norms);
            bare.set(0, Tokenizer.normalise(words.getFirst().surface().substring(name)));
            addPath(bare, new Target(entry, mask, rules, target.endsWithDigit(), alias.needsSupport(), true));
        }
    }

    private void addPath(List<String> norms, Target target) {
        Node node = root;
        for (String norm : norms) {
            node = node.children.computeIfAbsent(norm, k -> new Node());
        }
        for (Target t : node.targets) {
            if (t.entry == target.entry && t.languages == target.languages
                    && Arrays.equals(t.caseRules, target.caseRules) && t.needsSupport == target.needsSupport
                    && t.afterElision == target.afterElision) {
                return;
            }
        }
        node.targets.add(target);
    }

    private long bit(String language) {
        Integer index = languageBits.computeIfAbsent(language, l -> languageBits.size());
        return index < 63 ? 1L << index : -1L;
    }

    private long activeLanguages(String language) {
        long mask = maskOf("en");
        if (language != null) {
            mask |= maskOf(language);
            if ("nb".equals(language) || "nn".equals(language) || "no".equals(language)) {
                mask |= maskOf("nb") | maskOf("nn") | maskOf("no");
            }
        }
        return mask;
    }

    private long maskOf(String language) {
        Integer index = languageBits.get(language);
        return index == null ? 0L : index < 63 ? 1L << index : -1L;
    }

    /**
     * The place a one-word alias names in the language, whatever its case, or null: the second half of "Ostdeutschland"
     * or "Nordhessen".
     */
    public KbEntry placeNamed(String norm, String language) {
        Node node = root.children.get(norm);
        if (node == null) {
            return null;
        }
        long active = activeLanguages(language);
        for (Target target : node.targets) {
            KbEntry entry = entries.get(target.entry);
            if ((target.languages & active) != 0 && target.caseRules.length == 1 && !target.needsSupport
                    && entry.type() == EntityType.LOCATION) {
                return entry;
            }
        }
        return null;
    }

    /** All non-overlapping matches, left to right, longest first. */
    public List<KbMatch> match(String text, List<Token> tokens, String language) {
        long active = activeLanguages(language);
        boolean genitive = language != null && GENITIVE_S.contains(language);
        List<KbMatch> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            KbMatch best = longestAt(text, tokens, i, active, genitive);
            if (best != null) {
                matches.add(best);
                i = best.last() + 1;
            } else {
                i++;
            }
        }
        return matches;
    }

    private KbMatch longestAt(String text, List<Token> tokens, int from, long active, boolean genitive) {
        Node node = root;
        KbMatch best = null;
        for (int j = from; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (j > from) {
                Token prev = tokens.get(j - 1);
                boolean initialBefore = prev.initial() && prev.abbreviatedBefore(text, t); // "George W. Bush"
                if (!(t.spaceBefore() || t.hyphenBefore() || initialBefore) || prev.possessive()) {
                    break; // words of one name are adjacent: no punctuation between, no "'s" inside
                }
            }
            Node exact = node.children.get(t.norm());
            // The whole word is a variant of a name: "Venezuelas" (genitive), "Su-30MK2" (model variant).
            if (genitive && t.norm().length() > 3 && t.norm().endsWith("s")) {
                Node stem = node.children.get(t.norm().substring(0, t.norm().length() - 1));
                KbMatch m = accept(stem, tokens, from, j, active, false, true);
                if (m != null && (best == null || m.last() > best.last())) {
                    best = m;
                }
            }
            if (exact == null) {
                KbMatch variant = variantAt(node, tokens, from, j, active);
                if (variant != null && (best == null || variant.last() > best.last())) {
                    best = variant;
                }
                break;
            }
            node = exact;
            KbMatch m = accept(node, tokens, from, j, active, false, false);
            if (m != null) {
                best = m;
            }
        }
        return best;
    }

    /** "Su-30MK2", "F-16s": the last word starts with an alias word ending in a digit, plus a short letter suffix. */
    private KbMatch variantAt(Node node, List<Token> tokens, int from, int j, long active) {
        String norm = tokens.get(j).norm();
        for (int cut = norm.length() - 1; cut >= Math.max(1, norm.length() - MAX_VARIANT_SUFFIX); cut--) {
            if (!Character.isDigit(norm.charAt(cut - 1)) || !Character.isLetter(norm.charAt(cut))) {
                continue;
            }
            Node stem = node.children.get(norm.substring(0, cut));
            KbMatch m = accept(stem, tokens, from, j, active, true, false);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private KbMatch accept(Node node, List<Token> tokens, int from, int to, long active, boolean variant,
                           boolean genitive) {
        if (node == null || node.targets.isEmpty()) {
            return null;
        }
        for (Target target : node.targets) {
            if ((target.languages & active) == 0 || variant && !target.endsWithDigit) {
                continue;
            }
            if (target.afterElision && (from == 0 || !Tokenizer.elides(tokens.get(from - 1), tokens.get(from)))) {
                continue;
            }
            if (target.caseRules.length != to - from + 1 || !caseFits(target.caseRules, tokens, from, genitive)) {
                continue;
            }
            return new KbMatch(from, to, tokens.get(from).start(), tokens.get(to).end(), entries.get(target.entry),
                    target.needsSupport);
        }
        return null;
    }

    private static boolean caseFits(byte[] rules, List<Token> tokens, int from, boolean genitive) {
        for (int k = 0; k < rules.length; k++) {
            Token t = tokens.get(from + k);
            switch (rules[k]) {
                case ALL_CAPS -> {
                    boolean last = k == rules.length - 1;
                    if (!t.allCaps() && !(genitive && last && allCapsBeforeS(t.surface()))) {
                        return false;
                    }
                }
                case CAPITALISED -> {
                    if (!t.capitalised()) {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return true;
    }

    /** "USAs", "EUs": an acronym with the genitive s. */
    private static boolean allCapsBeforeS(String surface) {
        if (surface.length() < 3 || surface.charAt(surface.length() - 1) != 's') {
            return false;
        }
        for (int i = 0; i < surface.length() - 1; i++) {
            if (Character.isLetter(surface.charAt(i)) && !Character.isUpperCase(surface.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithDigit(Token word) {
        String s = word.norm();
        return !s.isEmpty() && Character.isDigit(s.charAt(s.length() - 1));
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        final List<Target> targets = new ArrayList<>(1);
    }

    /** @param afterElision the name without its elided article, matched only right after one ("all'Aquila") */
    private record Target(int entry, long languages, byte[] caseRules, boolean endsWithDigit, boolean needsSupport,
                          boolean afterElision) {
    }
}

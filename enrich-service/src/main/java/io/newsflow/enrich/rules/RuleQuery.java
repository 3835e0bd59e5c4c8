package io.newsflow.enrich.rules;

import io.newsflow.contracts.text.Token;
import io.newsflow.contracts.text.Tokenizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A boolean keyword query as media-monitoring users write them, compiled once and matched against many articles:
 * {@code ("Oreshnik" OR "Kalibr") AND Venezuela}, {@code Putin NEAR/5 Maduro}, {@code Equinor NOT "Equinor Arena"},
 * {@code sanksjon* AND lang:nb}.
 * <ul>
 *   <li>a word matches the word in any case and without diacritics ("maduro" = "Maduro", "Nicolás" = "Nicolas");
 *       a trailing {@code *} matches any word it starts ("sanksjon*");</li>
 *   <li>{@code "a phrase"} matches the words in that order, next to each other;</li>
 *   <li>{@code AND} (also implicit between two terms), {@code OR}, {@code NOT}, parentheses; AND binds tighter
 *       than OR; operators are upper case so the words "and"/"or" can be searched for in quotes;</li>
 *   <li>{@code x NEAR/n y}: words or phrases x and y at most n words apart, in either order ({@code NEAR} = NEAR/10);</li>
 *   <li>{@code lang:xx}: the article's language is xx (nb, nn and no count as one).</li>
 * </ul>
 * Headline and body are searched as one text, but no phrase or NEAR spans from one into the other.
 */
public final class RuleQuery {

    static final int DEFAULT_NEAR = 10;
    private static final int FIELD_GAP = 1_000;
    private static final int MAX_LENGTH = 2_000;
    private static final int MAX_NEAR = 100;

    private final Node root;
    private final String source;

    private RuleQuery(Node root, String source) {
        this.root = root;
        this.source = source;
    }

    /** @throws InvalidQueryException with a message a user can act on */
    public static RuleQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("The query is empty");
        }
        if (query.length() > MAX_LENGTH) {
            throw new InvalidQueryException("The query is longer than " + MAX_LENGTH + " chars");
        }
        Parser parser = new Parser(lex(query));
        Node root = parser.or();
        if (!parser.done()) {
            throw new InvalidQueryException("Unexpected '" + parser.peek().text + "' at position " + parser.peek().at);
        }
        if (root.onlyNegative()) {
            throw new InvalidQueryException("The query needs at least one term that must occur (NOT alone matches almost everything)");
        }
        return new RuleQuery(root, query);
    }

    public String source() {
        return source;
    }

    /** Whether an article (its language, headline and body tokens) matches. */
    public boolean matches(String language, List<Token> title, List<Token> text) {
        return root.matches(new Doc(language, title, text));
    }

    /** An article's words with their positions, built once per article and shared by every rule. */
    public static final class Doc {
        final String language;
        final Map<String, BitSet> positions = new HashMap<>();

        public Doc(String language, List<Token> title, List<Token> text) {
            this.language = language;
            add(title, 0);
            add(text, title.size() + FIELD_GAP);
        }

        private void add(List<Token> tokens, int offset) {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.hasLetter() || t.hasDigit()) {
                    positions.computeIfAbsent(t.norm(), k -> new BitSet()).set(offset + i);
                }
            }
        }
    }

    /** Matching against a prepared document, so many rules share one index. */
    public boolean matches(Doc doc) {
        return root.matches(doc);
    }

    // ---- syntax tree

    private interface Node {
        boolean matches(Doc doc);

        default boolean onlyNegative() {
            return false;
        }
    }

    /** A node with positions: a word, a prefix, a phrase, or OR of those. */
    private interface Positional extends Node {
        BitSet positions(Doc doc);

        /** How many words an occurrence spans. */
        int width();

        @Override
        default boolean matches(Doc doc) {
            return !positions(doc).isEmpty();
        }
    }

    private record Word(String norm) implements Positional {
        public BitSet positions(Doc doc) {
            BitSet p = doc.positions.get(norm);
            return p == null ? new BitSet() : p;
        }

        public int width() {
            return 1;
        }
    }

    private record Prefix(String stem) implements Positional {
        public BitSet positions(Doc doc) {
            BitSet all = new BitSet();
            doc.positions.forEach((word, p) -> {
                if (word.startsWith(stem)) {
                    all.or(p);
                }
            });
            return all;
        }

        public int width() {
            return 1;
        }
    }

    private record Phrase(List<String> norms) implements Positional {
        public BitSet positions(Doc doc) {
            BitSet start = (BitSet) new Word(norms.getFirst()).positions(doc).clone();
            for (int i = 1; i < norms.size() && !start.isEmpty(); i++) {
                BitSet next = new Word(norms.get(i)).positions(doc);
                BitSet shifted = new BitSet();
                for (int p = next.nextSetBit(i); p >= 0; p = next.nextSetBit(p + 1)) {
                    shifted.set(p - i);
                }
                start.and(shifted);
            }
            return start;
        }

        public int width() {
            return norms.size();
        }
    }

    private record AnyOf(List<Positional> options) implements Positional {
        public BitSet positions(Doc doc) {
            BitSet all = new BitSet();
            options.forEach(o -> all.or(o.positions(doc)));
            return all;
        }

        public int width() {
            return options.stream().mapToInt(Positional::width).max().orElse(1);
        }
    }

    private record Near(Positional left, Positional right, int distance) implements Node {
        public boolean matches(Doc doc) {
            BitSet a = left.positions(doc);
            BitSet b = right.positions(doc);
            for (int p = a.nextSetBit(0); p >= 0; p = a.nextSetBit(p + 1)) {
                // right after left: gap between left's end and right's start; right before left likewise
                int from = Math.max(0, p - distance - right.width());
                int to = p + left.width() + distance;
                for (int q = b.nextSetBit(from); q >= 0 && q <= to; q = b.nextSetBit(q + 1)) {
                    if (q >= p + left.width() || q + right.width() <= p) {
                        return true; // no overlap: two different occurrences
                    }
                }
            }
            return false;
        }
    }

    private record And(List<Node> all) implements Node {
        public boolean matches(Doc doc) {
            for (Node n : all) {
                if (!n.matches(doc)) {
                    return false;
                }
            }
            return true;
        }

        public boolean onlyNegative() {
            return all.stream().allMatch(Node::onlyNegative);
        }
    }

    private record Or(List<Node> any) implements Node {
        public boolean matches(Doc doc) {
            for (Node n : any) {
                if (n.matches(doc)) {
                    return true;
                }
            }
            return false;
        }

        public boolean onlyNegative() {
            return any.stream().anyMatch(Node::onlyNegative);
        }
    }

    private record Not(Node inner) implements Node {
        public boolean matches(Doc doc) {
            return !inner.matches(doc);
        }

        public boolean onlyNegative() {
            return true;
        }
    }

    private record Language(String code) implements Node {
        private static final Set<String> NORWEGIAN = Set.of("nb", "nn", "no");

        public boolean matches(Doc doc) {
            if (doc.language == null) {
                return false;
            }
            return code.equals(doc.language) || NORWEGIAN.contains(code) && NORWEGIAN.contains(doc.language);
        }
    }

    // ---- lexer and parser

    private enum Kind { WORD, PHRASE, AND, OR, NOT, NEAR, OPEN, CLOSE }

    private record Lexeme(Kind kind, String text, int at, int near) {
    }

    private static List<Lexeme> lex(String q) {
        List<Lexeme> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Lexeme(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i, 0));
                i++;
            } else if (c == '"' || c == '\u201C' || c == '\u201D') {
                int end = i + 1;
                while (end < q.length() && q.charAt(end) != '"' && q.charAt(end) != '\u201D' && q.charAt(end) != '\u201C') {
                    end++;
                }
                if (end >= q.length()) {
                    throw new InvalidQueryException("Unclosed quote at position " + i);
                }
                out.add(new Lexeme(Kind.PHRASE, q.substring(i + 1, end), i, 0));
                i = end + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && "()\"".indexOf(q.charAt(end)) < 0) {
                    end++;
                }
                String w = q.substring(i, end);
                switch (w) {
                    case "AND" -> out.add(new Lexeme(Kind.AND, w, i, 0));
                    case "OR" -> out.add(new Lexeme(Kind.OR, w, i, 0));
                    case "NOT" -> out.add(new Lexeme(Kind.NOT, w, i, 0));
                    case "NEAR" -> out.add(new Lexeme(Kind.NEAR, w, i, DEFAULT_NEAR));
                    default -> {
                        if (w.startsWith("NEAR/")) {
                            int n;
                            try {
                                n = Integer.parseInt(w.substring(5));
                            } catch (NumberFormatException e) {
                                throw new InvalidQueryException("NEAR/n needs a number of words, got '" + w + "'");
                            }
                            if (n < 0 || n > MAX_NEAR) {
                                throw new InvalidQueryException("NEAR/n must be between 0 and " + MAX_NEAR);
                            }
                            out.add(new Lexeme(Kind.NEAR, w, i, n));
                        } else {
                            out.add(new Lexeme(Kind.WORD, w, i, 0));
                        }
                    }
                }
                i = end;
            }
        }
        return out;
    }

    private static final class Parser {
        private final List<Lexeme> lexemes;
        private int at;

        Parser(List<Lexeme> lexemes) {
            this.lexemes = lexemes;
        }

        boolean done() {
            return at >= lexemes.size();
        }

        Lexeme peek() {
            return lexemes.get(at);
        }

        private boolean next(Kind kind) {
            if (!done() && peek().kind() == kind) {
                at++;
                return true;
            }
            return false;
        }

        Node or() {
            List<Node> any = new ArrayList<>(List.of(and()));
            while (next(Kind.OR)) {
                any.add(and());
            }
            return any.size() == 1 ? any.getFirst() : anyOf(any);
        }

        private static Node anyOf(List<Node> any) {
            if (any.stream().allMatch(n -> n instanceof Positional)) {
                return new AnyOf(any.stream().map(n -> (Positional) n).toList()); // usable inside NEAR
            }
            return new Or(any);
        }

        Node and() {
            List<Node> all = new ArrayList<>(List.of(unary()));
            while (!done()) {
                Kind k = peek().kind();
                if (k == Kind.AND) {
                    at++;
                    all.add(unary());
                } else if (k == Kind.WORD || k == Kind.PHRASE || k == Kind.OPEN || k == Kind.NOT) {
                    all.add(unary()); // implicit AND
                } else {
                    break;
                }
            }
            return all.size() == 1 ? all.getFirst() : new And(all);
        }

        Node unary() {
            if (next(Kind.NOT)) {
                return new Not(unary());
            }
            Node left = primary();
            while (!done() && peek().kind() == Kind.NEAR) {
                Lexeme near = lexemes.get(at++);
                Node right = primary();
                if (!(left instanceof Positional l) || !(right instanceof Positional r)) {
                    throw new InvalidQueryException("NEAR at position " + near.at()
                            + " joins words, phrases or (a OR b) groups of them only");
                }
                left = new Near(l, r, near.near());
            }
            return left;
        }

        Node primary() {
            if (done()) {
                throw new InvalidQueryException("The query ends where a term was expected");
            }
            Lexeme l = lexemes.get(at++);
            switch (l.kind()) {
                case OPEN -> {
                    Node inner = or();
                    if (!next(Kind.CLOSE)) {
                        throw new InvalidQueryException("Missing ')' for '(' at position " + l.at());
                    }
                    return inner;
                }
                case PHRASE -> {
                    List<String> norms = Tokenizer.tokenizeName(l.text()).stream()
                            .filter(t -> t.hasLetter() || t.hasDigit()).map(Token::norm).toList();
                    if (norms.isEmpty()) {
                        throw new InvalidQueryException("Empty phrase at position " + l.at());
                    }
                    return norms.size() == 1 ? new Word(norms.getFirst()) : new Phrase(norms);
                }
                case WORD -> {
                    String w = l.text();
                    if (w.regionMatches(true, 0, "lang:", 0, 5)) {
                        String code = w.substring(5).toLowerCase(java.util.Locale.ROOT);
                        if (!code.matches("[a-z]{2,3}")) {
                            throw new InvalidQueryException("lang: needs a language code such as lang:nb, got '" + w + "'");
                        }
                        return new Language(code);
                    }
                    boolean prefix = w.endsWith("*");
                    String body = prefix ? w.substring(0, w.length() - 1) : w;
                    List<String> norms = Tokenizer.tokenizeName(body).stream()
                            .filter(t -> t.hasLetter() || t.hasDigit()).map(Token::norm).toList();
                    if (norms.isEmpty()) {
                        throw new InvalidQueryException("'" + w + "' at position " + l.at() + " has no letters or digits");
                    }
                    if (prefix) {
                        if (norms.size() > 1 || norms.getFirst().length() < 2) {
                            throw new InvalidQueryException("A * prefix needs at least two letters of one word: '" + w + "'");
                        }
                        return new Prefix(norms.getFirst());
                    }
                    // "Su-30" or "Jonas-Gahr" written without quotes: the words in order
                    return norms.size() == 1 ? new Word(norms.getFirst()) : new Phrase(norms);
                }
                default -> throw new InvalidQueryException("Unexpected '" + l.text() + "' at position " + l.at());
            }
        }
    }

    /** A query a user wrote that cannot be compiled; the message says where and why. */
    public static final class InvalidQueryException extends RuntimeException {
        public InvalidQueryException(String message) {
            super(message);
        }
    }
}

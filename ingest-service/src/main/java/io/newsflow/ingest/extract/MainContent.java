package io.newsflow.ingest.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the main text of a page's body: drops what is never prose, then page chrome (unless it holds most of the
 * page's prose: a wrapper called "has-sidebar" is still the page), scores blocks Readability-style (paragraph text
 * and commas climb to their ancestors, class/id hints and link density weigh in), merges the winner's siblings that
 * continue the article, and walks the result emitting paragraphs, headings, list items, quotes and table rows, minus
 * blocks that are links, pointers to other stories or boilerplate lines.
 *
 * <p>Mutates the document it is given; one instance per page.
 */
final class MainContent {

    /** Paragraphs with more link text than this share are navigation, not prose. */
    private static final double MAX_LINK_DENSITY = 0.5;
    /** A chrome-looking element holding at least this share of the page's prose is the page, not chrome. */
    private static final double PROTECTED_SHARE = 0.5;
    private static final int MIN_PARAGRAPH_CHARS = 25;

    private static final Set<String> NEVER_TEXT = Set.of(
            "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math", "link",
            "meta", "button", "input", "select", "textarea", "option", "label", "dialog", "figure", "figcaption",
            "picture", "video", "audio", "map", "source", "track", "head", "title");
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside", "form", "menu");
    private static final Set<String> CHROME_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "alert", "tablist");
    static final Set<String> INLINE_TAGS = Set.of(
            "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
            "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "img", "tt",
            "big", "strike", "nobr");
    private static final Set<String> TEXT_BLOCKS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dt", "dd", "tr", "blockquote");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final Element body;
    private final String title;
    private Map<Element, Stats> stats;
    private List<Element> articleBodies = List.of();

    MainContent(Element body, String title) {
        this.body = body;
        this.title = title;
    }

    /** Per-element counts, gathered in one pass: text chars (no whitespace), chars inside links, commas. */
    private static final class Stats {
        int chars;
        int linkChars;
        /** Chars of the element's own text nodes and inline children: its text as a paragraph. */
        int inlineChars;
        int inlineCommas;
        /** Chars inside p/pre/blockquote/li descendants that are not mostly links: the prose the element holds. */
        int proseChars;
        double score;
        boolean scored;

        int plainChars() {
            return chars - linkChars;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    String text() {
        dropNeverText();
        stats = measure(body);
        removeChrome();
        stats = measure(body);
        Element top = bestCandidate();
        List<Element> roots = top == null ? List.of(body) : withTwins(top, withSiblings(top));
        List<Block> blocks = new ArrayList<>();
        for (Element root : roots) {
            emit(root, blocks, root.closest("a") != null);
        }
        return BlockFilter.join(blocks, title);
    }

    // ------------------------------------------------------------------ cleaning

    private void dropNeverText() {
        List<Element> doomed = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            if (el != body && (NEVER_TEXT.contains(el.normalName()) || isHidden(el))) {
                doomed.add(el);
            }
        }
        doomed.forEach(Node::remove);
    }

    private static boolean isHidden(Element el) {
        if (el.hasAttr("hidden")) {
            return true;
        }
        String style = el.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (s.contains("display:none") || s.contains("visibility:hidden")) {
                return true;
            }
        }
        return Boilerplate.isScreenReaderOnly(el.className());
    }

    private void removeChrome() {
        int pageProse = Math.max(stats(body).proseChars, 1);
        articleBodies = body.getElementsByAttributeValue("itemprop", "articleBody");
        List<Element> doomed = new ArrayList<>();
        collectChrome(body, pageProse, doomed);
        doomed.forEach(Node::remove);
    }

    private void collectChrome(Element el, int pageProse, List<Element> doomed) {
        for (Element child : el.children()) {
            if (isChrome(child) && !holdsTheArticle(child, pageProse)) {
                doomed.add(child);
            } else {
                collectChrome(child, pageProse, doomed);
            }
        }
    }

    private static boolean isChrome(Element el) {
        String tag = el.normalName();
        if (CHROME_TAGS.contains(tag)) {
            return true;
        }
        String role = el.attr("role");
        if (!role.isEmpty() && CHROME_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return Boilerplate.isChromeName(el.className(), el.id());
    }

    private boolean holdsTheArticle(Element el, int pageProse) {
        Stats s = stats(el);
        if (s.proseChars >= PROTECTED_SHARE * pageProse && s.proseChars >= 200) {
            return true;
        }
        for (Element marked : articleBodies) {
            if (isAncestor(el, marked)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ measuring

    private Stats stats(Element el) {
        Stats s = stats.get(el);
        return s != null ? s : new Stats();
    }

    private static Map<Element, Stats> measure(Element root) {
        Map<Element, Stats> map = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    map.put(el, new Stats());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                Node parentNode = node.parentNode();
                Stats parent = parentNode instanceof Element p ? map.get(p) : null;
                if (node instanceof TextNode t) {
                    if (parent != null) {
                        String text = t.getWholeText();
                        int chars = 0;
                        int commas = 0;
                        for (int i = 0; i < text.length(); i++) {
                            char c = text.charAt(i);
                            if (!Character.isWhitespace(c) && c != '\u00a0') {
                                chars++;
                                if (c == ',' || c == '，' || c == '、' || c == '。') {
                                    commas++;
                                }
                            }
                        }
                        parent.chars += chars;
                        parent.inlineChars += chars;
                        parent.inlineCommas += commas;
                    }
                    return;
                }
                if (!(node instanceof Element el)) {
                    return;
                }
                Stats s = map.get(el);
                String tag = el.normalName();
                if (tag.equals("a")) {
                    s.linkChars = s.chars;
                }
                if ((tag.equals("p") || tag.equals("pre") || tag.equals("li") || tag.equals("blockquote")
                        || tag.equals("td") || tag.equals("dd")) && s.proseChars == 0) {
                    s.proseChars = s.linkDensity() <= MAX_LINK_DENSITY ? s.plainChars() : 0;
                } else if (s.proseChars == 0 && s.inlineChars >= 100 && s.linkDensity() <= MAX_LINK_DENSITY
                        && !INLINE_TAGS.contains(tag)) {
                    s.proseChars = s.inlineChars; // text written straight into a div, with <br> between paragraphs
                }
                if (parent != null) {
                    parent.chars += s.chars;
                    parent.linkChars += s.linkChars;
                    parent.proseChars += s.proseChars;
                    if (INLINE_TAGS.contains(tag)) {
                        parent.inlineChars += s.inlineChars;
                        parent.inlineCommas += s.inlineCommas;
                    }
                }
            }
        }, root);
        return map;
    }

    // ------------------------------------------------------------------ scoring

    /**
     * Readability's scorer: each paragraph (a p, pre or td, or a div with prose written straight into it) adds
     * 1 + commas + one point per 100 chars (at most 3) to its parent, half to the grandparent, a sixth to the next.
     * A candidate starts from its tag and class/id hints; the final score is discounted by link density.
     */
    private Element bestCandidate() {
        List<Element> candidates = new ArrayList<>();
        for (Element el : body.getAllElements()) {
            String tag = el.normalName();
            if (INLINE_TAGS.contains(tag) || HEADINGS.contains(tag) || tag.equals("li")) {
                continue;
            }
            Stats s = stats(el);
            if (s.inlineChars < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double inlineLinkShare = tag.equals("p") || tag.equals("pre") ? s.linkDensity() : 0;
            if (inlineLinkShare > MAX_LINK_DENSITY) {
                continue;
            }
            double score = 1 + s.inlineCommas + Math.min(s.inlineChars / 100.0, 3);
            boolean isParagraph = tag.equals("p") || tag.equals("pre") || tag.equals("td");
            Element level0 = isParagraph ? el.parent() : el;
            Element ancestor = level0;
            for (int level = 0; ancestor != null && level < 3; level++) {
                Stats a = stats(ancestor);
                if (!a.scored) {
                    a.scored = true;
                    a.score = initialScore(ancestor);
                    candidates.add(ancestor);
                }
                a.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                if (ancestor == body) {
                    break;
                }
                ancestor = ancestor.parent();
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Element candidate : candidates) {
            Stats s = stats(candidate);
            double score = s.score * (1 - s.linkDensity());
            s.score = score;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        if (best == null) {
            return null;
        }
        // A top candidate whose parent holds little else is better taken with its parent (its heading, lists).
        Element parent = best.parent();
        while (parent != null && parent != body && stats(best).chars >= 0.85 * stats(parent).chars
                && stats(parent).chars - stats(best).chars <= 250
                && !isChrome(parent)) {
            best = parent;
            parent = best.parent();
        }
        return best;
    }

    private static double initialScore(Element el) {
        double score = switch (el.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (el.normalName().equals("article")) {
            score += 10;
        }
        if ("articleBody".equalsIgnoreCase(el.attr("itemprop"))) {
            score += 40;
        }
        return score + Boilerplate.classWeight(el.className(), el.id());
    }

    /** The winner plus the siblings that continue it (Readability's rule: a good score, or a plain paragraph). */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null || top == body) {
            return List.of(top);
        }
        Stats topStats = stats(top);
        double threshold = Math.max(10, topStats.score * 0.2);
        List<Element> roots = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                roots.add(sibling);
                continue;
            }
            Stats s = stats(sibling);
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
                    ? topStats.score * 0.2 : 0;
            if (s.scored && s.score + bonus >= threshold) {
                roots.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                int chars = s.chars;
                double density = s.linkDensity();
                String text = sibling.text();
                if (chars > 80 && density < 0.25
                        || chars > 0 && chars <= 80 && density == 0 && text.matches(".*\\.( |$).*")) {
                    roots.add(sibling);
                }
            }
        }
        return roots;
    }

    /**
     * Adds the winner's twins: elements elsewhere in the page with the same tag and class that hold prose. Templates
     * that split a long article into sections (between figures, pull quotes or ad slots) repeat the section's class.
     */
    private List<Element> withTwins(Element top, List<Element> roots) {
        String className = top.className();
        if (className.isBlank()) {
            return roots;
        }
        List<Element> twins = new ArrayList<>();
        for (Element el : body.getElementsByAttributeValue("class", className)) {
            if (el == top || !el.normalName().equals(top.normalName())) {
                continue;
            }
            Stats s = stats(el);
            if (s.proseChars < MIN_PARAGRAPH_CHARS * 4 || s.linkDensity() > 0.3) {
                continue;
            }
            boolean covered = false;
            for (Element root : roots) {
                if (root == el || isAncestor(root, el) || isAncestor(el, root)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                twins.add(el);
            }
        }
        if (twins.isEmpty()) {
            return roots;
        }
        Set<Element> wanted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(roots);
        wanted.addAll(twins);
        List<Element> ordered = new ArrayList<>(wanted.size());
        for (Element el : body.getAllElements()) {
            if (wanted.contains(el)) {
                ordered.add(el);
            }
        }
        // Nested twins: keep the outermost.
        ordered.removeIf(el -> ordered.stream().anyMatch(other -> other != el && isAncestor(other, el)));
        return ordered;
    }

    private static boolean isAncestor(Element ancestor, Element el) {
        for (Element up = el.parent(); up != null; up = up.parent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ emitting

    /** A paragraph of output, with the tag it came from (headings and list items are judged differently). */
    record Block(String tag, String text, double linkDensity) {
    }

    private void emit(Element el, List<Block> out, boolean inLink) {
        String tag = el.normalName();
        if ((tag.equals("ul") || tag.equals("ol") || tag.equals("dl") || tag.equals("table"))
                && stats(el).linkDensity() > MAX_LINK_DENSITY) {
            return; // a list of links: other headlines, tags, share targets
        }
        if (TEXT_BLOCKS.contains(tag) && !hasBlockChild(el) || tag.equals("tr") && el.selectFirst("table") == null) {
            String text = tag.equals("tr") ? rowText(el) : el.text();
            // A row is judged with its table (a linked name in a results table is still the table's content).
            add(out, tag, text, inLink ? 1 : tag.equals("tr") ? 0 : stats(el).linkDensity());
            return;
        }
        StringBuilder loose = new StringBuilder();
        int looseLinks = 0;
        for (Node child : el.childNodes()) {
            if (child instanceof TextNode textNode) {
                loose.append(textNode.getWholeText());
            } else if (child instanceof Element childEl) {
                String childTag = childEl.normalName();
                if (INLINE_TAGS.contains(childTag) && !hasBlockChild(childEl)) {
                    if (childTag.equals("br")) {
                        loose.append(' ');
                    } else {
                        String t = childEl.text();
                        loose.append(t);
                        looseLinks += childTag.equals("a") ? t.length() : stats(childEl).linkChars;
                    }
                } else {
                    flush(loose, inLink ? loose.length() : looseLinks, tag, out);
                    looseLinks = 0;
                    emit(childEl, out, inLink || childTag.equals("a"));
                }
            }
        }
        flush(loose, inLink ? loose.length() : looseLinks, tag, out);
    }

    private static void flush(StringBuilder loose, int links, String tag, List<Block> out) {
        if (loose.isEmpty()) {
            return;
        }
        String text = loose.toString();
        loose.setLength(0);
        String cleaned = ArticleExtractor.clean(text);
        if (cleaned != null && cleaned.length() >= 2) {
            add(out, tag.equals("p") ? "p" : "div", cleaned, Math.min(1, (double) links / cleaned.length()));
        }
    }

    private static void add(List<Block> out, String tag, String text, double linkDensity) {
        String cleaned = ArticleExtractor.clean(text);
        if (cleaned != null) {
            out.add(new Block(tag, cleaned, linkDensity));
        }
    }

    private static String rowText(Element row) {
        StringBuilder sb = new StringBuilder();
        for (Element cell : row.children()) {
            String t = cell.text();
            if (!t.isBlank()) {
                sb.append(sb.isEmpty() ? "" : " ").append(t);
            }
        }
        return sb.toString();
    }

    private static boolean hasBlockChild(Element el) {
        for (Element child : el.children()) {
            if (!INLINE_TAGS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }
}

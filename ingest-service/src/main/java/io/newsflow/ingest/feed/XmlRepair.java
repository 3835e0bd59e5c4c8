package io.newsflow.ingest.feed;

import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the ill-formed XML real feeds carry so a strict parser can read it, the way lenient readers such as Python's
 * feedparser recover: characters XML forbids (control characters), bare {@code &}, HTML named entities XML does not
 * define ({@code &nbsp;}, {@code &eacute;}), and junk before the root element. CDATA sections and comments are left
 * alone. DOCTYPEs are not touched here: the parser refuses those with an internal subset (XXE).
 */
final class XmlRepair {

    /** The text and what was repaired (empty when nothing). */
    record Result(String xml, List<String> repairs) {
    }

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)?");
    private static final Pattern PROTECTED = Pattern.compile("<!\\[CDATA\\[.*?(?:]]>|\\z)|<!--.*?(?:-->|\\z)", Pattern.DOTALL);

    private XmlRepair() {
    }

    static Result repair(String xml) {
        List<String> repairs = new ArrayList<>();
        String text = xml;

        String cleaned = withoutIllegalChars(text);
        if (cleaned.length() != text.length()) {
            repairs.add("removed " + (text.length() - cleaned.length()) + " characters XML forbids");
            text = cleaned;
        }
        int root = text.indexOf('<');
        if (root > 0) {
            repairs.add("removed text before the first tag");
            text = text.substring(root);
        }
        // An XML declaration must come first; after junk or a second one, drop it.
        int decl = text.indexOf("<?xml", 1);
        if (decl > 0 && text.substring(0, decl).indexOf("<?xml") != 0) {
            int end = text.indexOf("?>", decl);
            if (end > 0) {
                text = text.substring(0, decl) + text.substring(end + 2);
                repairs.add("removed a misplaced XML declaration");
            }
        }

        StringBuilder out = new StringBuilder(text.length() + 64);
        int[] fixes = new int[2]; // bare ampersands, HTML entities
        Matcher prot = PROTECTED.matcher(text);
        int last = 0;
        while (prot.find()) {
            fixEntities(text.substring(last, prot.start()), out, fixes);
            out.append(text, prot.start(), prot.end());
            last = prot.end();
        }
        fixEntities(text.substring(last), out, fixes);
        if (fixes[0] > 0) {
            repairs.add("escaped " + fixes[0] + " bare '&'");
        }
        if (fixes[1] > 0) {
            repairs.add("replaced " + fixes[1] + " HTML entities");
        }
        return new Result(out.toString(), List.copyOf(repairs));
    }

    private static void fixEntities(String segment, StringBuilder out, int[] fixes) {
        Matcher m = ENTITY.matcher(segment);
        int last = 0;
        while (m.find()) {
            out.append(segment, last, m.start());
            last = m.end();
            if (m.group(1) == null) {
                out.append("&amp;");
                fixes[0]++;
                continue;
            }
            String name = m.group(2);
            if (name == null || isXmlEntity(name)) {
                out.append(m.group());
                continue;
            }
            String value = Entities.isNamedEntity(name) ? Entities.getByName(name) : "";
            if (value.isEmpty()) {
                out.append("&amp;").append(name).append(';'); // unknown: keep it visible as text
                fixes[0]++;
            } else {
                value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                fixes[1]++;
            }
        }
        out.append(segment, last, segment.length());
    }

    private static boolean isXmlEntity(String name) {
        return switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> true;
            default -> false;
        };
    }

    /** Removes what XML 1.0 forbids: C0 controls but tab/newline/return, U+FFFE/U+FFFF and unpaired surrogates. */
    static String withoutIllegalChars(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = (c >= 0x20 && c <= 0xD7FF) || c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}

package io.newsflow.ingest.extract;

import io.newsflow.ingest.extract.MainContent.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which emitted blocks are article text: drops link-heavy blocks, pointers to other stories ("Read also: …",
 * "Les også: …", "Lesen Sie auch: …"), one-line boilerplate (advertisement labels, share prompts, newsletter and
 * paywall notes, cookie notices, photo credits), the headline repeated as the first block, a byline or dateline before
 * the first paragraph, and headings left with nothing under them.
 */
final class BlockFilter {

    /** Short paragraphs that point elsewhere. */
    private static final Pattern POINTER = Pattern.compile(
            "^(?:read also|also read|read more|read next|see also|related(?: articles?| stories| content| coverage)?"
                    + "|recommended|more on this|more from|more:|watch:|listen:|les også|les mer|se også|lees ook"
                    + "|lesen sie auch|mehr zum thema|weiterlesen|lire aussi|à lire aussi|leer más|lea también"
                    + "|läs också|læs også|læs ogsÅ|luettavaa|czytaj też|leia também|leggi anche)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Whole-line boilerplate, matched against short blocks only. */
    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "^(?:advertisement|advertisements|ad|ads|annonse|anzeige|publicité|publicidad|reklame|sponsored"
                    + "|share(?: this| on| via| article| story)?\\b.*|follow us\\b.*|tweet|pin it|email|print|comments?"
                    + "|\\d+ comments?|leave a (?:comment|reply)\\b.*|post a comment\\b.*|show comments\\b.*"
                    + "|(?:sign up|subscribe)\\b.*(?:newsletter|inbox|updates|free)\\b.*"
                    + "|.*\\b(?:this (?:site|website) uses cookies|we use cookies|accept (?:all )?cookies)\\b.*"
                    + "|(?:photo|image|picture|foto|bilde|bild|credit|photograph)s?(?: credit)?\\s*[:©].*"
                    + "|©.*|copyright\\b.*|all rights reserved\\b.*"
                    + "|(?:subscribe|log in|sign in|register) (?:to|for) (?:continue|read|keep)\\b.*"
                    + "|(?:skip|jump) to (?:content|main content|navigation)|back to top|close|caption|toggle caption"
                    + "|(?:click|tap) (?:here )?to (?:expand|enlarge|play|view)\\b.*|loading\\.*|video|audio"
                    + "|(?:updated|published|posted|last updated)\\b[^.]{0,40}\\d.{0,30}"
                    + ")[.!:]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A byline or dateline: "By Jane Doe", "Av Kari Nordmann", "November 20, 2019 5:27 am". */
    private static final Pattern BYLINE = Pattern.compile(
            "^(?i:by|av|von|par|por|door|af)\\s+\\p{Lu}.{0,80}$", Pattern.UNICODE_CASE);
    private static final Pattern DATELINE = Pattern.compile(
            "^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:\\d{1,2}[./ ]\\s?)?(?:jan|feb|mar|apr|may|jun|jul|aug"
                    + "|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}.{0,30}$|^\\d{4}-\\d{2}-\\d{2}.{0,20}$"
                    + "|^\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}.{0,20}$",
            Pattern.CASE_INSENSITIVE);

    private static final int SHORT = 160;
    private static final double MAX_LINK_DENSITY = 0.5;

    private BlockFilter() {
    }

    static String join(List<Block> blocks, String title) {
        List<Block> kept = new ArrayList<>(blocks.size());
        boolean seenProse = false;
        String normalTitle = title == null ? null : normal(title);
        for (Block block : blocks) {
            String text = block.text();
            boolean heading = block.tag().length() == 2 && block.tag().charAt(0) == 'h';
            if (block.linkDensity() > MAX_LINK_DENSITY && text.length() < 400 || isPointer(text)
                    || isBoilerplateLine(text)) {
                continue;
            }
            if (!seenProse) {
                if (normalTitle != null && (normal(text).equals(normalTitle) || heading && block.tag().equals("h1"))) {
                    continue; // the headline is the title field, not the body's first paragraph
                }
                if (text.length() < 100 && (BYLINE.matcher(text).matches() || DATELINE.matcher(text).matches())) {
                    continue;
                }
                if (!heading && text.length() < 30 && text.indexOf(' ') < 0 && blocks.size() > 3) {
                    continue; // a kicker or section label ("Politics") above the article
                }
            }
            if (!kept.isEmpty() && text.length() > 20 && kept.getLast().text().equals(text)) {
                continue;
            }
            if (!heading && text.length() >= 60) {
                seenProse = true;
            }
            kept.add(block);
        }
        // Headings followed by nothing or by another heading introduced something that was removed.
        List<String> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Block block = kept.get(i);
            boolean heading = block.tag().length() == 2 && block.tag().charAt(0) == 'h';
            if (heading) {
                Block next = i + 1 < kept.size() ? kept.get(i + 1) : null;
                boolean nextIsHeading = next != null && next.tag().length() == 2 && next.tag().charAt(0) == 'h';
                if (next == null || nextIsHeading && !deeper(next.tag(), block.tag())) {
                    continue;
                }
            }
            out.add(block.text());
        }
        return String.join("\n\n", out);
    }

    private static boolean deeper(String next, String heading) {
        return next.charAt(1) > heading.charAt(1);
    }

    static boolean isPointer(String text) {
        return text.length() < SHORT && POINTER.matcher(text).matches();
    }

    static boolean isBoilerplateLine(String text) {
        return text.length() < SHORT && BOILERPLATE_LINE.matcher(text).matches();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

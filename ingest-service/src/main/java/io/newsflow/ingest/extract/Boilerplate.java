package io.newsflow.ingest.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Class/id vocabulary of page chrome and of article containers. Names are matched as whole words of the class or id
 * ("ad" matches "ad-slot" and "top_ad", not "shadow" or "header"); multi-word entries match across -, _ and spaces.
 */
final class Boilerplate {

    private static final String WORD_START = "(?:^|[\\s_-])";
    private static final String WORD_END = "(?:$|[\\s_-])";

    /**
     * Elements so named are removed (unless they hold most of the page's prose). Matched against the words of the
     * class and id split at spaces, - and _, and against two and three adjacent words run together, so "read-also",
     * "readAlso" and "les_ogsa" all match; a set lookup per word keeps this cheap on pages with thousands of elements.
     */
    private static final Set<String> CHROME = Set.of(
            "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "share", "sharing",
            "shares", "sharebar", "social", "socials", "related", "readalso", "alsoread", "readmore", "morestories",
            "morefrom", "lesogsa", "lesogså", "lesmer", "lesensieauch", "mehrzumthema", "comment", "comments",
            "commentform", "respond", "replies", "disqus", "discussion", "newsletter", "newsletters", "cookie",
            "cookies", "cookiebanner", "consent", "gdpr", "ad", "ads", "advert", "adverts", "advertisement",
            "advertising", "adslot", "adcontainer", "dfp", "gpt", "banner", "promo", "promos", "promotion",
            "sponsored", "sponsor", "subscribe", "subscription", "paywall", "signup", "popup", "modal", "overlay",
            "sidebar", "widget", "widgets", "outbrain", "taboola", "recommended", "recommendations", "mostread",
            "mostpopular", "popular", "trending", "tags", "taglist", "skiplink", "footer", "masthead", "toolbar",
            "byline", "authorbio", "authorbox", "aboutauthor", "caption", "credit", "credits", "photocredit",
            "pagination", "pager", "print", "jumplink", "hiddenprint", "rating", "tooltip", "teaserlist",
            "headlines", "nextarticle", "prevarticle", "postnavigation", "postmeta", "entrymeta", "metadata",
            "articlemeta", "nyhetsbrev", "kommentar", "kommentarer", "kommentare", "annonse", "annonser",
            "anzeige", "werbung", "reklame", "mestlest", "meistgelesen", "relaterte", "delknapper");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s_-]+");

    /** Words of an article container (Readability's positive list, plus common CMS names). */
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich[\\s_-]?text|storytext",
            Pattern.CASE_INSENSITIVE);
    /** Words of everything around it (Readability's negative list). */
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead"
                    + "|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping"
                    + "|tags|tool|widget|teaser|recirc|newsletter|nav|menu|social|byline|caption",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCREEN_READER = Pattern.compile(
            WORD_START + "(?:sr[\\s_-]?only|screen[\\s_-]?reader[\\s_-]?text|visually[\\s_-]?hidden|visuallyhidden"
                    + "|a11y[\\s_-]?hidden)" + WORD_END, Pattern.CASE_INSENSITIVE);

    private Boilerplate() {
    }

    static boolean isChromeName(String className, String id) {
        if (className.isEmpty() && id.isEmpty()) {
            return false;
        }
        return hasChromeWord(className) || hasChromeWord(id);
    }

    private static boolean hasChromeWord(String name) {
        if (name.isEmpty()) {
            return false;
        }
        String[] words = WORD_SEPARATORS.split(name.toLowerCase(Locale.ROOT));
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (CHROME.contains(word)) {
                return true;
            }
            if (i + 1 < words.length) {
                String two = word + words[i + 1];
                if (CHROME.contains(two) || i + 2 < words.length && CHROME.contains(two + words[i + 2])) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isScreenReaderOnly(String className) {
        return !className.isEmpty() && SCREEN_READER.matcher(className).find();
    }

    /** +25 per side for an article-like class and id, -25 for a chrome-like one (Readability's class weight). */
    static int classWeight(String className, String id) {
        int weight = 0;
        if (!className.isEmpty()) {
            weight += NEGATIVE.matcher(className).find() ? -25 : 0;
            weight += POSITIVE.matcher(className).find() ? 25 : 0;
        }
        if (!id.isEmpty()) {
            weight += NEGATIVE.matcher(id).find() ? -25 : 0;
            weight += POSITIVE.matcher(id).find() ? 25 : 0;
        }
        return weight;
    }
}

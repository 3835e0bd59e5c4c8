package io.newsflow.enrich.language;

import io.newsflow.contracts.EnrichedArticle.Language;
import io.newsflow.contracts.text.Token;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Detects the language of title and text with OpenNLP's 103-language model (langdetect-183.bin from the
 * opennlp-models-langdetect jar; nothing is downloaded). Too little text or a weak guess falls back to the declared
 * language, else "und".
 */
public final class LanguageIdentifier {

    /** Classpath location of the model inside the opennlp-models-langdetect jar. */
    public static final String MODEL_RESOURCE = "langdetect-183.bin";
    /** Confidence reported when the declared language is used because detection could not decide. */
    static final double HINT_CONFIDENCE = 0.5;
    /** How many of the model's ranked candidates the confidence is computed over. */
    private static final int TOP_CANDIDATES = 5;
    /** Languages the model confuses with each other on short texts. */
    private static final java.util.List<java.util.Set<String>> CLOSE_RELATIVES = java.util.List.of(
            java.util.Set.of("nb", "nn", "no", "da"), java.util.Set.of("hr", "sr", "bs"), java.util.Set.of("ms", "id"),
            java.util.Set.of("cs", "sk"));
    /** Ends the title in the model's sample, so the headline reads as a sentence of its own. */
    private static final String TITLE_END = ".\n";
    /** Confidence reported with "und". */
    static final double UNDETERMINED_CONFIDENCE = 0.0;

    /** The model is shared; OpenNLP does not promise that a detector instance is thread-safe, so one per thread. */
    private final ThreadLocal<LanguageDetectorME> detector;
    private final int minLetters;
    private final double minConfidence;
    private final int sampleChars;
    private final StopWordCheck stopWords = StopWordCheck.builtIn();

    /**
     * @param minLetters    below this many letters detection is not attempted
     * @param minConfidence how clearly (0..1) the detected language must beat the best unrelated candidate
     *                      (1 − runner-up/best); a weaker guess yields to the hint (or "und")
     * @param sampleChars   how much of the text is looked at; the opening of an article is plenty and keeps it fast
     */
    public LanguageIdentifier(int minLetters, double minConfidence, int sampleChars) {
        LanguageDetectorModel model = loadModel();
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
        this.minLetters = minLetters;
        this.minConfidence = minConfidence;
        this.sampleChars = sampleChars;
    }

    private static LanguageDetectorModel loadModel() {
        try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is not on the classpath (opennlp-models-langdetect)");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MODEL_RESOURCE, e);
        }
    }

    /**
     * Like {@link #identify(String, String, String)}, but the model, which costs more than the rest of enrichment,
     * is skipped when the words of the article settle the language: a declared language its function words confirm,
     * or, without a declaration, a language its function words leave no doubt about ({@link StopWordCheck}).
     *
     * @param titleTokens the tokens of title, as the enricher has them anyway
     * @param textTokens  the tokens of text
     */
    public Language identify(String title, String text, String hint, List<Token> titleTokens, List<Token> textTokens) {
        return decide(title, text, hint, titleTokens, textTokens).language();
    }

    /** How a language was found: the model ran, or the function words were enough. */
    enum Route { DECLARATION_CONFIRMED, FUNCTION_WORDS, MODEL }

    record Decision(Language language, Route route) {
    }

    /** {@link #identify(String, String, String, List, List)} with the route taken, for tests and measurements. */
    Decision decide(String title, String text, String hint, List<Token> titleTokens, List<Token> textTokens) {
        String declared = LanguageCodes.normaliseHint(hint);
        if (declared != null) {
            double confirmed = stopWords.confirm(declared, titleTokens, textTokens);
            if (confirmed >= 0) {
                return new Decision(new Language(declared, round(confirmed)), Route.DECLARATION_CONFIRMED);
            }
        } else {
            StopWordCheck.Guess guess = stopWords.guess(titleTokens, textTokens, openingChars(title));
            if (guess != null) {
                return new Decision(new Language(guess.language(), round(guess.margin())), Route.FUNCTION_WORDS);
            }
        }
        return new Decision(identify(title, text, hint), Route.MODEL);
    }

    /** How much of text the model reads after the title (see {@code sample}). */
    private int openingChars(String title) {
        return Math.max(0, sampleChars - (title == null ? 0 : title.length() + TITLE_END.length()));
    }

    /**
     * @param title headline, may be null
     * @param text  body, may be null
     * @param hint  declared language (request field or RawArticle.languageHint), may be null
     */
    public Language identify(String title, String text, String hint) {
        String declared = LanguageCodes.normaliseHint(hint);
        String sample = sample(title, text);
        if (countLetters(sample) < minLetters) {
            return fallback(declared);
        }
        opennlp.tools.langdetect.Language[] ranked = detector.get().predictLanguages(sample);
        if (ranked.length == 0) {
            return fallback(declared);
        }
        // The model's probabilities are spread over 103 languages and flatten on short texts, so what counts is
        // how clearly the best language beats the best unrelated one (close relatives such as nb/nn/da pool their
        // weight), and how clearly it beats its relatives.
        int top = Math.min(ranked.length, TOP_CANDIDATES);
        String best = LanguageCodes.toIso639_1(ranked[0].getLang());
        double bestP = ranked[0].getConfidence();
        double family = 0;
        double rival = 0;
        for (int i = 0; i < top; i++) {
            if (sameFamily(best, LanguageCodes.toIso639_1(ranked[i].getLang()))) {
                family += ranked[i].getConfidence();
            } else if (rival == 0) {
                rival = ranked[i].getConfidence();
            }
        }
        double distinct = bestP <= 0 ? 0 : 1 - rival / bestP;   // 0 = a coin toss with another language, 1 = clear
        double confidence = distinct * (bestP / family);          // shared with nn when the text is nb-or-nn
        if (declared != null && !declared.equals(best)) {
            // A declared language the model also finds plausible wins: the page knows nb from da better.
            for (int i = 1; i < top; i++) {
                if (declared.equals(LanguageCodes.toIso639_1(ranked[i].getLang()))
                        && ranked[i].getConfidence() >= bestP * 0.5) {
                    return new Language(declared, round(distinct * ranked[i].getConfidence() / family));
                }
            }
        }
        if (distinct < minConfidence) {
            return declared != null && declared.equals(best) ? new Language(best, round(confidence)) : fallback(declared);
        }
        return new Language(best, round(confidence));
    }

    private static boolean sameFamily(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        for (java.util.Set<String> family : CLOSE_RELATIVES) {
            if (family.contains(a) && family.contains(b)) {
                return true;
            }
        }
        return false;
    }

    private Language fallback(String declared) {
        return declared != null ? new Language(declared, HINT_CONFIDENCE)
                : new Language(Language.UNDETERMINED, UNDETERMINED_CONFIDENCE);
    }

    private String sample(String title, String text) {
        StringBuilder sb = new StringBuilder(Math.min(sampleChars + 200, 4096));
        if (title != null) {
            sb.append(title).append(TITLE_END);
        }
        if (text != null) {
            sb.append(text, 0, Math.min(text.length(), Math.max(0, sampleChars - sb.length())));
        }
        return sb.toString();
    }

    private static int countLetters(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

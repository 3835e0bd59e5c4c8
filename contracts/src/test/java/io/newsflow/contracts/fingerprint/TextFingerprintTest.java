package io.newsflow.contracts.fingerprint;

import io.newsflow.contracts.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFingerprintTest {

    private static final long FINGERPRINT_OF_NEWSFLOW = 0xbb27f10fb33f4c0eL;
    private static final long SIMHASH_OF_WIRE = 0x1f6d61fffdf4a2caL;

    private static final String WIRE = """
            NATO defence ministers agreed on Thursday to deliver at least four more Patriot air-defence batteries to
            Ukraine before the end of January, alliance officials said, as Kyiv prepares for another winter of Russian
            missile and drone strikes on its energy system. The pledge, made at a two-day meeting at NATO headquarters
            in Brussels, comes from a group of countries led by Germany and the Netherlands, with Norway and Spain
            contributing interceptor missiles and technicians to help Ukrainian crews with maintenance. Two of the
            batteries are expected to be operating in Ukraine by Christmas, according to a senior alliance diplomat.
            """;
    private static final String OTHER = """
            The European Central Bank is likely to keep interest rates unchanged at its December meeting, its president
            said on Friday, as figures showed growth in the euro zone slowing to a crawl in the third quarter while
            inflation stayed close to the bank's target. Economists polled last week expect no change before spring,
            although several governors have argued for a cut if the labour market weakens over the winter months.
            """;

    @Test
    void wordsIgnoreCasePunctuationAccentsAndTypography() {
        assertThat(TextFingerprint.of("NATO’s  “Patriot” air-defence, Kyiv!", null))
                .isEqualTo(TextFingerprint.of("nato patriot air defence kyiv", null));
        assertThat(TextFingerprint.of("Skreikvoten kuttes – Andøya", ""))
                .isEqualTo(TextFingerprint.of("skreikvoten KUTTES andoya", ""));
        assertThat(TextFingerprint.of(null, "  ... ").words()).isZero();
    }

    @Test
    void shinglesAreWordNGramsAndShortTextsStillGetOne() {
        long a = Shingles.hash("a");
        long b = Shingles.hash("b");
        long c = Shingles.hash("c");
        assertThat(Shingles.hashes(new long[] {a, b, c, Shingles.hash("d")}, 3)).hasSize(2);
        assertThat(Shingles.hashes(new long[] {a, b}, 3)).hasSize(1);
        assertThat(Shingles.hashes(new long[0], 3)).isEmpty();
        // Repeated phrases count once; word order is part of the hash.
        assertThat(Shingles.hashes(new long[] {a, b, a, b}, 2)).hasSize(2);
        assertThat(Shingles.hashes(new long[] {a, b}, 2)).doesNotContain(Shingles.hashes(new long[] {b, a}, 2));
        assertThatThrownBy(() -> Shingles.hashes(new long[] {a}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsAreDeterministicAcrossInstances() {
        TextFingerprint a = TextFingerprint.of("Title", WIRE);
        TextFingerprint b = TextFingerprint.of("Title", WIRE);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.words()).isEqualTo(Tokenizer.tokenize("Title " + WIRE).size());
        // Fixed values guard against accidental changes of seeds or hashing: stored fingerprints must stay comparable.
        assertThat(Shingles.hash("newsflow")).isEqualTo(FINGERPRINT_OF_NEWSFLOW);
        assertThat(a.simHash()).isEqualTo(SIMHASH_OF_WIRE);
    }

    @Test
    void fromTokensEqualsFromTextSoEnrichAndStoreAgree() {
        for (String text : List.of(WIRE, OTHER, "Nicolás Maduro’s “plan” — 5. november: U.S. O'Brien Su-30MK2 普京访问 ＡＢＣ",
                "\n\n  line\r\nbreaks\u00a0and\ttabs  ", "")) {
            assertThat(TextFingerprint.of(Tokenizer.tokenize("Headline"), Tokenizer.tokenize(text)))
                    .isEqualTo(TextFingerprint.of("Headline", text));
        }
    }

    @Test
    void syndicatedCopyWithDifferentChromeIsACopy() {
        TextFingerprint original = TextFingerprint.of("NATO allies pledge extra Patriot batteries", WIRE);
        TextFingerprint syndicated = TextFingerprint.of("NATO allies pledge extra Patriot batteries for Ukraine",
                "Harbour Gazette. Subscribe now. " + WIRE.replace("Thursday", "Thursday,") + " Most read: ferry terminal.");
        assertThat(original.similarity(syndicated)).isGreaterThan(0.7);
        assertThat(original.isCopyOf(syndicated)).isTrue();
        assertThat(SimHash.distance(original.simHash(), syndicated.simHash())).isLessThan(16);
    }

    @Test
    void unrelatedTextsAreNotCopies() {
        TextFingerprint nato = TextFingerprint.of("NATO pledge", WIRE);
        TextFingerprint ecb = TextFingerprint.of("ECB holds", OTHER);
        assertThat(nato.similarity(ecb)).isLessThan(0.1);
        assertThat(nato.isCopyOf(ecb)).isFalse();
        assertThat(SimHash.distance(nato.simHash(), ecb.simHash())).isGreaterThan(SimHash.NEAR_DUPLICATE_DISTANCE);
    }

    @Test
    void minHashEstimatesJaccardSimilarity() {
        // Two sets of 1000 shingles sharing 500: Jaccard 1/3.
        long[] a = new long[1000];
        long[] b = new long[1000];
        for (int i = 0; i < 1000; i++) {
            a[i] = Shingles.mix(i);
            b[i] = Shingles.mix(i + 500);
        }
        double estimate = MinHash.similarity(MinHash.signature(a), MinHash.signature(b));
        assertThat(estimate).isBetween(1.0 / 3 - 0.2, 1.0 / 3 + 0.2);
        assertThat(MinHash.similarity(MinHash.signature(a), MinHash.signature(a))).isEqualTo(1.0);
    }

    @Test
    void copiesShareABandAndUnrelatedTextsDoNot() {
        TextFingerprint original = TextFingerprint.of("t", WIRE);
        TextFingerprint copy = TextFingerprint.of("t", WIRE + " Reporting by Elena Marsh.");
        TextFingerprint other = TextFingerprint.of("t", OTHER);
        assertThat(original.bands()).hasSize(MinHash.BANDS);
        assertThat(sharedBands(original, copy)).isGreaterThan(0);
        assertThat(sharedBands(original, other)).isZero();
    }

    @Test
    void emptyTextsAreNeverCopies() {
        TextFingerprint empty = TextFingerprint.of("", null);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.isCopyOf(TextFingerprint.of(null, " "))).isFalse();
        assertThat(empty.similarity(empty)).isZero();
        assertThat(SimHash.of(new long[0])).isZero();
        // Identical stubs are too short to call copies.
        assertThat(TextFingerprint.of("A headline", "Some text.").isCopyOf(TextFingerprint.of("A headline",
                "Some text."))).isFalse();
    }

    @Test
    void rejectsMalformedSignatures() {
        assertThatThrownBy(() -> new TextFingerprint(new int[3], 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinHash.bands(new int[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinHash.similarity(new int[3], new int[4])).isInstanceOf(IllegalArgumentException.class);
    }

    private static long sharedBands(TextFingerprint a, TextFingerprint b) {
        long[] x = a.bands();
        long[] y = b.bands();
        long shared = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                shared++;
            }
        }
        return shared;
    }
}

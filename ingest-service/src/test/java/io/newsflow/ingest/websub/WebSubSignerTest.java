package io.newsflow.ingest.websub;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebSubSignerTest {

    private final WebSubSigner signer = new WebSubSigner("service-secret");
    private final byte[] body = "<rss>…</rss>".getBytes(StandardCharsets.UTF_8);

    @Test
    void eachFeedHasItsOwnStableSecret() {
        assertThat(signer.secretFor("feed-a")).hasSize(64).isEqualTo(new WebSubSigner("service-secret").secretFor("feed-a"))
                .isNotEqualTo(signer.secretFor("feed-b"))
                .isNotEqualTo(new WebSubSigner("other").secretFor("feed-a"));
    }

    @Test
    void verifiesWhatAHubSignsWithAnySupportedHash() throws Exception {
        String secret = signer.secretFor("feed-a");
        for (String[] alg : new String[][] {{"sha1", "HmacSHA1"}, {"sha256", "HmacSHA256"}, {"sha512", "HmacSHA512"}}) {
            Mac mac = Mac.getInstance(alg[1]);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), alg[1]));
            String header = alg[0] + "=" + HexFormat.of().formatHex(mac.doFinal(body));
            assertThat(signer.verifies("feed-a", body, header)).as(alg[0]).isTrue();
            assertThat(signer.verifies("feed-a", body, header.toUpperCase())).as("case does not matter").isTrue();
        }
        assertThat(signer.verifies("feed-a", body, signer.sign("feed-a", body))).isTrue();
    }

    @Test
    void refusesWrongMissingOrMalformedSignatures() {
        String good = signer.sign("feed-a", body);
        assertThat(signer.verifies("feed-b", body, good)).as("another feed's secret").isFalse();
        assertThat(signer.verifies("feed-a", "<rss>changed</rss>".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(signer.verifies("feed-a", body, null)).isFalse();
        assertThat(signer.verifies("feed-a", body, "sha256=zz")).isFalse();
        assertThat(signer.verifies("feed-a", body, "md5=" + good.substring(7))).isFalse();
        assertThat(signer.verifies("feed-a", body, good.substring(0, good.length() - 2))).isFalse();
    }
}

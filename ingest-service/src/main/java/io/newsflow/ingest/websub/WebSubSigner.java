package io.newsflow.ingest.websub;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The per-feed WebSub secrets and the X-Hub-Signature check. Each feed's secret is derived from the service secret
 * (HMAC-SHA256 of the feed id), so any replica can verify a delivery for any feed without shared state, and a leaked
 * feed secret reveals nothing about the others.
 */
public final class WebSubSigner {

    private final byte[] serviceSecret;

    public WebSubSigner(String serviceSecret) {
        this.serviceSecret = serviceSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The hub.secret sent when subscribing the feed. */
    public String secretFor(String feedId) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", serviceSecret, feedId.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether an {@code X-Hub-Signature} header ({@code method=hex}, method sha1, sha256, sha384 or sha512) signs the
     * body with the feed's secret; compared in constant time.
     */
    public boolean verifies(String feedId, byte[] body, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        int eq = signatureHeader.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        String algorithm = switch (signatureHeader.substring(0, eq).strip().toLowerCase(Locale.ROOT)) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha384" -> "HmacSHA384";
            case "sha512" -> "HmacSHA512";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signatureHeader.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = hmac(algorithm, secretFor(feedId).getBytes(StandardCharsets.UTF_8), body);
        return MessageDigest.isEqual(expected, presented);
    }

    /** The header value a hub would send, for tests and tools. */
    public String sign(String feedId, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secretFor(feedId).getBytes(StandardCharsets.UTF_8), body));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required by every JRE", e);
        }
    }
}

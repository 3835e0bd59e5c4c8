package io.newsflow.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The API key rule, plain so it is tested without HTTP: a configured key must come as {@code X-API-Key} or
 * {@code Authorization: Bearer}; compared in constant time (digests of equal length, {@link MessageDigest#isEqual}),
 * so neither the key's content nor its length leaks through timing. The key is never logged or echoed.
 */
public final class ApiKeyCheck {

    private final byte[] expectedDigest;

    /** @param apiKey the configured key; null or blank: every request passes */
    public ApiKeyCheck(String apiKey) {
        this.expectedDigest = apiKey == null || apiKey.isBlank() ? null : digest(apiKey.strip());
    }

    public boolean enabled() {
        return expectedDigest != null;
    }

    /**
     * @param xApiKey       the X-API-Key header, may be null
     * @param authorization the Authorization header, may be null
     */
    public boolean allows(String xApiKey, String authorization) {
        if (expectedDigest == null) {
            return true;
        }
        String presented = xApiKey;
        if (presented == null && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7);
        }
        if (presented == null || presented.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, digest(presented.strip()));
    }

    /** Whether a request changes state: only those need the key (reads and previews stay open). */
    public static boolean isChanging(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        boolean changingMethod = m.equals("POST") || m.equals("PUT") || m.equals("DELETE") || m.equals("PATCH");
        String p = path.startsWith("/") ? path : "/" + path;
        return changingMethod && p.startsWith("/api/feeds") && !p.startsWith("/api/feeds/preview");
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}

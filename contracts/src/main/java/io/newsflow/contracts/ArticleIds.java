package io.newsflow.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Article identity: the id is a hash of the canonical URL, so the same article reached through two feeds, with tracking
 * parameters or a fragment, gets the same id and the same Kafka key.
 */
public final class ArticleIds {

    /** Query parameters that identify a campaign or a click, not a document. */
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
            "_ga", "_gl", "ref_src", "cmpid", "ocid", "smid", "ncid", "sr_share", "at_medium", "at_campaign");

    private ArticleIds() {
    }

    /** The stable article id for a URL: first 128 bits of SHA-256 of {@link #canonicalize(String)}, in hex. */
    public static String idFor(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalize(url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    /**
     * Canonical form of an absolute http(s) URL: scheme and host lower-cased, default port and fragment dropped,
     * tracking parameters ({@code utm_*} and known click ids) removed, remaining parameters kept in their order,
     * an empty path written as "/".
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public static String canonicalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute http(s) URL: " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();

        StringBuilder canonical = new StringBuilder(url.length()).append(scheme).append("://").append(host);
        if (!defaultPort) {
            canonical.append(':').append(port);
        }
        canonical.append(path);
        String query = withoutTrackingParameters(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    private static String withoutTrackingParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }
}

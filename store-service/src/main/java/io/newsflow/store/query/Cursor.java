package io.newsflow.store.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of articles ended: the last item's sort time and id. Opaque to clients (base64url text); a keyset
 * rather than an offset, so pages stay consistent while new articles arrive.
 *
 * @param sortAt the last item's publication (else fetch) time; null when it had none (those sort last)
 * @param id     the last item's id
 */
public record Cursor(Instant sortAt, String id) {

    public String encode() {
        String plain = (sortAt == null ? "-" : sortAt.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String value) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 1 || bar == plain.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            String time = plain.substring(0, bar);
            return new Cursor("-".equals(time) ? null : Instant.parse(time), plain.substring(bar + 1));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new InvalidQueryException("cursor is not one this API returned (use nextCursor as given)");
        }
    }
}

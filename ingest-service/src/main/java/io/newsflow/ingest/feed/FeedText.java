package io.newsflow.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for feeds, like a lenient reader does it: a BOM decides; otherwise the charset the HTTP header or the
 * XML prolog declares, unless the bytes say it is wrong. Two wrong declarations are common: UTF-8 bytes declared as
 * ISO-8859-1/Windows-1252 (valid multi-byte UTF-8 does not happen by chance in Latin text, so UTF-8 wins), and Latin
 * bytes declared as UTF-8 (invalid UTF-8: read as Windows-1252, a superset of ISO-8859-1 that browsers use).
 */
final class FeedText {

    /** How the text was decoded and whether the declaration was overruled. */
    record Decoded(String text, Charset charset, String correction) {
    }

    private static final Pattern PROLOG_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedText() {
    }

    static Decoded decode(byte[] body, String contentType) {
        // BOMs are unambiguous.
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, null);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, null);
        }
        if (body.length >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0) {
            return new Decoded(new String(body, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, null);
        }
        if (body.length >= 4 && body[0] == '<' && body[1] == 0 && body[3] == 0) {
            return new Decoded(new String(body, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, null);
        }
        Charset declared = declared(body, contentType);
        boolean ascii = isAscii(body);
        if (ascii) {
            return new Decoded(new String(body, StandardCharsets.US_ASCII), declared == null ? StandardCharsets.UTF_8 : declared, null);
        }
        String utf8 = strictUtf8(body);
        if (declared == null || declared.equals(StandardCharsets.UTF_8)) {
            if (utf8 != null) {
                return new Decoded(utf8, StandardCharsets.UTF_8, null);
            }
            return new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252,
                    "declared " + (declared == null ? "no charset (UTF-8 by default)" : "UTF-8")
                            + " but the bytes are not UTF-8: read as windows-1252");
        }
        if (utf8 != null && isSingleByteLatin(declared)) {
            return new Decoded(utf8, StandardCharsets.UTF_8, "declared " + declared.name() + " but the bytes are UTF-8");
        }
        Charset effective = declared.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : declared;
        return new Decoded(new String(body, effective), effective, null);
    }

    private static Charset declared(byte[] body, String contentType) {
        if (contentType != null) {
            Matcher m = HTTP_CHARSET.matcher(contentType);
            if (m.find()) {
                Charset c = charset(m.group(1));
                if (c != null) {
                    return c;
                }
            }
        }
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = PROLOG_ENCODING.matcher(head);
        return m.find() ? charset(m.group(1)) : null;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return null; // unknown or illegal name: treat as undeclared
        }
    }

    private static boolean isSingleByteLatin(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("us-ascii") || n.equals("iso-8859-15");
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

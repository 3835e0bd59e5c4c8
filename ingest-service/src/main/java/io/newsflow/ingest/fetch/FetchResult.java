package io.newsflow.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * The outcome of a fetch that reached a final response.
 *
 * @param uri         where the content came from, after redirects
 * @param status      HTTP status (200..299, or 304)
 * @param body        decoded (decompressed) body; empty when not modified
 * @param contentType Content-Type header, may be null (charset detection needs it)
 * @param validators  ETag / Last-Modified to send on the next poll
 * @param maxAge      Cache-Control max-age of the response, null when none (the publisher's idea of freshness)
 * @param wireBytes   bytes transferred (before decompression)
 */
public record FetchResult(URI uri, int status, byte[] body, String contentType, Validators validators, Duration maxAge,
                          long wireBytes) {

    public FetchResult(URI uri, int status, byte[] body, String contentType, Validators validators) {
        this(uri, status, body, contentType, validators, null, body == null ? 0 : body.length);
    }

    public boolean notModified() {
        return status == 304;
    }
}

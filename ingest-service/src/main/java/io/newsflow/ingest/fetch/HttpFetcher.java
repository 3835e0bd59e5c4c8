package io.newsflow.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import javax.net.ssl.SSLException;

/**
 * Fetches feeds and pages politely and defensively: a fixed User-Agent, conditional GET, gzip/deflate, a deadline for
 * the whole exchange, a size limit enforced while streaming and again after decompression, and redirects followed
 * by hand so that every hop passes the {@link UrlGuard}.
 */
public final class HttpFetcher implements AutoCloseable {

    private static final String ACCEPT_ENCODING = "gzip, deflate";

    private final HttpClient client;
    private final UrlGuard guard;
    private final Duration timeout;
    private final int maxRedirects;
    private final String userAgent;
    private final HostThrottle throttle;
    private final java.time.Clock clock;

    public HttpFetcher(UrlGuard guard, Duration connectTimeout, Duration timeout, int maxRedirects, String userAgent) {
        this(guard, connectTimeout, timeout, maxRedirects, userAgent, HostThrottle.unlimited());
    }

    /** @param throttle per-host politeness shared by every fetch (feeds, pages, the extract API) */
    public HttpFetcher(UrlGuard guard, Duration connectTimeout, Duration timeout, int maxRedirects, String userAgent,
                       HostThrottle throttle) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Redirects are followed here so each target is re-checked against the guard.
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 avoids the h2c upgrade dance on plain-http hosts; https still negotiates nothing fancier.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.guard = guard;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
        this.throttle = throttle;
        this.clock = java.time.Clock.systemUTC();
    }

    public HostThrottle throttle() {
        return throttle;
    }

    public UrlGuard guard() {
        return guard;
    }

    /**
     * GETs a URL.
     *
     * @param url        absolute http(s) URL
     * @param accept     Accept header value
     * @param maxBytes   limit for the transferred and for the decompressed body
     * @param validators sent as If-None-Match / If-Modified-Since; a 304 comes back as a result, not an error
     */
    public FetchResult get(String url, String accept, long maxBytes, Validators validators) throws FetchException {
        URI target = guard.check(url);
        long deadline = 0;
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response;
            try (HostThrottle.Permit permit = throttle.acquire(target.getHost())) {
                // The deadline starts with the first request on the wire: waiting for the host's turn is politeness,
                // not a slow server.
                if (hop == 0) {
                    deadline = System.nanoTime() + timeout.toNanos();
                }
                response = send(request(target, accept, validators, deadline), maxBytes, deadline, target);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Kind.IO_ERROR, "Interrupted waiting to fetch " + target, e);
            } catch (HostThrottle.HostBusyException e) {
                throw new FetchException(FetchException.Kind.HOST_THROTTLED, e.getMessage() + " (" + target + ")", 0, e,
                        Duration.between(clock.instant(), e.notBefore()));
            }
            int status = response.statusCode();
            if (isRedirect(status)) {
                if (hop >= maxRedirects) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS,
                            "More than " + maxRedirects + " redirects from " + url);
                }
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(FetchException.Kind.HTTP_STATUS,
                            "HTTP " + status + " without Location from " + target, status, null);
                }
                target = guard.check(resolve(target, location));
                continue;
            }
            Duration maxAge = ResponseHints.maxAge(response.headers().firstValue("Cache-Control").orElse(null)).orElse(null);
            if (status == 304) {
                return new FetchResult(target, status, new byte[0], null, validators, maxAge, 0);
            }
            if (status < 200 || status > 299) {
                Duration retryAfter = null;
                if (status == 429 || status == 503) {
                    retryAfter = ResponseHints.retryAfter(response.headers().firstValue("Retry-After").orElse(null),
                            clock.instant()).orElse(null);
                    if (retryAfter != null) {
                        throttle.holdOff(target.getHost(), clock.instant().plus(retryAfter));
                    }
                }
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "HTTP " + status + " from " + target, status,
                        null, retryAfter);
            }
            byte[] wire = response.body();
            byte[] body = decode(wire, response.headers().firstValue("Content-Encoding").orElse(null), maxBytes, target);
            Validators next = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new FetchResult(target, status, body, response.headers().firstValue("Content-Type").orElse(null), next,
                    maxAge, wire.length);
        }
    }

    private HttpRequest request(URI target, String accept, Validators validators, long deadline) throws FetchException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .GET()
                .timeout(remaining(deadline, target))
                .header("User-Agent", userAgent)
                .header("Accept", accept)
                .header("Accept-Encoding", ACCEPT_ENCODING);
        if (validators != null && validators.etag() != null) {
            builder.header("If-None-Match", validators.etag());
        }
        if (validators != null && validators.lastModified() != null) {
            builder.header("If-Modified-Since", validators.lastModified());
        }
        return builder.build();
    }

    private HttpResponse<byte[]> send(HttpRequest request, long maxBytes, long deadline, URI target) throws FetchException {
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            int status = info.statusCode();
            if (status < 200 || status > 299) {
                // Redirects, 304 and errors: the body is not needed, so stop reading it at once.
                return LimitedBodySubscriber.discarding();
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new LimitedBodySubscriber(maxBytes, declared);
        };
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, handler);
        try {
            return future.get(remaining(deadline, target).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FetchException.Kind.TIMEOUT, "No complete response within " + timeout + " from " + target, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.IO_ERROR, "Interrupted while fetching " + target, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause(), target);
        }
    }

    private FetchException translate(Throwable cause, URI target) {
        Throwable root = cause;
        while (root.getCause() != null && !(root instanceof LimitedBodySubscriber.TooLargeException)) {
            if (root instanceof HttpTimeoutException || root instanceof ConnectException) {
                break;
            }
            root = root.getCause();
        }
        return switch (root) {
            case LimitedBodySubscriber.TooLargeException tooLarge ->
                    new FetchException(FetchException.Kind.TOO_LARGE, tooLarge.getMessage() + " at " + target, tooLarge);
            case HttpConnectTimeoutException timeout ->
                    new FetchException(FetchException.Kind.TIMEOUT, "Connect timeout to " + target, timeout);
            case HttpTimeoutException timeout ->
                    new FetchException(FetchException.Kind.TIMEOUT, "Timeout fetching " + target, timeout);
            case ConnectException connect ->
                    new FetchException(FetchException.Kind.CONNECT_FAILED, "Cannot connect to " + target, connect);
            case UnknownHostException unknown ->
                    new FetchException(FetchException.Kind.UNKNOWN_HOST, "Host does not resolve: " + target.getHost(), unknown);
            case SSLException tls ->
                    new FetchException(FetchException.Kind.CONNECT_FAILED, "TLS failure with " + target + ": " + tls.getMessage(), tls);
            default -> new FetchException(FetchException.Kind.IO_ERROR,
                    "Failed fetching " + target + ": " + root.getClass().getSimpleName() + " " + root.getMessage(), root);
        };
    }

    private Duration remaining(long deadline, URI target) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "No complete response within " + timeout + " from " + target);
        }
        return Duration.ofNanos(left);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(URI.create(location.strip())).toString();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, "Bad redirect Location '" + location + "' from " + base, e);
        }
    }

    /** Undoes Content-Encoding with the same limit on the output, so a small bomb cannot expand without bound. */
    static byte[] decode(byte[] body, String contentEncoding, long maxBytes, URI source) throws FetchException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (encoding) {
                case "", "identity" -> body;
                case "gzip", "x-gzip" -> readLimited(new GZIPInputStream(new ByteArrayInputStream(body)), maxBytes, source);
                case "deflate" -> inflate(body, maxBytes, source);
                default -> throw new FetchException(FetchException.Kind.BAD_ENCODING,
                        "Unsupported Content-Encoding '" + contentEncoding + "' from " + source);
            };
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.BAD_ENCODING,
                    "Corrupt " + encoding + " body from " + source + ": " + e.getMessage(), e);
        }
    }

    private static byte[] inflate(byte[] body, long maxBytes, URI source) throws IOException, FetchException {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; accept both.
        try {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(false)), maxBytes, source);
        } catch (ZipException e) {
            return readLimited(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(true)), maxBytes, source);
        }
    }

    private static byte[] readLimited(InputStream in, long maxBytes, URI source) throws IOException, FetchException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new FetchException(FetchException.Kind.TOO_LARGE,
                            "Decompressed body exceeds the limit of " + maxBytes + " bytes at " + source);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

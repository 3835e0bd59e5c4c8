package io.newsflow.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body while it streams in and cancels the exchange as soon as it passes the limit, so an
 * endless or huge response costs at most the limit in memory and bandwidth.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body grew past the limit; carried through the future to the fetcher. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    private final long maxBytes;
    private final boolean discard;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    LimitedBodySubscriber(long maxBytes, long declaredLength) {
        this(maxBytes, declaredLength, false);
    }

    private LimitedBodySubscriber(long maxBytes, long declaredLength, boolean discard) {
        this.maxBytes = maxBytes;
        this.discard = discard;
        if (discard) {
            return;
        }
        if (declaredLength > maxBytes) {
            result.completeExceptionally(new TooLargeException(
                    "Content-Length " + declaredLength + " exceeds the limit of " + maxBytes + " bytes"));
        }
    }

    /**
     * For responses whose body is not used (redirects, 304, errors): reads a little so a short body keeps the
     * connection reusable, then cancels; always completes with an empty body.
     */
    static LimitedBodySubscriber discarding() {
        return new LimitedBodySubscriber(64 * 1024, -1, true);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (discard) {
                buffer.position(buffer.limit());
                if (received > maxBytes) {
                    subscription.cancel();
                    result.complete(new byte[0]);
                    return;
                }
                continue;
            }
            if (received > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(
                        "Body exceeds the limit of " + maxBytes + " bytes"));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(discard ? new byte[0] : out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}

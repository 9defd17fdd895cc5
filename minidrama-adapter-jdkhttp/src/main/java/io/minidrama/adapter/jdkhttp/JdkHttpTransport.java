package io.minidrama.adapter.jdkhttp;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.RequestBody;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link HttpTransport} over {@code java.net.http}: one exchange per {@link #execute}, the
 * request body published by {@link BodyStream}, the response body streamed to the caller, all of it
 * within {@link TransportRequest#timeout()} (see the package description). A connection that was
 * never established is not ambiguous; every other failure is. Messages and causes never carry the
 * URI (its query carries the token) nor a header value. Thread-safe; redirects are not followed.
 */
public final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;
    private final HttpClient.Version version;
    private final Duration requestTimeout;

    private JdkHttpTransport(HttpClient client, HttpClient.Version version, Duration requestTimeout) {
        this.client = client;
        this.version = version;
        this.requestTimeout = requestTimeout;
    }

    /** A transport with the defaults of {@link Builder}. */
    public static JdkHttpTransport create() {
        return builder().build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TransportResponse execute(TransportRequest request) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        Duration headersTimeout = request.timeout().compareTo(requestTimeout) < 0 ? request.timeout() : requestTimeout;
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).version(version).timeout(headersTimeout);
        request.headers().forEach(b::header);
        request.body().ifPresentOrElse(body -> b.header("Content-Type", body.contentType()).method(request.method(), BodyStream.publisher(body)),
                () -> b.method(request.method(), HttpRequest.BodyPublishers.noBody()));
        CompletableFuture<HttpResponse<InputStream>> future = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> r = future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Response response = new Response(r.statusCode(), headers, r.body(), new CompletableFuture<>());
            response.timer().completeOnTimeout(null, deadline - System.nanoTime(), TimeUnit.NANOSECONDS).thenRun(response::close);
            return response;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DeadlineExceededException(request.operation(), request.timeout(), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(request.operation(), "interrupted while waiting for the response", true, null);
        } catch (ExecutionException e) { // its cause is the client's own exception, never a CompletionException
            throw failure(request.operation(), headersTimeout, e.getCause());
        }
    }

    /**
     * The response; its body is the client's stream, which the deadline closes: a read waiting for
     * bytes then fails with an {@link IOException}, and so does every later read past the bytes in hand.
     */
    private record Response(int status, Map<String, List<String>> headers, InputStream body, CompletableFuture<Void> timer)
            implements TransportResponse {
        @Override
        public void close() {
            timer.cancel(false); // a no-op when the timer itself closes the stream
            try {
                body.close();
            } catch (IOException ignored) {
                // the exchange is over either way
            }
        }
    }

    /**
     * One pass of a {@link RequestBody} to the client: its own channel and a ring of {@value #RING}
     * buffers of {@value #CHUNK} bytes (see the package description). A body that ends before its
     * declared length fails the request; a longer one is cut.
     */
    static final class BodyStream implements Flow.Subscription {
        static final int CHUNK = 64 * 1024;
        static final int RING = 3;

        private final RequestBody body;
        private final long length;
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable failure;
        // touched only inside drain(), which runs on one thread at a time
        private final ByteBuffer[] ring = new ByteBuffer[RING];
        private int next;
        private long sent;
        private ReadableByteChannel channel;
        private boolean done;

        private BodyStream(RequestBody body, long length, Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.body = body;
            this.length = length;
            this.subscriber = subscriber;
        }

        /** {@code body} as a publisher of its length, each subscription a new pass from its first byte. */
        static HttpRequest.BodyPublisher publisher(RequestBody body) {
            long length = body.contentLength();
            return length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.fromPublisher(s -> s.onSubscribe(new BodyStream(body, length, s)), length);
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                failure = new IllegalArgumentException("non-positive request: " + n);
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        // Whoever raises wip from 0 emits; a request() meanwhile, from inside onNext or from another
        // thread, only adds demand and makes that loop go round once more.
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            for (int missed = 1; missed != 0; missed = wip.addAndGet(-missed)) {
                try {
                    while (!done && !cancelled && failure == null && demand.get() > 0 && sent < length) {
                        ByteBuffer buf = nextChunk();
                        demand.decrementAndGet();
                        subscriber.onNext(buf);
                    }
                } catch (IOException | RuntimeException e) { // the body failed (a file cut short), or the subscriber threw
                    failure = e;
                }
                if (!done && (cancelled || failure != null || sent == length)) {
                    done = true; // at once, not on the next request: the client need not ask past the last byte
                    try {
                        if (channel != null) {
                            channel.close();
                        }
                    } catch (IOException ignored) {
                        // a read-only source: nothing was lost
                    }
                    if (!cancelled && failure != null) {
                        subscriber.onError(failure);
                    } else if (!cancelled) {
                        subscriber.onComplete();
                    }
                }
            }
        }

        // The ring's next buffer (a new one if the client still holds bytes of it), filled with the next chunk.
        private ByteBuffer nextChunk() throws IOException {
            if (channel == null) {
                channel = body.open();
            }
            int size = (int) Math.min(CHUNK, length - sent);
            if (ring[next] == null || ring[next].hasRemaining()) {
                ring[next] = ByteBuffer.allocate(size); // chunks never grow: the first is the largest
            }
            ByteBuffer buf = ring[next].clear().limit(size);
            next = (next + 1) % RING;
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    throw new IOException("the request body ended " + (length - sent - buf.position())
                            + " bytes before its declared " + length + " bytes");
                }
            }
            sent += size;
            return buf.flip();
        }
    }

    // Not connected: nothing was sent. Every other failure is ambiguous: the server may have acted.
    private static TransportException failure(String op, Duration headersTimeout, Throwable c) {
        if (c instanceof HttpConnectTimeoutException || c instanceof ConnectException || c instanceof UnresolvedAddressException
                || c.getCause() instanceof UnresolvedAddressException) {
            return new TransportException(op, "could not connect to the platform (" + c.getClass().getSimpleName() + ")", false, sanitized(c));
        }
        if (c instanceof HttpTimeoutException) {
            return new DeadlineExceededException(op, headersTimeout, sanitized(c));
        }
        if (c.getMessage() != null && c.getMessage().contains("header parser received no bytes")) {
            return new TransportException(op, "the connection closed before any response arrived"
                    + " (likely a stale keep-alive connection the server had closed)", true, sanitized(c));
        }
        return new TransportException(op, (c instanceof IOException ? "the exchange failed: " : "unexpected failure: ")
                + sanitized(c).getMessage(), true, sanitized(c));
    }

    // A cause that cannot leak the URI: the failure's class, message without secrets, stack trace.
    private static Throwable sanitized(Throwable c) {
        String message = c.getMessage() == null ? "" : ": " + c.getMessage().replaceAll("(?i)(access_token|secret)=[^&\\s\"']*", "$1=<redacted>");
        IOException copy = new IOException(c.getClass().getSimpleName() + message);
        copy.setStackTrace(c.getStackTrace());
        return copy;
    }

    private static Duration positive(Duration d) {
        if (Objects.requireNonNull(d, "timeout").isZero() || d.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "JdkHttpTransport[" + version + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Builder of {@link JdkHttpTransport}. Not thread-safe; {@code null} is refused. */
    public static final class Builder {
        private final HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        private Duration requestTimeout = Duration.ofMinutes(2);
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
        private HttpClient httpClient;

        private Builder() {
        }

        /** Connect timeout of the client created (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            client.connectTimeout(positive(timeout));
            return this;
        }

        /** Until the response headers arrive, the request body's upload included (default 2 min). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** The HTTP version requested (default HTTP/1.1). */
        public Builder httpVersion(HttpClient.Version version) {
            this.httpVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Executor of the client created (default: the JDK's). */
        public Builder executor(Executor executor) {
            client.executor(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /** Your own client to send through (its proxy, TLS, pool); then connect timeout and executor are its own. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Builds the transport (and its client, unless one was given). */
        public JdkHttpTransport build() {
            return new JdkHttpTransport(httpClient != null ? httpClient : client.version(httpVersion).build(), httpVersion, requestTimeout);
        }
    }
}

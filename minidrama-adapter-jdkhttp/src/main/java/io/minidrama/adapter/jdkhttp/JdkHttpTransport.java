package io.minidrama.adapter.jdkhttp;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.TimeUnit;

/**
 * The {@link HttpTransport} over {@code java.net.http}: one exchange per {@link #execute}, the
 * request body streamed by {@link BodyStream}, the response body streamed to the caller, all of it
 * within {@link TransportRequest#timeout()} (see the package description). A connection that was
 * never established is not ambiguous; every other failure is. Messages never carry the URI (it
 * carries the token or the secret). Thread-safe; redirects are not followed.
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
        String op = request.operation();
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).version(version)
                .timeout(request.timeout().compareTo(requestTimeout) < 0 ? request.timeout() : requestTimeout);
        request.headers().forEach(b::header);
        request.body().ifPresentOrElse(body -> b.header("Content-Type", body.contentType()).method(request.method(), new BodyStream(body)),
                () -> b.method(request.method(), HttpRequest.BodyPublishers.noBody()));
        long deadline = System.nanoTime() + request.timeout().toNanos();
        CompletableFuture<HttpResponse<InputStream>> future = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> r;
        try {
            r = future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new DeadlineExceededException(op, request.timeout(), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(op, "interrupted while waiting for the response", true, null);
        } catch (ExecutionException e) {
            throw failure(op, e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e.getCause());
        }
        Map<String, List<String>> headers = new TreeMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return new Response(r.statusCode(), headers, new DeadlineStream(r.body(), deadline - System.nanoTime()));
    }

    private record Response(int status, Map<String, List<String>> headers, DeadlineStream body) implements TransportResponse {
        @Override
        public void close() {
            body.close();
        }
    }

    /** The response body under the deadline: when it passes, the stream is closed and every read fails. */
    private static final class DeadlineStream extends FilterInputStream {
        private final CompletableFuture<Void> timer = new CompletableFuture<>();
        private volatile boolean expired;

        DeadlineStream(InputStream in, long nanos) {
            super(in);
            timer.completeOnTimeout(null, Math.max(0, nanos), TimeUnit.NANOSECONDS).thenRun(() -> {
                expired = true;
                quietly(in);
            });
        }

        @Override
        public int read() throws IOException {
            return check(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return check(super.read(b, off, len));
        }

        private int check(int n) throws IOException {
            if (expired) {
                throw new IOException("the deadline passed while the response body was read");
            }
            return n;
        }

        @Override
        public void close() {
            timer.cancel(false);
            quietly(in);
        }
    }

    private TransportException failure(String op, Throwable c) {
        if (c instanceof HttpConnectTimeoutException) {
            return new TransportException(op, "could not connect within the connect timeout", false, sanitized(c));
        }
        if (c instanceof HttpTimeoutException) {
            return new DeadlineExceededException(op, requestTimeout, sanitized(c));
        }
        if (c instanceof ConnectException || c instanceof UnresolvedAddressException || c != null && c.getCause() instanceof UnresolvedAddressException) {
            return new TransportException(op, "could not connect to the platform (" + c.getClass().getSimpleName() + ")", false, sanitized(c));
        }
        if (c != null && c.getMessage() != null && c.getMessage().contains("header parser received no bytes")) {
            return new TransportException(op, "the connection closed before any response arrived"
                    + " (likely a stale keep-alive connection the server had closed)", true, sanitized(c));
        }
        return new TransportException(op, (c instanceof IOException ? "the exchange failed: " : "unexpected failure: ")
                + (c == null ? "unknown" : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " " + clean(c.getMessage()))),
                true, sanitized(c));
    }

    // A cause only in a form that cannot leak the URL.
    private static Throwable sanitized(Throwable c) {
        if (c == null) {
            return null;
        }
        IOException copy = new IOException(c.getClass().getName() + (c.getMessage() == null ? "" : ": " + clean(c.getMessage())));
        copy.setStackTrace(c.getStackTrace());
        return copy;
    }

    private static String clean(String message) {
        return message.replaceAll("(?i)(access_token|secret)=[^&\\s\"']*", "$1=<redacted>");
    }

    private static void quietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the exchange is over either way
        }
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
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(2);
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
        private Executor executor;
        private HttpClient httpClient;

        private Builder() {
        }

        /** Connect timeout of the client created (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
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
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Your own client to send through (its proxy, TLS, pool); then connect timeout and executor are its own. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Builds the transport (and its client, unless one was given). */
        public JdkHttpTransport build() {
            if (httpClient != null) {
                return new JdkHttpTransport(httpClient, httpVersion, requestTimeout);
            }
            HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout).version(httpVersion)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (executor != null) {
                b.executor(executor);
            }
            return new JdkHttpTransport(b.build(), httpVersion, requestTimeout);
        }
    }
}

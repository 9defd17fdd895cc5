package io.minidrama.adapter.apache;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The transport SPI over Apache HttpClient 5's classic (blocking) API: the client that many
 * applications already configure for proxies, connection pooling and TLS.
 *
 * <p>Each {@link #execute} streams the request body through a 64 KiB buffer (opened afresh every
 * time, sent with {@code Content-Length}), returns once the status and headers have arrived, and
 * hands over the response body as it streams from the connection. The whole exchange, response
 * body included, is bounded by {@link TransportRequest#timeout()}: when it passes, a timer cancels
 * the request (a connect, a wait for a pooled connection, a write or a read in progress) and
 * {@code execute} throws {@link DeadlineExceededException}, or a later {@code read} of the body
 * fails with an {@link IOException} whose cause is that exception.
 *
 * <p>Zero-copy over plain HTTP: the transport's own client makes its plain-HTTP sockets from
 * {@link java.nio.channels.SocketChannel}s and writes a body of 64 KiB or more straight to the
 * connection's channel with {@link io.minidrama.protocol.spi.RequestBody#transferTo} (an upload
 * part's file region goes by {@code sendfile(2)}, without copies through the Java heap). HTTPS (the
 * platform itself) and a client passed to {@link Builder#client} take the stream path. A thread
 * interrupted during such a transfer fails that exchange and its connection is closed.
 *
 * <p>Failures: a connection that could not be established (refused, unknown host, connect timeout,
 * TLS handshake) is a {@link TransportException} with {@code ambiguous() == false}; any failure after
 * that is ambiguous. Messages name the operation and the kind of failure, never the URI or a header.
 *
 * <p>Built with its own client ({@link Builder#maxConnections}, {@link Builder#connectTimeout},
 * {@link Builder#responseTimeout}, {@link Builder#proxy}, {@link Builder#sslContext}), which
 * retries nothing, follows no redirect, stores no cookie, does not decompress and checks a pooled
 * connection before reusing it; or around a {@link CloseableHttpClient} of yours
 * ({@link Builder#client}), which {@link #close()} leaves open. Thread-safe.
 */
public final class ApacheHttpTransport implements HttpTransport {
    private final CloseableHttpClient client;
    private final boolean ownsClient;
    private final ScheduledThreadPoolExecutor deadlines;
    private final String description;
    private volatile boolean closed;

    private ApacheHttpTransport(CloseableHttpClient client, boolean ownsClient, String description) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.description = description;
        this.deadlines = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "minidrama-apache-deadlines");
            t.setDaemon(true);
            return t;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /** A builder; {@code builder().build()} gives a transport with its own client and the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A transport with its own client and the defaults of {@link Builder}. */
    public static ApacheHttpTransport create() {
        return builder().build();
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException when {@code request} is null
     */
    @Override
    public TransportResponse execute(TransportRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new TransportException(request.operation(), "the transport is closed; nothing was sent", false, null);
        }
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEach(http::addHeader);
        StreamingEntity entity = request.body().map(StreamingEntity::new).orElse(null);
        http.setEntity(entity);
        Deadline deadline;
        try {
            // Wake a body transfer blocked in sendfile first (closing the socket alone would not), then cancel.
            deadline = new Deadline(request.timeout(), entity == null ? http : () -> {
                entity.abort();
                return http.cancel();
            }, deadlines);
        } catch (RejectedExecutionException closedMeanwhile) {
            throw new TransportException(request.operation(), "the transport is closed; nothing was sent", false, null);
        }
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, http, HttpClientContext.create());
        } catch (IOException | RuntimeException e) {
            deadline.disarm();
            http.cancel();
            throw Failures.of(request.operation(), e, deadline);
        }
        try {
            ApacheResponse answer = new ApacheResponse(request.operation(), response, http, deadline);
            if (deadline.expired()) {
                answer.close();
                throw new DeadlineExceededException(request.operation(), request.timeout(), null);
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            deadline.disarm();
            http.cancel();
            closeQuietly(response);
            if (e instanceof TransportException) {
                throw (TransportException) e;
            }
            throw Failures.of(request.operation(), e, deadline);
        }
    }

    /** Stops the deadline timer and, unless the client was passed in, closes the client and its pool. */
    @Override
    public void close() {
        closed = true;
        deadlines.shutdownNow();
        if (ownsClient) {
            client.close(CloseMode.GRACEFUL);
        }
    }

    /** The configuration, without credentials (there are none) or URIs. */
    @Override
    public String toString() {
        return "ApacheHttpTransport[" + description + "]";
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // failing already
        }
    }

    /**
     * Configures an {@link ApacheHttpTransport}: either its own client (the settings below) or a
     * client you built ({@link #client}), not both. Setters fail fast on {@code null} and on values
     * out of range. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private int maxConnections = 20;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private URI proxy;
        private SSLContext sslContext;
        private boolean ownSettings;
        private CloseableHttpClient client;

        private Builder() {
        }

        /**
         * The most connections open at once, to the platform and in total (default 20). Exchanges
         * beyond it wait for a free connection, within their deadline.
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
            }
            this.maxConnections = maxConnections;
            ownSettings = true;
            return this;
        }

        /** How long establishing a connection (TCP and TLS) may take (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            ownSettings = true;
            return this;
        }

        /**
         * How long to wait for the next data from the server: the response head, then each read of
         * the body (default 60 s). The request's own deadline bounds the whole exchange on top.
         */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = positive(responseTimeout, "responseTimeout");
            ownSettings = true;
            return this;
        }

        /**
         * An HTTP proxy, such as {@code http://proxy.example.com:3128} (HTTPS requests tunnel
         * through it with {@code CONNECT}). Default: no proxy. A proxy that needs credentials: build
         * your own client and pass it to {@link #client}.
         */
        public Builder proxy(URI proxy) {
            Objects.requireNonNull(proxy, "proxy");
            String scheme = proxy.getScheme() == null ? "" : proxy.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || proxy.getHost() == null || proxy.getPort() < 1) {
                throw new IllegalArgumentException("proxy must be http://host:port or https://host:port");
            }
            if (proxy.getUserInfo() != null) {
                throw new IllegalArgumentException("proxy must not carry credentials; configure them on a client of your own");
            }
            this.proxy = proxy;
            ownSettings = true;
            return this;
        }

        /** The TLS context (trust store, client certificate) for HTTPS. Default: the JDK's default, made on the first HTTPS connection. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            ownSettings = true;
            return this;
        }

        /**
         * Uses {@code client} instead of building one: its proxy, pool, TLS and timeouts apply, and
         * {@link ApacheHttpTransport#close()} leaves it open. Build it with
         * {@code disableAutomaticRetries()} and {@code disableRedirectHandling()}: the protocol
         * retries and a redirect is not part of the platform's API. The request deadline still
         * applies.
         */
        public Builder client(CloseableHttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * The transport.
         *
         * @throws IllegalStateException when both {@link #client} and a setting of the transport's
         *                               own client were given
         */
        public ApacheHttpTransport build() {
            if (client != null) {
                if (ownSettings) {
                    throw new IllegalStateException("maxConnections, connectTimeout, responseTimeout, proxy and sslContext "
                            + "configure the transport's own client: set them on the client passed to client(...) instead");
                }
                return new ApacheHttpTransport(client, false, "your client");
            }
            PoolingHttpClientConnectionManagerBuilder pool = PlainSockets.poolBuilder()
                    .setMaxConnTotal(maxConnections)
                    .setMaxConnPerRoute(maxConnections)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(connectTimeout))
                            .setSocketTimeout(Timeout.of(responseTimeout))
                            // Check a pooled connection before each reuse (a 1 ms read): a server that
                            // closed an idle keep-alive connection must not fail the next exchange.
                            .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                            .build());
            pool.setTlsSocketStrategy(sslContext != null ? new DefaultClientTlsStrategy(sslContext) : new DefaultTlsOnFirstUse());
            var http = HttpClients.custom()
                    .setConnectionManager(pool.build())
                    .setRequestExecutor(PlainSockets.requestExecutor())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build())
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableContentCompression()
                    .disableAuthCaching();
            if (proxy != null) {
                http.setProxy(new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort()));
            }
            return new ApacheHttpTransport(http.build(), true, "own client, maxConnections=" + maxConnections
                    + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                    + (proxy == null ? "" : ", proxy=" + proxy.getHost() + ":" + proxy.getPort()));
        }

        /**
         * HttpClient's default TLS strategy (the JDK's default {@link SSLContext}: its trust store read, about a
         * tenth of a second of CPU and a few hundred classes) made on the first HTTPS connection instead of when the
         * transport is built, so a transport that only speaks HTTP (a local emulator, a plain-HTTP proxy hop) never
         * pays for it. A default context that cannot be made fails that connection before anything is sent, as a
         * failed handshake.
         */
        private static final class DefaultTlsOnFirstUse implements TlsSocketStrategy {
            private volatile TlsSocketStrategy tls;

            @Override
            public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context) throws IOException {
                TlsSocketStrategy t = tls;
                if (t == null) {
                    synchronized (this) {
                        t = tls;
                        if (t == null) {
                            try {
                                t = DefaultClientTlsStrategy.createDefault();
                            } catch (RuntimeException e) {
                                SSLHandshakeException failure = new SSLHandshakeException("the JDK's default TLS context could not be made");
                                failure.initCause(e);
                                throw failure;
                            }
                            tls = t;
                        }
                    }
                }
                return t.upgrade(socket, target, port, attachment, context);
            }
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}

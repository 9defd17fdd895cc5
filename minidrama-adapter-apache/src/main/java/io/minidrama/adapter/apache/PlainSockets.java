package io.minidrama.adapter.apache;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * Zero-copy uploads over plain HTTP for the transport's own client: its plain-HTTP sockets are made
 * from a {@link SocketChannel} ({@link #poolBuilder()}), and its request executor
 * ({@link #requestExecutor()}) hands such a connection's channel to the request entity, which then
 * writes the body with {@link io.minidrama.protocol.spi.RequestBody#transferTo} (a file region goes
 * by {@code sendfile(2)}) instead of through the connection's output stream.
 *
 * <p>HTTPS (an {@link SSLSocket}, which has no channel), a SOCKS proxy, a client passed in with
 * {@link ApacheHttpTransport.Builder#client} and small bodies keep the stream path. Nothing here is
 * shared mutable state: the per-exchange part lives in the request's own entity.
 */
final class PlainSockets {
    /** Bodies shorter than this go with the request head in one write, through the stream, as before. */
    static final long SMALLEST_DIRECT_BODY = StreamingEntity.BUFFER;

    /**
     * Plain sockets as HttpClient makes them ({@code new Socket()}, or over a SOCKS proxy), except
     * that a direct connection for {@code http} is a channel's socket. An {@code https} connection
     * keeps a plain {@code Socket} under its TLS layer.
     */
    private static final DetachedSocketFactory SOCKETS = new DetachedSocketFactory() {
        @Override
        public Socket create(Proxy proxy) {
            return proxy == null ? new Socket() : new Socket(proxy);
        }

        @Override
        public Socket create(String schemeName, Proxy proxy) throws IOException {
            if (proxy == null && URIScheme.HTTP.same(schemeName)) {
                return SocketChannel.open().socket();
            }
            return create(proxy);
        }
    };

    private PlainSockets() {
    }

    /** A pool builder whose connections to {@code http} targets (or to an HTTP proxy) have channels. */
    static PoolingHttpClientConnectionManagerBuilder poolBuilder() {
        return new PoolBuilder();
    }

    /** The request executor that lets a {@link StreamingEntity} write to a plain connection's channel. */
    static HttpRequestExecutor requestExecutor() {
        return new Executor();
    }

    private static final class PoolBuilder extends PoolingHttpClientConnectionManagerBuilder {
        /** As HttpClient's own (TLS by the given strategy for {@code https}), with {@link #SOCKETS}. */
        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver schemePortResolver,
                DnsResolver dnsResolver, TlsSocketStrategy tlsSocketStrategy) {
            return new DefaultHttpClientConnectionOperator(SOCKETS, schemePortResolver, dnsResolver,
                    RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tlsSocketStrategy).build());
        }
    }

    private static final class Executor extends HttpRequestExecutor {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
                HttpResponseInformationCallback informationCallback, HttpContext context) throws IOException, HttpException {
            HttpEntity entity = request.getEntity();
            SocketChannel channel;
            if (entity instanceof StreamingEntity streaming
                    && streaming.getContentLength() >= SMALLEST_DIRECT_BODY
                    && (channel = plainChannel(conn)) != null) {
                request.setEntity(streaming.through(channel));
                try {
                    return super.execute(request, conn, informationCallback, context);
                } finally {
                    request.setEntity(entity);
                }
            }
            return super.execute(request, conn, informationCallback, context);
        }

        /** The channel of a connection without TLS on a socket of ours, else null. */
        private static SocketChannel plainChannel(HttpClientConnection conn) {
            if (!(conn instanceof ManagedHttpClientConnection managed) || conn.getSSLSession() != null) {
                return null;
            }
            Socket socket = managed.getSocket();
            if (socket == null || socket instanceof SSLSocket) {
                return null;
            }
            SocketChannel channel = socket.getChannel();
            return channel != null && channel.isBlocking() ? channel : null;
        }
    }
}

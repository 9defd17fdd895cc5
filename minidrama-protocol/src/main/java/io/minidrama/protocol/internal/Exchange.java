package io.minidrama.protocol.internal;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.RequestBody;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange through an {@link HttpTransport}, no retries: builds the request, reads the
 * response body (at most {@link #MAX_BODY} bytes) and closes it. Every failure is typed: a
 * transport's own, an {@link IOException} while reading the body ({@link TransportException},
 * ambiguous; {@link DeadlineExceededException} once the deadline has passed), a body over the
 * cap ({@link UnexpectedResponseException}). Messages never carry the URI (it carries the token
 * or the secret).
 */
public final class Exchange {
    /** The largest response body read: the platform's answers are small JSON documents. */
    public static final int MAX_BODY = 16 * 1024 * 1024;

    /** A response as received. */
    public record Response(int status, String contentType, byte[] body) {
    }

    private final HttpTransport transport;
    private final URI baseUri;
    private final Duration timeout;

    public Exchange(HttpTransport transport, URI baseUri, Duration timeout) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** {@code name=value}, URL-encoded. */
    public static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The absolute URI of {@code path} with the query already encoded. */
    public URI uri(String path, String encodedQuery) {
        String base = baseUri.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path + (encodedQuery.isEmpty() ? "" : "?" + encodedQuery));
    }

    /** {@code POST} of {@code body}. */
    public Response post(String operation, String path, String encodedQuery, RequestBody body) {
        return run(TransportRequest.post(operation, uri(path, encodedQuery), body, timeout));
    }

    /** {@code GET} without a body. */
    public Response get(String operation, String path, String encodedQuery) {
        return run(new TransportRequest(operation, "GET", uri(path, encodedQuery), Map.of(), Optional.empty(), timeout));
    }

    private Response run(TransportRequest request) {
        String operation = request.operation();
        long started = System.nanoTime();
        TransportResponse response;
        try {
            response = transport.execute(request);
        } catch (MiniDramaException e) {
            throw e;
        } catch (RuntimeException e) {
            // a transport's bug: still typed, and without its message (it may quote the URI)
            throw new TransportException(operation, "the transport failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")", true, null);
        }
        if (response == null) {
            throw new TransportException(operation, "the transport returned no response", true, null);
        }
        try (response) {
            int status = response.status();
            byte[] body = read(operation, status, response.body(), started);
            return new Response(status, response.header("content-type").orElse(""), body);
        }
    }

    private byte[] read(String operation, int status, InputStream in, long startedNanos) {
        if (in == null) {
            return new byte[0];
        }
        byte[] buf = new byte[8192];
        int n = 0;
        try (in) {
            while (true) {
                if (n == buf.length) {
                    if (n >= MAX_BODY) {
                        if (in.read() < 0) {
                            return buf;
                        }
                        throw new UnexpectedResponseException(operation, status, "the response is longer than "
                                + MAX_BODY + " bytes", "", true);
                    }
                    buf = Arrays.copyOf(buf, Math.min(MAX_BODY, n * 2));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    return Arrays.copyOf(buf, n);
                }
                n += r;
            }
        } catch (IOException e) {
            if (System.nanoTime() - startedNanos >= timeout.toNanos()) {
                throw new DeadlineExceededException(operation, timeout, Redaction.sanitized(e));
            }
            throw new TransportException(operation, "reading the response failed: " + Redaction.describe(e), true,
                    Redaction.sanitized(e));
        }
    }
}

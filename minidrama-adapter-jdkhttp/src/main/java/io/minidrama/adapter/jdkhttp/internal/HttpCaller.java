package io.minidrama.adapter.jdkhttp.internal;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange, no retries: sends a request and returns status and body, or throws a
 * {@link TransportException} that says whether the request may have been processed.
 *
 * <p>The JDK's request timeout only covers waiting for the response headers, so the whole
 * exchange (body upload and response body included) runs under {@code callTimeout} as well.
 * Messages never contain the URL (it carries the access token or the secret).
 */
public final class HttpCaller {

    /** An HTTP response as received. */
    public record Response(int status, String contentType, byte[] body) {
    }

    private final HttpClient client;
    private final URI baseUri;
    private final HttpClient.Version version;
    private final Duration requestTimeout;
    private final Duration callTimeout;

    public HttpCaller(HttpClient client, URI baseUri, HttpClient.Version version, Duration requestTimeout, Duration callTimeout) {
        this.client = Objects.requireNonNull(client);
        this.baseUri = Objects.requireNonNull(baseUri);
        this.version = Objects.requireNonNull(version);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
        this.callTimeout = Objects.requireNonNull(callTimeout);
    }

    /** A request builder for {@code path} with the query already encoded, timeout and version set. */
    public HttpRequest.Builder request(String path, String encodedQuery) {
        String base = baseUri.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return HttpRequest.newBuilder(URI.create(base + path + (encodedQuery.isEmpty() ? "" : "?" + encodedQuery)))
                .timeout(requestTimeout)
                .version(version);
    }

    /** {@code name=value}, URL-encoded. */
    public static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code request} and waits for the whole response, at most the call timeout.
     *
     * @throws DeadlineExceededException   when the request or call timeout ran out
     * @throws TransportException when the exchange failed; {@code ambiguous} is false only when
     *                            nothing can have reached the server (connection not established)
     */
    public Response exchange(String operation, HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> r = future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            throw new DeadlineExceededException(operation, callTimeout, null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(operation, "interrupted while waiting for the response", true, null);
        } catch (ExecutionException e) {
            throw failure(operation, e.getCause());
        }
    }

    private TransportException failure(String operation, Throwable cause) {
        Throwable c = cause;
        while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof HttpConnectTimeoutException) {
            return new TransportException(operation, "could not connect within the connect timeout", false, sanitized(c));
        }
        if (c instanceof HttpTimeoutException) {
            return new DeadlineExceededException(operation, requestTimeout, sanitized(c));
        }
        if (c instanceof ConnectException || c instanceof UnresolvedAddressException
                || c != null && c.getCause() instanceof UnresolvedAddressException) {
            return new TransportException(operation, "could not connect to the platform ("
                    + c.getClass().getSimpleName() + ")", false, sanitized(c));
        }
        String msg = c == null ? null : c.getMessage();
        if (msg != null && msg.contains("header parser received no bytes")) {
            return new TransportException(operation, "the connection closed before any response arrived"
                    + " (likely a stale keep-alive connection the server had closed)", true, sanitized(c));
        }
        if (c instanceof IOException || c instanceof java.io.UncheckedIOException) {
            return new TransportException(operation, "the exchange failed: " + describe(c), true, sanitized(c));
        }
        return new TransportException(operation, "unexpected failure: " + describe(c), true, sanitized(c));
    }

    private static String describe(Throwable c) {
        if (c == null) {
            return "unknown";
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " " + Redaction.clean(c.getMessage()));
    }

    // The JDK's exception messages do not carry the URL, but keep a cause only in a form that
    // cannot leak one: a plain exception with a cleaned message and the original stack trace.
    private static Throwable sanitized(Throwable c) {
        if (c == null) {
            return null;
        }
        IOException copy = new IOException(c.getClass().getName() + (c.getMessage() == null ? "" : ": " + Redaction.clean(c.getMessage())));
        copy.setStackTrace(c.getStackTrace());
        return copy;
    }
}

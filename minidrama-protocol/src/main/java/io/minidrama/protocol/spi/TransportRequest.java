package io.minidrama.protocol.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the protocol built it.
 *
 * @param operation the operation's wire name (such as {@code uploadpart} or {@code stable_token}),
 *                  for error messages; never the URI
 * @param method    {@code GET} or {@code POST}
 * @param uri       the absolute URI; its query may carry the access token, so it MUST NOT appear in
 *                  an error message or a log record
 * @param headers   request headers other than {@code Content-Type} and {@code Content-Length}
 *                  (which come from the body); names are case-insensitive, stored lower-case
 * @param body      the body, empty for a request without one
 * @param timeout   the deadline of the whole exchange, bodies included
 */
public record TransportRequest(String operation, String method, URI uri, Map<String, String> headers,
                               Optional<RequestBody> body, Duration timeout) {

    /** Validates and copies. */
    public TransportRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(timeout, "timeout");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("uri must be absolute");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> copy.put(
                Objects.requireNonNull(k, "header name").toLowerCase(Locale.ROOT), Objects.requireNonNull(v, "header value")));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** A {@code POST} of {@code body}. */
    public static TransportRequest post(String operation, URI uri, RequestBody body, Duration timeout) {
        return new TransportRequest(operation, "POST", uri, Map.of(), Optional.of(body), timeout);
    }

    /** A {@code GET} without a body. */
    public static TransportRequest get(String operation, URI uri, Duration timeout) {
        return new TransportRequest(operation, "GET", uri, Map.of(), Optional.empty(), timeout);
    }

    /** Without the URI (it may carry a token) and without header values. */
    @Override
    public String toString() {
        return "TransportRequest[" + method + " " + operation + ", headers=" + headers.keySet()
                + body.map(b -> ", body=" + b.contentType() + " (" + b.contentLength() + " bytes)").orElse("")
                + ", timeout=" + timeout + "]";
    }
}

package io.minidrama.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A push request as the platform would send it: the query parameters and the body, signed (and
 * encrypted) by {@link PushEventSigner}. For a URL-verification handshake the body is empty and the
 * request is a GET.
 *
 * @param queryParameters the query parameters, in the order they are sent; copied, unmodifiable
 * @param body            the request body ("" for the handshake)
 * @param format          the body format
 */
public record SignedPush(Map<String, String> queryParameters, String body, PushFormat format) {
    /**
     * Creates a signed push; the parameters are copied in their iteration order.
     *
     * @throws NullPointerException if any component is {@code null}
     */
    public SignedPush {
        Objects.requireNonNull(queryParameters, "queryParameters");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
    }

    /** The query string, percent-encoded, without the leading {@code ?}. */
    public String queryString() {
        return queryParameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The {@code Content-Type} header for {@link #body()}. */
    public String contentType() {
        return format.contentType();
    }

    /** Whether this is the URL-verification handshake (a GET carrying {@code echostr}). */
    public boolean isUrlVerification() {
        return queryParameters.containsKey("echostr");
    }
}

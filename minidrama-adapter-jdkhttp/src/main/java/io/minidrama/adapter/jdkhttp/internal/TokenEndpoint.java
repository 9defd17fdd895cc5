package io.minidrama.adapter.jdkhttp.internal;

import io.minidrama.adapter.jdkhttp.internal.dto.Wire;
import io.minidrama.port.AccessToken;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Fetches access tokens from {@code POST /cgi-bin/stable_token} or {@code GET /cgi-bin/token}.
 * The secret travels in the body (stable) or the query (classic) and never into a message.
 */
public final class TokenEndpoint {
    /** Operation name of {@code /cgi-bin/stable_token} in errors. */
    public static final String STABLE = "stable_token";
    /** Operation name of {@code /cgi-bin/token} in errors. */
    public static final String CLASSIC = "token";

    private final HttpCaller caller;
    private final String appId;
    private final String secret;
    private final Clock clock;

    public TokenEndpoint(HttpClient client, URI baseUri, HttpClient.Version version, Duration timeout, String appId, String secret, Clock clock) {
        this.caller = new HttpCaller(client, baseUri, version, timeout, timeout);
        this.appId = Objects.requireNonNull(appId);
        this.secret = Objects.requireNonNull(secret);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code POST /cgi-bin/stable_token}. */
    public AccessToken fetchStable(boolean forceRefresh) {
        Wire.StableTokenRequest body = new Wire.StableTokenRequest();
        body.grantType = "client_credential";
        body.appid = appId;
        body.secret = secret;
        body.forceRefresh = forceRefresh;
        HttpRequest request = caller.request("/cgi-bin/stable_token", "")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)))
                .build();
        return fetch(STABLE, request);
    }

    /** {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..}. */
    public AccessToken fetchClassic() {
        String query = HttpCaller.param("grant_type", "client_credential") + "&" + HttpCaller.param("appid", appId)
                + "&" + HttpCaller.param("secret", secret);
        HttpRequest request = caller.request("/cgi-bin/token", query).GET().build();
        return fetch(CLASSIC, request);
    }

    private AccessToken fetch(String operation, HttpRequest request) {
        Instant asked = clock.instant();
        HttpCaller.Response response = caller.exchange(operation, request);
        Wire.TokenResponse dto = ResponseReader.read(operation, false, response, Wire.TokenResponse.class, secret);
        if (dto.accessToken == null || dto.accessToken.isBlank()) {
            throw ResponseReader.missing(operation, response.status(), "access_token");
        }
        if (dto.expiresIn == null || dto.expiresIn <= 0) {
            throw ResponseReader.missing(operation, response.status(), "a positive expires_in");
        }
        return new AccessToken(dto.accessToken, asked.plusSeconds(dto.expiresIn));
    }
}

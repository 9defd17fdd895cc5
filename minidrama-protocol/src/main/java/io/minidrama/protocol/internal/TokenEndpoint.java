package io.minidrama.protocol.internal;

import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.port.AccessToken;

import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.RequestBody;

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

    private final Exchange exchange;
    private final String appId;
    private final String secret;
    private final Clock clock;

    public TokenEndpoint(HttpTransport transport, URI baseUri, Duration timeout, String appId, String secret, Clock clock) {
        this.exchange = new Exchange(transport, baseUri, timeout);
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
        Instant asked = clock.instant();
        return token(STABLE, asked, exchange.post(STABLE, "/cgi-bin/stable_token", "",
                RequestBody.of("application/json; charset=utf-8", Json.toBytes(body))));
    }

    /** {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..}. */
    public AccessToken fetchClassic() {
        String query = Exchange.param("grant_type", "client_credential") + "&" + Exchange.param("appid", appId)
                + "&" + Exchange.param("secret", secret);
        Instant asked = clock.instant();
        return token(CLASSIC, asked, exchange.get(CLASSIC, "/cgi-bin/token", query));
    }

    private AccessToken token(String operation, Instant asked, Exchange.Response response) {
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

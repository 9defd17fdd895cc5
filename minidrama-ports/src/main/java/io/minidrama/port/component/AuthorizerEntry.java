package io.minidrama.port.component;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code api_get_authorizer_list}: an authorizer and its current refresh token. Its
 * {@link #toString()} never shows the refresh token.
 *
 * @param authorizerAppId the mini program's appid
 * @param refreshToken    its current refresh token
 * @param authorizedAt    when it authorized the platform ({@code auth_time})
 */
public record AuthorizerEntry(String authorizerAppId, String refreshToken, Instant authorizedAt) {
    /** Validates. */
    public AuthorizerEntry {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(authorizedAt, "authorizedAt");
    }

    @Override
    public String toString() {
        return "AuthorizerEntry[authorizerAppId=" + authorizerAppId + ", refreshToken=redacted, authorizedAt=" + authorizedAt + "]";
    }
}

package io.minidrama.port.component;

import io.minidrama.port.AccessToken;

import java.util.Objects;

/**
 * What {@code api_authorizer_token} answers: a new authorizer access token and the refresh token
 * to keep, which MAY differ from the one sent (it MUST be written back). Its
 * {@link #toString()} never shows either secret.
 *
 * @param accessToken  the authorizer access token
 * @param refreshToken the refresh token to persist
 */
public record AuthorizerToken(AccessToken accessToken, String refreshToken) {
    /** Validates. */
    public AuthorizerToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (refreshToken.isBlank()) {
            throw new IllegalArgumentException("a refresh token must not be blank");
        }
    }

    @Override
    public String toString() {
        return "AuthorizerToken[" + accessToken + ", refreshToken=redacted]";
    }
}

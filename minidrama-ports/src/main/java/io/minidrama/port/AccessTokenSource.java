package io.minidrama.port;

/**
 * Fetches a fresh access token, without caching: the HTTP adapter's {@code StableTokenSource}
 * ({@code stable_token}, the default) and {@code ClassicTokenSource} ({@code /cgi-bin/token}), or a
 * caller's own source (a central token service, or a third-party platform's authorizer access
 * token).
 *
 * <p>An {@link AccessTokenPort} (the HTTP adapter's {@code CachingAccessTokens}, the Redis
 * adapter's {@code RedisAccessTokens}) caches what a source fetches. Contract: implementations MUST be
 * thread-safe, MUST NOT return {@code null}, and fail with an unchecked
 * {@link io.minidrama.domain.error.MiniDramaException} whose message never contains the secret
 * or the token.
 */
@FunctionalInterface
public interface AccessTokenSource {

    /** Fetches a new token with its expiry. */
    AccessToken fetch();

    /**
     * Fetches a token to replace {@code rejected}, which the platform has just refused (errcode
     * 40001, 40014 or 42001). The default is {@link #fetch()}. A source whose endpoint MAY hand
     * the refused token back (such as {@code stable_token} without {@code force_refresh}) SHOULD
     * override it so that the token returned differs from {@code rejected}.
     */
    default AccessToken fetchReplacing(AccessToken rejected) {
        return fetch();
    }
}

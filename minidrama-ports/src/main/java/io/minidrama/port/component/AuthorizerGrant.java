package io.minidrama.port.component;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the platform keeps about one authorizer: the refresh token (durable, no expiry), the
 * permission sets granted ({@code func_info}; empty when unknown, such as after a re-pull from the
 * authorizer list) and, once an {@code unauthorized} event arrived, when it was revoked. Immutable;
 * the {@code with...} methods return changed copies. Its {@link #toString()} never shows the refresh
 * token.
 */
public final class AuthorizerGrant {
    private final String refreshToken;
    private final Set<Integer> permissionSets;
    private final Instant revokedAt;

    private AuthorizerGrant(String refreshToken, Set<Integer> permissionSets, Instant revokedAt) {
        this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
        this.permissionSets = Set.copyOf(Objects.requireNonNull(permissionSets, "permissionSets"));
        this.revokedAt = revokedAt;
    }

    /** A live grant. */
    public static AuthorizerGrant of(String refreshToken, Set<Integer> permissionSets) {
        return new AuthorizerGrant(refreshToken, permissionSets, null);
    }

    /** A grant as stored, {@code revokedAt} {@code null} unless revoked (for stores decoding one). */
    public static AuthorizerGrant restore(String refreshToken, Set<Integer> permissionSets, Instant revokedAt) {
        return new AuthorizerGrant(refreshToken, permissionSets, revokedAt);
    }

    /** The refresh token; a secret. Empty for a grant known only from a revocation. */
    public String refreshToken() {
        return refreshToken;
    }

    /** The granted permission set ids; empty when unknown. */
    public Set<Integer> permissionSets() {
        return permissionSets;
    }

    /** When the authorizer revoked the platform, if it did. */
    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** Whether the authorizer revoked the platform. */
    public boolean revoked() {
        return revokedAt != null;
    }

    /** This grant with another refresh token. */
    public AuthorizerGrant withRefreshToken(String token) {
        return new AuthorizerGrant(token, permissionSets, revokedAt);
    }

    /** This grant with other permission sets. */
    public AuthorizerGrant withPermissionSets(Set<Integer> sets) {
        return new AuthorizerGrant(refreshToken, sets, revokedAt);
    }

    /** This grant, revoked at {@code at}. */
    public AuthorizerGrant revokedAt(Instant at) {
        return new AuthorizerGrant(refreshToken, permissionSets, Objects.requireNonNull(at, "at"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthorizerGrant g && refreshToken.equals(g.refreshToken)
                && permissionSets.equals(g.permissionSets) && Objects.equals(revokedAt, g.revokedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(refreshToken, permissionSets, revokedAt);
    }

    @Override
    public String toString() {
        return "AuthorizerGrant[refreshToken=redacted, permissionSets=" + new TreeSet<>(permissionSets)
                + (revokedAt == null ? "" : ", revokedAt=" + revokedAt) + "]";
    }
}

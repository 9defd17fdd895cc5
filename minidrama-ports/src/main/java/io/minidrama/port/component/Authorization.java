package io.minidrama.port.component;

import io.minidrama.port.AccessToken;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code api_query_auth} answers for an authorization code: the mini program that authorized
 * the platform, its first authorizer token, its refresh token and the permission sets its
 * administrator granted ({@code func_info[].funcscope_category.id}). Its {@link #toString()} never
 * shows a token.
 *
 * @param authorizerAppId the mini program's appid
 * @param token           its authorizer access token and refresh token
 * @param permissionSets  the granted permission set ids, such as 153 and 157
 */
public record Authorization(String authorizerAppId, AuthorizerToken token, Set<Integer> permissionSets) {
    /** Validates and copies. */
    public Authorization {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        Objects.requireNonNull(token, "token");
        permissionSets = Set.copyOf(Objects.requireNonNull(permissionSets, "permissionSets"));
        if (authorizerAppId.isBlank()) {
            throw new IllegalArgumentException("authorizerAppId must not be blank");
        }
    }

    @Override
    public String toString() {
        return "Authorization[authorizerAppId=" + authorizerAppId + ", " + token + ", permissionSets="
                + new TreeSet<>(permissionSets) + "]";
    }
}

package io.minidrama.port.component;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code api_get_authorizer_info} answers about one authorizer: its account
 * ({@code authorizer_info}: nickname, original id, principal, whether it is a mini program) and its
 * authorization ({@code authorization_info}: the permission sets granted now, and the refresh token
 * when the platform sends one). Its {@link #toString()} never shows the refresh token.
 *
 * @param authorizerAppId the mini program's appid ({@code authorization_info.authorizer_appid})
 * @param nickName        its nickname ({@code nick_name}); empty when not sent
 * @param userName        its original id ({@code user_name}, {@code gh_...}); empty when not sent
 * @param principalName   the entity owning it ({@code principal_name}); empty when not sent
 * @param miniProgram     whether the account is a mini program ({@code MiniProgramInfo} present)
 * @param permissionSets  the permission set ids granted ({@code func_info[].funcscope_category.id})
 * @param refreshToken    {@code authorization_info.authorizer_refresh_token}; empty when not sent. A secret
 */
public record AuthorizerInfo(String authorizerAppId, String nickName, String userName, String principalName,
                             boolean miniProgram, Set<Integer> permissionSets, String refreshToken) {
    /** Validates and copies. */
    public AuthorizerInfo {
        Objects.requireNonNull(authorizerAppId, "authorizerAppId");
        Objects.requireNonNull(nickName, "nickName");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(principalName, "principalName");
        permissionSets = Set.copyOf(Objects.requireNonNull(permissionSets, "permissionSets"));
        Objects.requireNonNull(refreshToken, "refreshToken");
        if (authorizerAppId.isBlank()) {
            throw new IllegalArgumentException("authorizerAppId must not be blank");
        }
    }

    /** The refresh token, when the platform sent one. */
    public Optional<String> currentRefreshToken() {
        return refreshToken.isBlank() ? Optional.empty() : Optional.of(refreshToken);
    }

    @Override
    public String toString() {
        return "AuthorizerInfo[authorizerAppId=" + authorizerAppId + ", nickName=" + nickName + ", userName=" + userName
                + ", principalName=" + principalName + ", miniProgram=" + miniProgram + ", permissionSets="
                + new TreeSet<>(permissionSets) + (refreshToken.isBlank() ? "" : ", refreshToken=redacted") + "]";
    }
}

package io.minidrama.domain.authz;

import java.time.Instant;
import java.util.Objects;

/**
 * One whole-catalogue authorisation this mini program received ({@code getauthorizedapps}'s
 * {@code objects[]}, the grantee's view): every drama of the authorizer, present and future, may
 * be played here until {@code expiry}.
 *
 * @param authorizerAppId the grantor's appid ({@code authorizer_appid}), as sent
 * @param authorizedTime  when it was granted
 * @param expiry          when it ends
 */
public record ReceivedAppGrant(String authorizerAppId, Instant authorizedTime, Expiry expiry) {
    public ReceivedAppGrant {
        authorizerAppId = authorizerAppId == null ? "" : authorizerAppId;
        authorizedTime = authorizedTime == null ? Instant.EPOCH : authorizedTime;
        Objects.requireNonNull(expiry, "expiry");
    }
}

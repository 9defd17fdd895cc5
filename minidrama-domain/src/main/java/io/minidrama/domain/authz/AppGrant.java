package io.minidrama.domain.authz;

import java.time.Instant;
import java.util.Objects;

/**
 * One whole-catalogue authorisation ({@code getauthorizeapps}'s {@code objects[]}).
 *
 * @param authorizedAppId the grantee's appid, as sent
 * @param authorizedTime  when it was granted
 * @param expiry          when it ends
 */
public record AppGrant(String authorizedAppId, Instant authorizedTime, Expiry expiry) {
    public AppGrant {
        authorizedAppId = authorizedAppId == null ? "" : authorizedAppId;
        authorizedTime = authorizedTime == null ? Instant.EPOCH : authorizedTime;
        Objects.requireNonNull(expiry, "expiry");
    }
}

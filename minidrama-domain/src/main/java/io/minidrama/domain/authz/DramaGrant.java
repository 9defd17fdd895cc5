package io.minidrama.domain.authz;

import io.minidrama.domain.DramaId;

import java.time.Instant;
import java.util.Objects;

/**
 * One drama authorisation ({@code objects[]}): from the grantor's view {@code otherAppId} is the
 * grantee ({@code authorized_appid}); from the grantee's view it is the grantor
 * ({@code authorizer_appid}).
 *
 * @param dramaId        the drama
 * @param otherAppId     the other side's appid, as sent
 * @param authorizedTime when it was granted
 * @param expiry         when it ends
 */
public record DramaGrant(DramaId dramaId, String otherAppId, Instant authorizedTime, Expiry expiry) {
    public DramaGrant {
        Objects.requireNonNull(dramaId, "dramaId");
        otherAppId = otherAppId == null ? "" : otherAppId;
        authorizedTime = authorizedTime == null ? Instant.EPOCH : authorizedTime;
        Objects.requireNonNull(expiry, "expiry");
    }
}

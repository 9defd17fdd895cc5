package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * An {@code authorizeapp} request: lets another mini program show all of this one's dramas,
 * present and future, until {@code expiry}.
 *
 * @param authorizedAppId the grantee
 * @param expiry          permanent or at least 7 days away
 */
public record AppAuthorization(AppId authorizedAppId, Expiry expiry) {
    public AppAuthorization {
        Violations v = Violations.start();
        v.require(authorizedAppId, "authorized_appid", Rule.NONE);
        v.require(expiry, "authz_expire_time", Rule.R24);
        v.throwIfAny();
    }
}

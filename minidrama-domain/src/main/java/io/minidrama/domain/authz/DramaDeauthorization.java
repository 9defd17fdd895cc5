package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.List;

/**
 * A {@code deauthorizedrama} request: withdraws dramas from a grantee.
 *
 * @param dramaIds        the dramas, at least one, distinct
 * @param authorizedAppId the grantee
 */
public record DramaDeauthorization(List<DramaId> dramaIds, AppId authorizedAppId) {
    public DramaDeauthorization {
        Violations v = Violations.start();
        DramaAuthorization.checkDramas(v, "drama_id", dramaIds, Integer.MAX_VALUE);
        v.require(authorizedAppId, "authorized_appid", Rule.NONE);
        v.throwIfAny();
        dramaIds = List.copyOf(dramaIds);
    }
}

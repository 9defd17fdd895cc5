package io.minidrama.domain.authz;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.List;

/**
 * A {@code deauthorizecopyright} request.
 *
 * @param grantee  the company or mini program
 * @param dramaIds the dramas, at most 100 (empty: all)
 */
public record CopyrightDeauthorization(CopyrightGrantee grantee, List<DramaId> dramaIds) {
    public CopyrightDeauthorization {
        Violations v = Violations.start();
        v.require(grantee, "authorization_type", Rule.R26);
        if (v.require(dramaIds, "drama_ids", Rule.R25) && !dramaIds.isEmpty()) {
            DramaAuthorization.checkDramas(v, "drama_ids", dramaIds, CopyrightAuthorization.MAX_DRAMAS);
        }
        v.throwIfAny();
        dramaIds = List.copyOf(dramaIds);
    }
}

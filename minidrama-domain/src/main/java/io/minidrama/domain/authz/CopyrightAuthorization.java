package io.minidrama.domain.authz;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.List;

/**
 * An {@code authorizecopyright} request: grants copyright use of dramas that applied for
 * copyright protection to a company or a mini program.
 *
 * @param grantee  the company or mini program
 * @param dramaIds the dramas, at most 100 (empty: the platform applies it to all eligible dramas)
 * @param expiry   permanent or at least 7 days away
 */
public record CopyrightAuthorization(CopyrightGrantee grantee, List<DramaId> dramaIds, Expiry expiry) {
    /** most dramas in one copyright call. */
    public static final int MAX_DRAMAS = 100;

    public CopyrightAuthorization {
        Violations v = Violations.start();
        v.require(grantee, "authorization_type", Rule.R26);
        v.require(expiry, "expire_time", Rule.R24);
        if (v.require(dramaIds, "drama_ids", Rule.R25) && !dramaIds.isEmpty()) {
            DramaAuthorization.checkDramas(v, "drama_ids", dramaIds, MAX_DRAMAS);
        }
        v.throwIfAny();
        dramaIds = List.copyOf(dramaIds);
    }
}

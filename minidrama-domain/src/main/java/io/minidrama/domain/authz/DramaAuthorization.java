package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.HashSet;
import java.util.List;

/**
 * An {@code authorizedrama} request: lets another mini program show these dramas (both must hold
 * the mini-drama category; the dramas must be approved) until {@code expiry}.
 *
 * @param dramaIds       the dramas, at least one, distinct
 * @param authorizedAppId the grantee
 * @param expiry         permanent or at least 7 days away
 */
public record DramaAuthorization(List<DramaId> dramaIds, AppId authorizedAppId, Expiry expiry) {
    public DramaAuthorization {
        Violations v = Violations.start();
        checkDramas(v, "drama_id", dramaIds, Integer.MAX_VALUE);
        v.require(authorizedAppId, "authorized_appid", Rule.NONE);
        v.require(expiry, "authz_expire_time", Rule.R24);
        v.throwIfAny();
        dramaIds = List.copyOf(dramaIds);
    }

    static void checkDramas(Violations v, String field, List<DramaId> ids, int max) {
        if (!v.check(ids != null && !ids.isEmpty(), field, Rule.NONE, ids, field + " needs at least one drama id")) {
            return;
        }
        if (max < Integer.MAX_VALUE) {
            v.check(ids.size() <= max, field, Rule.R25, ids.size() + " ids", field + " takes at most " + max + " drama ids");
        }
        HashSet<DramaId> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            DramaId id = ids.get(i);
            if (v.require(id, field + "[" + i + "]", Rule.NONE)) {
                v.check(seen.add(id), field + "[" + i + "]", Rule.NONE, id, "drama ids must not repeat");
            }
        }
    }

    /** The grantee, dramas and expiry as given. */
    public static DramaAuthorization of(AppId grantee, List<DramaId> dramaIds, Expiry expiry) {
        return new DramaAuthorization(dramaIds, grantee, expiry);
    }
}

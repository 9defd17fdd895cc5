package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Optional;

/**
 * A {@code getauthorizeobjects} query: the grantor's view of its drama authorisations, optionally
 * for one drama or one grantee (R-25: limit ≤ 1000).
 */
public final class GrantedDramasQuery {
    private final DramaId dramaId;
    private final AppId authorizedAppId;
    private final AuthzPage page;

    private GrantedDramasQuery(DramaId dramaId, AppId authorizedAppId, AuthzPage page) {
        this.dramaId = dramaId;
        this.authorizedAppId = authorizedAppId;
        this.page = Violations.present(page, "limit", Rule.R25);
    }

    /** Every authorisation, on {@code page}. */
    public static GrantedDramasQuery all(AuthzPage page) {
        return new GrantedDramasQuery(null, null, page);
    }

    /** Only this drama's authorisations. */
    public GrantedDramasQuery forDrama(DramaId id) {
        return new GrantedDramasQuery(NullSetters.nonNull(id, "drama_id"), authorizedAppId, page);
    }

    /** Only the authorisations to this grantee. */
    public GrantedDramasQuery forGrantee(AppId appId) {
        return new GrantedDramasQuery(dramaId, NullSetters.nonNull(appId, "authorized_appid"), page);
    }

    /** The drama ID, if given. */
    public Optional<DramaId> dramaId() {
        return Optional.ofNullable(dramaId);
    }

    /** The authorized app ID, if given. */
    public Optional<AppId> authorizedAppId() {
        return Optional.ofNullable(authorizedAppId);
    }

    /** The page to fetch. */
    public AuthzPage page() {
        return page;
    }
}

package io.minidrama.domain.authz;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Optional;

/**
 * A {@code getcopyrightauthorizationlist} query: the grantor's copyright authorisations,
 * optionally for one grantee (which also sets {@code authorization_type}) or one drama
 * limit ≤ 1000).
 */
public final class CopyrightGrantQuery {
    private final CopyrightGrantee grantee;
    private final DramaId dramaId;
    private final AuthzPage page;

    private CopyrightGrantQuery(CopyrightGrantee grantee, DramaId dramaId, AuthzPage page) {
        this.grantee = grantee;
        this.dramaId = dramaId;
        this.page = Violations.present(page, "limit", Rule.R25);
    }

    /** Every copyright authorisation ({@code authorization_type} 0), on {@code page}. */
    public static CopyrightGrantQuery all(AuthzPage page) {
        return new CopyrightGrantQuery(null, null, page);
    }

    /** Only those to {@code grantee}. */
    public CopyrightGrantQuery to(CopyrightGrantee grantee) {
        return new CopyrightGrantQuery(NullSetters.nonNull(grantee, "authorization_type"), dramaId, page);
    }

    /** Only those of {@code id}. */
    public CopyrightGrantQuery forDrama(DramaId id) {
        return new CopyrightGrantQuery(grantee, NullSetters.nonNull(id, "drama_id"), page);
    }

    /** The grantee, if given. */
    public Optional<CopyrightGrantee> grantee() {
        return Optional.ofNullable(grantee);
    }

    /** The drama ID, if given. */
    public Optional<DramaId> dramaId() {
        return Optional.ofNullable(dramaId);
    }

    /** The page to fetch. */
    public AuthzPage page() {
        return page;
    }
}

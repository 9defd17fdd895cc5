package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Optional;

/**
 * A {@code getauthorizedobjects} query: the grantee's view of the dramas authorised to it,
 * optionally from one grantor (R-25: limit ≤ 1000).
 */
public final class ReceivedDramasQuery {
    private final AppId authorizerAppId;
    private final AuthzPage page;

    private ReceivedDramasQuery(AppId authorizerAppId, AuthzPage page) {
        this.authorizerAppId = authorizerAppId;
        this.page = Violations.present(page, "limit", Rule.R25);
    }

    /** Every drama authorised to this mini program, on {@code page}. */
    public static ReceivedDramasQuery all(AuthzPage page) {
        return new ReceivedDramasQuery(null, page);
    }

    /** Only the dramas authorised by {@code authorizer}. */
    public ReceivedDramasQuery from(AppId authorizer) {
        return new ReceivedDramasQuery(NullSetters.nonNull(authorizer, "authorizer_appid"), page);
    }

    /** The authorizer app ID, if given. */
    public Optional<AppId> authorizerAppId() {
        return Optional.ofNullable(authorizerAppId);
    }

    /** The page to fetch. */
    public AuthzPage page() {
        return page;
    }
}

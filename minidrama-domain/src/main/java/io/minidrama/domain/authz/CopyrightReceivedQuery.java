package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Optional;

/**
 * A {@code getcopyrightauthorizedlist} query: the grantee's view, optionally from one grantor
 * limit ≤ 1000).
 */
public final class CopyrightReceivedQuery {
    private final AppId authorizerAppId;
    private final AuthzPage page;

    private CopyrightReceivedQuery(AppId authorizerAppId, AuthzPage page) {
        this.authorizerAppId = authorizerAppId;
        this.page = Violations.present(page, "limit", Rule.R25);
    }

    /** Every copyright authorisation received, on {@code page}. */
    public static CopyrightReceivedQuery all(AuthzPage page) {
        return new CopyrightReceivedQuery(null, page);
    }

    /** Only those from {@code authorizer}. */
    public CopyrightReceivedQuery from(AppId authorizer) {
        return new CopyrightReceivedQuery(NullSetters.nonNull(authorizer, "authorizer_appid"), page);
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

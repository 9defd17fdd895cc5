package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;

import java.util.Objects;
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
        this.page = Objects.requireNonNull(page, "page");
    }

    /** Every drama authorised to this mini program, on {@code page}. */
    public static ReceivedDramasQuery all(AuthzPage page) {
        return new ReceivedDramasQuery(null, page);
    }

    /** Only the dramas authorised by {@code authorizer}. */
    public ReceivedDramasQuery from(AppId authorizer) {
        return new ReceivedDramasQuery(Objects.requireNonNull(authorizer, "authorizer"), page);
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

package io.minidrama.domain.authz;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * A page of the authorisation and copyright lists: {@code limit} 1..1000 (default 100),
 * {@code offset} &ge; 0.
 *
 * @param offset how many items to skip
 * @param limit  how many items at most
 */
public record AuthzPage(int offset, int limit) {
    /** the largest page of these lists. */
    public static final int MAX_LIMIT = 1000;

    public AuthzPage {
        Violations v = Violations.start();
        v.check(limit >= 1 && limit <= MAX_LIMIT, "limit", Rule.R25, limit, "limit is 1..1000 for authorization and copyright lists");
        v.check(offset >= 0, "offset", Rule.R25, offset, "offset must be >= 0");
        v.throwIfAny();
    }

    /** The first page of 100. */
    public static AuthzPage first() {
        return new AuthzPage(0, 100);
    }

    /** A page at {@code offset} of {@code limit} items. */
    public static AuthzPage of(int offset, int limit) {
        return new AuthzPage(offset, limit);
    }
}

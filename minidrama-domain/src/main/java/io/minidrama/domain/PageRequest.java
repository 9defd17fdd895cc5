package io.minidrama.domain;

import io.minidrama.domain.internal.Violations;
import io.minidrama.domain.error.Rule;

/**
 * A page of a list operation: {@code limit} 1..100, {@code offset} &ge; 0.
 *
 * @param offset how many items to skip
 * @param limit  how many items at most
 */
public record PageRequest(int offset, int limit) {
    /** The platform's default and maximum page size. */
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        Violations v = Violations.start();
        v.check(limit >= 1 && limit <= MAX_LIMIT, "limit", Rule.R20, limit, "limit must be 1..100");
        v.check(offset >= 0, "offset", Rule.R20, offset, "offset must be >= 0");
        v.throwIfAny();
    }

    /** The first page of the default size (offset 0, limit 100). */
    public static PageRequest first() {
        return new PageRequest(0, MAX_LIMIT);
    }

    /** A page at {@code offset} of {@code limit} items. */
    public static PageRequest of(int offset, int limit) {
        return new PageRequest(offset, limit);
    }

    /** The page after this one. */
    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}

package io.minidrama.domain.traffic;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * A {@code listpackages} query: status, offset and limit are all required; limit 1..100.
 *
 * @param status    which packages
 * @param offset    how many to skip, &ge; 0
 * @param limit     how many at most, 1..100
 * @param queryType general or directed packages
 */
public record PackageQuery(Status status, int offset, int limit, QueryType queryType) {
    /** the largest page of {@code listpackages}. */
    public static final int MAX_LIMIT = 100;

    /** {@code status}: 0 all, 1 valid, 2 invalid, 3 expired. */
    public enum Status {
        ALL(0), VALID(1), INVALID(2), EXPIRED(3);

        private final int code;

        Status(int code) {
            this.code = code;
        }

        /** The wire value. */
        public int code() {
            return code;
        }
    }

    /** {@code query_type}: 0 general packages, 1 directed packages. */
    public enum QueryType {
        GENERAL(0), DIRECTED(1);

        private final int code;

        QueryType(int code) {
            this.code = code;
        }

        /** The wire value. */
        public int code() {
            return code;
        }
    }

    public PackageQuery {
        Violations v = Violations.start();
        v.require(status, "status", Rule.R25);
        v.require(queryType, "query_type", Rule.R25);
        v.check(offset >= 0, "offset", Rule.R25, offset, "offset must be >= 0");
        v.check(limit >= 1 && limit <= MAX_LIMIT, "limit", Rule.R25, limit, "limit is 1..100 for listpackages");
        v.throwIfAny();
    }

    /** General packages of {@code status}, first page of 100. */
    public static PackageQuery of(Status status) {
        return new PackageQuery(status, 0, MAX_LIMIT, QueryType.GENERAL);
    }
}

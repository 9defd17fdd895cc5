package io.minidrama.domain.event;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/** What an audit was about: 0 first submission, 1 resubmission, 2 replacement, 3 info change. */
public enum AuditType {
    FIRST_SUBMISSION(0),
    RESUBMISSION(1),
    REPLACEMENT(2),
    INFO_CHANGE(3);

    private final int code;

    AuditType(int code) {
        this.code = code;
    }

    /** The platform's numeric type. */
    public int code() {
        return code;
    }

    /**
     * Maps the platform's numeric type.
     *
     * @throws InvalidRequestException outside 0..3
     */
    public static AuditType of(int code) {
        for (AuditType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw InvalidRequestException.of("audit_type", Rule.R29, code, "audit_type is 0 (first), 1 (resubmission), 2 (replacement) or 3 (info change)");
    }
}

package io.minidrama.domain.error;

import java.time.Duration;

/** The call did not complete within its deadline. Always ambiguous: the platform may have acted. */
public final class DeadlineExceededException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final Duration deadline;

    /**
     * Creates the exception.
     *
     * @param operation the platform operation, such as {@code uploadpart}
     * @param deadline  the deadline that ran out
     * @param cause     the underlying failure, or {@code null}
     */
    public DeadlineExceededException(String operation, Duration deadline, Throwable cause) {
        super(operation, "no complete answer within " + deadline, true, cause);
        this.deadline = deadline;
    }

    /** The deadline that ran out. */
    public Duration deadline() {
        return deadline;
    }
}

package io.minidrama.adapter.fake;

import java.time.Instant;
import java.util.Objects;

/**
 * One call the fake received, as seen by {@link FakeControl#recordedCalls()}.
 *
 * @param operation      the platform operation, such as {@code commitupload}
 * @param at             the fake clock's time when the call arrived
 * @param request        a printable summary of the request (never a secret)
 * @param errcode        0 on success, the platform errcode otherwise ({@link #TRANSPORT_FAULT} for an injected transport fault)
 * @param injected       whether the outcome was an injected fault rather than the fake's own answer
 */
public record RecordedCall(String operation, Instant at, String request, int errcode, boolean injected) {
    /** The {@code errcode} recorded for an injected transport fault. */
    public static final int TRANSPORT_FAULT = Integer.MIN_VALUE;

    public RecordedCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(request, "request");
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return errcode == 0;
    }
}

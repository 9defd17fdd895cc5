package io.minidrama.domain.error;

import java.util.Objects;

/**
 * The platform (or something in front of it) answered, but the SDK cannot map the answer to the
 * operation's result: an HTML error page, an empty, cut-off or malformed body, a non-2xx status
 * without an errcode, or JSON that does not fit the operation (a wrong type, a missing required
 * field, a value outside the domain). Not a {@link TransportException}: an answer arrived.
 *
 * <p>{@link #kind()} says whether asking again may give a different answer: {@code UNREADABLE}
 * for an answer that may have been damaged on its way or came from a gateway (HTTP 5xx, an empty,
 * non-JSON, cut-off or malformed body), {@code UNMAPPABLE} for a complete answer of the wrong
 * shape, which the platform would give again (a format change the SDK does not know: report it,
 * do not retry). {@link #ambiguous()} says whether the platform may have acted on the request (any
 * status but 4xx). Whether the call is tried again is the ports' {@code RetryPolicy}'s decision.
 *
 * <p>Carries the HTTP status and a short, single-line snippet of the body, already free of the
 * access token. Never carries the request URL or any secret.
 */
public final class UnexpectedResponseException extends MiniDramaException {
    private static final long serialVersionUID = 1L;

    /** What kind of answer could not be mapped. */
    public enum Kind {
        /** Not JSON, empty, cut off or malformed; or an HTTP error status without an errcode. */
        UNREADABLE,
        /** Complete JSON that does not fit the operation: a wrong type, a missing required field. */
        UNMAPPABLE
    }

    private final String operation;
    private final int httpStatus;
    private final String bodySnippet;
    private final boolean ambiguous;
    private final Kind kind;

    /**
     * Creates the exception for an answer that could not be read (see {@link Kind#UNREADABLE}).
     *
     * @param operation   the platform operation, such as {@code getmedia}
     * @param httpStatus  the response's HTTP status
     * @param problem     what is wrong with the response
     * @param bodySnippet the start of the body, already shortened and redacted; MUST NOT contain a secret
     * @param ambiguous   whether the platform may have processed the request
     */
    public UnexpectedResponseException(String operation, int httpStatus, String problem, String bodySnippet, boolean ambiguous) {
        this(operation, httpStatus, problem, bodySnippet, ambiguous, Kind.UNREADABLE);
    }

    /**
     * Creates the exception.
     *
     * @param operation   the platform operation, such as {@code getmedia}
     * @param httpStatus  the response's HTTP status
     * @param problem     what is wrong with the response
     * @param bodySnippet the start of the body, already shortened and redacted; MUST NOT contain a secret
     * @param ambiguous   whether the platform may have processed the request
     * @param kind        whether the body could not be read or did not fit the operation
     */
    public UnexpectedResponseException(String operation, int httpStatus, String problem, String bodySnippet, boolean ambiguous,
                                       Kind kind) {
        super(Objects.requireNonNull(operation, "operation") + ": " + problem + " (HTTP " + httpStatus + ")"
                + (bodySnippet == null || bodySnippet.isEmpty() ? "" : ", body starts: " + bodySnippet));
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.bodySnippet = bodySnippet == null ? "" : bodySnippet;
        this.ambiguous = ambiguous;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The platform operation, such as {@code getmedia}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The start of the body (at most a few dozen characters, on one line; empty when not kept). */
    public String bodySnippet() {
        return bodySnippet;
    }

    /** Whether the body could not be read at all or did not fit the operation. */
    public Kind kind() {
        return kind;
    }

    /** True when the platform may have processed the request (any status but 4xx). */
    public boolean ambiguous() {
        return ambiguous;
    }

    /** Whether the status was 5xx: a server-side failure. */
    public boolean serverError() {
        return httpStatus >= 500;
    }
}

package io.minidrama.adapter.jdkhttp;

import io.minidrama.domain.error.TransportException;

/**
 * The platform (or something in front of it) answered with a response that cannot be read as the
 * operation's JSON: an HTML error page, an empty, truncated or malformed body, a non-2xx status
 * without an errcode, or a payload lacking a required field.
 *
 * <p>Carries the HTTP status and a short, single-line snippet of the body. Never carries the
 * request URL or the access token.
 */
public final class UnexpectedResponseException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String bodySnippet;

    /**
     * Creates the exception.
     *
     * @param operation   the platform operation, such as {@code getmedia}
     * @param httpStatus  the response's HTTP status
     * @param problem     what is wrong with the response
     * @param bodySnippet the start of the body, already shortened and redacted
     * @param ambiguous   whether the platform may have processed the request
     */
    public UnexpectedResponseException(String operation, int httpStatus, String problem, String bodySnippet, boolean ambiguous) {
        super(operation, problem + " (HTTP " + httpStatus + ")" + (bodySnippet.isEmpty() ? ", empty body" : ", body starts: " + bodySnippet),
                ambiguous, null);
        this.httpStatus = httpStatus;
        this.bodySnippet = bodySnippet;
    }

    /** The HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The start of the body (at most a few dozen characters, on one line). */
    public String bodySnippet() {
        return bodySnippet;
    }

    /** Whether the status was 5xx: a server-side failure, worth retrying for idempotent calls. */
    public boolean serverError() {
        return httpStatus >= 500;
    }

    /** Retryable unless the status was a 4xx (the request itself is wrong). */
    @Override
    public boolean retryable() {
        return httpStatus < 400 || httpStatus >= 500;
    }
}

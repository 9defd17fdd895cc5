package io.minidrama.domain.error;

/**
 * Root of every exception this library throws. Unchecked: callers decide where to handle.
 *
 * <p>Branches: {@link InvalidRequestException} (a rule was broken, nothing was sent),
 * {@link PlatformException} (the platform answered with an errcode),
 * {@link TransportException} (the call did not complete) and {@link UnexpectedResponseException}
 * (an answer arrived that the SDK cannot map). Messages never contain secrets.
 *
 * <p>The exceptions carry facts (errcode, {@code ambiguous()}, kind, HTTP status), not a retry
 * decision: whether a failed call is tried again is decided in one place, the ports'
 * {@code RetryPolicy}.
 */
public abstract class MiniDramaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected MiniDramaException(String message) {
        super(message);
    }

    protected MiniDramaException(String message, Throwable cause) {
        super(message, cause);
    }
}

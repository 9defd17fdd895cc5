package io.minidrama.domain.error;

/**
 * The call did not complete: connection refused or reset, timeout, or an unreadable response.
 *
 * <p>The request may or may not have reached the platform; {@link #ambiguous()} says which.
 */
public class TransportException extends MiniDramaException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final boolean ambiguous;

    /**
     * Creates the exception; its message is {@code operation + ": " + message}.
     *
     * @param operation the platform operation, such as {@code uploadpart}
     * @param message   what failed; MUST NOT contain a URL, token or secret
     * @param ambiguous whether the platform may have processed the request
     * @param cause     the underlying failure, or {@code null}
     */
    public TransportException(String operation, String message, boolean ambiguous, Throwable cause) {
        super(java.util.Objects.requireNonNull(operation, "operation") + ": " + message, cause);
        this.operation = operation;
        this.ambiguous = ambiguous;
    }

    /** The platform operation, such as {@code uploadpart}. */
    public String operation() {
        return operation;
    }

    /** True when the request may have been processed by the platform although no answer arrived. */
    public boolean ambiguous() {
        return ambiguous;
    }
}

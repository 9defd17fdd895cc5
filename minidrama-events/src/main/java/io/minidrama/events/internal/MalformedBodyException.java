package io.minidrama.events.internal;

/**
 * Internal signal that a body cannot be read; the receiver turns it into a MALFORMED rejection.
 * Messages name fields, never values.
 */
public final class MalformedBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal; without a stack trace, since it never escapes the receiver. */
    public MalformedBodyException(String message) {
        super(message, null, false, false);
    }
}

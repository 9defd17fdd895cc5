package io.minidrama.events;

import io.minidrama.domain.error.MiniDramaException;

import java.util.Objects;

/**
 * A push was refused: it is not authentic, not fresh, not for this mini program, not readable, or
 * a replay of one already delivered.
 *
 * <p>The {@link #reason()} says why. Messages name the failed check and, where useful, the query
 * parameter or field involved; they MUST NOT and do not contain the token, the EncodingAESKey, the
 * configured appid or any decrypted content, so they are safe to log. Never
 * {@linkplain #retryable() retryable}: the same request will be refused again.
 */
public final class PushRejectedException extends MiniDramaException {
    private static final long serialVersionUID = 1L;

    /** Why a push was refused. */
    public enum Reason {
        /** {@code signature} or {@code msg_signature} does not match: not sent by the platform, or the token is wrong. */
        BAD_SIGNATURE,
        /** {@code timestamp} lies outside the accepted window (too old, or too far in the future). */
        STALE,
        /** The appid inside the decrypted message is not the configured one. */
        WRONG_APPID,
        /** The body or a parameter cannot be read: not XML or JSON, a DTD, a missing element, a non-numeric id... */
        MALFORMED,
        /** The body is larger than the configured maximum. */
        TOO_LARGE,
        /** {@code Encrypt} cannot be decrypted: not Base64, wrong length, bad padding, inconsistent length field. */
        DECRYPTION_FAILED,
        /** A required query parameter ({@code signature}, {@code msg_signature}, {@code timestamp}, {@code nonce}, {@code echostr}) is absent. */
        MISSING_PARAMETER,
        /** The push is encrypted but the receiver has no EncodingAESKey configured. */
        NOT_CONFIGURED,
        /**
         * The push is plain (no {@code msg_signature}, no {@code encrypt_type=aes}) but the receiver has
         * an EncodingAESKey, so it expects compatible or safe mode: a plain push's {@code signature} does
         * not cover the body, which anyone who saw one signed URL could replace. Refused before the body
         * is parsed. Switch the console to safe mode, or accept plain pushes explicitly with
         * {@code PushEventReceiver.Builder.allowPlainMode(true)}.
         */
        UNENCRYPTED,
        /**
         * The push was already delivered: the replay guard has seen its signature within twice the
         * timestamp window ({@code receive} only; {@code receiveOnce} answers a {@code Duplicate} instead).
         */
        REPLAYED
    }

    private final Reason reason;

    /**
     * Creates a rejection.
     *
     * @param reason  why the push was refused
     * @param message what was checked and failed; MUST NOT contain secrets or decrypted content
     */
    public PushRejectedException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(message, "message"));
        this.reason = reason;
    }

    /** Why the push was refused. */
    public Reason reason() {
        return reason;
    }

    /** Always {@code false}: the same request would be refused again. */
    public boolean retryable() {
        return false;
    }
}

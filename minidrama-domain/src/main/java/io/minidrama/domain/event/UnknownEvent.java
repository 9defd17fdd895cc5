package io.minidrama.domain.event;

import java.util.Objects;

/**
 * A pushed message of a type this library does not model. Kept, never dropped: the raw body lets
 * the caller decode it.
 *
 * @param envelope the message envelope ({@code event} holds the raw type)
 * @param rawBody  the decrypted message body, XML or JSON, as received
 */
public record UnknownEvent(Envelope envelope, String rawBody) implements PushEvent {
    public UnknownEvent {
        Objects.requireNonNull(envelope, "envelope");
        rawBody = rawBody == null ? "" : rawBody;
    }

    /** The raw {@code Event} value, such as {@code wxa_media_check}. */
    public String rawType() {
        return envelope.event();
    }
}

package io.minidrama.events.internal;

import java.util.Optional;

/**
 * A read-only view of one level of a pushed message, the same whether the body was XML or JSON.
 * Implementations throw {@link MalformedBodyException} for a duplicated name or a value of the
 * wrong kind (an object where text is expected, or the reverse).
 */
public interface Fields {

    /** The text of a scalar field; empty when absent (or JSON {@code null}). */
    Optional<String> text(String name);

    /** A nested object; empty when absent. */
    Optional<Fields> object(String name);
}

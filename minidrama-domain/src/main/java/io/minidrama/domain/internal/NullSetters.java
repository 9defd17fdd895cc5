package io.minidrama.domain.internal;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.RuleViolation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The builders' one way with {@code null}: a setter never throws; {@code build()} reports it with
 * every other violation. A required value given {@code null} simply stays unset, so the builder's
 * own presence check reports it under its rule; an optional value given {@code null} is remembered
 * here and reported as {@link RuleViolation#givenNull}. A later call with a value forgets the
 * earlier {@code null} (the last call wins, as for any setter).
 *
 * <p>One instance per builder; not thread-safe, like the builder.
 */
public final class NullSetters {
    private final Set<String> fields;

    /** Nothing given {@code null} yet. */
    public NullSetters() {
        this.fields = new LinkedHashSet<>();
    }

    private NullSetters(NullSetters other) {
        this.fields = new LinkedHashSet<>(other.fields);
    }

    /** An independent copy, for a builder that snapshots itself. */
    public NullSetters copy() {
        return new NullSetters(this);
    }

    /** Returns {@code value}, remembering {@code field} when it is {@code null}. */
    public <T> T optional(T value, String field) {
        return optional(value, field, null);
    }

    /** Returns {@code value}, or {@code ifNull} (the builder's default) after remembering {@code field}. */
    public <T> T optional(T value, String field, T ifNull) {
        if (value == null) {
            fields.add(field);
            return ifNull;
        }
        fields.remove(field);
        return value;
    }

    /**
     * An unmodifiable copy of {@code list} that keeps {@code null} elements for {@code build()} to
     * report ({@link Violations#requireEach}); {@code null} when {@code list} is.
     */
    public static <T> List<T> copy(List<? extends T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * {@code value}, or an {@link InvalidRequestException} with {@link RuleViolation#givenNull}:
     * for a {@code with...} method of an immutable value, which has no {@code build()} to wait for.
     */
    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(List.of(RuleViolation.givenNull(field)));
        }
        return value;
    }

    /** Reports every optional field still given {@code null}. */
    public void reportTo(Violations v) {
        List<RuleViolation> found = new ArrayList<>();
        for (String field : fields) {
            found.add(RuleViolation.givenNull(field));
        }
        v.addAll(found);
    }
}

package io.minidrama.adapter.fake.internal;

import io.minidrama.port.Operation;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the fake answers each typed {@link Operation}: the capability that owns an operation
 * registers its behaviour here ({@link PlayerCapability#register}, {@link Engine#register}), and
 * {@code InMemoryMiniDramaPlatform.execute} runs it behind the injected faults and the retries.
 * Adding an operation to the fake is one registration in its capability. Thread-safe.
 */
public final class Handlers {
    private final Map<Operation<?, ?>, Function<?, ?>> handlers = new ConcurrentHashMap<>();

    /**
     * Registers the behaviour of {@code operation}.
     *
     * @throws IllegalStateException when it has one already
     */
    public <Q, R> Handlers on(Operation<Q, R> operation, Function<Q, R> behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        if (handlers.putIfAbsent(Objects.requireNonNull(operation, "operation"), behaviour) != null) {
            throw new IllegalStateException("two behaviours for " + operation.wireName());
        }
        return this;
    }

    /** Registers the behaviour of an operation without a result. */
    public <Q> Handlers onVoid(Operation<Q, Void> operation, Consumer<Q> behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        return on(operation, q -> {
            behaviour.accept(q);
            return null;
        });
    }

    /**
     * The behaviour of {@code operation}.
     *
     * @throws IllegalArgumentException when the fake does not answer it
     */
    @SuppressWarnings("unchecked")
    public <Q, R> Function<Q, R> of(Operation<Q, R> operation) {
        Function<?, ?> h = handlers.get(Objects.requireNonNull(operation, "operation"));
        if (h == null) {
            throw new IllegalArgumentException("the fake does not answer " + operation.wireName());
        }
        return (Function<Q, R>) h;
    }
}

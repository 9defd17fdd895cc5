package io.minidrama.protocol.internal;

import io.minidrama.port.Operation;
import io.minidrama.protocol.internal.dto.PlayerWire;
import io.minidrama.protocol.internal.dto.VodWire;
import io.minidrama.protocol.internal.dto.Wire;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The codec of every typed {@link Operation}, keyed by the operation: how its request is encoded,
 * which wire type its answer is read into, how that is decoded into the domain, and how a domain
 * result is encoded back into the platform's JSON (for {@code WireJson}, the CLI's {@code --json}).
 *
 * <p>Each family's wire class registers its operations, next to their wire types
 * ({@link PlayerWire#register}, {@link VodWire#register}): adding an operation is one entry there. Thread-safe.
 */
public final class Codecs {
    private static final Map<Operation<?, ?>, Codec<?, ?, ?>> CODECS = new ConcurrentHashMap<>();

    static {
        PlayerWire.register(new Registry());
        VodWire.register(new Registry());
    }

    private Codecs() {
    }

    /**
     * One operation's codec.
     *
     * @param encodeRequest  the request DTO of a domain request (written as JSON)
     * @param responseType   the answer's wire type
     * @param decodeResponse the domain result of an answer; may throw on a value the domain cannot
     *                       hold (the call then fails as an unmappable answer)
     * @param encodeResult   the platform's JSON object of a domain result, {@code null} for an
     *                       operation without a result
     * @param <Q>            the request
     * @param <W>            the answer's wire type
     * @param <R>            the result
     */
    public record Codec<Q, W extends Wire.Envelope, R>(Function<Q, ?> encodeRequest, Class<W> responseType,
                                                         Function<W, R> decodeResponse, Function<R, ?> encodeResult) {
    }

    /** Where a wire class registers its operations. */
    public static final class Registry {
        private Registry() {
        }

        /**
         * Registers {@code operation}'s codec.
         *
         * @throws IllegalStateException when it has one already
         */
        public <Q, W extends Wire.Envelope, R> Registry add(Operation<Q, R> operation, Function<Q, ?> encodeRequest, Class<W> responseType,
                                                            Function<W, R> decodeResponse, Function<R, ?> encodeResult) {
            Codec<Q, W, R> codec = new Codec<>(encodeRequest, responseType, decodeResponse, encodeResult);
            if (CODECS.putIfAbsent(Objects.requireNonNull(operation, "operation"), codec) != null) {
                throw new IllegalStateException("two codecs for " + operation.wireName());
            }
            return this;
        }

        /** Registers an operation without a result: its answer is {@code errcode}/{@code errmsg} only. */
        public <Q> Registry add(Operation<Q, Void> operation, Function<Q, ?> encodeRequest) {
            return add(operation, encodeRequest, Wire.EmptyResponse.class, r -> null, null);
        }
    }

    /**
     * The codec of {@code operation}.
     *
     * @throws IllegalArgumentException when it has none (an operation this SDK version cannot send)
     */
    @SuppressWarnings("unchecked")
    public static <Q, R> Codec<Q, ?, R> of(Operation<Q, R> operation) {
        Codec<?, ?, ?> codec = CODECS.get(Objects.requireNonNull(operation, "operation"));
        if (codec == null) {
            throw new IllegalArgumentException("no codec for operation " + operation.wireName());
        }
        return (Codec<Q, ?, R>) codec;
    }
}

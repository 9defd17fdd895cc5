package io.minidrama.port;

import java.util.Objects;

/**
 * A typed platform operation: the {@link PlatformOperation} (wire name, path, body kind, repeat
 * safety, permission set) with the type of its request {@code Q} and of its result {@code R}.
 * Declared as a constant next to its typed port method (the drama player's, e.g.
 * {@link DramaPlayerPort#GET_FINDER_EVENT}, or a {@code /wxa/sec/vod/*} port's, e.g.
 * {@link TrafficPackagePort#LIST_PACKAGES}), whose default implementation is
 * {@code execute(THE_CONSTANT, request)}; {@link OperationPort#execute} is the one method an
 * adapter implements for all of them.
 *
 * <p>Adding a read-only operation therefore touches: its request and result values (the domain),
 * its constant and typed method (the port), its codec entry (the protocol's wire class of its
 * family), and its behaviour in the fake (the capability that answers it). Nothing else lists it:
 * {@link PlatformOperation#values()}, the decorators ({@link ForwardingMiniDramaPlatform},
 * {@link RetryingMiniDramaPlatform}), metrics and the CLI's {@code --json} find it from there.
 *
 * <p>Instances are created by the ports only; compare them by identity. Immutable, thread-safe.
 *
 * @param <Q> the request: a domain value, {@link NoRequest} when the operation takes none
 * @param <R> the result: a domain value, {@link Void} ({@code null}) when there is none
 */
public final class Operation<Q, R> extends PlatformOperation {

    /** The request of an operation that takes no argument (sent as {@code {}}). */
    public enum NoRequest {
        /** The only instance. */
        INSTANCE;

        /** {@code {}}, the body such an operation sends. */
        @Override
        public String toString() {
            return "{}";
        }
    }

    /**
     * Calls an operation's typed port method: how {@link ForwardingMiniDramaPlatform} forwards
     * {@link OperationPort#execute} to its delegate, so that a decorator further down the chain
     * that overrides the typed method is still called.
     *
     * @param <Q> the request
     * @param <R> the result
     */
    @FunctionalInterface
    interface TypedMethod<Q, R> {
        R call(MiniDramaPlatform platform, Q request);
    }

    private final TypedMethod<Q, R> typedMethod;

    private Operation(String name, String pathPrefix, String wireName, boolean repeatSafe, TypedMethod<Q, R> typedMethod) {
        super(name, pathPrefix, wireName, BodyKind.JSON, repeatSafe);
        this.typedMethod = Objects.requireNonNull(typedMethod, "typedMethod");
    }

    /**
     * Declares a drama player operation ({@code POST /wxadrama/<wireName>}, a JSON body) and adds
     * it to the catalogue.
     *
     * @param name        the constant name, such as {@code GET_FINDER_EVENT}
     * @param wireName    the last path segment, such as {@code getfinderevent}
     * @param repeatSafe  whether a repeat after an ambiguous failure is harmless
     * @param typedMethod calls the port's typed method of the operation
     */
    static <Q, R> Operation<Q, R> player(String name, String wireName, boolean repeatSafe, TypedMethod<Q, R> typedMethod) {
        return define(new Operation<>(name, PLAYER_PATH_PREFIX, wireName, repeatSafe, typedMethod));
    }

    /**
     * Declares a media-asset operation ({@code POST /wxa/sec/vod/<wireName>}, a JSON body,
     * permission set {@value PlatformOperation#MEDIA_PERMISSION_SET}) and adds it to the catalogue.
     *
     * @param name        the constant name, such as {@code LIST_PACKAGES}
     * @param wireName    the last path segment, such as {@code listpackages}
     * @param repeatSafe  whether a repeat after an ambiguous failure is harmless
     * @param typedMethod calls the port's typed method of the operation
     */
    static <Q, R> Operation<Q, R> vod(String name, String wireName, boolean repeatSafe, TypedMethod<Q, R> typedMethod) {
        return define(new Operation<>(name, PATH_PREFIX, wireName, repeatSafe, typedMethod));
    }

    /**
     * Runs this operation through {@code platform}'s typed method (not through its
     * {@code execute}): the result of that method.
     *
     * @param platform the platform to call
     * @param request  the request, passed on as it is (the platform refuses a {@code null})
     * @return what the typed method returned
     */
    public R callTypedMethod(MiniDramaPlatform platform, Q request) {
        return typedMethod.call(Objects.requireNonNull(platform, "platform"), request);
    }
}

package io.minidrama.port;

/**
 * The one generic call shared by every port family that declares typed {@link Operation}s (the
 * drama player's {@link DramaPlayerPort}, the {@code /wxa/sec/vod/*} ports such as
 * {@link TrafficPackagePort}): each typed port method is a {@code default} method calling
 * {@link #execute}, so an adapter implements this one method for all of them and a decorator
 * forwards it once ({@link ForwardingMiniDramaPlatform#execute}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}.
 */
public interface OperationPort {

    /**
     * Runs one typed operation: what its typed port method does (the typed methods call this).
     * The result is {@code null} for an operation without one ({@code Void}).
     *
     * @param operation a port's constant, such as {@link DramaPlayerPort#GET_FINDER_EVENT} or
     *                  {@link TrafficPackagePort#LIST_PACKAGES}
     * @param request   its request ({@link Operation.NoRequest#INSTANCE} when it takes none)
     * @param <Q>       the request type
     * @param <R>       the result type
     * @return the operation's result
     * @throws IllegalArgumentException when this implementation does not know {@code operation}
     */
    <Q, R> R execute(Operation<Q, R> operation, Q request);
}

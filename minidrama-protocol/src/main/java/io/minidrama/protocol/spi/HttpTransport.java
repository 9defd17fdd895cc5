package io.minidrama.protocol.spi;

/**
 * One HTTP exchange, the whole contract between the protocol and an HTTP client: send a request,
 * return the response once its status and headers have arrived. No retries, no redirects followed,
 * no encoding of bodies, no tokens: the protocol does all of that, once, above any transport.
 *
 * <p>An implementation MUST:
 * <ul>
 *   <li>be thread-safe: many exchanges run at once (parts of one upload in parallel);</li>
 *   <li>stream the request body from {@link RequestBody#open()} without holding it whole (a part
 *       is 5 MiB, a single-file upload up to the platform's limit), and send
 *       {@link RequestBody#contentLength()} as {@code Content-Length};</li>
 *   <li>open the body afresh for every {@code execute}: a retried request re-sends it from its first
 *       byte;</li>
 *   <li>finish the exchange within {@link TransportRequest#timeout()}, request body, response
 *       headers and response body included, or fail it with
 *       {@link io.minidrama.domain.error.DeadlineExceededException};</li>
 *   <li>report every other failure as {@link io.minidrama.domain.error.TransportException} whose
 *       {@code ambiguous()} is {@code false} only when nothing can have reached the server (the
 *       connection was never established) and {@code true} otherwise;</li>
 *   <li>never put the request URI, its query (it carries the access token) or a header value in
 *       an exception message or a log record;</li>
 *   <li>return non-2xx responses as responses, not as exceptions: the protocol reads them.</li>
 * </ul>
 *
 * <p>The transport contract suite in {@code minidrama-testkit}
 * ({@code io.minidrama.testkit.transport.HttpTransportContract}) checks all of this; a transport
 * that passes it can carry every operation of the SDK.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends {@code request} and returns the response once its status line and headers arrived.
     * The caller reads {@link TransportResponse#body()} and closes the response.
     *
     * @throws io.minidrama.domain.error.DeadlineExceededException when {@code request.timeout()}
     *                                                             ran out
     * @throws io.minidrama.domain.error.TransportException        when the exchange failed; after
     *                                                             {@link #close()}, one that is not
     *                                                             ambiguous (nothing was sent)
     */
    TransportResponse execute(TransportRequest request);

    /**
     * Releases what the transport owns (connection pool, threads). A transport built around a
     * client the user passed in leaves that client open. Default: nothing to release.
     */
    @Override
    default void close() {
    }
}

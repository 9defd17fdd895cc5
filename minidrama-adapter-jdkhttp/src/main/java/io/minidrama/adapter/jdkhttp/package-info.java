/**
 * The JDK transport: {@link io.minidrama.adapter.jdkhttp.JdkHttpTransport} (the protocol's
 * {@link io.minidrama.protocol.spi.HttpTransport} over {@code java.net.http}) and
 * {@link io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter}, the builder users know (a
 * {@link io.minidrama.protocol.MiniDramaClient} over a {@code JdkHttpTransport}).
 *
 * <p><b>The deadline.</b> The JDK's request timeout covers only the wait for the response headers,
 * so the whole exchange also runs under {@code TransportRequest.timeout()}: {@code execute} waits
 * for the headers at most until then ({@code DeadlineExceededException}), and a timer closes the
 * response body's stream when it passes (closing the response cancels the timer). The JDK's
 * stream, once closed, fails a read waiting for bytes and every read past the bytes already in
 * hand with an {@link java.io.IOException}, so a body still arriving at the deadline is never read
 * to its end.
 *
 * <p><b>The request body</b> ({@code JdkHttpTransport.BodyStream}, the subscription of a
 * {@code BodyPublisher} of the body's length): each subscription opens the {@code RequestBody}
 * afresh (a retried request re-sends it from its first byte) and fills 64 KiB heap buffers from its
 * channel on demand (a file region is read by position straight into them). A subscription owns a ring of 3 buffers, allocated on first use and taken in turn, so the
 * one reused was handed out 3 chunks before, never the one the client may still be writing; it is
 * reused only once the client has consumed it (nothing left between its position and its limit),
 * else a new buffer takes its slot. The HTTP/1.1 exchange asks for a buffer only after it has
 * handed the one before to the socket, so nothing is allocated per chunk. 64 KiB heap buffers
 * measured best at {@code -Xmx64m} ({@code UploadBenchmark}, BENCHMARKS.md): 128 and 256 KiB ones
 * were promoted to the old generation, direct ones raised the resident memory. A body that ends
 * before its declared length fails the request; a longer one is cut.
 */
package io.minidrama.adapter.jdkhttp;

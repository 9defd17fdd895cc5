package io.minidrama.protocol.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * A request body of known length that can be read again from its first byte (a retried request
 * re-sends it) and is streamed, never held whole: a multipart upload reads its file region by
 * position while the transport writes.
 *
 * <p>Transports read it through {@link #open()}: fill a buffer with {@code read}, write it out,
 * repeat until {@code -1}. Large buffers (64 KiB) keep the copy cheap. A transport that writes to
 * a channel of its own (a plain-HTTP socket) may call {@link #transferTo} instead, which lets a body
 * move its file regions without copying them through the Java heap.
 */
public interface RequestBody {

    /** The {@code Content-Type} header value, such as {@code application/json; charset=utf-8}. */
    String contentType();

    /** The exact number of bytes {@link #open()} yields. */
    long contentLength();

    /**
     * A new channel over the whole body, from its first byte; the caller closes it. Each call is
     * independent, so concurrent and repeated reads are allowed.
     *
     * @throws IOException when a source of the body cannot be opened (a file was removed); the
     *                     transport that calls this reports it as a
     *                     {@link io.minidrama.domain.error.TransportException} with the
     *                     {@code IOException} as its cause (this checked exception never leaves the SPI)
     */
    ReadableByteChannel open() throws IOException;

    /**
     * Writes the whole body, from its first byte, to {@code target}, a channel in blocking mode, and
     * returns the number of bytes written: {@link #contentLength()}. Like {@link #open()}, each call
     * is an independent pass, so a retried request calls it again.
     *
     * <p>The default reads {@link #open()} through one 64 KiB buffer and writes each buffer fully.
     * A body made of file regions overrides it to send them with
     * {@link java.nio.channels.FileChannel#transferTo} ({@code sendfile(2)} to a socket), without
     * the copies into and out of the Java heap.
     *
     * @throws IOException when a source of the body cannot be opened or read, ends before its
     *                     declared size or yields more than {@link #contentLength()} (nothing past it is
     *                     written), or the target fails; part of the body may have been written
     *                     then, so the transport must fail the exchange, never complete it
     */
    default long transferTo(WritableByteChannel target) throws IOException {
        Objects.requireNonNull(target, "target");
        long expected = contentLength();
        long written = 0;
        try (ReadableByteChannel source = open()) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            for (int n; (n = source.read(buffer)) >= 0; ) {
                if (n == 0) {
                    continue;
                }
                buffer.flip();
                if (written + buffer.remaining() > expected) {
                    throw new IOException("the request body yielded more than its content length of " + expected + " bytes");
                }
                while (buffer.hasRemaining()) {
                    written += target.write(buffer);
                }
                buffer.clear();
            }
        }
        if (written != expected) {
            throw new IOException("the request body yielded " + written + " bytes, its content length is " + expected);
        }
        return written;
    }

    /** A body held in memory, for small JSON requests. */
    static RequestBody of(String contentType, byte[] bytes) {
        Objects.requireNonNull(contentType, "contentType");
        byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
        return new RequestBody() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public long contentLength() {
                return copy.length;
            }

            @Override
            public ReadableByteChannel open() {
                ByteBuffer source = ByteBuffer.wrap(copy).asReadOnlyBuffer();
                return new ReadableByteChannel() {
                    private boolean open = true;

                    @Override
                    public int read(ByteBuffer dst) {
                        if (!source.hasRemaining()) {
                            return -1;
                        }
                        int n = Math.min(dst.remaining(), source.remaining());
                        ByteBuffer slice = source.slice();
                        slice.limit(n);
                        dst.put(slice);
                        source.position(source.position() + n);
                        return n;
                    }

                    @Override
                    public boolean isOpen() {
                        return open;
                    }

                    @Override
                    public void close() {
                        open = false;
                    }
                };
            }

            @Override
            public String toString() {
                return "RequestBody[" + contentType + ", " + copy.length + " bytes]";
            }
        };
    }
}

package io.minidrama.adapter.apache;

import io.minidrama.protocol.spi.RequestBody;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;

/**
 * A request entity that streams a {@link RequestBody}: every {@link #writeTo} opens the body afresh
 * and copies it through one 64 KiB buffer, so the body is never held whole and a retried request
 * re-sends it from its first byte.
 *
 * <p>On a plain-HTTP connection of the transport's own client, {@link PlainSockets} sends the entity
 * from {@link #through(SocketChannel)} instead: the body goes to the socket's channel with
 * {@link RequestBody#transferTo} (a file region by {@code sendfile(2)}). {@link #abort()} (the
 * deadline) shuts that channel's output down, which wakes a transfer blocked on a server that stopped
 * reading: closing the socket alone would not, as {@code sendfile} does not watch for it.
 */
final class StreamingEntity extends AbstractHttpEntity {
    static final int BUFFER = 64 * 1024;

    private final RequestBody body;
    /** The channel a {@link #through} entity is writing to, for {@link #abort()}. */
    private volatile SocketChannel writing;
    private volatile boolean aborted;

    StreamingEntity(RequestBody body) {
        super(body.contentType(), null, false);
        this.body = body;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return body.contentLength();
    }

    @Override
    public InputStream getContent() throws IOException {
        return Channels.newInputStream(body.open());
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long expected = body.contentLength();
        long written = 0;
        try (ReadableByteChannel channel = body.open()) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            for (int n; (n = channel.read(buffer)) >= 0; ) {
                if (n == 0) {
                    continue;
                }
                written += n;
                if (written > expected) {
                    throw new IOException("the request body yielded more than its Content-Length of " + expected + " bytes");
                }
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
        if (written != expected) {
            throw new IOException("the request body yielded " + written + " bytes, its Content-Length is " + expected);
        }
        out.flush();
    }

    /** This body as an entity that writes it to {@code channel}, the connection's, in blocking mode. */
    HttpEntity through(SocketChannel channel) {
        return new Direct(channel);
    }

    /**
     * The exchange is being cancelled: a transfer to a channel in progress fails now (its output is
     * shut down), and one not yet started fails when it starts. Called before the connection is closed.
     */
    void abort() {
        aborted = true;
        SocketChannel channel = writing;
        if (channel != null) {
            try {
                channel.shutdownOutput();
            } catch (IOException | RuntimeException ignored) {
                // closed already: the write fails on its own
            }
        }
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held: every writeTo opens and closes its own channel
    }

    /**
     * The body written straight to the connection's channel. HttpCore hands {@link #writeTo} its
     * content-length stream over the connection's buffer, which holds the request head: flushing it
     * sends the head, then the body goes to the channel (the stream's {@code close()} only flushes
     * its buffer, empty by then). A body that fails or yields the wrong count fails the exchange,
     * and HttpCore closes the connection, so the server never sees a short body as complete.
     */
    private final class Direct extends HttpEntityWrapper {
        private final SocketChannel channel;

        Direct(SocketChannel channel) {
            super(StreamingEntity.this);
            this.channel = channel;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.flush();
            long expected = body.contentLength();
            writing = channel;
            try {
                if (aborted) {
                    throw new InterruptedIOException("the exchange was cancelled before its body was sent");
                }
                long written = body.transferTo(channel);
                if (written != expected) {
                    throw new IOException("the request body wrote " + written + " bytes, its Content-Length is " + expected);
                }
            } finally {
                writing = null;
            }
        }
    }
}

package io.minidrama.adapter.apache;

import io.minidrama.protocol.spi.RequestBody;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/**
 * A request entity that streams a {@link RequestBody}: every {@link #writeTo} opens the body afresh
 * and copies it through one 64 KiB buffer, so the body is never held whole and a retried request
 * re-sends it from its first byte.
 */
final class StreamingEntity extends AbstractHttpEntity {
    static final int BUFFER = 64 * 1024;

    private final RequestBody body;

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

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held: every writeTo opens and closes its own channel
    }
}

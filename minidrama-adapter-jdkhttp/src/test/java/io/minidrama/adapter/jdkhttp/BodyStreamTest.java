package io.minidrama.adapter.jdkhttp;

import io.minidrama.protocol.spi.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request body publisher, driven directly as the HTTP client drives it (no network), over a
 * body whose channel reads a file by position between a literal head and tail, as a multipart
 * upload's does.
 */
class BodyStreamTest {
    private static final byte[] HEAD = "--b\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
    private static final int CHUNK = JdkHttpTransport.BodyStream.CHUNK;

    @TempDir
    Path dir;

    private byte[] file(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Files.write(dir.resolve("video.mp4"), content);
        return content;
    }

    private BodyPublisher body(long offset, long length) {
        Path file = dir.resolve("video.mp4");
        return JdkHttpTransport.BodyStream.publisher(new RequestBody() {
            public String contentType() {
                return "multipart/form-data; boundary=b";
            }

            public long contentLength() {
                return HEAD.length + length + TAIL.length;
            }

            public ReadableByteChannel open() throws IOException {
                return new HeadFileTail(FileChannel.open(file, StandardOpenOption.READ), offset, length);
            }
        });
    }

    /** HEAD, then {@code length} bytes of the file from {@code offset} (read by position), then TAIL. */
    private static final class HeadFileTail implements ReadableByteChannel {
        private final FileChannel file;
        private final long offset;
        private final long length;
        private long position;

        HeadFileTail(FileChannel file, long offset, long length) {
            this.file = file;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            long total = HEAD.length + length + TAIL.length;
            if (position == total) {
                return -1;
            }
            int n;
            if (position < HEAD.length) {
                n = Math.min(dst.remaining(), HEAD.length - (int) position);
                dst.put(HEAD, (int) position, n);
            } else if (position < HEAD.length + length) {
                int limit = dst.limit();
                dst.limit(dst.position() + (int) Math.min(dst.remaining(), HEAD.length + length - position));
                n = file.read(dst, offset + position - HEAD.length);
                dst.limit(limit);
                if (n < 0) {
                    return -1;
                }
            } else {
                int at = (int) (position - HEAD.length - length);
                n = Math.min(dst.remaining(), TAIL.length - at);
                dst.put(TAIL, at, n);
            }
            position += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private static byte[] expected(byte[] content, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEAD);
        out.write(content, offset, length);
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    /**
     * Asks for one buffer at a time, from inside onNext as the client does, and consumes each
     * buffer (advances its position) before asking for the next, or keeps them untouched.
     */
    private static final class Client implements Flow.Subscriber<ByteBuffer> {
        final boolean consume;
        final long cancelAfter;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<ByteBuffer> kept = new ArrayList<>();
        Flow.Subscription subscription;
        boolean complete;
        Throwable error;
        long items;

        Client(boolean consume, long cancelAfter) {
            this.consume = consume;
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(consume ? 1 : Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            items++;
            if (consume) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                received.writeBytes(b);
                if (items == cancelAfter) {
                    subscription.cancel();
                    return;
                }
                subscription.request(1);
            } else {
                kept.add(item);
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        byte[] keptBytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ByteBuffer b : kept) {
                byte[] a = new byte[b.remaining()];
                b.duplicate().get(a);
                out.writeBytes(a);
            }
            return out.toByteArray();
        }
    }

    @Test
    void publishesHeadRegionAndTail_inFullBuffersReusedOnceConsumed() throws IOException {
        byte[] content = file(20 * CHUNK);
        BodyPublisher body = body(1_234, 15 * CHUNK + 500);
        Client client = new Client(true, -1);

        body.subscribe(client);

        assertTrue(client.complete);
        assertNull(client.error);
        byte[] want = expected(content, 1_234, 15 * CHUNK + 500);
        assertArrayEquals(want, client.received.toByteArray());
        assertEquals(want.length, body.contentLength());
        assertEquals((want.length + CHUNK - 1) / CHUNK, client.items, "full buffers of " + CHUNK + " bytes, the last one shorter");
    }

    @Test
    void aClientHoldingEveryBufferUnconsumed_neverSeesOneOverwritten() throws IOException {
        byte[] content = file(20 * CHUNK);
        Client client = new Client(false, -1);

        body(0, 20 * CHUNK).subscribe(client);

        assertTrue(client.complete);
        assertArrayEquals(expected(content, 0, 20 * CHUNK), client.keptBytes());
    }

    @Test
    void everySubscriptionStartsFromTheFirstByte_afterAnAbandonedOne() throws IOException {
        byte[] content = file(10 * CHUNK);
        BodyPublisher body = body(500, 9 * CHUNK);
        Client abandoned = new Client(true, 4);
        body.subscribe(abandoned);
        assertFalse(abandoned.complete);

        Client retry = new Client(true, -1);
        body.subscribe(retry);

        assertTrue(retry.complete);
        assertArrayEquals(expected(content, 500, 9 * CHUNK), retry.received.toByteArray());
    }

    @Test
    void aFileShorterThanItsRegion_failsTheBody() throws IOException {
        file(10 * CHUNK);
        BodyPublisher body = body(0, 10 * CHUNK);
        try (FileChannel ch = FileChannel.open(dir.resolve("video.mp4"), StandardOpenOption.WRITE)) {
            ch.truncate(6 * CHUNK + 500);
        }
        Client client = new Client(true, -1);

        body.subscribe(client);

        assertFalse(client.complete);
        assertInstanceOf(IOException.class, client.error);
        assertTrue(client.error.getMessage().contains("ended " + (4 * CHUNK - 500 + TAIL.length) + " bytes before its declared"), client.error.getMessage());
    }
}

package io.minidrama.adapter.jdkhttp.internal;

import io.minidrama.domain.media.ByteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request body publisher, driven directly as the HTTP client drives it (no network). */
class BodyStreamTest {
    private static final byte[] HEAD = "--b\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
    private static final int CHUNK = 1000;

    @TempDir
    Path dir;

    private byte[] file(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Files.write(dir.resolve("video.mp4"), content);
        return content;
    }

    private BodyStream body(long offset, long length) {
        return new BodyStream(List.of(BodyStream.Segment.of(HEAD),
                BodyStream.Segment.of(ByteSource.ofRegion(dir.resolve("video.mp4"), offset, length)),
                BodyStream.Segment.of(TAIL)), CHUNK);
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
    void publishesHeadRegionAndTail_inBuffersReusedOnceConsumed() throws IOException {
        byte[] content = file(20_000);
        BodyStream body = body(1_234, 15_500);
        Client client = new Client(true, -1);

        body.subscribe(client);

        assertTrue(client.complete);
        assertNull(client.error);
        byte[] want = expected(content, 1_234, 15_500);
        assertArrayEquals(want, client.received.toByteArray());
        assertEquals(want.length, body.contentLength());
        assertEquals(1 + 16 + 1, client.items, "head, 16 file buffers of at most " + CHUNK + " bytes, tail");
    }

    @Test
    void aClientHoldingEveryBufferUnconsumed_neverSeesOneOverwritten() throws IOException {
        byte[] content = file(20_000);
        Client client = new Client(false, -1);

        body(0, 20_000).subscribe(client);

        assertTrue(client.complete);
        assertArrayEquals(expected(content, 0, 20_000), client.keptBytes());
    }

    @Test
    void everySubscriptionStartsFromTheFirstByte_afterAnAbandonedOne() throws IOException {
        byte[] content = file(10_000);
        BodyStream body = body(500, 9_000);
        Client abandoned = new Client(true, 4);
        body.subscribe(abandoned);
        assertFalse(abandoned.complete);

        Client retry = new Client(true, -1);
        body.subscribe(retry);

        assertTrue(retry.complete);
        assertArrayEquals(expected(content, 500, 9_000), retry.received.toByteArray());
    }

    @Test
    void aFileShorterThanItsRegion_failsTheBody() throws IOException {
        file(10_000);
        BodyStream body = body(0, 10_000);
        try (FileChannel ch = FileChannel.open(dir.resolve("video.mp4"), StandardOpenOption.WRITE)) {
            ch.truncate(6_500);
        }
        Client client = new Client(true, -1);

        body.subscribe(client);

        assertFalse(client.complete);
        assertInstanceOf(IOException.class, client.error);
        assertTrue(client.error.getMessage().contains("3500 bytes before the 10000"), client.error.getMessage());
    }

    @Test
    void otherSourcesAreStreamed() {
        byte[] bytes = new byte[150_000];
        new Random(7).nextBytes(bytes);
        BodyStream body = new BodyStream(List.of(BodyStream.Segment.of(HEAD), BodyStream.Segment.of(ByteSource.ofBytes(bytes, "c.jpg")),
                BodyStream.Segment.of(TAIL)));
        Client client = new Client(true, -1);

        body.subscribe(client);

        assertTrue(client.complete);
        byte[] got = client.received.toByteArray();
        assertArrayEquals(HEAD, Arrays.copyOfRange(got, 0, HEAD.length));
        assertArrayEquals(bytes, Arrays.copyOfRange(got, HEAD.length, HEAD.length + bytes.length));
        assertEquals(got.length, body.contentLength());
    }
}

package io.minidrama.protocol.internal;

import io.minidrama.domain.media.ByteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.minidrama.protocol.spi.RequestBody;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The multipart body as a replayable channel over its segments (no network). */
class MultipartTest {
    private static final byte[] HEAD = "--b\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private byte[] file(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Files.write(dir.resolve("video.mp4"), content);
        return content;
    }

    private static byte[] readAll(ReadableByteChannel ch, ByteBuffer buf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ch) {
            while (ch.read(buf.clear()) >= 0) {
                buf.flip();
                byte[] b = new byte[buf.remaining()];
                buf.get(b);
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    private SegmentedBody body(ByteSource source) {
        return new SegmentedBody("multipart/form-data; boundary=b", List.of(SegmentedBody.Segment.of(HEAD),
                SegmentedBody.Segment.of(source), SegmentedBody.Segment.of(TAIL)));
    }

    private static byte[] expected(byte[] content, int offset, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEAD);
        out.write(content, offset, length);
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    @Test
    void aFileRegion_isReadByPositionIntoTheCallersBuffer_andEveryOpenStartsOver() throws IOException {
        byte[] content = file(20_000);
        SegmentedBody body = body(ByteSource.ofRegion(dir.resolve("video.mp4"), 1_234, 15_500));

        ReadableByteChannel abandoned = body.open();
        abandoned.read(ByteBuffer.allocate(3_000));
        abandoned.close();
        byte[] first = readAll(body.open(), ByteBuffer.allocate(1_000));
        byte[] direct = readAll(body.open(), ByteBuffer.allocateDirect(777));

        byte[] want = expected(content, 1_234, 15_500);
        assertArrayEquals(want, first);
        assertArrayEquals(want, direct);
        assertEquals(want.length, body.contentLength());
    }

    @Test
    void aFileShorterThanItsRegion_failsTheRead() throws IOException {
        file(10_000);
        SegmentedBody body = body(ByteSource.ofRegion(dir.resolve("video.mp4"), 0, 10_000));
        try (FileChannel ch = FileChannel.open(dir.resolve("video.mp4"), StandardOpenOption.WRITE)) {
            ch.truncate(6_500);
        }

        IOException e = assertThrows(IOException.class, () -> readAll(body.open(), ByteBuffer.allocate(1_000)));

        assertTrue(e.getMessage().contains("3500 bytes before the 10000"), e.getMessage());
    }

    // Moved from the JDK adapter's BodyStreamTest: a source that is not a file region streams.
    @Test
    void otherSourcesAreStreamed() throws IOException {
        byte[] bytes = new byte[150_000];
        new Random(7).nextBytes(bytes);
        SegmentedBody body = body(ByteSource.ofBytes(bytes, "c.jpg"));

        byte[] heap = readAll(body.open(), ByteBuffer.allocate(64 * 1024));
        byte[] direct = readAll(body.open(), ByteBuffer.allocateDirect(64 * 1024));

        assertArrayEquals(HEAD, Arrays.copyOfRange(heap, 0, HEAD.length));
        assertArrayEquals(bytes, Arrays.copyOfRange(heap, HEAD.length, HEAD.length + bytes.length));
        assertEquals(heap.length, body.contentLength());
        assertArrayEquals(heap, direct);
    }

    @Test
    void multipart_declaresTheLengthItYields() throws IOException {
        byte[] content = file(5_000);
        Multipart m = Multipart.create().text("upload_id", "u1").text("part_number", "1")
                .file("data", ByteSource.ofRegion(dir.resolve("video.mp4"), 0, 5_000));

        byte[] sent = readAll(m.open(), ByteBuffer.allocate(4096));

        assertEquals(m.contentLength(), sent.length);
        String text = new String(sent, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("name=\"upload_id\"\r\n\r\nu1\r\n"), text);
        assertTrue(text.contains(new String(content, StandardCharsets.ISO_8859_1)));
        assertTrue(m.contentType().startsWith("multipart/form-data; boundary="));
    }

    /** What a peer receives when {@code send} writes to a loopback socket channel (so sendfile is used). */
    private static byte[] overSocket(IoConsumer<SocketChannel> send, IoConsumer<byte[]> afterFirstBytes) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel peer = server.accept()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                    boolean first = true;
                    while (peer.read(buf.clear()) >= 0) {
                        out.write(buf.array(), 0, buf.position());
                        if (first) {
                            first = false;
                            afterFirstBytes.accept(out.toByteArray());
                        }
                    }
                    return out.toByteArray();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try {
                send.accept(client);
            } finally {
                client.close();
            }
            return received.get(60, TimeUnit.SECONDS);
        }
    }

    interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    @Test
    void transferTo_sendsTheFileRegionBetweenItsLiteralSegments_andEveryCallStartsOver() throws Exception {
        byte[] content = file(3_000_000);
        SegmentedBody body = body(ByteSource.ofRegion(dir.resolve("video.mp4"), 1_234, 2_500_000));
        long[] counts = new long[2];

        byte[] received = overSocket(ch -> {
            counts[0] = body.transferTo(ch);
            counts[1] = body.transferTo(ch); // a retry: a fresh pass from byte 0
        }, first -> { });

        byte[] want = expected(content, 1_234, 2_500_000);
        assertEquals(want.length, counts[0]);
        assertEquals(want.length, counts[1]);
        assertArrayEquals(want, Arrays.copyOfRange(received, 0, want.length));
        assertArrayEquals(want, Arrays.copyOfRange(received, want.length, received.length));
    }

    @Test
    void transferTo_whenTheFileIsShorterThanItsRegion_failsNamingTheFile() throws Exception {
        file(10_000);
        SegmentedBody body = body(ByteSource.ofRegion(dir.resolve("video.mp4"), 0, 10_000));
        try (FileChannel ch = FileChannel.open(dir.resolve("video.mp4"), StandardOpenOption.WRITE)) {
            ch.truncate(6_500);
        }

        IOException[] failure = new IOException[1];
        byte[] received = overSocket(ch -> failure[0] = assertThrows(IOException.class, () -> body.transferTo(ch)), first -> { });

        assertTrue(failure[0].getMessage().contains("video.mp4 ended 3500 bytes before the 10000"), failure[0].getMessage());
        assertEquals(HEAD.length + 6_500, received.length);
    }

    @Test
    void transferTo_whenTheFileIsTruncatedDuringTheTransfer_failsAndNeverSendsTheWholeLength() throws Exception {
        file(32 * 1024 * 1024);
        SegmentedBody body = body(ByteSource.ofRegion(dir.resolve("video.mp4"), 0, 32 * 1024 * 1024));

        IOException[] failure = new IOException[1];
        byte[] received = overSocket(ch -> failure[0] = assertThrows(IOException.class, () -> body.transferTo(ch)), first -> {
            try (FileChannel ch = FileChannel.open(dir.resolve("video.mp4"), StandardOpenOption.WRITE)) {
                ch.truncate(1024 * 1024);
            }
        });

        assertTrue(failure[0].getMessage().contains("video.mp4 ended "), failure[0].getMessage());
        assertTrue(received.length < body.contentLength(), received.length + " of " + body.contentLength());
    }

    @Test
    void transferTo_otherSourcesAreCopied_andALongerSourceIsCutAtItsSize() throws IOException {
        byte[] bytes = new byte[150_000];
        new Random(7).nextBytes(bytes);
        SegmentedBody body = body(ByteSource.ofBytes(bytes, "c.jpg"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long n = body.transferTo(Channels.newChannel(out));

        assertEquals(body.contentLength(), n);
        assertArrayEquals(readAll(body.open(), ByteBuffer.allocate(4096)), out.toByteArray());

        byte[] content = file(20_000);
        SegmentedBody region = body(ByteSource.ofRegion(dir.resolve("video.mp4"), 100, 5_000));
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        assertEquals(region.contentLength(), region.transferTo(Channels.newChannel(cut)));
        assertArrayEquals(expected(content, 100, 5_000), cut.toByteArray());
    }

    @Test
    void requestBodyTransferTo_byDefault_writesWhatOpenYields_andFailsOnAWrongLength() throws IOException {
        byte[] bytes = new byte[200_000];
        new Random(3).nextBytes(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(bytes.length, RequestBody.of("application/octet-stream", bytes).transferTo(Channels.newChannel(out)));
        assertArrayEquals(bytes, out.toByteArray());

        RequestBody liar = new RequestBody() {
            @Override
            public String contentType() {
                return "application/octet-stream";
            }

            @Override
            public long contentLength() {
                return 100;
            }

            @Override
            public ReadableByteChannel open() throws IOException {
                return RequestBody.of("x/y", new byte[60]).open();
            }
        };
        IOException e = assertThrows(IOException.class, () -> liar.transferTo(Channels.newChannel(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("60 bytes, its content length is 100"), e.getMessage());
    }

    @Test
    void multipartTransferTo_sendsItsFileRegionWithFileChannelTransferTo() throws IOException {
        byte[] content = file(300_000);
        Multipart m = Multipart.create().text("upload_id", "u1")
                .file("data", ByteSource.ofRegion(dir.resolve("video.mp4"), 0, 300_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] largestWrite = {0};
        // FileChannel.transferTo hands a channel that is neither a socket nor a file 8 KiB buffers
        // (the JDK's TRANSFER_SIZE); the copy through open() (the default transferTo) writes 64 KiB ones.
        java.nio.channels.WritableByteChannel target = new java.nio.channels.WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) {
                int n = src.remaining();
                largestWrite[0] = Math.max(largestWrite[0], n);
                byte[] b = new byte[n];
                src.get(b);
                out.writeBytes(b);
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };

        assertEquals(m.contentLength(), m.transferTo(target));

        assertArrayEquals(readAll(m.open(), ByteBuffer.allocate(4096)), out.toByteArray());
        assertTrue(largestWrite[0] < 64 * 1024, "largest write " + largestWrite[0]);
        assertTrue(new String(out.toByteArray(), StandardCharsets.ISO_8859_1).contains(new String(content, StandardCharsets.ISO_8859_1)));
    }
}

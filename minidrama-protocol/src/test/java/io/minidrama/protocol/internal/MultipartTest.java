package io.minidrama.protocol.internal;

import io.minidrama.domain.media.ByteSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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
}

package io.minidrama.domain.media;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteSourceTest {
    @TempDir
    Path dir;

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static byte[] readAll(ByteSource s) throws IOException {
        try (InputStream in = s.openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void ofRegion_readsExactlyTheRegionOfTheFile() throws IOException {
        byte[] content = pattern(10_000);
        Path file = Files.write(dir.resolve("ep1.mp4"), content);

        ByteSource region = ByteSource.ofRegion(file, 1234, 4321);

        assertEquals(4321, region.size());
        assertEquals("ep1.mp4", region.fileName());
        assertArrayEquals(Arrays.copyOfRange(content, 1234, 1234 + 4321), readAll(region));
        assertArrayEquals(readAll(region), readAll(region), "a source can be opened again and reads the same bytes");
    }

    @Test
    void ofRegion_singleByteReads_stopAtTheRegionEnd() throws IOException {
        byte[] content = pattern(100);
        Path file = Files.write(dir.resolve("c.jpg"), content);

        try (InputStream in = ByteSource.ofRegion(file, 98, 1).openStream()) {
            assertEquals(content[98] & 0xff, in.read());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void ofRegion_whenRegionEndsAtFileEnd_readsTheTail() throws IOException {
        byte[] content = pattern(5000);
        Path file = Files.write(dir.resolve("tail.bin"), content);

        assertArrayEquals(Arrays.copyOfRange(content, 4000, 5000), readAll(ByteSource.ofRegion(file, 4000, 1000)));
    }

    @Test
    void ofRegion_whenNegativeOffsetOrLength_rejects() {
        assertRejected(Rule.NONE, "data", "offset >= 0 and length >= 0", () -> ByteSource.ofRegion(dir.resolve("x"), -1, 10));
        assertRejected(Rule.NONE, "data", "offset >= 0 and length >= 0", () -> ByteSource.ofRegion(dir.resolve("x"), 0, -1));
    }

    @Test
    void ofRegion_whenRegionEndsPastTheFile_rejectsNamingTheFileSize() throws IOException {
        Path file = Files.write(dir.resolve("short.bin"), pattern(100));

        assertRejected(Rule.NONE, "data", "past the end of short.bin (100 bytes)", () -> ByteSource.ofRegion(file, 50, 51));
    }

    @Test
    void ofRegion_whenOffsetPlusLengthOverflows_rejects() throws IOException {
        Path file = Files.write(dir.resolve("overflow.bin"), pattern(100));

        assertRejected(Rule.NONE, "data", "past the end of overflow.bin (100 bytes)", () -> ByteSource.ofRegion(file, Long.MAX_VALUE, 1));
        assertRejected(Rule.NONE, "data", "past the end of overflow.bin (100 bytes)", () -> ByteSource.ofRegion(file, 1, Long.MAX_VALUE));
    }

    @Test
    void slice_whenOffsetPlusLengthOverflows_rejects() {
        ByteSource bytes = ByteSource.ofBytes(pattern(100), "x");

        assertRejected(Rule.NONE, "data", "within the content's 100 bytes", () -> bytes.slice(1, Long.MAX_VALUE));
        assertRejected(Rule.NONE, "data", "within the content's 100 bytes", () -> bytes.slice(Long.MAX_VALUE, 1));
    }

    @Test
    void slice_ofAFileRegion_isTheSubRegionOfTheFile() throws IOException {
        byte[] content = pattern(5000);
        Path file = Files.write(dir.resolve("slice.bin"), content);

        ByteSource slice = ByteSource.ofRegion(file, 1000, 3000).slice(500, 700);

        assertEquals(new ByteSource.FileRegion(file, 1500, 700), slice);
        assertArrayEquals(Arrays.copyOfRange(content, 1500, 2200), readAll(slice));
    }

    @Test
    void slice_ofBytesInMemory_readsExactlyTheSliceEveryTimeItIsOpened() throws IOException {
        byte[] content = pattern(3000);
        ByteSource slice = ByteSource.ofBytes(content, "ep.mp4").slice(1024, 1000);

        assertEquals(1000, slice.size());
        assertEquals("ep.mp4", slice.fileName());
        assertArrayEquals(Arrays.copyOfRange(content, 1024, 2024), readAll(slice));
        assertArrayEquals(Arrays.copyOfRange(content, 1024, 2024), readAll(slice));
    }

    @Test
    void slice_whenOutsideTheContent_rejects() {
        ByteSource bytes = ByteSource.ofBytes(pattern(100), "x");

        assertRejected(Rule.NONE, "data", "within the content's 100 bytes", () -> bytes.slice(50, 51));
        assertRejected(Rule.NONE, "data", "within the content's 100 bytes", () -> bytes.slice(-1, 10));
    }

    @Test
    void ofFile_readsTheWholeFile() throws IOException {
        byte[] content = pattern(3333);
        Path file = Files.write(dir.resolve("whole.mp4"), content);

        ByteSource s = ByteSource.ofFile(file);

        assertEquals(3333, s.size());
        assertArrayEquals(content, readAll(s));
    }

    @Test
    void ofFile_whenMissing_throwsInvalidRequestNamingTheFileWithTheIoCause() {
        Path missing = dir.resolve("missing.mp4");
        io.minidrama.domain.error.InvalidRequestException e = assertThrows(io.minidrama.domain.error.InvalidRequestException.class,
                () -> ByteSource.ofFile(missing));
        assertEquals("data", e.violations().get(0).field());
        assertEquals(missing.toString(), e.violations().get(0).rejected());
        assertTrue(e.getMessage().contains("NoSuchFileException") && e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.getCause() instanceof java.nio.file.NoSuchFileException, String.valueOf(e.getCause()));
    }

    @Test
    void ofRegion_whenMissing_throwsInvalidRequestWithTheIoCause() {
        io.minidrama.domain.error.InvalidRequestException e = assertThrows(io.minidrama.domain.error.InvalidRequestException.class,
                () -> ByteSource.ofRegion(dir.resolve("missing.mp4"), 0, 1));
        assertTrue(e.getCause() instanceof java.nio.file.NoSuchFileException, String.valueOf(e.getCause()));
    }

    @Test
    void openStream_whenFileDeletedAfterwards_throwsUncheckedIo() throws IOException {
        Path file = Files.write(dir.resolve("gone.mp4"), pattern(10));
        ByteSource s = ByteSource.ofRegion(file, 0, 10);
        Files.delete(file);

        assertThrows(UncheckedIOException.class, s::openStream);
    }

    @Test
    void ofBytes_copiesTheArray() throws IOException {
        byte[] content = pattern(64);
        ByteSource s = ByteSource.ofBytes(content, "cover.png");
        content[0] = 42;

        assertEquals("cover.png", s.fileName());
        assertEquals(64, s.size());
        assertEquals((byte) 7, readAll(s)[0]);
        assertEquals((byte) 7, ((ByteSource.InMemory) s).toByteArray()[0]);
    }
}

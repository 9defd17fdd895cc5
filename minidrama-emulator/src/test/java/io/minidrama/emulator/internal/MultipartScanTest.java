package io.minidrama.emulator.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The emulator's multipart scan: the delimiter search and the reader over reads split anywhere. */
class MultipartScanTest {
    private static final String BOUNDARY = "----minidrama7MA4YWxkTrZu0gW";
    private static final byte[] DELIMITER = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);

    private static int naiveIndexOf(byte[] hay, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Bytes that look like the delimiter without being it: every proper prefix, and near misses. */
    private static List<byte[]> lookalikes() {
        List<byte[]> out = new ArrayList<>();
        for (int n = 1; n < DELIMITER.length; n++) {
            byte[] prefix = new byte[n];
            System.arraycopy(DELIMITER, 0, prefix, 0, n);
            out.add(prefix);
        }
        for (int at = 0; at < DELIMITER.length; at++) {
            byte[] miss = DELIMITER.clone();
            miss[at] ^= 0x20;
            out.add(miss);
        }
        out.add(("\r\n--" + BOUNDARY.substring(1)).getBytes(StandardCharsets.ISO_8859_1));
        out.add(("\r\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.add(("\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1));
        out.add(("\r--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1));
        return out;
    }

    private static byte[] bodyWithLookalikes(Random r, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> fakes = lookalikes();
        while (out.size() < size) {
            if (r.nextInt(4) == 0) {
                out.writeBytes(fakes.get(r.nextInt(fakes.size())));
            } else {
                byte[] noise = new byte[r.nextInt(50)];
                for (int i = 0; i < noise.length; i++) {
                    // mostly the delimiter's own bytes, so the search sees many partial matches
                    noise[i] = r.nextBoolean() ? DELIMITER[r.nextInt(DELIMITER.length)] : (byte) r.nextInt(256);
                }
                out.writeBytes(noise);
            }
        }
        byte[] body = out.toByteArray();
        // lookalikes side by side may spell the real delimiter ("\r" then "\n--boundary"): break it
        for (int at; (at = naiveIndexOf(body, 0, body.length, DELIMITER)) >= 0; ) {
            body[at + DELIMITER.length - 1] = '.';
        }
        return body;
    }

    @Test
    void search_findsTheFirstDelimiterWhereANaiveScanDoes_amongLookalikesAtEveryOffset() {
        DelimiterSearch search = new DelimiterSearch(DELIMITER);
        Random r = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] hay = bodyWithLookalikes(r, r.nextInt(400));
            int plantAt = r.nextInt(3) == 0 ? -1 : r.nextInt(hay.length + 1);
            if (plantAt >= 0) {
                byte[] with = new byte[hay.length + DELIMITER.length];
                System.arraycopy(hay, 0, with, 0, plantAt);
                System.arraycopy(DELIMITER, 0, with, plantAt, DELIMITER.length);
                System.arraycopy(hay, plantAt, with, plantAt + DELIMITER.length, hay.length - plantAt);
                hay = with;
            }
            int from = hay.length == 0 ? 0 : r.nextInt(Math.min(hay.length, 8) + 1);
            int to = hay.length - (r.nextInt(4) == 0 ? r.nextInt(Math.min(hay.length - from, 8) + 1) : 0);
            assertEquals(naiveIndexOf(hay, from, to, DELIMITER), search.indexOf(hay, from, to),
                    "round " + round + ", from " + from + ", to " + to + ", planted at " + plantAt);
        }
    }

    @Test
    void search_atTheEdgesOfTheRange() {
        DelimiterSearch search = new DelimiterSearch(DELIMITER);
        byte[] exact = DELIMITER.clone();
        assertEquals(0, search.indexOf(exact, 0, exact.length), "the delimiter filling the range");
        assertEquals(-1, search.indexOf(exact, 0, exact.length - 1), "cut by the range's end");
        assertEquals(-1, search.indexOf(exact, 1, exact.length), "cut by the range's start");
        byte[] atEnd = new byte[100 + DELIMITER.length];
        System.arraycopy(DELIMITER, 0, atEnd, 100, DELIMITER.length);
        assertEquals(100, search.indexOf(atEnd, 0, atEnd.length), "the delimiter ending the range");
        assertEquals(-1, search.indexOf(new byte[3], 0, 3), "a range shorter than the delimiter");
        DelimiterSearch one = new DelimiterSearch(new byte[] {'x'});
        assertEquals(2, one.indexOf("abxx".getBytes(StandardCharsets.US_ASCII), 0, 4));
    }

    @Test
    void search_delimitersOfEveryLength_overFewLetters_findTheFirstAsANaiveScanDoes() {
        // Few letters: most byte pairs the search probes occur in the delimiter, so nearly every probe
        // is checked against each start it covers; delimiters from 1 to 80 bytes, the range cut anywhere.
        Random r = new Random(5);
        byte[] letters = "\r\n-ab".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 20_000; round++) {
            byte[] needle = new byte[1 + r.nextInt(round % 10 == 0 ? 80 : 8)];
            for (int i = 0; i < needle.length; i++) {
                needle[i] = letters[r.nextInt(letters.length)];
            }
            byte[] hay = new byte[r.nextInt(300)];
            for (int i = 0; i < hay.length; i++) {
                hay[i] = letters[r.nextInt(r.nextBoolean() ? 2 : letters.length)];
            }
            if (hay.length >= needle.length && r.nextBoolean()) {
                System.arraycopy(needle, 0, hay, r.nextInt(hay.length - needle.length + 1), needle.length);
            }
            int from = r.nextInt(hay.length + 1);
            int to = from + r.nextInt(hay.length - from + 1);
            assertEquals(naiveIndexOf(hay, from, to, needle), new DelimiterSearch(needle).indexOf(hay, from, to),
                    "round " + round + ", needle " + java.util.Arrays.toString(needle) + ", from " + from + ", to " + to);
        }
    }

    @Test
    void search_theDelimiterAtEveryOffsetFromTheRangeStart_amongItsOwnPairs() {
        // Random bytes but for the delimiter's own byte pairs before it (each probe sees a pair that
        // occurs in the delimiter), and the delimiter itself at each offset 0..6 lengths from the start.
        DelimiterSearch search = new DelimiterSearch(DELIMITER);
        Random r = new Random(9);
        int m = DELIMITER.length;
        for (int from = 0; from < 3; from++) {
            for (int at = from; at < from + 6 * m; at++) {
                byte[] hay = new byte[at + m + r.nextInt(2 * m)];
                r.nextBytes(hay);
                for (int i = 0; i + 1 < at; i += 2) {
                    int j = r.nextInt(m - 1);
                    hay[i] = DELIMITER[j];
                    hay[i + 1] = DELIMITER[j + 1];
                }
                for (int i = 0; i + m <= at; i++) {
                    if (java.util.Arrays.equals(hay, i, i + m, DELIMITER, 0, m)) {
                        hay[i] ^= 1; // the pairs happened to spell the delimiter: not the one planted
                    }
                }
                System.arraycopy(DELIMITER, 0, hay, at, m);
                assertEquals(naiveIndexOf(hay, from, hay.length, DELIMITER), search.indexOf(hay, from, hay.length),
                        "from " + from + ", planted at " + at);
                assertEquals(at, search.indexOf(hay, from, hay.length), "from " + from + ", planted at " + at);
                assertEquals(-1, search.indexOf(hay, from, at + m - 1), "the range ending one byte into it, planted at " + at);
            }
        }
    }

    @Test
    void reader_theDelimiterEarlyInAFilePart_endsThePart_asAStrictParserDoes() throws IOException {
        // "...\r\n--boundary" inside what the client meant as file content ends the part there; the
        // bytes after it are not a part's headers, so the body is malformed, whatever the read sizes.
        for (int most : new int[] {1, 3, 41, 8192}) {
            byte[] content = ("abc" + "\r\n--" + BOUNDARY + "garbage that is no header\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = multipart(List.of(content));
            MalformedBodyException e = assertThrows(MalformedBodyException.class,
                    () -> readAll(trickle(body, new Random(most), most)), "reads of at most " + most);
            assertEquals("unexpected text after a multipart delimiter", e.getMessage());
        }
        byte[] early = ("abc" + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f1\"\r\n\r\nxyz")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int most : new int[] {1, 2, 7, 8192}) {
            List<byte[]> got = readAll(trickle(multipart(List.of(early)), new Random(most), most));
            assertEquals(2, got.size(), "the early delimiter splits the content in two parts, reads of at most " + most);
            assertArrayEquals("abc".getBytes(StandardCharsets.ISO_8859_1), got.get(0));
            assertArrayEquals("xyz".getBytes(StandardCharsets.ISO_8859_1), got.get(1));
        }
    }

    @Test
    void reader_aWindowFromThePool_fullOfAnotherRequestsBytes_readsOnlyItsOwn() throws IOException {
        // Chunks given back dirty (delimiters and header text), then readers take them as their window.
        byte[] dirt = multipart(List.of(DELIMITER, "--\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        List<byte[]> taken = new ArrayList<>();
        for (int i = 0; i < MultipartReader.Collector.POOL_MAX_CHUNKS + 8; i++) {
            byte[] c = MultipartReader.Collector.take();
            for (int at = 0; at < c.length; at += dirt.length) {
                System.arraycopy(dirt, 0, c, at, Math.min(dirt.length, c.length - at));
            }
            taken.add(c);
        }
        taken.forEach(MultipartReader.Collector::give);
        Random r = new Random(13);
        for (int round = 0; round < 50; round++) {
            List<byte[]> files = List.of(bodyWithLookalikes(r, r.nextInt(2000)), new byte[0], bodyWithLookalikes(r, 10));
            MultipartReader reader = new MultipartReader(trickle(multipart(files), r, round % 2 == 0 ? 5 : 9000), BOUNDARY);
            try {
                for (int i = 0; i < files.size(); i++) {
                    MultipartReader.Part p = reader.next();
                    assertEquals("f" + i, p.name(), "round " + round);
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    reader.readBody(b::write);
                    assertArrayEquals(files.get(i), b.toByteArray(), "round " + round + ", part " + i);
                }
                assertNull(reader.next(), "round " + round);
            } finally {
                reader.release();
            }
        }
    }

    /** Reads at most a few bytes at a time, so every delimiter and header line is split somewhere. */
    private static InputStream trickle(byte[] body, Random r, int most) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + r.nextInt(most)));
            }
        };
    }

    private static byte[] multipart(List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("--".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(BOUNDARY.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < files.size(); i++) {
            out.writeBytes(("\r\nContent-Disposition: form-data; name=\"f" + i + "\"; filename=\"f" + i + ".bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(files.get(i));
            out.writeBytes(DELIMITER);
        }
        out.writeBytes("--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static List<byte[]> readAll(InputStream in) throws IOException {
        MultipartReader reader = new MultipartReader(in, BOUNDARY);
        List<byte[]> got = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            assertEquals("f" + got.size(), p.name());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            long n = reader.readBody(b::write);
            assertEquals(b.size(), n);
            got.add(b.toByteArray());
        }
        assertNull(reader.next());
        return got;
    }

    @Test
    void reader_keepsEveryByteOfPartsFullOfLookalikes_whateverTheReadSizes() throws IOException {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<byte[]> files = new ArrayList<>();
            int count = 1 + r.nextInt(3);
            for (int i = 0; i < count; i++) {
                files.add(bodyWithLookalikes(r, r.nextInt(3) == 0 ? 0 : r.nextInt(3000)));
            }
            byte[] body = multipart(files);
            List<byte[]> got = readAll(trickle(body, r, round % 2 == 0 ? 3 : 200));
            assertEquals(files.size(), got.size(), "round " + round);
            for (int i = 0; i < files.size(); i++) {
                assertArrayEquals(files.get(i), got.get(i), "round " + round + ", part " + i);
            }
        }
    }

    @Test
    void reader_partsEndingOrStartingWithCrlfOrDashes_keepThem() throws IOException {
        List<byte[]> files = List.of(
                "\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "ends with CRLF\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "\r\n--".getBytes(StandardCharsets.ISO_8859_1),
                ("--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1),
                ("x\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.ISO_8859_1),
                "\r".getBytes(StandardCharsets.ISO_8859_1),
                new byte[0]);
        for (int most : new int[] {1, 2, 5, 64 * 1024}) {
            List<byte[]> got = readAll(trickle(multipart(files), new Random(most), most));
            assertEquals(files.size(), got.size(), "reads of at most " + most);
            for (int i = 0; i < files.size(); i++) {
                assertArrayEquals(files.get(i), got.get(i), "part " + i + ", reads of at most " + most);
            }
        }
    }

    @Test
    void reader_aPartLongerThanItsWindow_splitAcrossManyRefills() throws IOException {
        Random r = new Random(3);
        byte[] big = new byte[300 * 1024 + 17];
        r.nextBytes(big);
        // a delimiter but for its last byte straddling the 64 KB window's end
        System.arraycopy(DELIMITER, 0, big, 64 * 1024 - 10, DELIMITER.length - 1);
        List<byte[]> got = readAll(trickle(multipart(List.of(big, "tail".getBytes(StandardCharsets.ISO_8859_1))), r, 70_000));
        assertArrayEquals(big, got.get(0));
        assertArrayEquals("tail".getBytes(StandardCharsets.ISO_8859_1), got.get(1));
    }

    @Test
    void reader_aBodyWithoutItsClosingDelimiter_isMalformed() {
        byte[] body = multipart(List.of("abc".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] cut = java.util.Arrays.copyOf(body, body.length - DELIMITER.length - 4);
        assertThrows(MalformedBodyException.class, () -> readAll(trickle(cut, new Random(1), 4)));
    }

    @Test
    void collectedChunks_transferredInPlace_areTheBytesRead() throws IOException {
        Random r = new Random(11);
        for (int size : new int[] {1, MultipartReader.Collector.CHUNK - 1, MultipartReader.Collector.CHUNK,
                3 * MultipartReader.Collector.CHUNK + 5}) {
            byte[] data = new byte[size];
            r.nextBytes(data);
            MultipartReader.Collector c = new MultipartReader.Collector(Long.MAX_VALUE);
            for (int at = 0; at < size; ) {
                int n = Math.min(size - at, 1 + r.nextInt(100_000));
                c.write(data, at, n);
                at += n;
            }
            try {
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                assertEquals(size, c.source("x").openStream().transferTo(whole));
                assertArrayEquals(data, whole.toByteArray(), size + " bytes transferred");
                InputStream in = c.source("x").openStream();
                byte[] head = in.readNBytes(Math.min(size, 7));
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                in.transferTo(rest);
                byte[] both = new byte[head.length + rest.size()];
                System.arraycopy(head, 0, both, 0, head.length);
                System.arraycopy(rest.toByteArray(), 0, both, head.length, rest.size());
                assertArrayEquals(data, both, size + " bytes, transferred after a partial read");
            } finally {
                c.release();
            }
        }
    }
}

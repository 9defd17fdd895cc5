package io.minidrama.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a {@code multipart/form-data} body part by part (RFC 7578), holding only a 64 KB window
 * of the stream plus whatever the caller keeps of each part. Not thread-safe; one per request.
 */
final class MultipartReader {
    private final InputStream in;
    private final byte[] delimiter;
    private final DelimiterSearch search;
    /** The window: a pooled chunk ({@link Collector#take()}), given back by {@link #release()}. */
    private byte[] buf = Collector.take();
    private int pos;
    private int lim;
    private boolean eof;
    private boolean finished;
    private boolean started;
    private boolean inBody;

    /** One part's headers; read its body with {@link #readBody}. */
    record Part(String name, String fileName, Map<String, String> headers) {
        boolean isFile() {
            return fileName != null;
        }
    }

    /** Receives a part's bytes as they stream past. */
    interface Sink {
        void write(byte[] b, int off, int len);
    }

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.search = new DelimiterSearch(delimiter);
        // The first delimiter may start the body without a preceding CRLF: pretend there was one.
        buf[0] = '\r';
        buf[1] = '\n';
        lim = 2;
    }

    /** The boundary of a {@code multipart/form-data} content type, or null when it is not one. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring(9).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    /**
     * Gives the window back to the pool the collectors use, so a request does not allocate (and
     * zero) a fresh 64 KB window; the reader must not be used afterwards.
     */
    void release() {
        byte[] b = buf;
        buf = null;
        if (b != null) {
            Collector.give(b);
        }
    }

    /** The next part, or null after the closing delimiter. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (!started || inBody) {
            started = true;
            inBody = false;
            skipTo(null);
        }
        if (!fill(2)) {
            throw new MalformedBodyException("the multipart body ends without its closing delimiter");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        String line = readLine();
        if (!line.isBlank()) {
            throw new MalformedBodyException("unexpected text after a multipart delimiter");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String h = readLine();
            if (h.isEmpty()) {
                break;
            }
            if (n > 32) {
                throw new MalformedBodyException("too many part headers");
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        String disposition = headers.get("content-disposition");
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new MalformedBodyException("a part lacks Content-Disposition: form-data");
        }
        String name = param(disposition, "name");
        if (name == null) {
            throw new MalformedBodyException("a part lacks its name");
        }
        inBody = true;
        return new Part(name, param(disposition, "filename"), headers);
    }

    /** Streams the current part's body into {@code sink}; returns its length. */
    long readBody(Sink sink) throws IOException {
        inBody = false;
        return skipTo(sink);
    }

    /** Reads the current part as UTF-8 text of at most {@code max} bytes. */
    String readText(int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        inBody = false;
        long n = skipTo((b, off, len) -> {
            if (out.size() + len <= max) {
                out.write(b, off, len);
            }
        });
        if (n > max) {
            throw new MalformedBodyException("a text part is longer than " + max + " bytes");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Consumes bytes up to and including the next delimiter, handing them to {@code sink}. */
    private long skipTo(Sink sink) throws IOException {
        long total = 0;
        int dl = delimiter.length;
        while (true) {
            int found = indexOf(pos, lim);
            if (found >= 0) {
                if (sink != null && found > pos) {
                    sink.write(buf, pos, found - pos);
                }
                total += found - pos;
                pos = found + dl;
                return total;
            }
            int safe = Math.max(pos, lim - (dl - 1));
            if (safe > pos) {
                if (sink != null) {
                    sink.write(buf, pos, safe - pos);
                }
                total += safe - pos;
                pos = safe;
            }
            if (eof) {
                throw new MalformedBodyException("the multipart body ends inside a part");
            }
            compactAndRead();
        }
    }

    private int indexOf(int from, int to) {
        return search.indexOf(buf, from, to);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (!fill(1)) {
                throw new MalformedBodyException("the multipart body ends inside part headers");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            line.write(b);
            if (line.size() > 8192) {
                throw new MalformedBodyException("a part header line is longer than 8 KB");
            }
        }
    }

    /** Ensures at least {@code n} unread bytes are buffered; false at end of stream. */
    private boolean fill(int n) throws IOException {
        while (lim - pos < n) {
            if (eof) {
                return false;
            }
            compactAndRead();
        }
        return true;
    }

    private void compactAndRead() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
            eof = true;
        } else {
            lim += r;
        }
    }

    private static String param(String header, String key) {
        for (String p : header.split(";")) {
            String s = p.strip();
            int eq = s.indexOf('=');
            if (eq > 0 && s.substring(0, eq).strip().equalsIgnoreCase(key)) {
                String v = s.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
                }
                return v;
            }
        }
        return null;
    }

    /**
     * A file part collected as it streams in, in 64 KB chunks allocated as bytes actually arrive
     * (never from a size the client declared), refusing to hold more than a cap. Chunks come from
     * and go back to a small shared pool ({@link #release()}), so a steady stream of parts does not
     * allocate; the pool keeps at most {@link #POOL_MAX_CHUNKS} free chunks (32 MB: four 5 MB parts in flight and as many being released).
     */
    static final class Collector implements Sink {
        static final int CHUNK = 64 * 1024;
        static final int POOL_MAX_CHUNKS = 512;
        private static final java.util.concurrent.ConcurrentLinkedQueue<byte[]> POOL = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private static final java.util.concurrent.atomic.AtomicInteger POOLED = new java.util.concurrent.atomic.AtomicInteger();

        private final java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        private int size;
        private long seen;
        private final long cap;

        Collector(long cap) {
            this.cap = cap;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            seen += len;
            if (seen > cap) {
                return;
            }
            while (len > 0) {
                int at = size % CHUNK;
                if (at == 0) {
                    chunks.add(take());
                }
                int n = Math.min(len, CHUNK - at);
                System.arraycopy(b, off, chunks.get(chunks.size() - 1), at, n);
                size += n;
                off += n;
                len -= n;
            }
        }

        boolean overCap() {
            return seen > cap;
        }

        long seen() {
            return seen;
        }

        int size() {
            return size;
        }

        /** How many bytes the chunks have room for: what this part costs in memory. */
        long capacity() {
            return (long) chunks.size() * CHUNK;
        }

        /** The collected bytes as content to hand the fake; valid until {@link #release()}. */
        io.minidrama.domain.media.ByteSource source(String fileName) {
            return new ChunkSource(java.util.List.copyOf(chunks), size, fileName);
        }

        /** Gives the chunks back to the pool; the collector and its sources must not be used afterwards. */
        void release() {
            for (byte[] c : chunks) {
                give(c);
            }
            chunks.clear();
            size = 0;
        }

        /** Keeps {@code c}, a chunk nobody uses any more, for reuse while the pool has room. */
        static void give(byte[] c) {
            if (POOLED.incrementAndGet() <= POOL_MAX_CHUNKS) {
                POOL.add(c);
            } else {
                POOLED.decrementAndGet();
            }
        }

        /** A chunk from the pool, or a new one when the pool is empty. */
        static byte[] take() {
            byte[] c = POOL.poll();
            if (c == null) {
                return new byte[CHUNK];
            }
            POOLED.decrementAndGet();
            return c;
        }
    }

    /** The first {@code size} bytes of a list of {@link Collector#CHUNK}-sized chunks, without copying them. */
    record ChunkSource(java.util.List<byte[]> chunks, int size0, String fileName) implements io.minidrama.domain.media.ByteSource {
        @Override
        public long size() {
            return size0;
        }

        @Override
        public InputStream openStream() {
            return new InputStream() {
                private int pos;

                @Override
                public int read() {
                    if (pos >= size0) {
                        return -1;
                    }
                    int b = chunks.get(pos / Collector.CHUNK)[pos % Collector.CHUNK] & 0xff;
                    pos++;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (len == 0) {
                        return 0;
                    }
                    if (pos >= size0) {
                        return -1;
                    }
                    int at = pos % Collector.CHUNK;
                    int n = Math.min(len, Math.min(Collector.CHUNK - at, size0 - pos));
                    System.arraycopy(chunks.get(pos / Collector.CHUNK), at, b, off, n);
                    pos += n;
                    return n;
                }

                /** Hands each chunk to {@code out} as it is, without copying it (a digest reads it in place). */
                @Override
                public long transferTo(java.io.OutputStream out) throws IOException {
                    long sent = 0;
                    while (pos < size0) {
                        int at = pos % Collector.CHUNK;
                        int n = Math.min(Collector.CHUNK - at, size0 - pos);
                        out.write(chunks.get(pos / Collector.CHUNK), at, n);
                        pos += n;
                        sent += n;
                    }
                    return sent;
                }
            };
        }

        @Override
        public String toString() {
            return "ChunkSource[" + fileName + ", " + size0 + " bytes]";
        }
    }
}

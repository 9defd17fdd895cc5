package io.minidrama.protocol.internal;

import io.minidrama.domain.media.ByteSource;
import io.minidrama.protocol.spi.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RequestBody} of known length made of segments: literal bytes (multipart headers) and
 * {@link ByteSource}s, read on demand into the caller's buffer.
 *
 * <p>A file region ({@link ByteSource.FileRegion}), the hot path of a chunked upload, is read by
 * position from a {@link FileChannel} straight into the caller's buffer: a transport that reads
 * with 64 KiB buffers moves a 5 MiB part in 80 reads and allocates nothing per read. Other sources
 * are read through their stream (into the buffer's array when it has one, else through one scratch
 * array per channel).
 *
 * <p>{@link #transferTo} (a transport writing to a plain socket channel) sends a file region with
 * {@link FileChannel#transferTo}, which the JDK turns into {@code sendfile(2)} when the target is a
 * socket: the file's pages go to the socket without being copied into the Java heap and out again.
 * Literal segments are written as they are; other sources are copied through one 64 KiB buffer.
 *
 * <p>Every {@link #open()} and {@link #transferTo} starts from the first byte with its own file handle, so a retried
 * request re-sends the whole body. A source that ends before its declared size fails the read
 * with an {@link IOException}; one that is longer is cut at its size.
 */
final class SegmentedBody implements RequestBody {

    /** A literal piece ({@code bytes}) or a source ({@code source}). */
    record Segment(byte[] bytes, ByteSource source) {
        static Segment of(byte[] bytes) {
            return new Segment(Objects.requireNonNull(bytes), null);
        }

        static Segment of(ByteSource source) {
            return new Segment(null, Objects.requireNonNull(source));
        }

        long size() {
            return bytes != null ? bytes.length : source.size();
        }
    }

    private final String contentType;
    private final List<Segment> segments;
    private final long length;

    SegmentedBody(String contentType, List<Segment> segments) {
        this.contentType = Objects.requireNonNull(contentType);
        this.segments = List.copyOf(segments);
        this.length = this.segments.stream().mapToLong(Segment::size).sum();
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public ReadableByteChannel open() {
        return new Reader();
    }

    @Override
    public long transferTo(WritableByteChannel target) throws IOException {
        Objects.requireNonNull(target, "target");
        long written = 0;
        ByteBuffer[] scratch = new ByteBuffer[1];
        for (Segment s : segments) {
            if (s.bytes() != null) {
                written += writeFully(ByteBuffer.wrap(s.bytes()), target);
            } else if (s.source() instanceof ByteSource.FileRegion region) {
                written += transferFile(region, target, scratch);
            } else {
                written += copyStream(s.source(), target, scratch);
            }
        }
        return written;
    }

    /** The region, by {@code sendfile(2)} where the JDK can; cut at its length, failing if the file is shorter. */
    private static long transferFile(ByteSource.FileRegion region, WritableByteChannel target, ByteBuffer[] scratch)
            throws IOException {
        try (FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ)) {
            long done = 0;
            while (done < region.length()) {
                long n = file.transferTo(region.offset() + done, region.length() - done, target);
                if (n > 0) {
                    done += n;
                    continue;
                }
                // Nothing moved: transferTo sends nothing past the file's end, so read to tell a file
                // that ends before the region from a target that took nothing this time.
                ByteBuffer buffer = buffer(scratch);
                buffer.limit((int) Math.min(buffer.capacity(), region.length() - done));
                int r = file.read(buffer, region.offset() + done);
                if (r < 0) {
                    throw new IOException(region.fileName() + " ended " + (region.length() - done) + " bytes before the "
                            + region.length() + " bytes to send (was the file changed during the upload?)");
                }
                buffer.flip();
                done += writeFully(buffer, target);
            }
            return done;
        }
    }

    private static long copyStream(ByteSource source, WritableByteChannel target, ByteBuffer[] scratch) throws IOException {
        try (InputStream in = source.openStream()) {
            ByteBuffer buffer = buffer(scratch);
            long done = 0;
            while (done < source.size()) {
                int r = in.read(buffer.array(), 0, (int) Math.min(buffer.capacity(), source.size() - done));
                if (r < 0) {
                    throw new IOException(source.fileName() + " ended " + (source.size() - done) + " bytes before the "
                            + source.size() + " bytes to send");
                }
                done += writeFully(buffer.clear().limit(r), target);
            }
            return done;
        }
    }

    private static ByteBuffer buffer(ByteBuffer[] scratch) {
        if (scratch[0] == null) {
            scratch[0] = ByteBuffer.allocate(64 * 1024);
        }
        return scratch[0].clear();
    }

    private static int writeFully(ByteBuffer buffer, WritableByteChannel target) throws IOException {
        int n = buffer.remaining();
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
        return n;
    }

    @Override
    public String toString() {
        return "RequestBody[" + contentType + ", " + length + " bytes in " + segments.size() + " segments]";
    }

    /** One pass over the body: its own position and file handle. Not thread-safe (one reader). */
    private final class Reader implements ReadableByteChannel {
        private int segment;
        private long offsetInSegment;
        private FileChannel channel;
        private InputStream stream;
        private byte[] scratch;
        private boolean open = true;

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            int total = 0;
            while (dst.hasRemaining()) {
                while (segment < segments.size() && offsetInSegment == segments.get(segment).size()) {
                    closeSource();
                    segment++;
                    offsetInSegment = 0;
                }
                if (segment == segments.size()) {
                    return total == 0 ? -1 : total;
                }
                Segment s = segments.get(segment);
                int want = (int) Math.min(dst.remaining(), s.size() - offsetInSegment);
                int n;
                if (s.bytes() != null) {
                    dst.put(s.bytes(), (int) offsetInSegment, want);
                    n = want;
                } else if (s.source() instanceof ByteSource.FileRegion region) {
                    n = readFile(region, dst, want);
                } else {
                    n = readStream(s.source(), dst, want);
                }
                offsetInSegment += n;
                total += n;
            }
            return total;
        }

        private int readFile(ByteSource.FileRegion region, ByteBuffer dst, int want) throws IOException {
            if (channel == null) {
                channel = FileChannel.open(region.path(), StandardOpenOption.READ);
            }
            int limit = dst.limit();
            dst.limit(dst.position() + want);
            try {
                int n = channel.read(dst, region.offset() + offsetInSegment);
                if (n < 0) {
                    throw new IOException(region.fileName() + " ended " + (region.length() - offsetInSegment)
                            + " bytes before the " + region.length() + " bytes to send (was the file changed during the upload?)");
                }
                return n;
            } finally {
                dst.limit(limit);
            }
        }

        private int readStream(ByteSource source, ByteBuffer dst, int want) throws IOException {
            if (stream == null) {
                stream = source.openStream();
            }
            int n;
            if (dst.hasArray()) {
                n = stream.read(dst.array(), dst.arrayOffset() + dst.position(), want);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            } else {
                if (scratch == null) {
                    scratch = new byte[64 * 1024];
                }
                n = stream.read(scratch, 0, Math.min(want, scratch.length));
                if (n > 0) {
                    dst.put(scratch, 0, n);
                }
            }
            if (n < 0) {
                throw new IOException(source.fileName() + " ended " + (source.size() - offsetInSegment) + " bytes before the "
                        + source.size() + " bytes to send");
            }
            return n;
        }

        private void closeSource() throws IOException {
            try {
                if (channel != null) {
                    channel.close();
                }
                if (stream != null) {
                    stream.close();
                }
            } finally {
                channel = null;
                stream = null;
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            closeSource();
        }
    }
}

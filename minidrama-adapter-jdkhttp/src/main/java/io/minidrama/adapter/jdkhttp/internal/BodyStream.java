package io.minidrama.adapter.jdkhttp.internal;

import io.minidrama.domain.media.ByteSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.net.http.HttpRequest.BodyPublisher;

/**
 * A request body of known length made of byte segments: literal bytes (multipart headers) and
 * {@link ByteSource}s, published on demand.
 *
 * <p>A file region ({@link ByteSource.FileRegion}), the hot path of a chunked upload, is read by
 * position from a {@link FileChannel} into {@value #FILE_CHUNK}-byte buffers: a 5 MiB part crosses
 * the HTTP client in 80 buffers, where {@code BodyPublishers.ofInputStream} made 320 fresh 16 KiB
 * copies (plus a {@code concat} layer). Each subscription owns a ring of {@value #RING} buffers,
 * allocated on first use and taken in turn, so the one reused was handed out {@value #RING} file
 * chunks before, never the one the client may still be writing; and it is reused only once the
 * client has consumed it (nothing left between its position and its limit), else a new buffer takes
 * its slot. The HTTP/1.1 exchange asks for a buffer only after it has handed the one before to the
 * socket, so nothing is allocated per chunk.
 *
 * <p>Measured with {@code UploadBenchmark} at {@code -Xmx64m}: heap buffers of 64 KiB keep the heap
 * under 16 MB with the fewest collections; 256 KiB ones live as long as their request, are promoted
 * and filled the old generation (peak heap near 60 MB, more collections); direct ones are freed
 * only by a collection, which a heap with little garbage rarely runs, so they raised the resident
 * memory by tens of megabytes, for no CPU measurably saved. Other sources are read through their
 * stream in {@value #STREAM_CHUNK}-byte chunks.
 *
 * <p>Every {@link #subscribe} starts from the first byte with its own file handle and buffers, so
 * a retried request re-sends the whole body. A source that ends before its declared size fails the
 * request; one that is longer is cut at its size.
 */
final class BodyStream implements BodyPublisher {
    /** Bytes per file buffer (measured against 128 and 256 KiB, see the class comment). */
    static final int FILE_CHUNK = 64 * 1024;
    static final int RING = 3;
    static final int STREAM_CHUNK = 64 * 1024;

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

    private final List<Segment> segments;
    private final long length;
    private final int fileChunk;

    BodyStream(List<Segment> segments) {
        this(segments, FILE_CHUNK);
    }

    BodyStream(List<Segment> segments, int fileChunk) {
        this.segments = List.copyOf(segments);
        this.length = this.segments.stream().mapToLong(Segment::size).sum();
        this.fileChunk = fileChunk;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Emitter emitter = new Emitter(subscriber);
        subscriber.onSubscribe(emitter);
    }

    /** One pass over the body: its own position, file handle and buffers. */
    private final class Emitter implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        private boolean done;

        // state below is touched only inside drain(), which runs on one thread at a time
        private int segment;
        private long offsetInSegment;
        private FileChannel channel;
        private InputStream stream;
        private final ByteBuffer[] ring = new ByteBuffer[RING];
        private int next;

        Emitter(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("non-positive request: " + n);
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        // Serialises emission: a request() from inside onNext only adds demand for the loop running.
        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                if (!done && !cancelled) {
                    emit();
                }
                if (cancelled || done) {
                    close();
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        private void emit() {
            try {
                if (badRequest != null) {
                    fail(badRequest);
                    return;
                }
                while (!cancelled && demand.get() > 0 && !atEnd()) {
                    ByteBuffer chunk = nextChunk();
                    demand.decrementAndGet();
                    subscriber.onNext(chunk);
                }
                if (!cancelled && atEnd()) {
                    // at once, not on the next request: the client need not ask past the last byte
                    done = true;
                    close();
                    subscriber.onComplete();
                }
            } catch (IOException | UncheckedIOException | SecurityException e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                // a subscriber broke the protocol by throwing: release the file, signal nothing more
                done = true;
                close();
                throw e;
            }
        }

        private void fail(Throwable e) {
            done = true;
            close();
            subscriber.onError(e);
        }

        /** Whether every byte was emitted (empty segments are skipped). */
        private boolean atEnd() throws IOException {
            while (segment < segments.size() && offsetInSegment == segments.get(segment).size()) {
                closeSource();
                segment++;
                offsetInSegment = 0;
            }
            return segment == segments.size();
        }

        /** The next piece of the body; call only when not {@link #atEnd()}. */
        private ByteBuffer nextChunk() throws IOException {
            Segment s = segments.get(segment);
            long left = s.size() - offsetInSegment;
            ByteBuffer chunk;
            if (s.bytes() != null) {
                chunk = ByteBuffer.wrap(s.bytes());
            } else if (s.source() instanceof ByteSource.FileRegion region) {
                chunk = readFile(region, left);
            } else {
                chunk = readStream(s.source(), left);
            }
            offsetInSegment += chunk.remaining();
            return chunk;
        }

        private ByteBuffer readFile(ByteSource.FileRegion region, long left) throws IOException {
            if (channel == null) {
                channel = FileChannel.open(region.path(), StandardOpenOption.READ);
            }
            ByteBuffer buf = freeBuffer();
            buf.clear().limit((int) Math.min(buf.capacity(), left));
            long position = region.offset() + offsetInSegment;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, position);
                if (n < 0) {
                    throw new IOException(region.fileName() + " ended " + (left - buf.position()) + " bytes before the "
                            + region.length() + " bytes to send (was the file changed during the upload?)");
                }
                position += n;
            }
            return buf.flip();
        }

        // The ring's buffers are taken in turn, so the one reused was handed out RING file chunks
        // ago, never the latest (which the client may still be writing); if the client has not
        // consumed it (all its bytes taken), a new buffer takes its slot rather than overwrite it.
        private ByteBuffer freeBuffer() {
            ByteBuffer buf = ring[next];
            if (buf == null || buf.hasRemaining()) {
                buf = allocate();
                ring[next] = buf;
            }
            next = (next + 1) % RING;
            return buf;
        }

        private ByteBuffer allocate() {
            return ByteBuffer.allocate(fileChunk);
        }

        private ByteBuffer readStream(ByteSource source, long left) throws IOException {
            if (stream == null) {
                stream = source.openStream();
            }
            byte[] chunk = stream.readNBytes((int) Math.min(STREAM_CHUNK, left));
            if (chunk.length == 0) {
                throw new IOException(source.fileName() + " ended " + left + " bytes before the " + source.size()
                        + " bytes to send");
            }
            return ByteBuffer.wrap(chunk);
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

        private void close() {
            try {
                closeSource();
            } catch (IOException ignored) {
                // read-only handles: nothing was lost
            }
        }
    }
}

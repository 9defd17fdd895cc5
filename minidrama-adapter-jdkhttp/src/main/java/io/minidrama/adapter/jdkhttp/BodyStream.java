package io.minidrama.adapter.jdkhttp;

import io.minidrama.protocol.spi.RequestBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RequestBody} published to the JDK's HTTP client: each subscription opens the body afresh
 * and fills a ring of {@value #RING} buffers of {@value #CHUNK} bytes on demand (the package
 * description says why). A body that ends before its declared length fails the request; a longer
 * one is cut.
 */
final class BodyStream implements BodyPublisher {
    static final int CHUNK = 64 * 1024;
    static final int RING = 3;

    private final RequestBody body;
    private final long length;
    private final int chunk;

    BodyStream(RequestBody body) {
        this(body, CHUNK);
    }

    BodyStream(RequestBody body, int chunk) {
        this.body = Objects.requireNonNull(body, "body");
        this.length = body.contentLength();
        this.chunk = chunk;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Emitter(Objects.requireNonNull(subscriber, "subscriber")));
    }

    /** One pass over the body: its own channel, position and buffers. */
    private final class Emitter implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        // touched only inside drain(), which runs on one thread at a time
        private boolean done;
        private long sent;
        private ReadableByteChannel channel;
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
            do {
                if (!done && !cancelled) {
                    emit();
                }
                if (cancelled || done) {
                    close();
                }
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void emit() {
            try {
                if (badRequest != null) {
                    fail(badRequest);
                    return;
                }
                while (!cancelled && demand.get() > 0 && sent < length) {
                    ByteBuffer buf = nextChunk();
                    demand.decrementAndGet();
                    subscriber.onNext(buf);
                }
                if (!cancelled && sent == length) {
                    done = true; // at once, not on the next request: the client need not ask past the last byte
                    close();
                    subscriber.onComplete();
                }
            } catch (IOException | UncheckedIOException | SecurityException e) {
                fail(e);
            } catch (RuntimeException | Error e) {
                done = true; // a subscriber broke the protocol by throwing: release the body, signal nothing more
                close();
                throw e;
            }
        }

        private ByteBuffer nextChunk() throws IOException {
            if (channel == null) {
                channel = body.open();
            }
            long left = length - sent;
            ByteBuffer buf = freeBuffer((int) Math.min(chunk, left));
            while (buf.hasRemaining()) {
                if (channel.read(buf) < 0) {
                    throw new IOException("the request body ended " + (left - buf.position()) + " bytes before its declared "
                            + length + " bytes");
                }
            }
            sent += buf.position();
            return buf.flip();
        }

        private ByteBuffer freeBuffer(int size) {
            ByteBuffer buf = ring[next];
            if (buf == null || buf.hasRemaining() || buf.capacity() < size) {
                buf = ByteBuffer.allocate(Math.max(size, 1));
                ring[next] = buf;
            }
            next = (next + 1) % RING;
            return buf.clear().limit(size);
        }

        private void fail(Throwable e) {
            done = true;
            close();
            subscriber.onError(e);
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // a read-only source: nothing was lost
            } finally {
                channel = null;
            }
        }
    }
}

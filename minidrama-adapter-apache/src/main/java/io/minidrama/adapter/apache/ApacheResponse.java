package io.minidrama.adapter.apache;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.protocol.spi.TransportResponse;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response whose body streams from the connection. Reading past the deadline fails; closing
 * before the body's end discards the connection (the rest of the body is not read), closing after
 * it returns the connection to the pool.
 */
final class ApacheResponse implements TransportResponse {
    private final String operation;
    private final ClassicHttpResponse response;
    private final HttpUriRequestBase request;
    private final Deadline deadline;
    private final Map<String, List<String>> headers;
    private final Body body;
    private boolean closed;

    ApacheResponse(String operation, ClassicHttpResponse response, HttpUriRequestBase request, Deadline deadline)
            throws IOException {
        this.operation = operation;
        this.response = response;
        this.request = request;
        this.deadline = deadline;
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.headers = Collections.unmodifiableMap(map);
        HttpEntity entity = response.getEntity();
        InputStream content = entity == null ? null : entity.getContent();
        this.body = content == null ? new Body(InputStream.nullInputStream(), true) : new Body(content, false);
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!body.ended) {
                request.cancel(); // discard the connection rather than read the rest of the body
            }
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // the exchange is over either way; close never throws
        } finally {
            deadline.disarm();
        }
    }

    @Override
    public String toString() {
        return "TransportResponse[" + operation + ", status " + response.getCode() + "]";
    }

    /** The body stream: fails once the deadline has passed, notes its end. */
    private final class Body extends FilterInputStream {
        private volatile boolean ended;

        Body(InputStream in, boolean ended) {
            super(in);
            this.ended = ended; // no entity: HttpClient has released the connection already
        }

        @Override
        public int read() throws IOException {
            checkDeadline(null);
            try {
                int b = super.read();
                ended |= b < 0;
                return b;
            } catch (IOException e) {
                checkDeadline(e);
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkDeadline(null);
            try {
                int n = super.read(b, off, len);
                ended |= n < 0;
                return n;
            } catch (IOException e) {
                checkDeadline(e);
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            checkDeadline(null);
            return super.skip(n);
        }

        @Override
        public void close() {
            ApacheResponse.this.close();
        }

        private void checkDeadline(IOException cause) throws IOException {
            if (deadline.expired()) {
                DeadlineExceededException exceeded = new DeadlineExceededException(operation, deadline.timeout(), cause);
                throw new IOException(exceeded.getMessage() + " (while reading the response body)", exceeded);
            }
        }
    }
}

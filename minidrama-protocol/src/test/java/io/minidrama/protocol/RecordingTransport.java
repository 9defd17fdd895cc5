package io.minidrama.protocol;

import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An in-memory {@link HttpTransport}: records every request (its body read whole, as a transport
 * sends it) and answers from a script per path, no network.
 */
final class RecordingTransport implements HttpTransport {

    /** A request as it was sent. */
    record Sent(TransportRequest request, byte[] body) {
        String path() {
            return request.uri().getPath();
        }

        String query() {
            return request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the transport does for one request. */
    interface Answer extends Function<Sent, TransportResponse> {
    }

    final List<Sent> sent = new ArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new HashMap<>();
    private final Map<String, Answer> always = new HashMap<>();

    /** Answers the next request to {@code path} with {@code answer} (then the next scripted one). */
    RecordingTransport then(String path, Answer answer) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** Answers every request to {@code path} that has no scripted answer left. */
    RecordingTransport always(String path, Answer answer) {
        always.put(path, answer);
        return this;
    }

    /** The requests sent to {@code path}. */
    List<Sent> to(String path) {
        return sent.stream().filter(s -> s.path().equals(path)).toList();
    }

    static Answer json(int status, String body) {
        return s -> response(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer json(String body) {
        return json(200, body);
    }

    static Answer fails(RuntimeException e) {
        return s -> {
            throw e;
        };
    }

    static TransportResponse response(int status, String contentType, byte[] body) {
        return response(status, contentType, new ByteArrayInputStream(body));
    }

    static TransportResponse response(int status, String contentType, InputStream body) {
        return new TransportResponse() {
            public int status() {
                return status;
            }

            public Map<String, List<String>> headers() {
                return Map.of("content-type", List.of(contentType));
            }

            public InputStream body() {
                return body;
            }

            public void close() {
            }
        };
    }

    @Override
    public synchronized TransportResponse execute(TransportRequest request) {
        byte[] body = request.body().map(RecordingTransport::readAll).orElse(new byte[0]);
        Sent s = new Sent(request, body);
        sent.add(s);
        Deque<Answer> script = scripts.get(s.path());
        Answer answer = script != null && !script.isEmpty() ? script.poll() : always.get(s.path());
        if (answer == null) {
            throw new AssertionError("no answer scripted for " + s.path());
        }
        return answer.apply(s);
    }

    private static byte[] readAll(io.minidrama.protocol.spi.RequestBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try (ReadableByteChannel ch = body.open()) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.size() != body.contentLength()) {
            throw new AssertionError("the body yielded " + out.size() + " bytes, declared " + body.contentLength());
        }
        return out.toByteArray();
    }
}

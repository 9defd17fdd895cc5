package io.minidrama.adapter.jdkhttp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server that records every request and answers with scripted replies per path.
 * Unscripted paths answer {@code {"errcode":0,"errmsg":"ok"}}; {@code /cgi-bin/stable_token}
 * answers a token unless scripted.
 */
final class RecordingServer implements AutoCloseable {

    /** One request as received. */
    record Recorded(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A scripted reply: status, content type, body, an optional delay before answering, and an
     * optional stall after the headers and the first half of the body.
     */
    record Reply(int status, String contentType, byte[] body, long delayMillis, long bodyStallMillis) {
        static Reply json(String json) {
            return new Reply(200, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), 0, 0);
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), 0, 0);
        }

        Reply delayed(long millis) {
            return new Reply(status, contentType, body, millis, bodyStallMillis);
        }

        Reply stalledMidBody(long millis) {
            return new Reply(status, contentType, body, delayMillis, millis);
        }
    }

    static final String TOKEN = "TEST_ACCESS_TOKEN_0001";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(48);
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    RecordingServer() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues replies for {@code path}, answered in order; the last one repeats. */
    RecordingServer script(String path, Reply... replies) {
        Deque<Reply> q = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (q) {
            q.addAll(List.of(replies));
        }
        return this;
    }

    RecordingServer json(String path, String json) {
        return script(path, Reply.json(json));
    }

    List<Recorded> requests() {
        return List.copyOf(recorded);
    }

    List<Recorded> requests(String path) {
        List<Recorded> out = new ArrayList<>();
        for (Recorded r : recorded) {
            if (r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    Recorded only(String path) {
        List<Recorded> rs = requests(path);
        if (rs.size() != 1) {
            throw new AssertionError("expected exactly one request to " + path + ", got " + rs.size() + ": " + requests());
        }
        return rs.get(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = ex.getRequestURI().getPath();
        recorded.add(new Recorded(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), body));
        Reply reply = next(path);
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.getResponseHeaders().add("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            int half = reply.bodyStallMillis() > 0 ? reply.body().length / 2 : reply.body().length;
            out.write(reply.body(), 0, half);
            if (reply.bodyStallMillis() > 0) {
                out.flush();
                try {
                    Thread.sleep(reply.bodyStallMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.write(reply.body(), half, reply.body().length - half);
        }
    }

    private Reply next(String path) {
        Deque<Reply> q = scripts.get(path);
        if (q != null) {
            synchronized (q) {
                if (q.size() > 1) {
                    return q.poll();
                }
                if (q.size() == 1) {
                    return q.peek();
                }
            }
        }
        if (path.equals("/cgi-bin/stable_token") || path.equals("/cgi-bin/token")) {
            return Reply.json("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":7200}");
        }
        return Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers around {@link HttpExchange}. */
final class Exchanges {
    /** Most a JSON request body may be; the platform's bodies are small. */
    static final int MAX_JSON_BODY = 1024 * 1024;
    /** Most of a refused request's body read (and discarded) so the client sees the answer; beyond it the connection closes. */
    static final long DRAIN_LIMIT = 1024 * 1024;

    private Exchanges() {
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A JSON body of at most 1 MB; a larger one (declared or sent) is 47001 and is not read further. */
    static byte[] readBody(HttpExchange ex) throws IOException {
        return readBody(ex, MAX_JSON_BODY, () -> WireError.tooLarge(47001, "data format error (the body is over 1 MB)", 200));
    }

    /**
     * The body, of at most {@code max} bytes: read as it arrives (never sized from the declared
     * length); a body declared or found larger is refused with {@code refusal} without being read further.
     */
    static byte[] readBody(HttpExchange ex, int max, java.util.function.Supplier<WireError> refusal) throws IOException {
        if (declaredLength(ex) > max) {
            throw refusal.get();
        }
        InputStream in = ex.getRequestBody();
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            throw refusal.get();
        }
        return body;
    }

    /** The declared {@code Content-Length}; -1 without one (chunked), {@link Long#MAX_VALUE} when unreadable. */
    static long declaredLength(HttpExchange ex) {
        String cl = ex.getRequestHeaders().getFirst("Content-Length");
        if (cl == null) {
            return -1;
        }
        try {
            return Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Reads and discards what is left of the request, up to {@link #DRAIN_LIMIT}, so the client sees
     * the answer, not a reset; a longer rest is left unread and the server closes the connection.
     */
    static void drain(InputStream in) {
        try {
            byte[] buf = new byte[8192];
            long left = DRAIN_LIMIT;
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    return;
                }
                left -= r;
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    /** Sends a JSON answer: see {@link ResponseWriter#send}, the one writer of answers. */
    static void sendJson(HttpExchange ex, int status, JsonObject body) throws IOException {
        ResponseWriter.send(ex, status, body);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

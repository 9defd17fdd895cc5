package io.minidrama.events.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushOutcome;
import io.minidrama.events.PushRejectedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A complete push endpoint on the JDK's {@link HttpServer}: GET answers the URL-verification
 * handshake, POST verifies and decodes a push, hands the event over and answers {@code success}.
 *
 * <pre>{@code
 * PushEventReceiver receiver = PushEventReceiver.builder()
 *         .token(System.getenv("WX_PUSH_TOKEN"))
 *         .encryption(System.getenv("WX_PUSH_AES_KEY"), System.getenv("WX_APPID"))
 *         .replayGuard(PushReplayGuard.inMemory())   // one instance; several share RedisPushReplayGuard
 *         .build();
 * HttpServer server = WebhookServerExample.start(new InetSocketAddress(8080), "/wx/push", receiver, events::add);
 * }</pre>
 */
public final class WebhookServerExample {
    private WebhookServerExample() {
    }

    /**
     * Starts a server answering on {@code path}.
     *
     * @param address  where to listen (port 0 picks a free port)
     * @param path     the push URL's path, as configured in the console
     * @param receiver the configured receiver, shared by all requests
     * @param handler  called once per accepted push; keep it fast or hand the event to a queue, since
     *                 the platform retries a push that is not answered within a few seconds
     */
    public static HttpServer start(InetSocketAddress address, String path, PushEventReceiver receiver, Consumer<PushEvent> handler)
            throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(address, 0);
        server.createContext(path, exchange -> {
            try (exchange) {
                handle(exchange, receiver, handler);
            }
        });
        server.start();
        return server;
    }

    private static void handle(HttpExchange exchange, PushEventReceiver receiver, Consumer<PushEvent> handler) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        try {
            Map<String, String> query = PushEventReceiver.parseQuery(rawQuery == null ? "" : rawQuery);
            switch (exchange.getRequestMethod()) {
                case "GET" -> reply(exchange, 200, receiver.verifyUrl(query));
                case "POST" -> {
                    byte[] body = readBody(exchange.getRequestBody(), receiver.maxBodyBytes());
                    if (!receiver.guardsReplays()) {
                        handler.accept(receiver.receive(query, body));
                    } else if (receiver.receiveOnce(query, body) instanceof PushOutcome.Delivered delivered) {
                        handler.accept(delivered.event());
                    } // else a replay of a push already handled: answer success, do not handle it again
                    reply(exchange, 200, "success");
                }
                default -> reply(exchange, 405, "method not allowed");
            }
        } catch (PushRejectedException e) {
            // the message is safe to log: it never holds the token, the key or decrypted content
            reply(exchange, statusFor(e.reason()), e.reason().name());
        }
    }

    /** Reads at most {@code limit + 1} bytes, so an oversized body is refused without buffering all of it. */
    private static byte[] readBody(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new PushRejectedException(PushRejectedException.Reason.TOO_LARGE, "the body is larger than " + limit + " bytes");
        }
        return bytes; // the receiver decodes them as strict UTF-8
    }

    private static int statusFor(PushRejectedException.Reason reason) {
        return switch (reason) {
            case BAD_SIGNATURE, STALE, WRONG_APPID, DECRYPTION_FAILED -> 403;
            case UNENCRYPTED -> 403; // a plain push to a receiver with an EncodingAESKey: see allowPlainMode
            case TOO_LARGE -> 413;
            case NOT_CONFIGURED -> 500;
            case MALFORMED, MISSING_PARAMETER -> 400;
            case REPLAYED -> 409; // only receive() with a guard; receiveOnce answers a replay with success
        };
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

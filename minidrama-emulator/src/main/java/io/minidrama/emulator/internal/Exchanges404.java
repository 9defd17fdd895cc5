package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;

/** Any path the platform does not serve: HTTP 404 with the platform's "invalid url" errcode. */
public final class Exchanges404 implements HttpHandler {
    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Exchanges.drain(ex.getRequestBody());
            ResponseWriter.send(ex, 404, ResponseWriter.error(40066, "invalid url"));
        }
    }
}

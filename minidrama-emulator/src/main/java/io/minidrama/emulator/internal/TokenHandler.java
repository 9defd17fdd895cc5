package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..} and
 * {@code POST /cgi-bin/stable_token {"grant_type", "appid", "secret", "force_refresh"}}: both answer
 * {@code {"access_token": .., "expires_in": 7200}}.
 */
public final class TokenHandler implements HttpHandler {
    private final Tokens tokens;

    public TokenHandler(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            try {
                Tokens.Grant g;
                if (path.equals("/cgi-bin/token")) {
                    Exchanges.drain(ex.getRequestBody());
                    Map<String, String> q = Exchanges.query(ex);
                    g = tokens.classic(q.get("grant_type"), q.get("appid"), q.get("secret"));
                } else if (path.equals("/cgi-bin/stable_token")) {
                    if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                        Exchanges.drain(ex.getRequestBody());
                        throw new WireError(43002, "require POST method");
                    }
                    JsonObject o = JsonBodies.parse(Exchanges.readBody(ex));
                    boolean force = JsonBodies.has(o, "force_refresh") && o.get("force_refresh").toString().equals("true");
                    g = tokens.stable(JsonBodies.optString(o, "grant_type").orElse(null), JsonBodies.optString(o, "appid").orElse(null),
                            JsonBodies.optString(o, "secret").orElse(null), force);
                } else {
                    Exchanges.drain(ex.getRequestBody());
                    Exchanges.sendJson(ex, 404, JsonBodies.error(40066, "invalid url"));
                    return;
                }
                Exchanges.sendJson(ex, 200, jakarta.json.Json.createObjectBuilder()
                        .add("access_token", g.token()).add("expires_in", g.expiresIn()).build());
            } catch (WireError e) {
                Exchanges.sendJson(ex, e.httpStatus, JsonBodies.error(e.errcode, e.getMessage()));
            }
        }
    }
}

package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..} and
 * {@code POST /cgi-bin/stable_token {"grant_type", "appid", "secret", "force_refresh"}}: both answer
 * {@code {"access_token": .., "expires_in": 7200}}.
 */
public final class TokenHandler implements HttpHandler {
    private final Tokens tokens;
    private final WireProblems problems;

    public TokenHandler(Tokens tokens, WireProblems problems) {
        this.tokens = tokens;
        this.problems = problems;
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
                    RequestCheck.form(path, RequestTables.CLASSIC_TOKEN, q.keySet(), Set.of(), q, problems);
                    g = tokens.classic(q.get("grant_type"), q.get("appid"), q.get("secret"));
                } else if (path.equals("/cgi-bin/stable_token")) {
                    if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                        Exchanges.drain(ex.getRequestBody());
                        throw new WireError(43002, "require POST method");
                    }
                    JsonObject o = JsonBodies.parse(Exchanges.readBody(ex));
                    RequestCheck.json(path, RequestTables.STABLE_TOKEN, o, problems);
                    boolean force = o.containsKey("force_refresh") && o.getBoolean("force_refresh");
                    g = tokens.stable(JsonBodies.optString(o, "grant_type").orElse(null), JsonBodies.optString(o, "appid").orElse(null),
                            JsonBodies.optString(o, "secret").orElse(null), force);
                } else {
                    Exchanges.drain(ex.getRequestBody());
                    ResponseWriter.send(ex, 404, ResponseWriter.error(40066, "invalid url"));
                    return;
                }
                ResponseWriter.send(ex, 200, ResponseWriter.token(g.token(), g.expiresIn()));
            } catch (WireError e) {
                ResponseWriter.send(ex, e.httpStatus, ResponseWriter.error(e.errcode, e.getMessage()));
            }
        }
    }
}

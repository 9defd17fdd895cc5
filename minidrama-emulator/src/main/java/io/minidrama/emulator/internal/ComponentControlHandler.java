package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The emulated third-party platform's control routes, under {@code /__emulator/component/}:
 * {@code POST ticket} (issues and pushes a verify ticket; answers {@code ticket}),
 * {@code POST authorize {"authorizer_appid", "permission_sets": [153, 157]}} (answers {@code auth_code},
 * pushes {@code authorized}), {@code POST update-authorization {...}} (pushes {@code updateauthorized}),
 * {@code POST revoke {"authorizer_appid"}} (pushes {@code unauthorized}),
 * {@code POST rotate-refresh-tokens {"on"}}, {@code POST faults {"operation", "errcode", "times"}},
 * {@code POST push-target {"url", "token", "encoding_aes_key"}}, {@code GET state}.
 */
public final class ComponentControlHandler implements HttpHandler {
    /** The context path. */
    public static final String PREFIX = "/__emulator/component/";

    private final InMemoryComponentPlatform component;
    private final ComponentPusher pusher;

    public ComponentControlHandler(InMemoryComponentPlatform component, ComponentPusher pusher) {
        this.component = component;
        this.pusher = pusher;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String route = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT) + " " + ex.getRequestURI().getPath().substring(PREFIX.length());
            try {
                byte[] raw = Exchanges.readBody(ex);
                JsonObject o = raw.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : JsonBodies.parse(raw);
                JsonObjectBuilder ok = ResponseWriter.controlOk();
                switch (route) {
                    case "POST ticket" -> {
                        String ticket = component.issueTicket();
                        pusher.ticket(ticket);
                        ok.add("ticket", ticket);
                    }
                    case "POST authorize", "POST update-authorization" -> {
                        String appId = o.getString("authorizer_appid");
                        Set<Integer> sets = new LinkedHashSet<>();
                        JsonArray a = o.containsKey("permission_sets") ? o.getJsonArray("permission_sets") : Json.createArrayBuilder().add(153).add(157).build();
                        a.getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> sets.add(n.intValueExact()));
                        String code = component.authorize(appId, sets);
                        pusher.authorized(route.endsWith("authorize") ? "authorized" : "updateauthorized", appId, code);
                        ok.add("auth_code", code);
                    }
                    case "POST revoke" -> {
                        String appId = o.getString("authorizer_appid");
                        component.revoke(appId);
                        pusher.unauthorized(appId);
                    }
                    case "POST rotate-refresh-tokens" -> component.rotateRefreshTokens(o.getBoolean("on"));
                    case "POST faults" -> component.failNext(o.getString("operation"), o.getInt("errcode"), o.getInt("times", 1));
                    case "POST push-target" -> pusher.target(URI.create(o.getString("url")), o.getString("token"), o.getString("encoding_aes_key"));
                    case "GET state" -> {
                        JsonObjectBuilder calls = Json.createObjectBuilder();
                        component.calls().forEach(calls::add);
                        JsonObjectBuilder byApp = Json.createObjectBuilder();
                        component.operationCallsByAuthorizer().forEach(byApp::add);
                        ok.add("calls", calls).add("operation_calls_by_authorizer", byApp)
                                .add("pushes", ResponseWriter.strings(pusher.log()));
                    }
                    default -> {
                        ResponseWriter.send(ex, 404, ResponseWriter.controlError("no control route " + route));
                        return;
                    }
                }
                ResponseWriter.send(ex, 200, ok.build());
            } catch (RuntimeException | MalformedBodyException e) {
                ResponseWriter.send(ex, 400, ResponseWriter.controlError(e.getMessage()));
            }
        }
    }
}

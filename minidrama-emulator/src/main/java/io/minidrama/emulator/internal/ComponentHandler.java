package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.emulator.WireProblem;
import io.minidrama.emulator.internal.FieldSpec.Table;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerEntry;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.PreAuthCode;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code POST /cgi-bin/component/*}: the six component operations of API.md section 10, each
 * checked against its request table, answered by the fake's {@link InMemoryComponentPlatform}.
 * The component token is read from {@code access_token} in the query, the name the current official
 * pages give it on every operation after {@code api_component_token}: a {@code component_access_token}
 * (the older pages' name) is recorded as a wire problem and, without an {@code access_token},
 * answered 41001 as the platform answers a missing token.
 *
 * @param component the fake component platform that answers
 * @param problems  where a request that does not fit its table is recorded
 * @param clock     what the tokens' {@code expires_in} counts from
 */
public record ComponentHandler(InMemoryComponentPlatform component, WireProblems problems, Clock clock) implements HttpHandler {
    /** The context path. */
    public static final String PREFIX = "/cgi-bin/component/";

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String op = ex.getRequestURI().getPath().substring(PREFIX.length());
            try {
                Table table = switch (op) {
                    case "api_component_token" -> ComponentTables.COMPONENT_TOKEN;
                    case "api_create_preauthcode" -> ComponentTables.PRE_AUTH_CODE;
                    case "api_query_auth" -> ComponentTables.QUERY_AUTH;
                    case "api_authorizer_token" -> ComponentTables.AUTHORIZER_TOKEN;
                    case "api_get_authorizer_list" -> ComponentTables.AUTHORIZER_LIST;
                    case "api_get_authorizer_info" -> ComponentTables.AUTHORIZER_INFO;
                    default -> null;
                };
                if (table == null) {
                    Exchanges.drain(ex.getRequestBody());
                    ResponseWriter.send(ex, 404, ResponseWriter.error(40066, "invalid url"));
                    return;
                }
                if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                    Exchanges.drain(ex.getRequestBody());
                    throw new WireError(43002, "require POST method");
                }
                Map<String, String> q = Exchanges.query(ex);
                JsonObject o = JsonBodies.parse(Exchanges.readBody(ex));
                RequestCheck.json(PREFIX + op, table, o, problems);
                String appId = o.getString("component_appid");
                if (q.containsKey("component_access_token")) {
                    problems.record(new WireProblem(PREFIX + op, "?component_access_token", WireProblem.Kind.UNKNOWN_FIELD,
                            "the official page of " + op + " names the component token's query parameter access_token"));
                }
                String token = q.get("access_token");
                if (!op.equals("api_component_token") && (token == null || token.isEmpty())) {
                    throw new WireError(41001, "access_token missing");
                }
                JsonObject answer = switch (op) {
                    case "api_component_token" -> {
                        AccessToken t = component.componentToken(appId, o.getString("component_appsecret"),
                                o.getString("component_verify_ticket"));
                        yield Json.createObjectBuilder().add("component_access_token", t.value())
                                .add("expires_in", seconds(t.expiresAt())).build();
                    }
                    case "api_create_preauthcode" -> {
                        PreAuthCode c = component.createPreAuthCode(appId, token);
                        yield Json.createObjectBuilder().add("pre_auth_code", c.value()).add("expires_in", seconds(c.expiresAt())).build();
                    }
                    case "api_query_auth" -> {
                        Authorization a = component.queryAuth(appId, token, o.getString("authorization_code"));
                        JsonArrayBuilder func = Json.createArrayBuilder();
                        new TreeSet<>(a.permissionSets()).forEach(id -> func.add(Json.createObjectBuilder()
                                .add("funcscope_category", Json.createObjectBuilder().add("id", id))));
                        yield Json.createObjectBuilder().add("authorization_info", Json.createObjectBuilder()
                                .add("authorizer_appid", a.authorizerAppId())
                                .add("authorizer_access_token", a.token().accessToken().value())
                                .add("expires_in", seconds(a.token().accessToken().expiresAt()))
                                .add("authorizer_refresh_token", a.token().refreshToken())
                                .add("func_info", func)).build();
                    }
                    case "api_authorizer_token" -> {
                        AuthorizerToken t = component.authorizerToken(appId, token, o.getString("authorizer_appid"),
                                o.getString("authorizer_refresh_token"));
                        yield Json.createObjectBuilder().add("authorizer_access_token", t.accessToken().value())
                                .add("expires_in", seconds(t.accessToken().expiresAt()))
                                .add("authorizer_refresh_token", t.refreshToken()).build();
                    }
                    case "api_get_authorizer_info" -> {
                        AuthorizerInfo i = component.authorizerInfo(appId, token, o.getString("authorizer_appid"));
                        JsonArrayBuilder func = Json.createArrayBuilder();
                        new TreeSet<>(i.permissionSets()).forEach(id -> func.add(Json.createObjectBuilder()
                                .add("funcscope_category", Json.createObjectBuilder().add("id", id))));
                        jakarta.json.JsonObjectBuilder account = Json.createObjectBuilder().add("nick_name", i.nickName())
                                .add("head_img", "").add("service_type_info", Json.createObjectBuilder().add("id", 0))
                                .add("verify_type_info", Json.createObjectBuilder().add("id", 0)).add("user_name", i.userName())
                                .add("alias", "").add("qrcode_url", "").add("principal_name", i.principalName()).add("signature", "")
                                .add("account_status", 1);
                        if (i.miniProgram()) {
                            account.add("MiniProgramInfo", Json.createObjectBuilder().add("network", Json.createObjectBuilder())
                                    .add("categories", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                            .add("first", "文娱").add("second", "微短剧"))).add("visit_status", 0));
                        }
                        jakarta.json.JsonObjectBuilder auth = Json.createObjectBuilder().add("authorizer_appid", i.authorizerAppId());
                        i.currentRefreshToken().ifPresent(r -> auth.add("authorizer_refresh_token", r));
                        yield Json.createObjectBuilder().add("authorizer_info", account)
                                .add("authorization_info", auth.add("func_info", func)).build();
                    }
                    default -> {
                        AuthorizerPage page = component.authorizerList(appId, token, o.getInt("offset"), o.getInt("count"));
                        JsonArrayBuilder list = Json.createArrayBuilder();
                        for (AuthorizerEntry e : page.entries()) {
                            list.add(Json.createObjectBuilder().add("authorizer_appid", e.authorizerAppId())
                                    .add("refresh_token", e.refreshToken()).add("auth_time", e.authorizedAt().getEpochSecond()));
                        }
                        yield Json.createObjectBuilder().add("total_count", page.totalCount()).add("list", list).build();
                    }
                };
                ResponseWriter.send(ex, 200, answer);
            } catch (WireError e) {
                ResponseWriter.send(ex, e.httpStatus, ResponseWriter.error(e.errcode, e.getMessage()));
            } catch (MalformedBodyException e) {
                ResponseWriter.send(ex, 200, ResponseWriter.error(47001, "data format error: " + e.getMessage()));
            } catch (PlatformException e) {
                ResponseWriter.send(ex, 200, ResponseWriter.error(e.rawErrcode(), e.errmsg()));
            }
        }
    }

    private long seconds(Instant expiresAt) {
        return Math.max(1, Duration.between(clock.instant(), expiresAt).toSeconds());
    }
}

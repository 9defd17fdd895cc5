package io.minidrama.testkit.emulator;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator refuses what the drama player's pages do not document: an unknown field, a field of
 * the wrong JSON type, a missing required field or a value outside R-30..R-33 is errcode 2 (the
 * pages' 参数错误); an empty body 44002, a body that is not JSON 47001; an unplayable drama 21000.
 */
@MiniDramaTest(emulator = true)
class EmulatorPlayerStrictnessTest {
    MiniDramaEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void token() throws Exception {
        token = json(send("POST", "/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"s\"}"))
                .getString("access_token");
        assertEquals(200, send("POST", "/__emulator/player/playable", "{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\"}").statusCode());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path)).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject op(String op, String body) throws Exception {
        return json(send("POST", "/wxadrama/" + op + "?access_token=" + token, body));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "setplayerdramarecmdswitch | {\"entry_type\":1,\"switch_status\":true,\"extra\":1} | 2",
            "setplayerdramarecmdswitch | {\"entry_type\":\"1\",\"switch_status\":true} | 2",
            "setplayerdramarecmdswitch | {\"entry_type\":4,\"switch_status\":true} | 2",
            "setplayerdramarecmdswitch | {\"entry_type\":1,\"switch_status\":1} | 2",
            "setplayerdramarecmdswitch | {\"entry_type\":1} | 2",
            "setplayerdramarecmdswitch | {\"entry_type\":1.5,\"switch_status\":true} | 2",
            "developersetflushdrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":1,\"drama_name\":\"a\"}]} | 2",
            "developersetflushdrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\"}]} | 2",
            "developersetflushdrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\",\"drama_name\":\"a\",\"x\":0}]} | 2",
            "developersetflushdrama | {\"list\":{}} | 2",
            "developersetflushdrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"01\",\"drama_name\":\"a\"}]} | 2",
            "developersetflushdrama | {\"list\":[{\"src_appid\":\"wx5cefe18a7902141d\",\"drama_id\":\"9\",\"drama_name\":\"a\"}]} | 21000",
            "developersetrecmddrama | {\"entry_type\":2002} | 2",
            "developersetrecmddrama | {\"entry_type\":1,\"src_appid\":\"wx4f3ca6d4c2407ccc\"} | 2",
            "developerpublishdrama | {} | 2",
            "developerpublishdrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\",\"drama_name\":\"a\",\"publish_time\":1734624000000}]} | 2",
            "developerpublishdrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\",\"drama_name\":\"a\",\"publish_time\":\"1734624000\"}]} | 2",
            "developergetpublisheddrama | {\"list\":[]} | 2",
            "developersetiaadrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\",\"iaa_type\":4,\"vip_flag\":1}]} | 2",
            "developersetiaadrama | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\",\"iaa_type\":1,\"vip_flag\":0}]} | 2",
            "developergetiaadrama | {\"list\":[]} | 2",
            "batchprocessdramapromotion | {\"action_type\":4,\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\"}]} | 2",
            "batchprocessdramapromotion | {\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\"}]} | 2",
            "getfinderevent | {\"event_id_list\":[1]} | 2",
            "getfinderevent | {\"event_ids\":[]} | 2",
            "getfinderevent |  | 44002",
            "getfinderevent | not json | 47001",
    })
    void aRequestOutsideThePagesTables_isRefusedWithThePlatformsErrcode(String op, String body, int errcode) throws Exception {
        JsonObject r = op(op, body == null ? "" : body);

        assertEquals(errcode, r.getInt("errcode"), r.toString());
        assertTrue(r.getString("errmsg").length() > 0);
    }

    @Test
    void flushOver1000Dramas_isRefusedWithErrcode2() throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= 1001; i++) {
            list.append(i == 1 ? "" : ",").append("{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"").append(i).append("\",\"drama_name\":\"a\"}");
        }

        assertEquals(2, op("developersetflushdrama", "{\"list\":[" + list + "]}").getInt("errcode"));
    }

    @Test
    void aValidRequest_isAcceptedAndAnAbsentListClears() throws Exception {
        assertEquals(0, op("developersetflushdrama", "{\"list\":[{\"src_appid\":\"wx4f3ca6d4c2407ccc\",\"drama_id\":\"1\",\"drama_name\":\"a\"}]}")
                .getInt("errcode"));
        assertEquals(1, json(send("GET", "/__emulator/player/state", "")).getJsonArray("flush_list").size());

        assertEquals(0, op("developersetflushdrama", "{}").getInt("errcode"));

        assertEquals(0, json(send("GET", "/__emulator/player/state", "")).getJsonArray("flush_list").size());
    }

    @Test
    void methodTokenAndPath_areCheckedLikeTheOtherOperations() throws Exception {
        assertEquals(43002, json(send("GET", "/wxadrama/getfinderevent?access_token=" + token, "")).getInt("errcode"));
        assertEquals(41001, json(send("POST", "/wxadrama/getfinderevent", "{}")).getInt("errcode"));
        HttpResponse<String> unknown = send("POST", "/wxadrama/nosuchop?access_token=" + token, "{}");
        assertEquals(404, unknown.statusCode());
        assertEquals(40066, json(unknown).getInt("errcode"));
        HttpResponse<String> wrongPrefix = send("POST", "/wxa/sec/vod/getfinderevent?access_token=" + token, "{}");
        assertEquals(404, wrongPrefix.statusCode());
        HttpResponse<String> vodUnderPlayer = send("POST", "/wxadrama/getdrama?access_token=" + token, "{}");
        assertEquals(404, vodUnderPlayer.statusCode());
    }
}

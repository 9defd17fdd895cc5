package io.minidrama.testkit.emulator;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.PlatformOperation;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The official pages' request examples of the nine drama-player operations (fixtures under
 * {@code golden/player/}, see its README), sent to the emulator as they are over plain HTTP: each is
 * accepted and answered in the shape of the page's response example (same keys, same JSON types,
 * every array element shaped like the example's). The placeholder dramas of the examples are made
 * playable, and {@code example_src_appid}'s the caller's own, through the emulator's player control.
 */
@MiniDramaTest(emulator = true)
class EmulatorPlayerGoldenTest {
    MiniDramaEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void tokenAndPlaceholderDramas() throws Exception {
        token = json(post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"s\"}"))
                .getString("access_token");
        for (String id : List.of("123456", "123457", "123458")) {
            control("own-drama", "example_src_appid", id, "");
        }
        control("playable", "wx94a6522b1d640c3b", "666666", "");
        control("playable", "wx4f3ca6d4c2407ccc", "266946", "");
        control("playable", "wx5cefe18a7902141d", "236424", "");
        control("own-drama", "wx", "10000", "");
        control("finder-event", "wx", "10000",
                ",\"event_name\":\"《示例短剧》示例小程序\",\"event_url\":\"https://channels.weixin.qq.com/mobile/toNativeActivity.html?title=\"");
    }

    private void control(String route, String src, String drama, String more) throws Exception {
        HttpResponse<String> r = post("/__emulator/player/" + route, "{\"src_appid\":\"" + src + "\",\"drama_id\":\"" + drama + "\"" + more + "}");
        assertEquals(200, r.statusCode(), route + ": " + r.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    static String fixture(String name) {
        try (InputStream in = EmulatorPlayerGoldenTest.class.getResourceAsStream("/golden/player/" + name)) {
            assertNotNull(in, "fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonObject parse(String s) {
        try (var reader = Json.createReader(new StringReader(s))) {
            return reader.readObject();
        }
    }

    private JsonObject send(String fixtureBase) throws Exception {
        String wire = fixtureBase.contains("-") ? fixtureBase.substring(0, fixtureBase.indexOf('-')) : fixtureBase;
        HttpResponse<String> r = post(PlatformOperation.of(wire).path() + "?access_token=" + token, fixture(fixtureBase + ".request.json"));
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** What must be on the platform before the example is sent: the example whose result it reads. */
    private void prepare(String fixtureBase) throws Exception {
        String before = switch (fixtureBase) {
            case "developergetpublisheddrama" -> "developerpublishdrama";
            case "developergetiaadrama" -> "developersetiaadrama";
            case "batchprocessdramapromotion-query" -> "batchprocessdramapromotion";
            default -> null;
        };
        if (before != null) {
            assertEquals(0, send(before).getInt("errcode"), before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"setplayerdramarecmdswitch", "setplayerdramarecmdswitch-original", "developersetflushdrama",
            "developersetrecmddrama", "developerpublishdrama", "developergetpublisheddrama", "developersetiaadrama", "developergetiaadrama",
            "batchprocessdramapromotion", "batchprocessdramapromotion-query", "getfinderevent"})
    void officialRequestExample_isAcceptedAndAnsweredInTheShapeOfTheResponseExample(String fixtureBase) throws Exception {
        prepare(fixtureBase);

        JsonObject answer = send(fixtureBase);

        assertEquals(0, answer.getInt("errcode"), answer.toString());
        assertSameShape(parse(fixture(fixtureBase + ".response.json")), answer, "$");
    }

    @Test
    void fixtures_coverEveryPlayerOperationOfTheCatalogue() {
        for (PlatformOperation op : PlatformOperation.values()) {
            if (op.isPlayer()) {
                assertFalse(fixture(op.wireName() + ".request.json").isBlank(), op.wireName());
                assertFalse(fixture(op.wireName() + ".response.json").isBlank(), op.wireName());
            }
        }
        assertEquals(9, Arrays.stream(PlatformOperation.values()).filter(PlatformOperation::isPlayer).count());
    }

    /** {@code actual} has exactly {@code expected}'s keys and JSON types; each array element is shaped like the expected first element. */
    static void assertSameShape(JsonValue expected, JsonValue actual, String path) {
        assertEquals(kind(expected), kind(actual), path + ": expected " + expected + " got " + actual);
        if (expected instanceof JsonObject e) {
            JsonObject a = (JsonObject) actual;
            assertEquals(e.keySet(), a.keySet(), path + " keys");
            for (String k : e.keySet()) {
                assertSameShape(e.get(k), a.get(k), path + "." + k);
            }
        } else if (expected instanceof JsonArray e && !e.isEmpty()) {
            JsonArray a = (JsonArray) actual;
            if (a.isEmpty()) {
                fail(path + ": expected elements like " + e.get(0) + ", got an empty array");
            }
            for (int i = 0; i < a.size(); i++) {
                assertSameShape(e.get(0), a.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String kind(JsonValue v) {
        return switch (v.getValueType()) {
            case TRUE, FALSE -> "boolean";
            default -> v.getValueType().name();
        };
    }
}

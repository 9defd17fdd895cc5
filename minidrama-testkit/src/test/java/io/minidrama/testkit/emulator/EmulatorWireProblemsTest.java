package io.minidrama.testkit.emulator;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.emulator.WireProblem;
import io.minidrama.emulator.WireProblem.Kind;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator as a strict check of the request tables, over HTTP: a request that does not fit its
 * page's table is answered with the platform's errcode before the operation runs, and recorded as
 * a wire problem readable through {@link MiniDramaEmulator#wireProblems()} and the control prefix.
 */
@MiniDramaTest(emulator = true, clockStart = "2025-03-01T00:00:00Z")
class EmulatorWireProblemsTest {
    MiniDramaEmulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void token() throws Exception {
        token = call("POST", "/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"s\"}")
                .getString("access_token");
    }

    private JsonObject call(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject op(String op, String body) throws Exception {
        return call("POST", "/wxa/sec/vod/" + op + "?access_token=" + token, body);
    }

    @Test
    void aWrongType_isAnswered47003BeforeTheOperationRuns_andRecorded() throws Exception {
        JsonObject r = op("pullupload", "{\"media_name\":\"演艺 - 第1集\",\"media_url\":\"https://a.example/1.mp4\",\"source_context\":7}");

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("source_context"), r.getString("errmsg"));
        assertEquals(List.of(), emulator.control().recordedCalls().stream().filter(c -> c.operation().equals("pullupload")).toList(),
                "the fake never saw the call");
        WireProblem p = emulator.wireProblems().get(0);
        assertEquals("pullupload source_context WRONG_TYPE", p.operation() + " " + p.field() + " " + p.kind());
    }

    @Test
    void eachKind_isReadableOverTheControlPrefix_andClears() throws Exception {
        assertEquals(47003, op("getdrama", "{}").getInt("errcode"));
        assertEquals(47003, op("commitupload", "{\"upload_id\":\"1\",\"media_part_infos\":[{\"part_number\":1,\"etag\":\"a\",\"crc\":1}]}")
                .getInt("errcode"));
        assertEquals(47003, op("getmedia", "{\"media_id\":\"1\"}").getInt("errcode"));

        JsonObject listed = call("GET", "/__emulator/wire-problems", "");

        assertEquals(List.of("getdrama drama_id MISSING_REQUIRED", "commitupload media_part_infos[0].crc UNKNOWN_FIELD",
                        "getmedia media_id WRONG_TYPE"),
                listed.getJsonArray("wire_problems").getValuesAs(JsonObject.class).stream()
                        .map(o -> o.getString("operation") + " " + o.getString("field") + " " + o.getString("kind")).toList());
        assertEquals(emulator.wireProblems().stream().map(WireProblem::detail).toList(),
                listed.getJsonArray("wire_problems").getValuesAs(JsonObject.class).stream().map(o -> o.getString("detail")).toList());
        assertTrue(call("POST", "/__emulator/wire-problems/clear", "").getBoolean("ok"));
        assertEquals(List.of(), emulator.wireProblems());
    }

    @Test
    void aMultipartUpload_withAPartNumberThatIsNotDigits_isAWrongType() throws Exception {
        String upload = op("applyupload", "{\"media_name\":\"演艺 - 第1集\",\"media_type\":\"MP4\"}").getString("upload_id");
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload_id\"\r\n\r\n" + upload + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"part_number\"\r\n\r\none\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"resource_type\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"p1\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nabc\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/wxa/sec/vod/uploadpart?access_token=" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(r.body().contains("\"errcode\":47003"), r.body());
        assertEquals(List.of(new WireProblem("uploadpart", "part_number", Kind.WRONG_TYPE,
                "expected a text form field of decimal digits, got \"one\"")), emulator.wireProblems());
    }

    @Test
    void theTokenEndpoint_aMissingAppid_keeps41002_andIsRecorded() throws Exception {
        JsonObject r = call("POST", "/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"secret\":\"s\"}");

        assertEquals(41002, r.getInt("errcode"));
        assertEquals(List.of(new WireProblem("/cgi-bin/stable_token", "appid", Kind.MISSING_REQUIRED, "appid is required (a JSON string)")),
                emulator.wireProblems());
    }

    @Test
    void aWellFormedRequest_recordsNothing() throws Exception {
        assertEquals(0, op("listdramas", "{\"limit\":10,\"offset\":0}").getInt("errcode"));
        assertEquals(0, op("getauthorizeapps", "{}").getInt("errcode"));

        assertEquals(List.of(), emulator.wireProblems());
    }
}

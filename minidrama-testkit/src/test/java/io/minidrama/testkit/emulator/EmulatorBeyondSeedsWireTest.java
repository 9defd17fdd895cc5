package io.minidrama.testkit.emulator;

import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operations beyond the seeds (API.md §7) on the wire, as curl or another language would call them. */
@MiniDramaTest(emulator = true, clockStart = "2025-03-01T00:00:00Z")
class EmulatorBeyondSeedsWireTest {
    MiniDramaEmulator emulator;
    MutableClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void token() throws Exception {
        token = call("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"s\"}")
                .getString("access_token");
    }

    private JsonObject call(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject op(String op, String body) throws Exception {
        return call("/wxa/sec/vod/" + op + "?access_token=" + token, body);
    }

    private DramaId approvedDrama() {
        MediaId ep = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        DramaId id = emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(ep)).build());
        emulator.control().approveDrama(id);
        return id;
    }

    @Test
    void getauthorizeapps_withAnEmptyObject_answersTheObjectsList() throws Exception {
        JsonObject r = op("getauthorizeapps", "{}");

        assertEquals(0, r.getInt("errcode"));
        assertEquals(0, r.getJsonArray("objects").size());
    }

    @Test
    void getauthorizedapps_withAnEmptyObject_answersTheAuthorizersUnderThePagesFieldNames() throws Exception {
        emulator.control().receiveAppGrant(AppId.of("wx9876543210fedcba"), Expiry.PERMANENT);

        JsonObject r = op("getauthorizedapps", "{}");

        assertEquals(0, r.getInt("errcode"), r.toString());
        JsonObject row = r.getJsonArray("objects").getJsonObject(0);
        assertEquals(Set.of("authorizer_appid", "authorized_time", "authz_expire_time"), row.keySet());
        assertEquals("wx9876543210fedcba", row.getString("authorizer_appid"));
        assertEquals(clock.instant().getEpochSecond(), row.getJsonNumber("authorized_time").longValue());
        assertEquals(0, row.getInt("authz_expire_time"));
    }

    @Test
    void getauthorizedapps_withAField_isRefusedWith47003() throws Exception {
        JsonObject r = op("getauthorizedapps", "{\"authorizer_appid\":\"wx9876543210fedcba\"}");

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("authorizer_appid"), r.toString());
    }

    @Test
    void getauthorizedapps_withAnArray_isRefusedAsNotJsonObject() throws Exception {
        JsonObject r = op("getauthorizedapps", "[]");

        assertEquals(47001, r.getInt("errcode"));
    }

    @Test
    void authorizedrama_answersOneResultPerDrama() throws Exception {
        DramaId id = approvedDrama();

        JsonObject r = op("authorizedrama", "{\"drama_id\":[" + id + ",777],\"authorized_appid\":\"wxgrantee000000001\"}");

        assertEquals(0, r.getInt("errcode"), r.toString());
        assertEquals(0, r.getJsonArray("result").getJsonObject(0).getInt("errcode"));
        assertEquals(10093030, r.getJsonArray("result").getJsonObject(1).getInt("errcode"));
        JsonObject listed = op("getauthorizeobjects", "{\"offset\":0,\"limit\":10}");
        assertEquals(1, listed.getInt("total_count"));
        assertEquals("wxgrantee000000001", listed.getJsonArray("objects").getJsonObject(0).getString("authorized_appid"));
        assertEquals(0, listed.getJsonArray("objects").getJsonObject(0).getInt("authz_expire_time"));
    }

    @Test
    void authorizedrama_expiringInThreeDays_isArgumentInvalid() throws Exception {
        long soon = clock.instant().plus(Duration.ofDays(3)).getEpochSecond();

        JsonObject r = op("authorizedrama", "{\"drama_id\":[1],\"authorized_appid\":\"wxgrantee000000001\",\"authz_expire_time\":" + soon + "}");

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("R-24"), r.getString("errmsg"));
    }

    @Test
    void authorizecopyright_namingBothGrantees_isArgumentInvalid() throws Exception {
        JsonObject r = op("authorizecopyright", "{\"authorization_type\":1,\"authorized_subject_cert_no\":\"91310000MA1FL8T219\","
                + "\"authorized_appid\":\"wxgrantee000000001\",\"drama_ids\":[1]}");

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("R-26"), r.getString("errmsg"));
    }

    @Test
    void authorizecopyright_withABadCheckCharacter_isArgumentInvalid() throws Exception {
        JsonObject r = op("authorizecopyright", "{\"authorization_type\":1,\"authorized_subject_cert_no\":\"91310000MA1FL8T210\"}");

        assertEquals(47003, r.getInt("errcode"));
    }

    @Test
    void listpackages_withoutLimit_isArgumentInvalid() throws Exception {
        assertEquals(47003, op("listpackages", "{\"status\":0,\"offset\":0}").getInt("errcode"));
        assertEquals(0, op("listpackages", "{\"status\":0,\"offset\":0,\"limit\":10}").getInt("total_count"));
    }

    @Test
    void getdramalatestauditinfo_withAuditType4_isArgumentInvalid_andType0AnswersTheAudit() throws Exception {
        DramaId id = approvedDrama();

        assertEquals(47003, op("getdramalatestauditinfo", "{\"drama_id\":" + id + ",\"audit_type\":4}").getInt("errcode"));
        JsonObject r = op("getdramalatestauditinfo", "{\"drama_id\":" + id + ",\"audit_type\":0}");
        assertEquals(3, r.getJsonObject("audit_detail").getInt("status"));
    }

    @Test
    void submitreplacedramamedias_thenControlApproval_pushesAnAuditEventOfType2() throws Exception {
        DramaId id = approvedDrama();
        MediaId old = emulator.platform().getDrama(id).mediaIds().get(0);
        MediaId fresh = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());

        JsonObject r = op("submitreplacedramamedias", "{\"drama_id\":" + id + ",\"replace_media_list\":[{\"old\":" + old + ",\"new\":" + fresh + "}]}");
        assertEquals(0, r.getInt("errcode"), r.toString());
        JsonObject approved = call("/__emulator/dramas/" + id + "/approve-replacement", "{}");
        assertTrue(approved.getBoolean("ok"), approved.toString());

        JsonObject events = Json.createReader(new StringReader(http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/__emulator/events"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body())).readObject();
        JsonObject last = events.getJsonArray("events").getJsonObject(events.getJsonArray("events").size() - 1);
        assertEquals(2, last.getInt("audit_type"));
        assertEquals(3, last.getInt("status"));
        assertEquals(0, op("replacedramamedia", "{\"drama_id\":" + id + ",\"old_media_id\":" + old + ",\"new_media_id\":" + fresh + "}")
                .getInt("errcode"));
    }

    @Test
    void newOperations_calledWithGet_requirePost() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/wxa/sec/vod/getauthorizeapps?access_token=" + token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(r.body().contains("43002"), r.body());
    }
}

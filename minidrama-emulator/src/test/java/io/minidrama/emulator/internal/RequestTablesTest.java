package io.minidrama.emulator.internal;

import io.minidrama.emulator.WireProblem;
import io.minidrama.emulator.WireProblem.Kind;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.CdnPort;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.TrafficPackagePort;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request tables against the pages' request examples (each must pass, recording nothing), and
 * every kind of wire problem: the errcode the platform answers and the problem recorded.
 */
class RequestTablesTest {
    private final WireProblems problems = new WireProblems();

    /** Each JSON operation's request, shaped as the request example on its page (API.md points to them). */
    private static final Map<PlatformOperation, String> EXAMPLES = new java.util.HashMap<>();

    static {
        EXAMPLES.put(PlatformOperation.PULL_UPLOAD, """
                {"media_name":"我的演艺 - 第1集","media_url":"https://developers.weixin.qq.com/test.mp4",
                 "cover_url":"https://developers.weixin.qq.com/test.jpg","source_context":"xxxxx"}""");
        EXAMPLES.put(PlatformOperation.GET_TASK, "{\"task_id\":8412368}");
        EXAMPLES.put(PlatformOperation.APPLY_UPLOAD, """
                {"media_name":"我的演艺 - 第1集","media_type":"MP4","cover_type":"JPG","source_context":"xxxxx"}""");
        EXAMPLES.put(PlatformOperation.COMMIT_UPLOAD, """
                {"upload_id":"9457878","media_part_infos":[{"part_number":1,"etag":"\\"d899f1e84ad8ea2a3a5d7b2ad0f32b84\\""}],
                 "cover_part_infos":[{"part_number":1,"etag":"\\"b2cd89e12dca6e2e7e5b4f65cf12b2ad\\""}]}""");
        EXAMPLES.put(PlatformOperation.LIST_MEDIA, """
                {"drama_id":100000,"media_name":"我的演艺 - 第1集","media_name_fuzzy":"第1集","start_time":1680000000,
                 "end_time":1690000000,"limit":20,"offset":0}""");
        EXAMPLES.put(PlatformOperation.GET_MEDIA, "{\"media_id\":2569494}");
        EXAMPLES.put(PlatformOperation.GET_MEDIA_LINK, """
                {"media_id":2569494,"t":1689685871,"us":"wxa","exper":6,"rlimit":3,"whref":"a.com,*.b.com","bkref":"c.com"}""");
        EXAMPLES.put(PlatformOperation.DELETE_MEDIA, "{\"media_id\":2569494}");
        // The current schema (§6.1); the older one is below.
        EXAMPLES.put(PlatformOperation.AUDIT_DRAMA, """
                {"name":"我的演艺","media_count":2,"media_id_list":[2569494,2569495],"producer":"演艺公司",
                 "description":"一个关于演艺的故事","cover_material_id":"aGz4kwCJ9mJQ6pY5","expedited":1,
                 "qualification_type":1,"registration_number":"(沪)网剧审字(2023)第001号",
                 "qualification_certificate_material_id":"aGz4kwCJ9mJQ6pY6","drama_type":2,
                 "actor_list":{"actor":[{"name":"张三","photo_material_id":"m1","role":"主角","profile":"演员"},
                                        {"name":"李四","photo_material_id":"m2","role":"配角","profile":"演员"}]},
                 "copyright":{"copyright_role":1,"apply_for_copyright_protection":1,"copyright_verification":"1",
                              "proof_of_production":["m3"],"purchase_or_broadcast_authorization_certificate":[]},
                 "content_declared":1,"recommendations":"好看","promotion_poster_material_id":"m4",
                 "other_material_material_id":"m5"}""");
        EXAMPLES.put(PlatformOperation.LIST_DRAMAS, "{\"limit\":20,\"offset\":0}");
        EXAMPLES.put(PlatformOperation.GET_DRAMA, "{\"drama_id\":100000}");
        EXAMPLES.put(PlatformOperation.GET_CDN_USAGE_DATA, "{\"start_time\":1689609600,\"end_time\":1689696000,\"data_interval\":5}");
        EXAMPLES.put(CdnPort.GET_CDN_LOGS, "{\"start_time\":1711584000,\"end_time\":1711670400,\"query_type\":0}");
        EXAMPLES.put(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS, "{\"drama_id\":100206,\"replace_media_list\":[{\"old\":11,\"new\":12}]}");
        EXAMPLES.put(PlatformOperation.REPLACE_DRAMA_MEDIA, "{\"drama_id\":100206,\"old_media_id\":11,\"new_media_id\":12}");
        EXAMPLES.put(PlatformOperation.MODIFY_DRAMA_BASIC_INFO, """
                {"drama_id":100206,"description":"新的简介","cover_material_id":"m1","recommendations":"好看",
                 "promotion_poster_material_id":"m2","alternate_name":"演艺",
                 "actor_list":{"actor":[{"name":"张三","photo_material_id":"m1","role":"主角","profile":"演员"},
                                        {"name":"李四","photo_material_id":"m2","role":"配角","profile":"演员"}]},
                 "qualification_type":2,"cost_of_production":20,"cost_commitment_letter_material_id":"m3",
                 "other_material_material_id":"m4","producer":"演艺公司",
                 "copyright":{"copyright_role":2,"apply_for_copyright_protection":1,"copyright_verification":"2",
                              "purchase_or_broadcast_authorization_certificate":["m5"]}}""");
        EXAMPLES.put(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO, "{\"drama_id\":100206,\"audit_type\":2}");
        EXAMPLES.put(TrafficPackagePort.LIST_PACKAGES, "{\"status\":0,\"offset\":0,\"limit\":100,\"query_type\":1}");
        EXAMPLES.put(PlatformOperation.AUTHORIZE_DRAMA, "{\"authorized_appid\":\"wx*************\",\"drama_id\":[100200,100205],\"authz_expire_time\":0}");
        EXAMPLES.put(PlatformOperation.DEAUTHORIZE_DRAMA, "{\"authorized_appid\":\"wx*************\",\"drama_id\":[100200,100205]}");
        EXAMPLES.put(PlatformOperation.GET_AUTHORIZE_OBJECTS, "{\"drama_id\":100200,\"authorized_appid\":\"wx*************\",\"offset\":0,\"limit\":100}");
        EXAMPLES.put(PlatformOperation.GET_AUTHORIZED_OBJECTS, "{\"authorizer_appid\":\"wx*************\",\"offset\":0,\"limit\":100}");
        EXAMPLES.put(PlatformOperation.AUTHORIZE_APP, "{\"authorized_appid\":\"wx*************\",\"authz_expire_time\":1700000000}");
        EXAMPLES.put(PlatformOperation.DEAUTHORIZE_APP, "{\"authorized_appid\":\"wx*************\"}");
        EXAMPLES.put(PlatformOperation.GET_AUTHORIZE_APPS, "{}");
        EXAMPLES.put(PlatformOperation.GET_AUTHORIZED_APPS, "{}");
        EXAMPLES.put(PlatformOperation.AUTHORIZE_COPYRIGHT, """
                {"authorization_type":1,"authorized_subject_cert_no":"91310000MA1FL8T219","drama_ids":[100200],"expire_time":0}""");
        EXAMPLES.put(PlatformOperation.DEAUTHORIZE_COPYRIGHT, "{\"authorization_type\":2,\"authorized_appid\":\"wx*************\",\"drama_ids\":[100200]}");
        EXAMPLES.put(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST, """
                {"authorization_type":0,"authorized_appid":"wx*************","authorized_subject_cert_no":"91310000MA1FL8T219",
                 "drama_id":100200,"offset":0,"limit":100}""");
        EXAMPLES.put(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST, "{\"authorizer_appid\":\"wx*************\",\"offset\":0,\"limit\":100}");
        // The drama player (API.md §8): the pages' examples, as in the testkit's golden/player/.
        EXAMPLES.put(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH, "{\"entry_type\":1,\"switch_status\":true}");
        EXAMPLES.put(DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA, """
                {"list":[{"src_appid":"example_src_appid","drama_id":"123456","drama_name":"example_drama_1"},
                         {"src_appid":"example_src_appid","drama_id":"123457","drama_name":"example_drama_2"}]}""");
        EXAMPLES.put(DramaPlayerPort.DEVELOPER_SET_RECMD_DRAMA, """
                {"entry_type":1,"src_appid":"wx94a6522b1d640c3b","drama_id":"666666",
                 "list":[{"src_appid":"wx4f3ca6d4c2407ccc","drama_id":"266946"},{"src_appid":"wx5cefe18a7902141d","drama_id":"236424"}]}""");
        EXAMPLES.put(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA, """
                {"list":[{"src_appid":"example_src_appid","drama_id":"123456","drama_name":"example_drama_1","publish_time":1734624000}]}""");
        EXAMPLES.put(DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA, "{}");
        EXAMPLES.put(DramaPlayerPort.DEVELOPER_SET_IAA_DRAMA, """
                {"list":[{"src_appid":"example_src_appid","drama_id":"123456","iaa_type":1,"vip_flag":1}]}""");
        EXAMPLES.put(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, """
                {"list":[{"src_appid":"example_src_appid","drama_id":"123456"},{"src_appid":"example_src_appid","drama_id":"123457"}]}""");
        EXAMPLES.put(DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION, """
                {"action_type":1,"list":[{"src_appid":"example_src_appid","drama_id":"123456"}]}""");
        EXAMPLES.put(DramaPlayerPort.GET_FINDER_EVENT, "{\"event_id_list\":[]}");
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    private void check(PlatformOperation op, String body) {
        RequestCheck.json(op.wireName(), RequestTables.of(op), json(body), problems);
    }

    private WireError refused(PlatformOperation op, String body) {
        return assertThrows(WireError.class, () -> check(op, body));
    }

    private void form(PlatformOperation op, Map<String, String> texts, Set<String> files) {
        RequestCheck.form(op.wireName(), RequestTables.of(op), texts.keySet(), files, texts, problems);
    }

    // ------------------------------------------------------------ the pages' examples pass

    static List<PlatformOperation> operations() {
        return List.of(PlatformOperation.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperation_hasATable_andItsPageExamplePasses(PlatformOperation op) {
        assertTrue(RequestTables.of(op) != null, "no request table for " + op);
        switch (op.name()) {
            case "SINGLE_FILE_UPLOAD" -> form(op, Map.of("media_name", "我的演艺 - 第1集", "media_type", "MP4", "cover_type", "JPG",
                    "source_context", "xxxxx"), Set.of("media_data", "cover_data"));
            case "UPLOAD_PART" -> form(op, Map.of("upload_id", "9457878", "part_number", "1", "resource_type", "1"), Set.of("data"));
            default -> {
                assertTrue(EXAMPLES.containsKey(op), "no page example for " + op);
                assertDoesNotThrow(() -> check(op, EXAMPLES.get(op)));
            }
        }
        assertEquals(List.of(), problems.list());
    }

    @Test
    void playerTable_aDramaIdSentAsANumberAndAnUnknownField_areErrcode2AndRecorded() {
        WireError e = refused(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA,
                "{\"list\":[{\"src_appid\":\"wx94a6522b1d640c3b\",\"drama_id\":123456}],\"offset\":0}");

        assertEquals(2, e.errcode, e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid parameter: "), e.getMessage());
        assertEquals(List.of("list[0].drama_id", "offset"), problems.list().stream().map(p -> p.field()).sorted().toList());
    }

    @Test
    void playerSwitch_theStringTrueOfExample51_passes_butANumberIsRefused() {
        check(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH, "{\"entry_type\":2002,\"switch_status\":\"true\"}");

        assertEquals(2, refused(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH, "{\"entry_type\":2002,\"switch_status\":1}").errcode);
    }

    @Test
    void auditdrama_theOlderSchemaAndAResubmission_pass() {
        check(PlatformOperation.AUDIT_DRAMA, """
                {"name":"我的演艺","media_count":1,"media_id_list":[2569494],"producer":"演艺公司","description":"简介",
                 "cover_material_id":"m1","publish_license":"许可证","publish_license_material_id":"m2",
                 "authorized_material_id":"m3","expedited":0}""");
        check(PlatformOperation.AUDIT_DRAMA, "{\"drama_id\":100206,\"replace_media_list\":[{\"old\":11,\"new\":12}]}");
        check(PlatformOperation.AUDIT_DRAMA, "{\"drama_id\":100206,\"ai_software_ownership_proof\":\"m1\","
                + "\"other_platform_publication_proof\":[\"m2\"]}");

        assertEquals(List.of(), problems.list());
    }

    @Test
    void getcdnusagedata_dataIntervalAsTheTablesString_passes() {
        check(PlatformOperation.GET_CDN_USAGE_DATA, "{\"start_time\":1689609600,\"end_time\":1689696000,\"data_interval\":\"60\"}");

        assertEquals(List.of(), problems.list());
    }

    @Test
    void anIdOf19Digits_passesExactly() {
        check(PlatformOperation.GET_MEDIA, "{\"media_id\":9223372036854775807}");

        assertEquals(List.of(), problems.list());
    }

    @Test
    void tokenEndpoints_theirExamplesPass() {
        RequestCheck.json("/cgi-bin/stable_token", RequestTables.STABLE_TOKEN,
                json("{\"grant_type\":\"client_credential\",\"appid\":\"APPID\",\"secret\":\"APPSECRET\",\"force_refresh\":false}"), problems);
        Map<String, String> q = Map.of("grant_type", "client_credential", "appid", "APPID", "secret", "APPSECRET");
        RequestCheck.form("/cgi-bin/token", RequestTables.CLASSIC_TOKEN, q.keySet(), Set.of(), q, problems);

        assertEquals(List.of(), problems.list());
    }

    // ------------------------------------------------------------ each kind of problem

    @Test
    void anUnknownField_is47003_andRecorded() {
        WireError e = refused(PlatformOperation.GET_MEDIA, "{\"media_id\":1,\"mediaid\":1}");

        assertEquals(47003, e.errcode);
        assertTrue(e.getMessage().startsWith("argument invalid!") && e.getMessage().contains("mediaid"), e.getMessage());
        assertEquals(List.of(new WireProblem("getmedia", "mediaid", Kind.UNKNOWN_FIELD, "the request table of getmedia has no field mediaid")),
                problems.list());
    }

    @Test
    void aKnownMisspelling_isUnknown_withItsHint() {
        WireError e = refused(PlatformOperation.GET_MEDIA_LINK, "{\"media_id\":1,\"t\":1689685871,\"expr\":6}");

        assertEquals(47003, e.errcode);
        assertTrue(e.getMessage().contains("exper"), e.getMessage());
        assertEquals(Kind.UNKNOWN_FIELD, problems.list().get(0).kind());
        assertEquals("expr", problems.list().get(0).field());
    }

    @Test
    void anIdSentAsAString_isAWrongType() {
        WireError e = refused(PlatformOperation.GET_MEDIA, "{\"media_id\":\"2569494\"}");

        assertEquals(47003, e.errcode);
        WireProblem p = problems.list().get(0);
        assertEquals(new WireProblem("getmedia", "media_id", Kind.WRONG_TYPE, p.detail()), p);
        assertTrue(p.detail().contains("a string \"2569494\""), p.detail());
    }

    @Test
    void anIdThatIsNotExactIn64Bits_isAWrongType() {
        refused(PlatformOperation.GET_MEDIA, "{\"media_id\":1.2345678901234567E18}");
        refused(PlatformOperation.GET_MEDIA, "{\"media_id\":9223372036854775808}");
        refused(PlatformOperation.GET_MEDIA, "{\"media_id\":2569494.0}");
        refused(PlatformOperation.GET_MEDIA, "{\"media_id\":null}");

        assertEquals(4, problems.list().size());
        assertTrue(problems.list().stream().allMatch(p -> p.kind() == Kind.WRONG_TYPE && p.field().equals("media_id")), problems.list().toString());
    }

    @Test
    void aStringSentAsANumber_andAListSentAsOneId_areWrongTypes() {
        refused(PlatformOperation.APPLY_UPLOAD, "{\"media_name\":\"a - 第1集\",\"media_type\":4}");
        refused(PlatformOperation.AUTHORIZE_DRAMA, "{\"authorized_appid\":\"wx1\",\"drama_id\":100200}");

        assertEquals(List.of("media_type", "drama_id"), problems.list().stream().map(WireProblem::field).toList());
        assertTrue(problems.list().stream().allMatch(p -> p.kind() == Kind.WRONG_TYPE));
    }

    @Test
    void aMissingRequiredField_is47003_andRecorded() {
        WireError e = refused(TrafficPackagePort.LIST_PACKAGES, "{\"status\":0,\"offset\":0}");

        assertEquals(47003, e.errcode);
        assertEquals(List.of(new WireProblem("listpackages", "limit", Kind.MISSING_REQUIRED, "limit is required (a JSON integer (no quotes, "
                + "no fraction, no exponent, within 64 bits))")), problems.list());
    }

    @Test
    void nestedFields_areCheckedWithTheirPath() {
        refused(PlatformOperation.COMMIT_UPLOAD, """
                {"upload_id":"1","media_part_infos":[{"part_number":1,"etag":"a"},{"part_number":"2"},{"part_number":3,"etag":"c","size":5}]}""");
        refused(PlatformOperation.AUDIT_DRAMA, """
                {"drama_id":1,"copyright":{"copyright_role":"1"},"actor_list":{"actor":[{"name":"a","photo_material_id":"m","role":"r",
                 "profile":"p","nickname":"n"}]},"media_id_list":[1,"2"]}""");

        assertEquals(List.of(
                        "commitupload media_part_infos[1].part_number WRONG_TYPE",
                        "commitupload media_part_infos[1].etag MISSING_REQUIRED",
                        "commitupload media_part_infos[2].size UNKNOWN_FIELD",
                        "auditdrama copyright.copyright_role WRONG_TYPE",
                        "auditdrama actor_list.actor[0].nickname UNKNOWN_FIELD",
                        "auditdrama media_id_list[1] WRONG_TYPE"),
                problems.list().stream().map(p -> p.operation() + " " + p.field() + " " + p.kind()).toList());
    }

    @Test
    void anActorListThatIsABareArray_isAWrongType() {
        refused(PlatformOperation.MODIFY_DRAMA_BASIC_INFO, "{\"drama_id\":1,\"actor_list\":[]}");

        assertEquals("actor_list", problems.list().get(0).field());
        assertEquals(Kind.WRONG_TYPE, problems.list().get(0).kind());
    }

    @Test
    void anEmptyTable_refusesAnyField() {
        WireError e = refused(PlatformOperation.GET_AUTHORIZED_APPS, "{\"authorizer_appid\":\"wx1\"}");

        assertEquals(47003, e.errcode);
        assertEquals(Kind.UNKNOWN_FIELD, problems.list().get(0).kind());
    }

    @Test
    void multipart_eachKindOfProblem() {
        assertThrows(WireError.class, () -> form(PlatformOperation.UPLOAD_PART,
                Map.of("upload_id", "1", "part_number", "one", "resource_type", "1", "partnumber", "1"), Set.of()));

        assertEquals(List.of(
                        "uploadpart part_number WRONG_TYPE",
                        "uploadpart partnumber UNKNOWN_FIELD",
                        "uploadpart data MISSING_REQUIRED"),
                problems.list().stream().map(p -> p.operation() + " " + p.field() + " " + p.kind()).toList());
    }

    @Test
    void multipart_aFileFieldSentAsText_andATextFieldSentAsAFile_areWrongTypes() {
        assertThrows(WireError.class, () -> form(PlatformOperation.SINGLE_FILE_UPLOAD,
                Map.of("media_name", "a - 第1集", "media_data", "bytes"), Set.of("media_type")));

        assertEquals(List.of("media_data WRONG_TYPE", "media_type WRONG_TYPE"),
                problems.list().stream().map(p -> p.field() + " " + p.kind()).toList());
    }

    @Test
    void tokenEndpoints_aMissingField_keepsThePlatformsOwnErrcode() {
        WireError missing = assertThrows(WireError.class, () -> RequestCheck.json("/cgi-bin/stable_token", RequestTables.STABLE_TOKEN,
                json("{\"grant_type\":\"client_credential\",\"secret\":\"s\"}"), problems));
        WireError wrong = assertThrows(WireError.class, () -> RequestCheck.json("/cgi-bin/stable_token", RequestTables.STABLE_TOKEN,
                json("{\"grant_type\":\"client_credential\",\"appid\":\"a\",\"secret\":\"s\",\"force_refresh\":\"false\"}"), problems));

        assertEquals(41002, missing.errcode);
        assertEquals(47003, wrong.errcode);
        assertEquals(List.of("appid MISSING_REQUIRED", "force_refresh WRONG_TYPE"),
                problems.list().stream().map(p -> p.field() + " " + p.kind()).toList());
    }

    @Test
    void theRecord_isBounded_andClears() {
        for (int i = 0; i < WireProblems.CAPACITY + 5; i++) {
            problems.record(new WireProblem("getmedia", "f" + i, Kind.UNKNOWN_FIELD, "-"));
        }

        assertEquals(WireProblems.CAPACITY, problems.list().size());
        assertEquals("f5", problems.list().get(0).field());
        problems.clear();
        assertEquals(List.of(), problems.list());
    }
}

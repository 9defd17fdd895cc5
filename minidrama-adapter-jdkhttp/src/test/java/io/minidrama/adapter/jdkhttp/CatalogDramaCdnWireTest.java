package io.minidrama.adapter.jdkhttp;

import io.minidrama.port.Sleeper;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.minidrama.adapter.jdkhttp.WireAssertions.CLOCK;
import static io.minidrama.adapter.jdkhttp.WireAssertions.NOW;
import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static io.minidrama.adapter.jdkhttp.WireAssertions.assertJsonCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogDramaCdnWireTest {
    private final RecordingServer server = new RecordingServer();
    private final JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

    // Shaped like the official getmedia example: file_size as a string, 64-bit ids.
    private static final String MEDIA_INFO = """
            {"media_id":2870001234567890123,"create_time":1683960092,"expire_time":4837560092,"drama_id":0,
             "file_size":"9849163","duration":60,"name":"我的演艺 - 第1集","description":"",
             "cover_url":"https://wxa.wxs.qq.com/cover.jpg","original_url":"","mp4_url":"https://m.mp4","hls_url":"",
             "audit_detail":{"status":1,"create_time":1683960100,"audit_time":0,"reason":"",
                             "evidence_material_id_list":[]}}""";

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void getMedia_decodesOfficialExampleWithFileSizeAsString() {
        server.json("/wxa/sec/vod/getmedia", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_info\":" + MEDIA_INFO + "}");

        Media media = adapter.getMedia(MediaId.of(2870001234567890123L));

        assertJsonCall(server.only("/wxa/sec/vod/getmedia"), "getmedia", "{\"media_id\":2870001234567890123}");
        assertEquals(2870001234567890123L, media.id().value());
        assertEquals(9849163L, media.fileSize());
        assertEquals(Duration.ofSeconds(60), media.duration());
        assertEquals("我的演艺 - 第1集", media.name());
        assertEquals(Instant.ofEpochSecond(1683960092), media.createTime());
        assertEquals(Instant.ofEpochSecond(4837560092L), media.expireTime());
        assertFalse(media.dramaId().isPresent());
        assertEquals("https://wxa.wxs.qq.com/cover.jpg", media.coverUrl());
        assertEquals("https://m.mp4", media.mp4Url());
        assertEquals(AuditStatus.UNDER_REVIEW, media.auditDetail().status());
        assertEquals(Instant.EPOCH, media.auditDetail().auditTime());
    }

    @Test
    void getMedia_fileSizeAsNumberAndAbsentAuditDetail_areTolerated() {
        server.json("/wxa/sec/vod/getmedia", """
                {"errcode":0,"errmsg":"ok","media_info":{"media_id":5,"file_size":9849163,"drama_id":"77",
                 "name":"剧 - 第2集","new_field":{"x":1}}}""");

        Media media = adapter.getMedia(MediaId.of(5));

        assertEquals(9849163L, media.fileSize());
        assertEquals(DramaId.of(77), media.dramaId().orElseThrow());
        assertEquals(AuditStatus.INVALID, media.auditDetail().status());
        assertEquals("", media.hlsUrl());
    }

    @Test
    void listMedia_sendsFiltersAndDecodesList() {
        server.json("/wxa/sec/vod/listmedia", """
                {"errcode":0,"errmsg":"ok","media_info_list":[%s,{"media_id":6,"file_size":"12",
                 "audit_detail":{"status":2,"reason":"违规","evidence_material_id_list":["ev1","ev2"]}}]}""".formatted(MEDIA_INFO));
        MediaQuery query = MediaQuery.builder().dramaId(DramaId.of(3)).name("我的演艺 - 第1集")
                .uploadedWithin(TimeWindow.of(Instant.ofEpochSecond(1680000000), Instant.ofEpochSecond(1690000000)))
                .page(PageRequest.of(20, 10)).build();

        List<Media> list = adapter.listMedia(query);

        assertJsonCall(server.only("/wxa/sec/vod/listmedia"), "listmedia", """
                {"drama_id":3,"media_name":"我的演艺 - 第1集","start_time":1680000000,"end_time":1690000000,"limit":10,"offset":20}""");
        assertEquals(2, list.size());
        assertEquals(AuditStatus.REJECTED, list.get(1).auditDetail().status());
        assertEquals(List.of(MaterialId.of("ev1"), MaterialId.of("ev2")), list.get(1).auditDetail().evidenceMaterialIds());
        assertEquals("违规", list.get(1).auditDetail().reason());
    }

    // The official request table with media_name_fuzzy (API.md §9.2); the answer carries total_count,
    // which the table does not list.
    @Test
    void listMedia_fuzzySearch_sendsMediaNameFuzzyNotAPercentPattern_andToleratesTotalCount() {
        server.json("/wxa/sec/vod/listmedia", """
                {"errcode":0,"errmsg":"ok","total_count":2,"media_info_list":[%s,{"media_id":6,"name":"我的演艺 - 第2集"}]}"""
                .formatted(MEDIA_INFO));

        List<Media> list = adapter.listMedia(MediaQuery.builder().nameFuzzy("我的演艺").build());

        assertJsonCall(server.only("/wxa/sec/vod/listmedia"), "listmedia", """
                {"media_name_fuzzy":"我的演艺","limit":100,"offset":0}""");
        assertEquals(List.of("我的演艺 - 第1集", "我的演艺 - 第2集"), list.stream().map(Media::name).toList());
    }

    @Test
    void listMedia_whenMediaNameCarriesAPercentWildcard_refusesBeforeSendingR21() {
        assertThrows(InvalidRequestException.class, () -> adapter.listMedia(MediaQuery.builder().name("我的演艺%").build()));

        assertEquals(0, server.requests("/wxa/sec/vod/listmedia").size());
    }

    @Test
    void listMedia_withoutFilters_sendsOnlyThePage_andAbsentListIsEmpty() {
        server.json("/wxa/sec/vod/listmedia", "{\"errcode\":0,\"errmsg\":\"ok\"}");

        assertTrue(adapter.listMedia(MediaQuery.all()).isEmpty());
        assertJsonCall(server.only("/wxa/sec/vod/listmedia"), "listmedia", "{\"limit\":100,\"offset\":0}");
    }

    // The official request table names the preview field exper (API.md §9.1); expr is not documented.
    @Test
    void getPlayLink_sendsThePreviewAsExperNeverExpr() {
        server.json("/wxa/sec/vod/getmedialink", """
                {"errcode":0,"errmsg":"ok","media_info":{"media_id":28180,"duration":120,"name":"我的演艺 - 第1集",
                 "description":"","cover_url":"https://c","mp4_url":"https://m.mp4","hls_url":"https://h.m3u8"}}""");

        adapter.getPlayLink(PlayLinkRequest.builder(MediaId.of(28180)).expiresIn(Duration.ofHours(1)).previewSeconds(30).build(CLOCK));

        JsonObject body = WireAssertions.parse(server.only("/wxa/sec/vod/getmedialink").bodyText());
        assertEquals(30, body.getInt("exper"));
        assertFalse(body.containsKey("expr"), body.toString());
    }

    @Test
    void getPlayLink_sendsExpiryAndCommaSeparatedDomains() {
        server.json("/wxa/sec/vod/getmedialink", """
                {"errcode":0,"errmsg":"ok","media_info":{"media_id":28180,"duration":120,"name":"我的演艺 - 第1集",
                 "description":"d","cover_url":"https://c","mp4_url":"https://m.mp4","hls_url":"https://h.m3u8"}}""");
        PlayLinkRequest request = PlayLinkRequest.builder(MediaId.of(28180)).expiresIn(Duration.ofHours(1)).us("chan1")
                .rlimit(3).whref(List.of("abc.com", "*.def.com")).bkref(List.of("bad.com")).previewSeconds(30).build(CLOCK);

        PlayLink link = adapter.getPlayLink(request);

        assertJsonCall(server.only("/wxa/sec/vod/getmedialink"), "getmedialink", """
                {"media_id":28180,"t":%d,"us":"chan1","exper":30,"rlimit":3,"whref":"abc.com,*.def.com","bkref":"bad.com"}"""
                .formatted(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        assertEquals(Duration.ofSeconds(120), link.duration());
        assertEquals("https://m.mp4", link.mp4Url());
        assertEquals("https://h.m3u8", link.hlsUrl());
        assertEquals(MediaId.of(28180), link.mediaId());
    }

    @Test
    void getPlayLink_minimalRequest_sendsIdAndExpiryOnly() {
        server.json("/wxa/sec/vod/getmedialink", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_info\":{\"media_id\":9}}");
        adapter.getPlayLink(PlayLinkRequest.builder(MediaId.of(9)).expiresIn(Duration.ofMinutes(10)).build(CLOCK));

        assertJsonCall(server.only("/wxa/sec/vod/getmedialink"), "getmedialink",
                "{\"media_id\":9,\"t\":" + NOW.plusSeconds(600).getEpochSecond() + "}");
    }

    @Test
    void deleteMedia_sendsMediaId() {
        adapter.deleteMedia(MediaId.of(2870001234567890123L));

        assertJsonCall(server.only("/wxa/sec/vod/deletemedia"), "deletemedia", "{\"media_id\":2870001234567890123}");
    }

    @Test
    void submit_olderSchemaWithPublishLicence_sendsItsFields() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":1001}");
        FirstSubmission s = FirstSubmission.builder().name("我的演艺").mediaIds(List.of(MediaId.of(11), MediaId.of(12)))
                .producer("某某影视").description("简介").coverMaterialId(MaterialId.of("cover_mat"))
                .qualification(new Qualification.PublishLicense("(沪)网剧审字(2023)第001号", MaterialId.of("lic_mat")))
                .authorizedMaterialId(MaterialId.of("auth_mat")).expedited(true).build();

        DramaId id = adapter.submit(s);

        assertEquals(1001L, id.value());
        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama", """
                {"name":"我的演艺","media_count":2,"media_id_list":[11,12],"producer":"某某影视","description":"简介",
                 "cover_material_id":"cover_mat","publish_license":"(沪)网剧审字(2023)第001号",
                 "publish_license_material_id":"lic_mat","authorized_material_id":"auth_mat","expedited":1}""");
    }

    @Test
    void submit_olderSchemaWithRegistrationNumber_sendsRegistrationNumber() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":1002}");
        adapter.submit(FirstSubmission.builder().name("剧").mediaIds(List.of(MediaId.of(1))).producer("p").description("d")
                .coverMaterialId(MaterialId.of("c")).qualification(new Qualification.RegistrationNumber("REG-1"))
                .producerIsMiniProgramEntity().build());

        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama", """
                {"name":"剧","media_count":1,"media_id_list":[1],"producer":"p","description":"d",
                 "cover_material_id":"c","registration_number":"REG-1","expedited":0}""");
    }

    @Test
    void submit_currentSchemaLiveAction_sendsQualificationActorsAndCopyright() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":1003}");
        FirstSubmission s = FirstSubmission.builder().name("新剧").mediaIds(List.of(MediaId.of(21), MediaId.of(22)))
                .producer("制作方").description("描述").coverMaterialId(MaterialId.of("cov"))
                .qualification(new Qualification.Licensed("V123456788888888", MaterialId.of("cert")))
                .dramaType(DramaType.LIVE_ACTION)
                .actors(List.of(new Actor("张三", MaterialId.of("p1"), "男主", "演员简介一"),
                        new Actor("Li Si", MaterialId.of("p2"), "女主", "演员简介二")))
                .copyright(Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS,
                        List.of(MaterialId.of("proof1")), List.of(MaterialId.of("buy1"))))
                .recommendations("好看").promotionPosterMaterialId(MaterialId.of("poster"))
                .containsAiContent(true).otherMaterialId(MaterialId.of("other"))
                .build();

        adapter.submit(s);

        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama", """
                {"name":"新剧","media_count":2,"media_id_list":[21,22],"producer":"制作方","description":"描述",
                 "cover_material_id":"cov","expedited":0,
                 "qualification_type":1,"registration_number":"V123456788888888","qualification_certificate_material_id":"cert",
                 "drama_type":2,
                 "actor_list":{"actor":[{"name":"张三","photo_material_id":"p1","role":"男主","profile":"演员简介一"},
                                        {"name":"Li Si","photo_material_id":"p2","role":"女主","profile":"演员简介二"}]},
                 "copyright":{"copyright_role":1,"apply_for_copyright_protection":1,"copyright_verification":"1",
                              "proof_of_production":["proof1"],"purchase_or_broadcast_authorization_certificate":["buy1"]},
                 "content_declared":1,"recommendations":"好看","promotion_poster_material_id":"poster",
                 "other_material_material_id":"other"}""");
    }

    @Test
    void submit_currentSchemaLowCostAnimated_sendsCostAndNoActors() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":1004}");
        adapter.submit(FirstSubmission.builder().name("动画").mediaIds(List.of(MediaId.of(31))).producer("p").description("d")
                .coverMaterialId(MaterialId.of("c")).qualification(new Qualification.LowCost(50, MaterialId.of("letter")))
                .dramaType(DramaType.ANIMATED).copyright(Copyright.withoutProtection(Copyright.Role.LICENSEE))
                .authorizedMaterialId(MaterialId.of("auth")).build());

        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama", """
                {"name":"动画","media_count":1,"media_id_list":[31],"producer":"p","description":"d","cover_material_id":"c",
                 "expedited":0,"qualification_type":2,"cost_of_production":50,"cost_commitment_letter_material_id":"letter",
                 "drama_type":1,"copyright":{"copyright_role":2,"apply_for_copyright_protection":0},
                 "authorized_material_id":"auth"}""");
    }

    @Test
    void submit_resubmission_sendsDramaIdChangedFieldsAndReplacements() {
        server.json("/wxa/sec/vod/auditdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_id\":1001}");
        Resubmission r = Resubmission.builder(DramaId.of(1001)).description("新描述")
                .replacements(List.of(new MediaReplacement(MediaId.of(11), MediaId.of(99)))).build();

        assertEquals(1001L, adapter.submit(r).value());
        assertJsonCall(server.only("/wxa/sec/vod/auditdrama"), "auditdrama",
                "{\"drama_id\":1001,\"description\":\"新描述\",\"replace_media_list\":[{\"old\":11,\"new\":99}]}");
    }

    private static final String DRAMA_INFO = """
            {"drama_id":1001,"create_time":1683960092,"name":"我的演艺","playwright":"编剧","producer":"制作方",
             "production_license":"证号","cover_url":"https://c.jpg","media_count":2,"description":"d",
             "media_list":[{"media_id":11},{"media_id":12}],
             "audit_detail":{"status":3,"create_time":1683960100,"audit_time":1683970100},"expedited":1,
             "status":0,"recommendations":"推荐","promotion_poster":"https://p.jpg",
             "actor_list":{"actor":[{"name":"张三"}]}}""";

    @Test
    void getDrama_decodesDramaInfoIgnoringNewerFields() {
        server.json("/wxa/sec/vod/getdrama", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_info\":" + DRAMA_INFO + "}");

        Drama d = adapter.getDrama(DramaId.of(1001));

        assertJsonCall(server.only("/wxa/sec/vod/getdrama"), "getdrama", "{\"drama_id\":1001}");
        assertEquals("我的演艺", d.name());
        assertEquals(List.of(MediaId.of(11), MediaId.of(12)), d.mediaIds());
        assertEquals(AuditStatus.APPROVED, d.status());
        assertEquals(Instant.ofEpochSecond(1683970100), d.auditDetail().auditTime());
        assertTrue(d.expedited());
        assertEquals("证号", d.productionLicense());
        assertEquals("编剧", d.playwright());
        assertEquals("推荐", d.recommendations());
    }

    @Test
    void listDramas_sendsPageAndDecodesList() {
        server.json("/wxa/sec/vod/listdramas", "{\"errcode\":0,\"errmsg\":\"ok\",\"drama_info_list\":[" + DRAMA_INFO + "]}");

        List<Drama> list = adapter.listDramas(PageRequest.of(0, 50));

        assertJsonCall(server.only("/wxa/sec/vod/listdramas"), "listdramas", "{\"limit\":50,\"offset\":0}");
        assertEquals(1, list.size());
        assertEquals(DramaId.of(1001), list.get(0).id());
    }

    @Test
    void getCdnUsage_sendsWindowAndInterval_decodesItems() {
        server.json("/wxa/sec/vod/getcdnusagedata", """
                {"errcode":0,"errmsg":"ok","data_interval":60,
                 "item_list":[{"time":1716768000,"value":1024},{"time":1716771600,"value":"2048"}]}""");
        TimeWindow window = TimeWindow.of(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

        CdnUsage usage = adapter.getCdnUsage(CdnUsageQuery.of(window, DataInterval.HOUR, CLOCK));

        assertJsonCall(server.only("/wxa/sec/vod/getcdnusagedata"), "getcdnusagedata",
                "{\"start_time\":%d,\"end_time\":%d,\"data_interval\":60}".formatted(window.startEpochSecond(), window.endEpochSecond()));
        assertEquals(DataInterval.HOUR, usage.interval());
        assertEquals(2, usage.points().size());
        assertEquals(3072L, usage.total());
        assertEquals(Instant.ofEpochSecond(1716768000), usage.points().get(0).time());
    }

    // The official request example sends data_interval as the number 5 (the table types it string).
    @Test
    void getCdnUsage_officialExample_sendsDataIntervalAsANumberAndDecodesItems() {
        server.json("/wxa/sec/vod/getcdnusagedata", """
                {"errcode":0,"errmsg":"ok","data_interval":5,
                 "item_list":[{"time":1682870400,"value":1024},{"time":1682870700,"value":2048}]}""");
        TimeWindow window = TimeWindow.of(Instant.ofEpochSecond(1682870400), Instant.ofEpochSecond(1682956800));
        Clock then = Clock.fixed(Instant.ofEpochSecond(1683000000), ZoneOffset.UTC);

        CdnUsage usage = adapter.getCdnUsage(CdnUsageQuery.of(window, DataInterval.FIVE_MINUTES, then));

        assertJsonCall(server.only("/wxa/sec/vod/getcdnusagedata"), "getcdnusagedata",
                "{\"start_time\":1682870400,\"end_time\":1682956800,\"data_interval\":5}");
        assertEquals(DataInterval.FIVE_MINUTES, usage.interval());
        assertEquals(3072L, usage.total());
    }

    @Test
    void getCdnUsage_sendsQueryTypeAndAcceptsDataIntervalAsAString() {
        server.json("/wxa/sec/vod/getcdnusagedata", """
                {"errcode":0,"errmsg":"ok","data_interval":"60","item_list":[{"time":1716768000,"value":7}]}""");
        TimeWindow window = TimeWindow.of(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));

        CdnUsage usage = adapter.getCdnUsage(CdnUsageQuery.of(window, DataInterval.DAY, CdnQueryType.PLAYER_DIRECTED, CLOCK));

        assertJsonCall(server.only("/wxa/sec/vod/getcdnusagedata"), "getcdnusagedata",
                "{\"start_time\":%d,\"end_time\":%d,\"data_interval\":1440,\"query_type\":1}"
                        .formatted(window.startEpochSecond(), window.endEpochSecond()));
        assertEquals(DataInterval.HOUR, usage.interval());
    }

    // Shaped like the official getcdnlogs example: date "2024-03-28" as a string, and an hour served
    // by two domains (one file each).
    @Test
    void getCdnLogs_officialExample_sendsNoPagingAndDecodesStringDatesAndSeveralFilesPerHour() {
        server.json("/wxa/sec/vod/getcdnlogs", """
                {"errcode":0,"errmsg":"ok","total_count":3,"domestic_cdn_logs":[
                 {"date":"2024-03-28","name":"2024032810-a.vod.example.com.gz","url":"https://log/1","start_time":1711591200,"end_time":1711594800},
                 {"date":"2024-03-28","name":"2024032810-b.vod.example.com.gz","url":"https://log/2","start_time":1711591200,"end_time":1711594800},
                 {"date":"2024-03-28","name":"2024032811-a.vod.example.com.gz","url":"https://log/3","start_time":1711594800,"end_time":1711598400}]}""");
        TimeWindow window = TimeWindow.of(Instant.ofEpochSecond(1711584000), Instant.ofEpochSecond(1711670400));
        Clock then = Clock.fixed(Instant.ofEpochSecond(1711700000), ZoneOffset.UTC);

        CdnLogs logs = adapter.getCdnLogs(CdnLogQuery.of(window, then));

        assertJsonCall(server.only("/wxa/sec/vod/getcdnlogs"), "getcdnlogs", "{\"start_time\":1711584000,\"end_time\":1711670400}");
        assertEquals(3L, logs.totalCount());
        assertEquals(3, logs.files().size());
        assertTrue(logs.files().stream().allMatch(f -> f.date().equals(LocalDate.of(2024, 3, 28))));
        assertEquals(logs.files().get(0).startTime(), logs.files().get(1).startTime(), "two files of one hour");
        assertEquals("2024032810-b.vod.example.com.gz", logs.files().get(1).name());
        assertEquals("https://log/3", logs.files().get(2).url());
    }

    @Test
    void getCdnLogs_sendsQueryTypeAndDecodesNumberDates() {
        server.json("/wxa/sec/vod/getcdnlogs", """
                {"errcode":0,"errmsg":"ok","total_count":2,"domestic_cdn_logs":[
                 {"date":20240530,"name":"a","url":"https://log/1","start_time":1717034400,"end_time":1717038000},
                 {"date":"20240530","name":"b","url":"https://log/2","start_time":1717038000,"end_time":1717041600}]}""");
        TimeWindow window = TimeWindow.of(NOW.minus(Duration.ofDays(2)), NOW);

        CdnLogs logs = adapter.getCdnLogs(CdnLogQuery.of(window, CdnQueryType.GENERAL, CLOCK));

        assertJsonCall(server.only("/wxa/sec/vod/getcdnlogs"), "getcdnlogs",
                "{\"start_time\":%d,\"end_time\":%d,\"query_type\":2}".formatted(window.startEpochSecond(), window.endEpochSecond()));
        assertEquals(LocalDate.of(2024, 5, 30), logs.files().get(0).date());
        assertEquals(LocalDate.of(2024, 5, 30), logs.files().get(1).date());
        assertEquals(Instant.ofEpochSecond(1717038000), logs.files().get(0).endTime());
    }

    @Test
    void getCdnLogs_whenADateIsNoDay_isAnUnmappableResponseNotRetriedAndNotATransportFailure() {
        server.json("/wxa/sec/vod/getcdnlogs", """
                {"errcode":0,"errmsg":"ok","total_count":1,"domestic_cdn_logs":[{"date":"yesterday","name":"a","url":"https://log/1"}]}""");
        TimeWindow window = TimeWindow.of(NOW.minus(Duration.ofHours(3)), NOW);

        MiniDramaException e = assertThrows(MiniDramaException.class, () -> adapter.getCdnLogs(CdnLogQuery.of(window, CLOCK)));

        UnexpectedResponseException u = assertInstanceOf(UnexpectedResponseException.class, e);
        assertFalse(e instanceof TransportException);
        assertEquals(UnexpectedResponseException.Kind.UNMAPPABLE, u.kind());
        assertFalse(io.minidrama.port.RetryPolicy.defaults().delayBeforeRetry(io.minidrama.port.CdnPort.GET_CDN_LOGS, u, 1,
                Duration.ZERO, 0.5).isPresent());
        assertEquals(1, server.requests("/wxa/sec/vod/getcdnlogs").size(), "the same answer would come again: not retried");
    }
}

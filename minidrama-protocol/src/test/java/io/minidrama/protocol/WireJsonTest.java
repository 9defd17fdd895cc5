package io.minidrama.protocol;

import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.port.CdnPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.TrafficPackagePort;
import io.minidrama.protocol.internal.Json;
import io.minidrama.protocol.internal.Mapping;
import io.minidrama.protocol.internal.dto.VodWire;
import io.minidrama.protocol.internal.dto.Wire;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The platform's answers, decoded to domain values and written back by {@link WireJson}: every
 * field the wire types know comes back under its own name and type, so {@code --json} prints what
 * the platform sent.
 */
class WireJsonTest {

    private static JsonObject parse(String json) {
        return jakarta.json.Json.createReader(new StringReader(json)).readObject();
    }

    // Shaped like the official getmedia example: file_size as a string, a 19-digit id.
    private static final String MEDIA_INFO = """
            {"media_id":2870001234567890123,"create_time":1683960092,"expire_time":4837560092,"drama_id":0,
             "file_size":"9849163","duration":60,"name":"我的演艺 - 第1集","description":"",
             "cover_url":"https://wxa.wxs.qq.com/cover.jpg","original_url":"","mp4_url":"https://m.mp4","hls_url":"",
             "audit_detail":{"status":1,"create_time":1683960100,"audit_time":0,"reason":"",
                             "evidence_material_id_list":["m1"]}}""";

    @Test
    void media_roundTripsTheOfficialExampleFieldByField() {
        Media media = Mapping.media(Json.fromJson(MEDIA_INFO, Wire.MediaInfo.class));

        assertEquals(parse(MEDIA_INFO), parse(WireJson.toJson(media)));
    }

    @Test
    void drama_keepsRecommendations() {
        String info = """
                {"drama_id":1001,"create_time":1683960092,"name":"我的演艺","playwright":"编剧","producer":"制作方",
                 "production_license":"证号","cover_url":"https://c.jpg","media_count":2,"description":"d",
                 "media_list":[{"media_id":11},{"media_id":12}],
                 "audit_detail":{"status":3,"create_time":1683960100,"audit_time":1683970100},"expedited":1,
                 "recommendations":"推荐"}""";
        Drama drama = Mapping.drama(Json.fromJson(info, Wire.DramaInfo.class));

        JsonObject written = parse(WireJson.toJson(drama));

        assertEquals(parse(info), written);
        assertEquals("推荐", written.getString("recommendations"));
    }

    @Test
    void cdnLogs_writeTheDayAsTheOfficialString() {
        String body = """
                {"total_count":2,"domestic_cdn_logs":[
                 {"date":"2024-03-28","name":"a.gz","url":"https://log/1","start_time":1711591200,"end_time":1711594800},
                 {"date":20240328,"name":"b.gz","url":"https://log/2","start_time":1711591200,"end_time":1711594800}]}""";
        CdnLogs logs = VodWire.cdnLogs(Json.fromJson(body, VodWire.CdnLogsResponse.class));

        JsonObject written = parse(WireJson.toJson(logs));

        assertEquals(parse(body.replace("20240328", "\"2024-03-28\"")), written);
        assertEquals(written, parse(WireJson.toJson(CdnPort.GET_CDN_LOGS, logs)));
    }

    @Test
    void packages_writeOrderIdAsStringAndIsDeletedAsZeroOrOne() {
        String body = """
                {"total_count":2,"package_list":[
                  {"package_id":"pkg_001","order_id":"4200002079202312011234567890","start_time":1700000000,"end_time":1731536000,
                   "used":300,"all":1024,"status":1,"is_deleted":0},
                  {"package_id":"pkg_002","order_id":"42001","start_time":1690000000,"end_time":1700000000,
                   "used":1024,"all":1024,"status":3,"is_deleted":1}]}""";
        TrafficPackages packages = VodWire.packages(Json.fromJson(body, VodWire.ListPackagesResponse.class));

        assertEquals(parse(body), parse(WireJson.toJson(packages)));
        assertEquals(parse(body), parse(WireJson.toJson(TrafficPackagePort.LIST_PACKAGES, packages)));
    }

    @Test
    void latestAudit_writesTheAuditDetailAndReadsItBack() {
        String body = "{\"audit_detail\":{\"status\":3,\"create_time\":1700000000,\"audit_time\":1700003600}}";
        DramaAuditDetail detail = VodWire.latestAudit(Json.fromJson(body, VodWire.LatestAuditResponse.class));

        assertEquals(AuditStatus.of(3), detail.status());
        assertEquals(parse(body), parse(WireJson.toJson(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO, detail)));
    }

    @Test
    void appGrants_nameTheGrantee_receivedOnesTheGrantor() {
        String granted = "{\"objects\":[{\"authorized_appid\":\"wx1\",\"authorized_time\":1700000000,\"authz_expire_time\":0}]}";
        String received = "{\"objects\":[{\"authorizer_appid\":\"wx2\",\"authorized_time\":1700000000,\"authz_expire_time\":0}]}";
        Wire.AuthorizeObjectsResponse g = Json.fromJson(granted, Wire.AuthorizeObjectsResponse.class);
        Wire.AuthorizeObjectsResponse r = Json.fromJson(received, Wire.AuthorizeObjectsResponse.class);

        assertEquals(parse(granted), parse(WireJson.appGrants(Mapping.appGrants(g))));
        assertEquals(parse(received), parse(WireJson.receivedAppGrants(Mapping.receivedAppGrants(r))));
    }

    @Test
    void aValueThePlatformHasNoJsonFor_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> WireJson.toJson(List.<AppGrant>of()));
        assertThrows(IllegalArgumentException.class, () -> WireJson.toJson("text"));
    }

    @Test
    void aTypedOperationsResult_isWrittenByItsCodec_inThePlatformsFieldNames() {
        List<FinderEvent> events = List.of(new FinderEvent("enc-1", "活动一", "https://e.example/1", DramaRef.reported("example_src_appid", "123456")));

        String json = WireJson.toJson(DramaPlayerPort.GET_FINDER_EVENT, events);

        assertEquals(parse("""
                {"finder_event_list":[{"src_appid":"example_src_appid","drama_id":"123456","encrypted_event_id":"enc-1",
                  "event_name":"活动一","event_url":"https://e.example/1"}]}"""), parse(json));
    }

    @Test
    void aTypedOperationWithoutAResult_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> WireJson.toJson(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA, null));
    }
}

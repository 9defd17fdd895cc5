package io.minidrama.adapter.jdkhttp;

import io.minidrama.adapter.jdkhttp.MultipartParser.Part;
import io.minidrama.domain.AppId;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrant;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrantee;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrant;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.authz.UnifiedSocialCreditCode;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.DramaPublication;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.IaaType;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PromotionStatus;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.domain.player.VipFlag;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.PlatformOperation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.minidrama.adapter.jdkhttp.WireAssertions.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden fixtures (issue 14, item 1): for every operation of {@link PlatformOperation} and the two token
 * endpoints, the request and response example in {@code src/test/resources/golden/} (sources in its
 * README.md) are encoded and decoded through the public builder against a local server.
 *
 * <p>For each fixture: the domain request corresponding to {@code <op>.request.json} is sent and the captured
 * body must equal the fixture structurally (JSON-P value equality, so a number is not a string and key order
 * does not matter; multipart: the form fields, in order, with their values or file names); the server answers
 * {@code <op>.response.json} and the decoded domain value is checked field by field. A failure names the
 * operation and every differing path or field.
 */
class GoldenFixturesTest {
    private static final String VOD = PlatformOperation.PATH_PREFIX;

    // The ids the fixtures use: 19-digit values above 2^53, which a double would round.
    private static final long MEDIA = 2870001234567890123L;
    private static final long MEDIA_2 = 2870001234567890124L;
    private static final long MEDIA_NEW = 2870001234567890999L;
    private static final long DRAMA = 2870009876543210987L;
    private static final AppId GRANTEE = AppId.of("wxabcdef0123456789");
    private static final AppId GRANTOR = AppId.of("wx9876543210fedcba");
    private static final String CREDIT_CODE = "91350100M000100Y43";
    private static final Instant IN_30_DAYS = NOW.plus(Duration.ofDays(30));

    private static final Clock AT_NOW = Clock.fixed(NOW, ZoneOffset.UTC);
    // The CDN windows of the fixtures lie in the past of these clocks (R-22, R-23).
    private static final Clock CDN_USAGE_CLOCK = Clock.fixed(Instant.ofEpochSecond(1683000000), ZoneOffset.UTC);
    private static final Clock CDN_LOGS_CLOCK = Clock.fixed(Instant.ofEpochSecond(1711700000), ZoneOffset.UTC);

    /** One golden case: how to make the call the request fixture shows, and how to check the decoded answer. */
    private record Case(String wire, String path, Clock clock, boolean classicToken,
                        Function<JdkHttpMiniDramaAdapter, Object> call, BiConsumer<Object, Fields> check) {
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void vod(String wire, Clock clock, Function<JdkHttpMiniDramaAdapter, Object> call, BiConsumer<Object, Fields> check) {
        CASES.put(wire, new Case(wire, VOD + wire, clock, false, call, check));
    }

    /**
     * A drama-player case ({@code /wxadrama/*}); {@code fixture} is {@code <wirename>} or, for a second
     * example of one operation, {@code <wirename>-<variant>}.
     */
    private static void player(String fixture, Function<JdkHttpMiniDramaAdapter, Object> call, BiConsumer<Object, Fields> check) {
        String wire = fixture.contains("-") ? fixture.substring(0, fixture.indexOf('-')) : fixture;
        CASES.put(fixture, new Case(wire, PlatformOperation.of(wire).path(), AT_NOW, false, call, check));
    }

    // The player pages' examples name dramas example_src_appid/123456..: kept byte for byte, the
    // request side through DramaRef.reported (DramaRef.parse wants a real appid form, R-30).
    private static DramaRef example(String dramaId) {
        return DramaRef.reported("example_src_appid", dramaId);
    }

    private static void vod(String wire, Function<JdkHttpMiniDramaAdapter, Object> call, BiConsumer<Object, Fields> check) {
        vod(wire, AT_NOW, call, check);
    }

    private static final BiConsumer<Object, Fields> NOTHING_TO_DECODE = (v, f) -> f.eq("(no payload)", null, v);

    static {
        vod("singlefileupload", a -> a.uploadSingle(SingleFileUpload.builder().name(MediaName.of("我的演艺", 1))
                        .format(VideoFormat.MP4).video(ByteSource.ofBytes(new byte[]{1, 2, 3}, "test.mp4"))
                        .cover(CoverFormat.JPG, ByteSource.ofBytes(new byte[]{4, 5}, "wechat.jpeg")).build()),
                (v, f) -> f.eq("media_id", MediaId.of(MEDIA), v));
        vod("pullupload", a -> a.pullUpload(PullUpload.builder().name(MediaName.of("我的演艺", 1))
                        .mediaUrl("https://developers.weixin.qq.com/test.mp4").coverUrl("https://developers.weixin.qq.com/test.jpg").build()),
                (v, f) -> f.eq("task_id", TaskId.of(123456), v));
        vod("gettask", a -> a.getTask(TaskId.of(8412368)), (v, f) -> {
            Task t = (Task) v;
            f.eq("task_info.id", TaskId.of(8412368), t.id());
            f.eq("task_info.task_type", Task.PULL_UPLOAD, t.taskType());
            f.eq("task_info.status", TaskStatus.DONE, t.status());
            f.eq("task_info.errcode", 0, t.errcode());
            f.eq("task_info.errmsg", "", t.errmsg());
            f.eq("task_info.create_time", Instant.ofEpochSecond(1683960092), t.createTime());
            f.eq("task_info.finish_time", Instant.ofEpochSecond(1683960132), t.finishTime());
            f.eq("task_info.media_id", MEDIA, t.mediaIdValue());
        });
        vod("applyupload", a -> a.applyUpload(ApplyUpload.of(MediaName.of("我的演艺", 1), VideoFormat.MP4)
                        .withCover(CoverFormat.JPG)),
                (v, f) -> f.eq("upload_id", UploadId.of("9457878"), v));
        vod("uploadpart", a -> a.uploadPart(new PartUpload(UploadId.of("9457878"), 1, ResourceType.VIDEO,
                        ByteSource.ofBytes(new byte[]{1, 2, 3}, "test.mp4"))),
                (v, f) -> f.eq("etag (quotes kept)", Etag.of("\"d899b5d1a9c2a2c0d6f7e2e6a9b0c1d2\""), v));
        vod("commitupload", a -> a.commitUpload(new CommitUpload(UploadId.of("9457878"),
                        List.of(new PartInfo(1, Etag.of("\"d899b5d1a9c2a2c0d6f7e2e6a9b0c1d2\"")),
                                new PartInfo(2, Etag.of("\"e9a1b5d1a9c2a2c0d6f7e2e6a9b0c1d3\""))),
                        List.of(new PartInfo(1, Etag.of("\"c0veb5d1a9c2a2c0d6f7e2e6a9b0c1d4\""))))),
                (v, f) -> f.eq("media_id", MediaId.of(MEDIA), v));
        vod("listmedia", a -> a.listMedia(MediaQuery.builder().dramaId(DramaId.of(DRAMA)).name("我的演艺 - 第1集")
                        .uploadedWithin(TimeWindow.of(Instant.ofEpochSecond(1680000000), Instant.ofEpochSecond(1690000000)))
                        .page(PageRequest.of(0, 10)).build()),
                (v, f) -> {
                    List<?> list = (List<?>) v;
                    f.eq("media_info_list.size", 1, list.size());
                    if (!list.isEmpty()) {
                        checkMediaInfo("media_info_list[0].", (Media) list.get(0), f);
                    }
                });
        vod("getmedia", a -> a.getMedia(MediaId.of(MEDIA)), (v, f) -> checkMediaInfo("media_info.", (Media) v, f));
        vod("getmedialink", a -> a.getPlayLink(PlayLinkRequest.builder(MediaId.of(MEDIA)).expiresIn(Duration.ofHours(1))
                        .us("chan1").rlimit(3).whref(List.of("abc.com", "*.def.com")).bkref(List.of("bad.com"))
                        .previewSeconds(30).build(AT_NOW)),
                (v, f) -> {
                    PlayLink l = (PlayLink) v;
                    f.eq("media_info.media_id", MediaId.of(MEDIA), l.mediaId());
                    f.eq("media_info.duration", Duration.ofSeconds(60), l.duration());
                    f.eq("media_info.name", "我的演艺 - 第1集", l.name());
                    f.eq("media_info.description", "第一集简介", l.description());
                    f.eq("media_info.cover_url", "https://wxa.wxs.qq.com/cover.jpg", l.coverUrl());
                    f.eq("media_info.mp4_url", "https://wxa.wxs.qq.com/media.mp4?t=1717203600", l.mp4Url());
                    f.eq("media_info.hls_url", "https://wxa.wxs.qq.com/media.m3u8?t=1717203600", l.hlsUrl());
                });
        vod("deletemedia", a -> {
            a.deleteMedia(MediaId.of(28918028));
            return null;
        }, NOTHING_TO_DECODE);
        vod("auditdrama", a -> a.submit(FirstSubmission.builder().name("我的演艺")
                        .mediaIds(List.of(MediaId.of(MEDIA), MediaId.of(MEDIA_2))).producer("某某影视有限公司")
                        .description("一部都市情感短剧").coverMaterialId(MaterialId.of("cover_material_id_1"))
                        .qualification(new Qualification.Licensed("(沪)网剧审字(2023)第001号", MaterialId.of("qualification_material_id_1")))
                        .dramaType(DramaType.LIVE_ACTION)
                        .actors(List.of(new Actor("张三", MaterialId.of("photo_material_id_1"), "男主", "演员简介一"),
                                new Actor("Li Si", MaterialId.of("photo_material_id_2"), "女主", "演员简介二")))
                        .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                        .authorizedMaterialId(MaterialId.of("authorized_material_id_1"))
                        .recommendations("好看").promotionPosterMaterialId(MaterialId.of("poster_material_id_1")).build()),
                (v, f) -> f.eq("drama_id", DramaId.of(DRAMA), v));
        vod("listdramas", a -> a.listDramas(PageRequest.of(0, 20)), (v, f) -> {
            List<?> list = (List<?>) v;
            f.eq("drama_info_list.size", 1, list.size());
            if (!list.isEmpty()) {
                checkDramaInfo("drama_info_list[0].", (Drama) list.get(0), f);
            }
        });
        vod("getdrama", a -> a.getDrama(DramaId.of(DRAMA)), (v, f) -> checkDramaInfo("drama_info.", (Drama) v, f));
        vod("getcdnusagedata", CDN_USAGE_CLOCK, a -> a.getCdnUsage(CdnUsageQuery.of(
                        TimeWindow.of(Instant.ofEpochSecond(1682870400), Instant.ofEpochSecond(1682956800)),
                        DataInterval.FIVE_MINUTES, CDN_USAGE_CLOCK)),
                (v, f) -> {
                    CdnUsage u = (CdnUsage) v;
                    f.eq("data_interval", DataInterval.FIVE_MINUTES, u.interval());
                    f.eq("item_list", List.of(new CdnUsage.Point(Instant.ofEpochSecond(1682870400), 1024),
                            new CdnUsage.Point(Instant.ofEpochSecond(1682870700), 2048)), u.points());
                });
        vod("getcdnlogs", CDN_LOGS_CLOCK, a -> a.getCdnLogs(CdnLogQuery.of(
                        TimeWindow.of(Instant.ofEpochSecond(1711584000), Instant.ofEpochSecond(1711670400)), CDN_LOGS_CLOCK)),
                (v, f) -> {
                    CdnLogs l = (CdnLogs) v;
                    f.eq("total_count", 2L, l.totalCount());
                    f.eq("domestic_cdn_logs", List.of(
                            new CdnLogs.LogFile(LocalDate.of(2024, 3, 28), "2024032810-a.vod.example.com.gz", "https://log.example.com/1.gz",
                                    Instant.ofEpochSecond(1711591200), Instant.ofEpochSecond(1711594800)),
                            new CdnLogs.LogFile(LocalDate.of(2024, 3, 28), "2024032810-b.vod.example.com.gz", "https://log.example.com/2.gz",
                                    Instant.ofEpochSecond(1711591200), Instant.ofEpochSecond(1711594800))), l.files());
                });
        vod("submitreplacedramamedias", a -> {
            a.submitReplacement(new ReplacementRequest(DramaId.of(10001), List.of(
                    new MediaReplacement(MediaId.of(20001), MediaId.of(20021)), new MediaReplacement(MediaId.of(20002), MediaId.of(20022)))));
            return null;
        }, NOTHING_TO_DECODE);
        vod("replacedramamedia", a -> {
            a.applyReplacement(new ReplacementApplication(DramaId.of(DRAMA), MediaId.of(MEDIA), MediaId.of(MEDIA_NEW)));
            return null;
        }, NOTHING_TO_DECODE);
        vod("modifydramabasicinfo", a -> {
            a.modifyInfo(DramaInfoChange.builder(DramaId.of(DRAMA)).description("新简介")
                    .coverMaterialId(MaterialId.of("cover_material_id_2")).recommendations("好看")
                    .promotionPosterMaterialId(MaterialId.of("poster_material_id_2")).alternateName("别名").build());
            return null;
        }, NOTHING_TO_DECODE);
        vod("getdramalatestauditinfo", a -> a.latestAudit(new LatestAuditQuery(DramaId.of(10001), AuditType.FIRST_SUBMISSION)),
                (v, f) -> f.eq("audit_detail", new DramaAuditDetail(AuditStatus.APPROVED, Instant.ofEpochSecond(1682215878),
                        Instant.ofEpochSecond(1682235878)), v));
        vod("listpackages", a -> a.listPackages(new PackageQuery(PackageQuery.Status.ALL, 0, 100, PackageQuery.QueryType.GENERAL)),
                (v, f) -> {
                    TrafficPackages p = (TrafficPackages) v;
                    f.eq("total_count", 1L, (long) p.totalCount());
                    f.eq("package_list.size", 1, p.packages().size());
                    if (!p.packages().isEmpty()) {
                        TrafficPackage t = p.packages().get(0);
                        f.eq("package_list[0].package_id", "pkg_0001", t.packageId());
                        f.eq("package_list[0].order_id (bare 19-digit number, kept as its text)", "4200002079202312011", t.orderId());
                        f.eq("package_list[0].start_time", Instant.ofEpochSecond(1700000000), t.startTime());
                        f.eq("package_list[0].end_time", Instant.ofEpochSecond(1731536000), t.endTime());
                        f.eq("package_list[0].used", 300L, t.usedMb());
                        f.eq("package_list[0].all", 1024L, t.totalMb());
                        f.eq("package_list[0].status", 1, t.status());
                        f.eq("package_list[0].is_deleted", false, t.deleted());
                    }
                });
        vod("authorizedrama", a -> a.authorizeDramas(DramaAuthorization.of(GRANTEE,
                        List.of(DramaId.of(DRAMA), DramaId.of(100205)), Expiry.at(IN_30_DAYS, AT_NOW, "authz_expire_time"))),
                (v, f) -> f.eq("result", List.of(new AuthorizationResult(DramaId.of(DRAMA), 0, "ok"),
                        new AuthorizationResult(DramaId.of(100205), 1, "获取剧目100205失败！")), v));
        vod("deauthorizedrama", a -> a.deauthorizeDramas(new DramaDeauthorization(List.of(DramaId.of(DRAMA)), GRANTEE)),
                (v, f) -> f.eq("result", List.of(new AuthorizationResult(DramaId.of(DRAMA), 0, "ok")), v));
        vod("getauthorizeobjects", a -> a.grantedDramas(GrantedDramasQuery.all(AuthzPage.of(0, 100)).forDrama(DramaId.of(100206))),
                (v, f) -> {
                    DramaGrants g = (DramaGrants) v;
                    f.eq("total_count (absent in the example: the size of the list)", 1L, (long) g.totalCount());
                    f.eq("objects (the page's masked appid kept as text)", List.of(new DramaGrant(DramaId.of(100206), "wx**********",
                            Instant.ofEpochSecond(1702020510), Expiry.PERMANENT)), g.grants());
                });
        vod("getauthorizedobjects", a -> a.receivedDramas(ReceivedDramasQuery.all(AuthzPage.of(0, 100)).from(GRANTOR)),
                (v, f) -> {
                    DramaGrants g = (DramaGrants) v;
                    f.eq("total_count", 1L, (long) g.totalCount());
                    f.eq("objects", List.of(new DramaGrant(DramaId.of(DRAMA), "wx9876543210fedcba",
                            Instant.ofEpochSecond(1702020510), Expiry.ofEpochSecond(1733556600))), g.grants());
                });
        vod("authorizeapp", a -> {
            a.authorizeApp(new AppAuthorization(GRANTEE, Expiry.PERMANENT));
            return null;
        }, NOTHING_TO_DECODE);
        vod("deauthorizeapp", a -> {
            a.deauthorizeApp(GRANTEE);
            return null;
        }, NOTHING_TO_DECODE);
        vod("getauthorizeapps", JdkHttpMiniDramaAdapter::authorizedApps,
                (v, f) -> f.eq("objects", List.of(new AppGrant("wxabcdef0123456789", Instant.ofEpochSecond(1702020510),
                        Expiry.ofEpochSecond(1733556600))), v));
        vod("getauthorizedapps", JdkHttpMiniDramaAdapter::receivedApps,
                (v, f) -> f.eq("objects", List.of(new ReceivedAppGrant("wx9876543210fedcba", Instant.ofEpochSecond(1702020510),
                        Expiry.PERMANENT)), v));
        vod("authorizecopyright", a -> a.authorizeCopyright(new CopyrightAuthorization(
                        new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(CREDIT_CODE)), List.of(DramaId.of(DRAMA)),
                        Expiry.at(IN_30_DAYS, AT_NOW, "expire_time"))),
                (v, f) -> f.eq("result", List.of(new AuthorizationResult(DramaId.of(DRAMA), 0, "ok")), v));
        vod("deauthorizecopyright", a -> a.deauthorizeCopyright(new CopyrightDeauthorization(
                        new CopyrightGrantee.MiniProgram(GRANTEE), List.of(DramaId.of(10001), DramaId.of(10009)))),
                (v, f) -> f.eq("result", List.of(new AuthorizationResult(DramaId.of(10001), 0, "ok"),
                        new AuthorizationResult(DramaId.of(10009), 10090043, "不存在授权关系")), v));
        vod("getcopyrightauthorizationlist", a -> a.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.of(0, 100))
                        .to(new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(CREDIT_CODE))).forDrama(DramaId.of(DRAMA))),
                (v, f) -> {
                    CopyrightGrants g = (CopyrightGrants) v;
                    f.eq("total_count", 1L, (long) g.totalCount());
                    f.eq("list", List.of(new CopyrightGrant("wx9876543210fedcba", 1, "", CREDIT_CODE, DRAMA,
                            Instant.ofEpochSecond(1702020510), Expiry.PERMANENT)), g.grants());
                });
        vod("getcopyrightauthorizedlist", a -> a.receivedCopyrights(CopyrightReceivedQuery.all(AuthzPage.of(0, 2)).from(GRANTOR)),
                (v, f) -> {
                    CopyrightGrants g = (CopyrightGrants) v;
                    f.eq("total_count", 5L, (long) g.totalCount());
                    f.eq("list", List.of(new CopyrightGrant("wx9876543210fedcba", 2, "wxabcdef0123456789", "", DRAMA,
                            Instant.ofEpochSecond(1702020510), Expiry.ofEpochSecond(1733556600))), g.grants());
                });
        // The drama player (API.md §8), from the pages' own examples (golden/README.md).
        player("setplayerdramarecmdswitch", a -> {
            a.setSwitch(PlayerSwitch.END_OF_DRAMA, true);
            return null;
        }, NOTHING_TO_DECODE);
        player("developersetflushdrama", a -> {
            a.setFlushSet(FlushSet.of(List.of(new FlushDrama(example("123456"), "example_drama_1"),
                    new FlushDrama(example("123457"), "example_drama_2"), new FlushDrama(example("123458"), "example_drama_3"))));
            return null;
        }, NOTHING_TO_DECODE);
        player("developersetrecmddrama", a -> {
            a.setRecommendationPool(RecommendationPool.forDrama(RecommendationSlot.END_OF_DRAMA,
                    DramaRef.parse("wx94a6522b1d640c3b", "666666"),
                    List.of(DramaRef.parse("wx4f3ca6d4c2407ccc", "266946"), DramaRef.parse("wx5cefe18a7902141d", "236424"))));
            return null;
        }, NOTHING_TO_DECODE);
        player("developerpublishdrama", a -> {
            a.publish(PublicationBatch.of(List.of(DramaPublication.ofEpochSecond(example("123456"), "example_drama_1", 1734624000),
                    DramaPublication.ofEpochSecond(example("123457"), "example_drama_2", 1734600000))));
            return null;
        }, NOTHING_TO_DECODE);
        player("developergetpublisheddrama", JdkHttpMiniDramaAdapter::publishedDramas,
                (v, f) -> f.eq("list", List.of(new PublishedDrama(example("123456"), Instant.ofEpochSecond(1734624000)),
                        new PublishedDrama(example("123457"), Instant.ofEpochSecond(1734600000))), v));
        player("developersetiaadrama", a -> {
            a.declareMonetization(MonetizationDeclaration.of(List.of(
                    new DramaMonetization(example("123456"), IaaType.ADS_ONLY, VipFlag.MEMBERSHIP),
                    new DramaMonetization(example("123457"), IaaType.ADS_AND_PURCHASES, VipFlag.NO_MEMBERSHIP))));
            return null;
        }, NOTHING_TO_DECODE);
        player("developergetiaadrama", a -> a.monetization(MonetizationQuery.of(List.of(example("123456"), example("123457")))),
                (v, f) -> f.eq("list", List.of(new DramaMonetization(example("123456"), IaaType.ADS_ONLY, VipFlag.MEMBERSHIP),
                        new DramaMonetization(example("123457"), IaaType.ADS_AND_PURCHASES, VipFlag.NO_MEMBERSHIP)), v));
        player("batchprocessdramapromotion", a -> a.processPromotion(PromotionBatch.join(List.of(example("123456"), example("123457")))),
                (v, f) -> f.eq("list (a join answers without one)", List.of(), v));
        player("batchprocessdramapromotion-query", a -> a.processPromotion(PromotionBatch.query(List.of(example("123456"), example("123457")))),
                (v, f) -> f.eq("list", List.of(new DramaPromotion(example("123456"), PromotionStatus.NOT_IN_PLAN),
                        new DramaPromotion(example("123457"), PromotionStatus.IN_REVIEW)), v));
        player("getfinderevent", a -> a.finderEvents(FinderEventQuery.all()),
                (v, f) -> f.eq("finder_event_list", List.of(new FinderEvent("event/id", "《示例短剧》示例小程序",
                        "https://channels.weixin.qq.com/mobile/toNativeActivity.html?title=&topicType=&eventEncryptedTopicId=&authorNickname=",
                        DramaRef.reported("wx", "10000"))), v));
        // The token endpoints: the decoded token is what the next call carries in its query.
        CASES.put("stable_token", new Case("stable_token", "/cgi-bin/stable_token", AT_NOW, false, GoldenFixturesTest::callWithToken,
                (v, f) -> f.eq("access_token (as sent on the next call)", "access_token=GOLDEN_ACCESS_TOKEN_STABLE", v)));
        CASES.put("token", new Case("token", "/cgi-bin/token", AT_NOW, true, GoldenFixturesTest::callWithToken,
                (v, f) -> f.eq("access_token (as sent on the next call)", "access_token=GOLDEN_ACCESS_TOKEN_CLASSIC", v)));
    }

    private static RecordingServer current;

    private static Object callWithToken(JdkHttpMiniDramaAdapter adapter) {
        adapter.deleteMedia(MediaId.of(MEDIA));
        return current.only(VOD + "deletemedia").rawQuery();
    }

    private static void checkMediaInfo(String at, Media m, Fields f) {
        f.eq(at + "media_id", MediaId.of(MEDIA), m.id());
        f.eq(at + "create_time", Instant.ofEpochSecond(1683960092), m.createTime());
        f.eq(at + "expire_time", Instant.ofEpochSecond(4837560092L), m.expireTime());
        f.eq(at + "drama_id", java.util.Optional.of(DramaId.of(DRAMA)), m.dramaId());
        f.eq(at + "file_size (a string on the wire)", 9849163L, m.fileSize());
        f.eq(at + "duration", Duration.ofSeconds(60), m.duration());
        f.eq(at + "name", "我的演艺 - 第1集", m.name());
        f.eq(at + "description", "第一集简介", m.description());
        f.eq(at + "cover_url", "https://wxa.wxs.qq.com/cover.jpg", m.coverUrl());
        f.eq(at + "original_url", "https://wxa.wxs.qq.com/original.mp4", m.originalUrl());
        f.eq(at + "mp4_url", "https://wxa.wxs.qq.com/media.mp4", m.mp4Url());
        f.eq(at + "hls_url", "https://wxa.wxs.qq.com/media.m3u8", m.hlsUrl());
        f.eq(at + "audit_detail.status", AuditStatus.APPROVED, m.auditDetail().status());
        f.eq(at + "audit_detail.create_time", Instant.ofEpochSecond(1683960100), m.auditDetail().createTime());
        f.eq(at + "audit_detail.audit_time", Instant.ofEpochSecond(1683970100), m.auditDetail().auditTime());
        f.eq(at + "audit_detail.reason", "", m.auditDetail().reason());
        f.eq(at + "audit_detail.evidence_material_id_list", List.of(MaterialId.of("evidence_material_id_1")),
                m.auditDetail().evidenceMaterialIds());
    }

    private static void checkDramaInfo(String at, Drama d, Fields f) {
        f.eq(at + "drama_id", DramaId.of(DRAMA), d.id());
        f.eq(at + "create_time", Instant.ofEpochSecond(1683960092), d.createTime());
        f.eq(at + "name", "我的演艺", d.name());
        f.eq(at + "playwright", "编剧甲", d.playwright());
        f.eq(at + "producer", "某某影视有限公司", d.producer());
        f.eq(at + "production_license", "(沪)网剧审字(2023)第001号", d.productionLicense());
        f.eq(at + "cover_url", "https://wxa.wxs.qq.com/drama-cover.jpg", d.coverUrl());
        f.eq(at + "media_count", 2, d.mediaCount());
        f.eq(at + "description", "一部都市情感短剧", d.description());
        f.eq(at + "media_list", List.of(MediaId.of(MEDIA), MediaId.of(MEDIA_2)), d.mediaIds());
        f.eq(at + "audit_detail", new DramaAuditDetail(AuditStatus.APPROVED, Instant.ofEpochSecond(1683960100),
                Instant.ofEpochSecond(1683970100)), d.auditDetail());
        f.eq(at + "expedited", true, d.expedited());
        f.eq(at + "recommendations", "好看", d.recommendations());
    }

    /** Collects every differing field of one operation so a failure lists them all at once. */
    static final class Fields {
        private final String op;
        private final String verb;
        private final List<String> differences = new ArrayList<>();

        Fields(String op, String verb) {
            this.op = op;
            this.verb = verb;
        }

        void eq(String field, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                differences.add(field + ": expected <" + expected + "> but " + verb + " <" + actual + ">");
            }
        }

        void assertNone(String what) {
            if (!differences.isEmpty()) {
                fail(op + " " + what + " differs from the golden fixture:\n  " + String.join("\n  ", differences));
            }
        }
    }

    private final RecordingServer server = new RecordingServer();

    @AfterEach
    void stop() {
        server.close();
        current = null;
    }

    static Stream<String> fixtures() {
        return CASES.keySet().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("fixtures")
    void call_withTheGoldenRequest_sendsTheFixtureBodyAndDecodesTheFixtureResponse(String wire) {
        // wire: the fixture's name, <wirename> or <wirename>-<variant>
        Case c = CASES.get(wire);
        current = server;
        String requestFixture = fixture(wire + ".request.json");
        server.json(c.path(), fixture(wire + ".response.json"));
        JdkHttpMiniDramaAdapter.Builder builder = WireAssertions.adapterFor(server, new WireAssertions.RecordingSleeper()).clock(c.clock());
        if (c.classicToken()) {
            builder.classicTokenEndpoint();
        }
        JdkHttpMiniDramaAdapter adapter = builder.build();

        Object decoded = c.call().apply(adapter);

        RecordingServer.Recorded sent = server.only(c.path());
        Fields request = new Fields(wire, "sent");
        JsonObject expected = parse(requestFixture);
        if (expected.containsKey("fields")) {
            compareMultipart(expected, sent, request);
        } else if (expected.containsKey("query")) {
            request.eq("method", expected.getString("method"), sent.method());
            request.eq("query", queryOf(expected.getJsonObject("query")), sent.rawQuery());
        } else {
            request.eq("method", "POST", sent.method());
            request.eq("Content-Type", "application/json; charset=utf-8", sent.header("Content-Type"));
            diff("", expected, parse(sent.bodyText()), request.differences);
        }
        request.assertNone("request body (" + wire + ".request.json)");

        Fields response = new Fields(wire, "decoded");
        c.check().accept(decoded, response);
        response.assertNone("decoded response (" + wire + ".response.json)");
    }

    @Test
    void fixtures_forEveryCatalogueOperationAndBothTokenEndpoints_existWithACase() {
        Set<String> expected = new TreeSet<>(Arrays.stream(PlatformOperation.values()).map(PlatformOperation::wireName).toList());
        expected.add("stable_token");
        expected.add("token");
        assertEquals(expected, new TreeSet<>(CASES.values().stream().map(Case::wire).toList()));
        assertEquals(expected, new TreeSet<>(CASES.keySet().stream().filter(k -> !k.contains("-")).toList()),
                "each operation has a case under its own wire name (variants are <wirename>-<variant>)");
        for (String wire : expected) {
            assertNotNull(GoldenFixturesTest.class.getResource("/golden/" + wire + ".request.json"), wire + ".request.json");
            assertNotNull(GoldenFixturesTest.class.getResource("/golden/" + wire + ".response.json"), wire + ".response.json");
        }
        for (PlatformOperation op : PlatformOperation.values()) {
            boolean multipart = parse(fixture(op.wireName() + ".request.json")).containsKey("fields");
            assertEquals(op.bodyKind() == PlatformOperation.BodyKind.MULTIPART, multipart, op.wireName() + ": fixture kind");
        }
    }

    @Test
    void diff_whenANumberIsSentAsAString_reportsThePathAndBothTypes() {
        List<String> differences = new ArrayList<>();
        diff("", parse("{\"media_id\":2870001234567890123}"), parse("{\"media_id\":\"2870001234567890123\"}"), differences);
        assertEquals(List.of("media_id: expected NUMBER 2870001234567890123 but sent STRING \"2870001234567890123\""), differences);
    }

    @Test
    void diff_whenA19DigitIdWasRoundedThroughADouble_reportsIt() {
        List<String> differences = new ArrayList<>();
        diff("", parse("{\"media_id\":2870001234567890123}"), parse("{\"media_id\":2870001234567890000}"), differences);
        assertEquals(1, differences.size(), differences.toString());
    }

    private static void compareMultipart(JsonObject expected, RecordingServer.Recorded sent, Fields out) {
        String contentType = sent.header("Content-Type");
        out.eq("Content-Type", true, contentType != null && contentType.startsWith("multipart/form-data; boundary="));
        if (contentType == null) {
            return;
        }
        List<Part> parts = MultipartParser.parse(contentType, sent.body());
        JsonArray fields = expected.getJsonArray("fields");
        out.eq("form field names", fields.stream().map(v -> v.asJsonObject().getString("name")).toList(),
                parts.stream().map(Part::name).toList());
        for (JsonValue v : fields) {
            JsonObject field = v.asJsonObject();
            String name = field.getString("name");
            Part part = parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            if (part == null) {
                continue;
            }
            if (field.containsKey("filename")) {
                out.eq(name + " (file name)", field.getString("filename"), part.fileName());
            } else {
                out.eq(name + " (value)", field.getString("value"), part.text());
                out.eq(name + " (a text part has no file name)", null, part.fileName());
            }
        }
    }

    private static String queryOf(JsonObject query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + ((jakarta.json.JsonString) e.getValue()).getString())
                .collect(Collectors.joining("&"));
    }

    /** Lists every path where {@code actual} differs from {@code expected}, JSON types included. */
    static void diff(String path, JsonValue expected, JsonValue actual, List<String> out) {
        if (expected.getValueType() != actual.getValueType()) {
            out.add(label(path) + ": expected " + expected.getValueType() + " " + expected + " but sent " + actual.getValueType() + " " + actual);
            return;
        }
        switch (expected.getValueType()) {
            case OBJECT -> {
                JsonObject e = expected.asJsonObject();
                JsonObject a = actual.asJsonObject();
                Set<String> keys = new TreeSet<>(e.keySet());
                keys.addAll(a.keySet());
                for (String k : keys) {
                    String p = path.isEmpty() ? k : path + "." + k;
                    if (!a.containsKey(k)) {
                        out.add(p + ": missing (expected " + e.get(k) + ")");
                    } else if (!e.containsKey(k)) {
                        out.add(p + ": not in the fixture (sent " + a.get(k) + ")");
                    } else {
                        diff(p, e.get(k), a.get(k), out);
                    }
                }
            }
            case ARRAY -> {
                JsonArray e = expected.asJsonArray();
                JsonArray a = actual.asJsonArray();
                if (e.size() != a.size()) {
                    out.add(label(path) + ": expected " + e.size() + " elements " + e + " but sent " + a.size() + " " + a);
                    return;
                }
                for (int i = 0; i < e.size(); i++) {
                    diff(path + "[" + i + "]", e.get(i), a.get(i), out);
                }
            }
            default -> {
                if (!expected.equals(actual)) {
                    out.add(label(path) + ": expected " + expected + " but sent " + actual);
                }
            }
        }
    }

    private static String label(String path) {
        return path.isEmpty() ? "(body)" : path;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String fixture(String name) {
        try (InputStream in = GoldenFixturesTest.class.getResourceAsStream("/golden/" + name)) {
            assertNotNull(in, "missing fixture golden/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read golden/" + name, e);
        }
    }
}

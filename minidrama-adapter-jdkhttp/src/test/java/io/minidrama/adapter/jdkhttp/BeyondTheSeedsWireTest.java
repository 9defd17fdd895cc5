package io.minidrama.adapter.jdkhttp;

import io.minidrama.port.PlatformOperation;
import io.minidrama.domain.AppId;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
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
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.authz.UnifiedSocialCreditCode;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.CopyrightAuthorizationPort;
import io.minidrama.port.DramaAuthorizationPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.TrafficPackagePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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

/** API.md §7: every operation's exact request and the decoding of an official-shaped response. */
class BeyondTheSeedsWireTest {
    private static final String VOD = "/wxa/sec/vod/";
    private static final DramaId DRAMA = DramaId.of(100206);
    private static final AppId GRANTEE = AppId.of("wxabcdef0123456789");
    private static final AppId GRANTOR = AppId.of("wx9876543210fedcba");
    private static final String CREDIT_CODE = "91350100M000100Y43";
    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    private final RecordingServer server = new RecordingServer();
    private final JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void adapter_implementsTheFourPortsOfSection7() {
        assertInstanceOf(DramaMaintenancePort.class, adapter);
        assertInstanceOf(TrafficPackagePort.class, adapter);
        assertInstanceOf(DramaAuthorizationPort.class, adapter);
        assertInstanceOf(CopyrightAuthorizationPort.class, adapter);
    }

    @Test
    void operations_thatChangeSomethingAreNotRepeatedAfterAnAmbiguousFailure_readsAre() {
        for (PlatformOperation op : List.of(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS, PlatformOperation.REPLACE_DRAMA_MEDIA, PlatformOperation.MODIFY_DRAMA_BASIC_INFO,
                PlatformOperation.AUTHORIZE_DRAMA, PlatformOperation.DEAUTHORIZE_DRAMA, PlatformOperation.AUTHORIZE_APP, PlatformOperation.DEAUTHORIZE_APP,
                PlatformOperation.AUTHORIZE_COPYRIGHT, PlatformOperation.DEAUTHORIZE_COPYRIGHT)) {
            assertFalse(op.repeatSafe(), op.wireName());
        }
        for (PlatformOperation op : List.of(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO, TrafficPackagePort.LIST_PACKAGES, PlatformOperation.GET_AUTHORIZE_OBJECTS,
                PlatformOperation.GET_AUTHORIZED_OBJECTS, PlatformOperation.GET_AUTHORIZE_APPS, PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST,
                PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST)) {
            assertTrue(op.repeatSafe(), op.wireName());
        }
    }

    @Nested
    class Maintenance {

        @Test
        void submitReplacement_sendsDramaIdAndOldNewPairs() {
            adapter.submitReplacement(new ReplacementRequest(DRAMA, List.of(
                    new MediaReplacement(MediaId.of(2870001234567890123L), MediaId.of(2870001234567890999L)),
                    new MediaReplacement(MediaId.of(11), MediaId.of(12)))));

            assertJsonCall(server.only(VOD + "submitreplacedramamedias"), "submitreplacedramamedias", """
                    {"drama_id":100206,"replace_media_list":[{"old":2870001234567890123,"new":2870001234567890999},{"old":11,"new":12}]}""");
        }

        @Test
        void submitReplacement_whenDramaNotApproved_surfacesThePlatformError() {
            server.json(VOD + "submitreplacedramamedias", "{\"errcode\":10093011,\"errmsg\":\"operation failed\"}");

            PlatformException e = assertThrows(PlatformException.class, () -> adapter.submitReplacement(
                    new ReplacementRequest(DRAMA, List.of(new MediaReplacement(MediaId.of(11), MediaId.of(12))))));

            assertEquals(10093011, e.rawErrcode());
            assertEquals(1, server.requests(VOD + "submitreplacedramamedias").size());
        }

        @Test
        void applyReplacement_sendsOldAndNewMediaIds() {
            adapter.applyReplacement(new ReplacementApplication(DRAMA, MediaId.of(11), MediaId.of(12)));

            assertJsonCall(server.only(VOD + "replacedramamedia"), "replacedramamedia",
                    "{\"drama_id\":100206,\"old_media_id\":11,\"new_media_id\":12}");
        }

        @Test
        void modifyInfo_withEveryField_sendsTheSection6_1Shapes() {
            Copyright copyright = Copyright.withProtection(Copyright.Role.LICENSEE, Copyright.Verification.PROOF_MATERIALS,
                    List.of(MaterialId.of("proof-1"), MaterialId.of("proof-2")), List.of(MaterialId.of("cert-9")));
            DramaInfoChange change = DramaInfoChange.builder(DRAMA)
                    .description("新简介").coverMaterialId(MaterialId.of("cover-2")).recommendations("好看")
                    .promotionPosterMaterialId(MaterialId.of("poster-2")).alternateName("别名")
                    .actors(List.of(new Actor("张三", MaterialId.of("photo-1"), "主角", "演员简介一"),
                            new Actor("Li Si", MaterialId.of("photo-2"), "配角", "演员简介二")))
                    .qualification(new Qualification.Licensed("(沪)网剧审字(2023)第001号", MaterialId.of("qual-1")))
                    .otherMaterialId(MaterialId.of("other-1")).producer("某某影视有限公司").copyright(copyright).build();

            adapter.modifyInfo(change);

            assertJsonCall(server.only(VOD + "modifydramabasicinfo"), "modifydramabasicinfo", """
                    {"drama_id":100206,"description":"新简介","cover_material_id":"cover-2","recommendations":"好看",
                     "promotion_poster_material_id":"poster-2","alternate_name":"别名",
                     "actor_list":{"actor":[
                        {"name":"张三","photo_material_id":"photo-1","role":"主角","profile":"演员简介一"},
                        {"name":"Li Si","photo_material_id":"photo-2","role":"配角","profile":"演员简介二"}]},
                     "qualification_type":1,"registration_number":"(沪)网剧审字(2023)第001号",
                     "qualification_certificate_material_id":"qual-1",
                     "other_material_material_id":"other-1","producer":"某某影视有限公司",
                     "copyright":{"copyright_role":2,"apply_for_copyright_protection":1,"copyright_verification":"1",
                                  "proof_of_production":["proof-1","proof-2"],
                                  "purchase_or_broadcast_authorization_certificate":["cert-9"]}}""");
        }

        @Test
        void modifyInfo_withOnlyALowCostQualification_sendsOnlyThoseFields() {
            adapter.modifyInfo(DramaInfoChange.builder(DRAMA).qualification(new Qualification.LowCost(50, MaterialId.of("letter-1"))).build());

            assertJsonCall(server.only(VOD + "modifydramabasicinfo"), "modifydramabasicinfo", """
                    {"drama_id":100206,"qualification_type":2,"cost_of_production":50,"cost_commitment_letter_material_id":"letter-1"}""");
        }

        @Test
        void latestAudit_sendsAuditTypeAndDecodesTheAuditDetail() {
            server.json(VOD + "getdramalatestauditinfo", """
                    {"errcode":0,"errmsg":"ok","audit_detail":{"status":3,"create_time":1702020510,"audit_time":"1702024110"},"extra":1}""");

            DramaAuditDetail d = adapter.latestAudit(new LatestAuditQuery(DRAMA, AuditType.REPLACEMENT));

            assertJsonCall(server.only(VOD + "getdramalatestauditinfo"), "getdramalatestauditinfo", "{\"drama_id\":100206,\"audit_type\":2}");
            assertEquals(AuditStatus.APPROVED, d.status());
            assertEquals(Instant.ofEpochSecond(1702020510), d.createTime());
            assertEquals(Instant.ofEpochSecond(1702024110), d.auditTime());
        }

        @Test
        void latestAudit_whenNoAuditDetail_readsAsInvalidStatus() {
            server.json(VOD + "getdramalatestauditinfo", OK);

            DramaAuditDetail d = adapter.latestAudit(new LatestAuditQuery(DRAMA, AuditType.FIRST_SUBMISSION));

            assertEquals(AuditStatus.INVALID, d.status());
            assertEquals(Instant.EPOCH, d.createTime());
        }
    }

    @Nested
    class Packages {

        @Test
        void listPackages_sendsAllFourFieldsAndDecodesOrderIdAsString() {
            server.json(VOD + "listpackages", """
                    {"errcode":0,"errmsg":"ok","total_count":2,"package_list":[
                      {"start_time":1700000000,"end_time":1731536000,"used":300,"all":1024,"order_id":"4200002079202312011234567890",
                       "status":1,"is_deleted":0,"package_id":"pkg_001","new_field":"x"},
                      {"start_time":"1690000000","end_time":"1700000000","used":1023.6,"all":"1024","order_id":42001,
                       "status":"3","is_deleted":true,"package_id":7}]}""");

            TrafficPackages page = adapter.listPackages(new PackageQuery(PackageQuery.Status.ALL, 100, 100, PackageQuery.QueryType.DIRECTED));

            assertJsonCall(server.only(VOD + "listpackages"), "listpackages", "{\"status\":0,\"offset\":100,\"limit\":100,\"query_type\":1}");
            assertEquals(2, page.totalCount());
            TrafficPackage first = page.packages().get(0);
            assertEquals("pkg_001", first.packageId());
            assertEquals("4200002079202312011234567890", first.orderId());
            assertEquals(Instant.ofEpochSecond(1700000000), first.startTime());
            assertEquals(Instant.ofEpochSecond(1731536000), first.endTime());
            assertEquals(300, first.usedMb());
            assertEquals(1024, first.totalMb());
            assertEquals(724, first.remainingMb());
            assertEquals(1, first.status());
            assertFalse(first.deleted());
            TrafficPackage second = page.packages().get(1);
            assertEquals("42001", second.orderId());
            assertEquals("7", second.packageId());
            assertEquals(3, second.status());
            assertTrue(second.deleted());
            assertEquals(1023, second.usedMb());
        }

        @Test
        void listPackages_whenListAndCountAbsent_isAnEmptyPage() {
            server.json(VOD + "listpackages", OK);

            TrafficPackages page = adapter.listPackages(PackageQuery.of(PackageQuery.Status.VALID));

            assertJsonCall(server.only(VOD + "listpackages"), "listpackages", "{\"status\":1,\"offset\":0,\"limit\":100,\"query_type\":0}");
            assertEquals(0, page.totalCount());
            assertTrue(page.packages().isEmpty());
        }
    }

    @Nested
    class DramaAuthorizations {
        private static final String RESULT = """
                {"errcode":0,"errmsg":"ok","result":[{"drama_id":100200,"errcode":0},
                 {"drama_id":"100205","errcode":1,"errmsg":"获取剧目100205失败！"},{"errcode":0}]}""";

        @Test
        void authorizeDramas_sendsDramaIdArrayGranteeAndExpiry_andDecodesPerDramaResults() {
            server.json(VOD + "authorizedrama", RESULT);
            Instant end = NOW.plus(Duration.ofDays(30));

            List<AuthorizationResult> results = adapter.authorizeDramas(DramaAuthorization.of(GRANTEE,
                    List.of(DramaId.of(100200), DramaId.of(100205)), Expiry.at(end, CLOCK, "authz_expire_time")));

            assertJsonCall(server.only(VOD + "authorizedrama"), "authorizedrama", """
                    {"drama_id":[100200,100205],"authorized_appid":"wxabcdef0123456789","authz_expire_time":%d}"""
                    .formatted(end.getEpochSecond()));
            assertEquals(List.of(new AuthorizationResult(DramaId.of(100200), 0, ""),
                    new AuthorizationResult(DramaId.of(100205), 1, "获取剧目100205失败！")), results);
            assertTrue(results.get(0).succeeded());
            assertFalse(results.get(1).succeeded());
        }

        @Test
        void authorizeDramas_whenPermanent_sendsZero() {
            server.json(VOD + "authorizedrama", OK);

            assertTrue(adapter.authorizeDramas(DramaAuthorization.of(GRANTEE, List.of(DRAMA), Expiry.PERMANENT)).isEmpty());

            assertJsonCall(server.only(VOD + "authorizedrama"), "authorizedrama",
                    "{\"drama_id\":[100206],\"authorized_appid\":\"wxabcdef0123456789\",\"authz_expire_time\":0}");
        }

        @Test
        void deauthorizeDramas_sendsNoExpiry_andToleratesANumericErrmsg() {
            server.json(VOD + "deauthorizedrama", """
                    {"errcode":0,"errmsg":"ok","result":[{"drama_id":100206,"errcode":10090039,"errmsg":10090039}]}""");

            List<AuthorizationResult> results = adapter.deauthorizeDramas(new DramaDeauthorization(List.of(DRAMA), GRANTEE));

            assertJsonCall(server.only(VOD + "deauthorizedrama"), "deauthorizedrama",
                    "{\"drama_id\":[100206],\"authorized_appid\":\"wxabcdef0123456789\"}");
            assertEquals(List.of(new AuthorizationResult(DRAMA, 10090039, "10090039")), results);
        }

        @Test
        void grantedDramas_sendsFiltersAndPage_andReadsTheGrantee() {
            server.json(VOD + "getauthorizeobjects", """
                    {"errcode":0,"errmsg":"ok","total_count":3,"objects":[
                     {"drama_id":100206,"authorized_appid":"wxabcdef0123456789","authorized_time":1702020510,"authz_expire_time":0},
                     {"drama_id":100206,"authorized_appid":"wx1111111111111111","authorized_time":1702020600,"authz_expire_time":1733556600}]}""");

            DramaGrants grants = adapter.grantedDramas(GrantedDramasQuery.all(AuthzPage.of(100, 1000)).forDrama(DRAMA).forGrantee(GRANTEE));

            assertJsonCall(server.only(VOD + "getauthorizeobjects"), "getauthorizeobjects",
                    "{\"drama_id\":100206,\"authorized_appid\":\"wxabcdef0123456789\",\"offset\":100,\"limit\":1000}");
            assertEquals(3, grants.totalCount());
            assertEquals("wxabcdef0123456789", grants.grants().get(0).otherAppId());
            assertTrue(grants.grants().get(0).expiry().permanent());
            assertEquals(Instant.ofEpochSecond(1702020510), grants.grants().get(0).authorizedTime());
            assertEquals(Instant.ofEpochSecond(1733556600), grants.grants().get(1).expiry().instant().orElseThrow());
        }

        @Test
        void grantedDramas_withoutFilters_sendsOnlyThePage() {
            server.json(VOD + "getauthorizeobjects", OK);

            DramaGrants grants = adapter.grantedDramas(GrantedDramasQuery.all(AuthzPage.first()));

            assertJsonCall(server.only(VOD + "getauthorizeobjects"), "getauthorizeobjects", "{\"offset\":0,\"limit\":100}");
            assertEquals(0, grants.totalCount());
        }

        @Test
        void receivedDramas_sendsTheGrantor_andReadsIt() {
            server.json(VOD + "getauthorizedobjects", """
                    {"errcode":0,"errmsg":"ok","total_count":1,"objects":[
                     {"drama_id":"100206","authorizer_appid":"wx9876543210fedcba","authorized_time":1702020510,"authz_expire_time":"0"}]}""");

            DramaGrants grants = adapter.receivedDramas(ReceivedDramasQuery.all(AuthzPage.of(0, 50)).from(GRANTOR));

            assertJsonCall(server.only(VOD + "getauthorizedobjects"), "getauthorizedobjects",
                    "{\"authorizer_appid\":\"wx9876543210fedcba\",\"offset\":0,\"limit\":50}");
            assertEquals(DRAMA, grants.grants().get(0).dramaId());
            assertEquals("wx9876543210fedcba", grants.grants().get(0).otherAppId());
            assertTrue(grants.grants().get(0).expiry().permanent());
        }

        @Test
        void authorizeApp_sendsGranteeAndExpiry() {
            adapter.authorizeApp(new AppAuthorization(GRANTEE, Expiry.PERMANENT));

            assertJsonCall(server.only(VOD + "authorizeapp"), "authorizeapp",
                    "{\"authorized_appid\":\"wxabcdef0123456789\",\"authz_expire_time\":0}");
        }

        @Test
        void deauthorizeApp_sendsTheGranteeOnly() {
            adapter.deauthorizeApp(GRANTEE);

            assertJsonCall(server.only(VOD + "deauthorizeapp"), "deauthorizeapp", "{\"authorized_appid\":\"wxabcdef0123456789\"}");
        }

        @Test
        void authorizedApps_postsAnEmptyObject_andDecodesObjects() {
            server.json(VOD + "getauthorizeapps", """
                    {"errcode":0,"errmsg":"ok","objects":[
                     {"authorized_appid":"wxabcdef0123456789","authorized_time":1702020510,"authz_expire_time":1733556600}]}""");

            List<AppGrant> apps = adapter.authorizedApps();

            assertJsonCall(server.only(VOD + "getauthorizeapps"), "getauthorizeapps", "{}");
            assertEquals(List.of(new AppGrant("wxabcdef0123456789", Instant.ofEpochSecond(1702020510), Expiry.ofEpochSecond(1733556600))),
                    apps);
        }

        @Test
        void receivedApps_postsAnEmptyObjectToGetauthorizedapps_andDecodesTheAuthorizers() {
            // API.md §9.8: {} -> objects[{authorizer_appid, authorized_time, authz_expire_time}], with the
            // values of the getauthorizeapps page's example; no official page of its own was found.
            server.json(VOD + "getauthorizedapps", """
                    {"errcode":0,"errmsg":"ok","objects":[
                     {"authorizer_appid":"wx9876543210fedcba","authorized_time":1702020510,"authz_expire_time":0},
                     {"authorizer_appid":"wxabcdef0123456789","authorized_time":"1702024110","authz_expire_time":1733556600}]}""");

            List<ReceivedAppGrant> apps = adapter.receivedApps();

            assertJsonCall(server.only(VOD + "getauthorizedapps"), "getauthorizedapps", "{}");
            assertEquals(List.of(new ReceivedAppGrant("wx9876543210fedcba", Instant.ofEpochSecond(1702020510), Expiry.PERMANENT),
                    new ReceivedAppGrant("wxabcdef0123456789", Instant.ofEpochSecond(1702024110), Expiry.ofEpochSecond(1733556600))), apps);
        }

        @Test
        void receivedApps_withoutObjects_isAnEmptyList() {
            server.json(VOD + "getauthorizedapps", """
                    {"errcode":0,"errmsg":"ok"}""");

            assertEquals(List.of(), adapter.receivedApps());
        }
    }

    @Nested
    class CopyrightAuthorizations {

        @Test
        void authorizeCopyright_toACompany_sendsTypeOneAndTheCreditCodeOnly() {
            server.json(VOD + "authorizecopyright", """
                    {"errcode":0,"errmsg":"ok","result":[{"drama_id":10001,"errcode":0,"errmsg":"ok"},
                     {"drama_id":10009,"errcode":10090043,"errmsg":"no authorization relation"}]}""");
            Instant end = NOW.plus(Duration.ofDays(7));

            List<AuthorizationResult> results = adapter.authorizeCopyright(new CopyrightAuthorization(
                    new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(CREDIT_CODE)), List.of(DramaId.of(10001), DramaId.of(10009)),
                    Expiry.at(end, CLOCK, "expire_time")));

            assertJsonCall(server.only(VOD + "authorizecopyright"), "authorizecopyright", """
                    {"authorization_type":1,"authorized_subject_cert_no":"91350100M000100Y43","drama_ids":[10001,10009],"expire_time":%d}"""
                    .formatted(end.getEpochSecond()));
            assertEquals(10090043, results.get(1).errcode());
            assertEquals("no authorization relation", results.get(1).errmsg());
        }

        @Test
        void authorizeCopyright_toAMiniProgramForAllDramas_sendsTypeTwoAndNoDramaIds() {
            adapter.authorizeCopyright(new CopyrightAuthorization(new CopyrightGrantee.MiniProgram(GRANTEE), List.of(), Expiry.PERMANENT));

            assertJsonCall(server.only(VOD + "authorizecopyright"), "authorizecopyright",
                    "{\"authorization_type\":2,\"authorized_appid\":\"wxabcdef0123456789\",\"expire_time\":0}");
        }

        @Test
        void deauthorizeCopyright_sendsTypeGranteeAndDramas() {
            server.json(VOD + "deauthorizecopyright", """
                    {"errcode":0,"errmsg":"ok","result":[{"drama_id":10001,"errcode":0,"errmsg":"ok"}]}""");

            List<AuthorizationResult> results = adapter.deauthorizeCopyright(
                    new CopyrightDeauthorization(new CopyrightGrantee.MiniProgram(GRANTEE), List.of(DramaId.of(10001))));

            assertJsonCall(server.only(VOD + "deauthorizecopyright"), "deauthorizecopyright",
                    "{\"authorization_type\":2,\"authorized_appid\":\"wxabcdef0123456789\",\"drama_ids\":[10001]}");
            assertEquals(List.of(new AuthorizationResult(DramaId.of(10001), 0, "ok")), results);
        }

        @Test
        void grantedCopyrights_forOneCompanyAndDrama_sendsTheFilters_andDecodesTheList() {
            server.json(VOD + "getcopyrightauthorizationlist", """
                    {"errcode":0,"errmsg":"ok","total_count":2,"list":[
                     {"authorizer_appid":"wx9876543210fedcba","authorization_type":1,"authorized_appid":"",
                      "authorized_subject_cert_no":"91350100M000100Y43","drama_id":10001,"authorized_time":1702020510,"expire_time":0},
                     {"authorizer_appid":"wx9876543210fedcba","authorization_type":"2","authorized_appid":"wxabcdef0123456789",
                      "drama_id":"10009","authorized_time":"1702020600","expire_time":1733556600}]}""");

            CopyrightGrants grants = adapter.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.of(0, 1000))
                    .to(new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(CREDIT_CODE))).forDrama(DramaId.of(10001)));

            assertJsonCall(server.only(VOD + "getcopyrightauthorizationlist"), "getcopyrightauthorizationlist", """
                    {"authorization_type":1,"authorized_subject_cert_no":"91350100M000100Y43","drama_id":10001,"offset":0,"limit":1000}""");
            assertEquals(2, grants.totalCount());
            assertEquals(new CopyrightGrant("wx9876543210fedcba", 1, "", CREDIT_CODE, 10001, Instant.ofEpochSecond(1702020510),
                    Expiry.PERMANENT), grants.grants().get(0));
            CopyrightGrant second = grants.grants().get(1);
            assertEquals(2, second.authorizationType());
            assertEquals("wxabcdef0123456789", second.authorizedAppId());
            assertEquals("", second.authorizedSubjectCertNo());
            assertEquals(10009, second.dramaIdValue());
            assertEquals(Instant.ofEpochSecond(1733556600), second.expiry().instant().orElseThrow());
        }

        @Test
        void grantedCopyrights_withoutFilters_sendsOnlyThePage() {
            server.json(VOD + "getcopyrightauthorizationlist", OK);

            CopyrightGrants grants = adapter.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.first()));

            assertJsonCall(server.only(VOD + "getcopyrightauthorizationlist"), "getcopyrightauthorizationlist", "{\"offset\":0,\"limit\":100}");
            assertTrue(grants.grants().isEmpty());
        }

        @Test
        void receivedCopyrights_sendsTheGrantorAndPage_andDecodesTheList() {
            server.json(VOD + "getcopyrightauthorizedlist", """
                    {"errcode":0,"errmsg":"ok","total_count":1,"list":[
                     {"authorizer_appid":"wx9876543210fedcba","authorization_type":2,"authorized_appid":"wxabcdef0123456789",
                      "drama_id":10001,"authorized_time":1702020510,"expire_time":0}]}""");

            CopyrightGrants grants = adapter.receivedCopyrights(CopyrightReceivedQuery.all(AuthzPage.of(10, 20)).from(GRANTOR));

            assertJsonCall(server.only(VOD + "getcopyrightauthorizedlist"), "getcopyrightauthorizedlist",
                    "{\"authorizer_appid\":\"wx9876543210fedcba\",\"offset\":10,\"limit\":20}");
            assertEquals("wx9876543210fedcba", grants.grants().get(0).authorizerAppId());
            assertEquals(1, grants.totalCount());
        }
    }
}

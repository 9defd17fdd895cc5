package io.minidrama.protocol;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerInfo;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.port.component.PreAuthCode;
import io.minidrama.protocol.component.HttpComponentPort;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static io.minidrama.protocol.RecordingTransport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component API on the wire (API.md section 10), from the official pages' request and response
 * examples (oplatform/openApi/ticket-token/getComponentAccessToken, getPreAuthCode, getAuthorizerAccessToken
 * ("使用授权码获取授权信息"), getAuthorizerAccessToken refresh, authorization-management/getAuthorizerList,
 * getAuthorizerInfo). The component token goes in {@code access_token}, as those pages write it.
 */
class ComponentWireTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final String BASE = "/cgi-bin/component/";
    private final RecordingTransport transport = new RecordingTransport();
    private final HttpComponentPort port = HttpComponentPort.builder().transport(transport).baseUrl(URI.create("https://api.example"))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @Test
    void apiComponentToken() {
        transport.always(BASE + "api_component_token", json("{\"component_access_token\": "
                + "\"61W3mEpU66027wgNZ_MhGHNQDHnFATkDa9-2llqrMBjUwxRSNPbVsMmyD-yq8wZETSoE5NQgecigDrSHkPtIYA\", \"expires_in\": 7200}"));

        AccessToken t = port.componentToken("appid_value", "appsecret_value", "ticket_value");

        assertEquals("61W3mEpU66027wgNZ_MhGHNQDHnFATkDa9-2llqrMBjUwxRSNPbVsMmyD-yq8wZETSoE5NQgecigDrSHkPtIYA", t.value());
        assertEquals(NOW.plusSeconds(7200), t.expiresAt());
        RecordingTransport.Sent s = transport.sent.get(0);
        assertEquals("POST", s.request().method());
        assertEquals("", s.query());
        assertEquals("{\"component_appid\":\"appid_value\",\"component_appsecret\":\"appsecret_value\","
                + "\"component_verify_ticket\":\"ticket_value\"}", s.bodyText());
    }

    @Test
    void apiCreatePreauthcode_sendsTheComponentTokenAsAccessToken() {
        transport.always(BASE + "api_create_preauthcode", json("{\"pre_auth_code\": "
                + "\"Cx_Dk6qiBE0Dmx4EmlT3oRfArPvwSQ-oa3NL_fwHM7VI08r52wazoZX2Rhpz1dEw\", \"expires_in\": 600}"));

        PreAuthCode c = port.createPreAuthCode("appid_value", "COMPONENT_ACCESS_TOKEN");

        assertEquals("Cx_Dk6qiBE0Dmx4EmlT3oRfArPvwSQ-oa3NL_fwHM7VI08r52wazoZX2Rhpz1dEw", c.value());
        assertEquals(NOW.plusSeconds(600), c.expiresAt());
        assertEquals("access_token=COMPONENT_ACCESS_TOKEN", transport.sent.get(0).query());
        assertEquals("{\"component_appid\":\"appid_value\"}", transport.sent.get(0).bodyText());
    }

    @Test
    void apiQueryAuth() {
        transport.always(BASE + "api_query_auth", json("{\"authorization_info\": {\"authorizer_appid\": \"wxf8b4f85f3a794e77\","
                + " \"authorizer_access_token\": \"QXjUqNqfYVH0yBE1iI_7vuN_9gQbpjfK7hYwJ3P7xOa88a89-Aga5x1NMYJyB8G2yKt1KCl0nPC3W9GJzw0Zzq_dBxc8pxIGUNi_bFes0qM\","
                + " \"expires_in\": 7200, \"authorizer_refresh_token\": \"dTo-YCXPL4llX-u1W1pPpnp8Hgm4wpJtlR6iV0doKdY\","
                + " \"func_info\": [{\"funcscope_category\": {\"id\": 153}}, {\"funcscope_category\": {\"id\": 157}},"
                + " {\"funcscope_category\": {\"id\": 18}, \"confirm_info\": {\"need_confirm\": 0, \"already_confirm\": 0, \"can_confirm\": 0}}]}}"));

        Authorization a = port.queryAuth("appid_value", "COMPONENT_ACCESS_TOKEN", "auth_code_value");

        assertEquals("wxf8b4f85f3a794e77", a.authorizerAppId());
        assertEquals("dTo-YCXPL4llX-u1W1pPpnp8Hgm4wpJtlR6iV0doKdY", a.token().refreshToken());
        assertEquals(NOW.plusSeconds(7200), a.token().accessToken().expiresAt());
        assertEquals(Set.of(153, 157, 18), a.permissionSets());
        assertEquals("access_token=COMPONENT_ACCESS_TOKEN", transport.sent.get(0).query());
        assertEquals("{\"authorization_code\":\"auth_code_value\",\"component_appid\":\"appid_value\"}", transport.sent.get(0).bodyText());
    }

    @Test
    void apiAuthorizerToken_returnsTheRefreshTokenThatCameBack() {
        transport.then(BASE + "api_authorizer_token", json("{\"authorizer_access_token\": \"some-access-token\", \"expires_in\": 7200,"
                + " \"authorizer_refresh_token\": \"refresh_token_value_2\"}"))
                .then(BASE + "api_authorizer_token", json("{\"authorizer_access_token\": \"other\", \"expires_in\": 7200}"));

        AuthorizerToken t = port.authorizerToken("appid_value", "COMPONENT_ACCESS_TOKEN", "auth_appid_value", "refresh_token_value");

        assertEquals("some-access-token", t.accessToken().value());
        assertEquals("refresh_token_value_2", t.refreshToken());
        assertEquals("access_token=COMPONENT_ACCESS_TOKEN", transport.sent.get(0).query());
        assertEquals("{\"authorizer_appid\":\"auth_appid_value\",\"authorizer_refresh_token\":\"refresh_token_value\","
                + "\"component_appid\":\"appid_value\"}", transport.sent.get(0).bodyText());
        assertEquals("refresh_token_value", port.authorizerToken("appid_value", "T", "auth_appid_value", "refresh_token_value").refreshToken(),
                "without a refresh token in the answer, the one sent stays");
    }

    @Test
    void apiGetAuthorizerList() {
        transport.always(BASE + "api_get_authorizer_list", json("{\"total_count\": 33, \"list\": [{\"authorizer_appid\": "
                + "\"wx7bc8fd82b1e2ea5e\", \"refresh_token\": \"refreshtoken@@@iBLY9y1hZ_sEnMM\", \"auth_time\": 1558000607},"
                + " {\"authorizer_appid\": \"wx5c7c4ad6a9ca2d37\", \"refresh_token\": \"refreshtoken@@@Lc9UYhyn1zq\", \"auth_time\": 1558000607}]}"));

        AuthorizerPage page = port.authorizerList("appid_value", "COMPONENT_ACCESS_TOKEN", 0, 100);

        assertEquals(33, page.totalCount());
        assertEquals("wx5c7c4ad6a9ca2d37", page.entries().get(1).authorizerAppId());
        assertEquals("refreshtoken@@@iBLY9y1hZ_sEnMM", page.entries().get(0).refreshToken());
        assertEquals(Instant.ofEpochSecond(1558000607), page.entries().get(0).authorizedAt());
        assertEquals("{\"component_appid\":\"appid_value\",\"count\":100,\"offset\":0}", transport.sent.get(0).bodyText());
        assertEquals("access_token=COMPONENT_ACCESS_TOKEN", transport.sent.get(0).query());
    }

    /** The page's request example, and a mini program's answer with the fields of its response table. */
    @Test
    void apiGetAuthorizerInfo_readsTheAccount_andTheGrantedSets() {
        transport.always(BASE + "api_get_authorizer_info", json("{\"authorizer_info\": {\"nick_name\": \"微信SDK Demo Special\","
                + " \"head_img\": \"http://wx.qlogo.cn/mmopen/GPy\", \"service_type_info\": {\"id\": 0}, \"verify_type_info\": {\"id\": 0},"
                + " \"user_name\": \"gh_eb5e3a772040\", \"principal_name\": \"腾讯计算机系统有限公司\", \"alias\": \"\", \"qrcode_url\": \"URL\","
                + " \"business_info\": {\"open_store\": 0, \"open_scan\": 0, \"open_pay\": 0, \"open_card\": 0, \"open_shake\": 0},"
                + " \"idc\": 1, \"signature\": \"短剧\", \"MiniProgramInfo\": {\"network\": {\"RequestDomain\": [\"https://www.example.com\"],"
                + " \"WsRequestDomain\": [], \"UploadDomain\": [], \"DownloadDomain\": [], \"UDPDomain\": []},"
                + " \"categories\": [{\"first\": \"文娱\", \"second\": \"微短剧\"}], \"visit_status\": 0},"
                + " \"register_type\": 0, \"account_status\": 1, \"basic_config\": {\"is_phone_configured\": true, \"is_email_configured\": true}},"
                + " \"authorization_info\": {\"authorizer_appid\": \"wxf8b4f85f3a794e77\", \"authorizer_refresh_token\": \"refresh_token_value\","
                + " \"func_info\": [{\"funcscope_category\": {\"id\": 153}}, {\"funcscope_category\": {\"id\": 157}},"
                + " {\"funcscope_category\": {\"id\": 18}, \"confirm_info\": {\"need_confirm\": 0, \"already_confirm\": 0, \"can_confirm\": 0}}]}}"));

        AuthorizerInfo info = port.authorizerInfo("appid_value", "COMPONENT_ACCESS_TOKEN", "auth_appid_value");

        assertEquals("wxf8b4f85f3a794e77", info.authorizerAppId());
        assertEquals("微信SDK Demo Special", info.nickName());
        assertEquals("gh_eb5e3a772040", info.userName());
        assertEquals("腾讯计算机系统有限公司", info.principalName());
        assertTrue(info.miniProgram());
        assertEquals(Set.of(153, 157, 18), info.permissionSets());
        assertEquals("refresh_token_value", info.currentRefreshToken().orElseThrow());
        assertFalse(info.toString().contains("refresh_token_value"), info.toString());
        assertEquals("access_token=COMPONENT_ACCESS_TOKEN", transport.sent.get(0).query());
        assertEquals("{\"authorizer_appid\":\"auth_appid_value\",\"component_appid\":\"appid_value\"}", transport.sent.get(0).bodyText());
    }

    /** The older page's example: {@code appid} in authorization_info, no refresh token, an official account. */
    @Test
    void apiGetAuthorizerInfo_olderExample_appidField() {
        transport.always(BASE + "api_get_authorizer_info", json("{\"authorizer_info\": {\"nick_name\": \"微信SDK Demo Special\","
                + " \"service_type_info\": {\"id\": 2}, \"verify_type_info\": {\"id\": 0}, \"user_name\": \"gh_eb5e3a772040\","
                + " \"alias\": \"paytest01\"}, \"qrcode_url\": \"URL\", \"authorization_info\": {\"appid\": \"wxf8b4f85f3a794e77\","
                + " \"func_info\": [{\"funcscope_category\": {\"id\": 1}}, {\"funcscope_category\": {\"id\": 2}}, {\"funcscope_category\": {\"id\": 3}}]}}"));

        AuthorizerInfo info = port.authorizerInfo("appid_value", "COMPONENT_ACCESS_TOKEN", "auth_appid_value");

        assertEquals("wxf8b4f85f3a794e77", info.authorizerAppId());
        assertFalse(info.miniProgram());
        assertEquals(Set.of(1, 2, 3), info.permissionSets());
        assertTrue(info.currentRefreshToken().isEmpty());
    }

    @Test
    void apiGetAuthorizerInfo_withoutAuthorizationInfo_isAnUnexpectedResponse() {
        transport.always(BASE + "api_get_authorizer_info", json("{\"authorizer_info\": {\"nick_name\": \"x\"}}"));

        assertThrows(UnexpectedResponseException.class, () -> port.authorizerInfo("appid_value", "COMPONENT_ACCESS_TOKEN", "a"));
    }

    @Test
    void errcodes_areTyped_andSecretsStayOutOfMessages() {
        transport.always(BASE + "api_component_token", json("{\"errcode\": 61005, \"errmsg\": \"component ticket is expired: ticket_value\"}"));
        PlatformException e = assertThrows(PlatformException.class, () -> port.componentToken("appid_value", "appsecret_value", "ticket_value"));
        assertEquals(61005, e.rawErrcode());
        assertFalse(e.getMessage().contains("ticket_value"), e.getMessage());

        transport.always(BASE + "api_authorizer_token", json("{\"authorizer_access_token\": \"tok-secret-value\", \"expires_in\": 72"));
        UnexpectedResponseException u = assertThrows(UnexpectedResponseException.class,
                () -> port.authorizerToken("appid_value", "COMPONENT_ACCESS_TOKEN", "a", "refresh-secret"));
        assertFalse(u.getMessage().contains("tok-secret-value"), u.getMessage());
        assertFalse(u.getMessage().contains("COMPONENT_ACCESS_TOKEN"), u.getMessage());
    }
}

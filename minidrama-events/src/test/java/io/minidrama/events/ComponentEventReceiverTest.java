package io.minidrama.events;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The pushes to a third-party platform's authorization event URL, shaped as on the official pages
 * (oplatform/openApi: "验证票据" and "授权变更通知推送"), encrypted in safe mode and decoded.
 */
class ComponentEventReceiverTest {
    private static final String TOKEN = "component-push-token";
    private static final String KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String COMPONENT = "wx3a1b2c3d4e5f6a7b";
    private static final long NOW = 1_413_192_605L;
    private static final ComponentEventReceiver RECEIVER = ComponentEventReceiver.builder().token(TOKEN).encryption(KEY, COMPONENT)
            .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)).build();

    private static ComponentEvent receive(String message) {
        SignedPush push = ComponentEventReceiver.sign(TOKEN, KEY, COMPONENT, message, NOW, "1320562132");
        return RECEIVER.receive(push.queryParameters(), push.body());
    }

    @Test
    void verifyTicket_asThePageShowsIt() {
        ComponentEvent e = receive("<xml><AppId>" + COMPONENT + "</AppId><CreateTime>1413192605</CreateTime>"
                + "<InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>ticket@@@Xx_yy-zz</ComponentVerifyTicket></xml>");

        ComponentEvent.Ticket t = assertInstanceOf(ComponentEvent.Ticket.class, e);
        assertEquals("ticket@@@Xx_yy-zz", t.ticket());
        assertEquals(Instant.ofEpochSecond(1413192605), t.createdAt());
        assertEquals(COMPONENT, t.componentAppId());
        assertFalse(t.toString().contains("ticket@@@"), t.toString());
    }

    @Test
    void authorized_updateAuthorized_unauthorized() {
        String fields = "<AuthorizerAppid>wxf8b4f85f3a794e77</AuthorizerAppid><AuthorizationCode>queryauthcode@@@abc</AuthorizationCode>"
                + "<AuthorizationCodeExpiredTime>1413196360</AuthorizationCodeExpiredTime><PreAuthCode>preauthcode@@@def</PreAuthCode>";
        ComponentEvent.Authorized a = assertInstanceOf(ComponentEvent.Authorized.class, receive("<xml><AppId>" + COMPONENT
                + "</AppId><CreateTime>1413192760</CreateTime><InfoType>authorized</InfoType>" + fields + "</xml>"));
        assertEquals("wxf8b4f85f3a794e77", a.authorizerAppId());
        assertEquals("queryauthcode@@@abc", a.authorizationCode());
        assertEquals(Instant.ofEpochSecond(1413196360), a.codeExpiresAt());
        assertEquals("preauthcode@@@def", a.preAuthCode());
        assertFalse(a.toString().contains("@@@"), a.toString());

        ComponentEvent.UpdateAuthorized u = assertInstanceOf(ComponentEvent.UpdateAuthorized.class, receive("<xml><AppId>" + COMPONENT
                + "</AppId><CreateTime>1413192760</CreateTime><InfoType>updateauthorized</InfoType>" + fields + "</xml>"));
        assertEquals("queryauthcode@@@abc", u.authorizationCode());

        ComponentEvent.Unauthorized r = assertInstanceOf(ComponentEvent.Unauthorized.class, receive("<xml><AppId>" + COMPONENT
                + "</AppId><CreateTime>1413192760</CreateTime><InfoType>unauthorized</InfoType>"
                + "<AuthorizerAppid>wxf8b4f85f3a794e77</AuthorizerAppid></xml>"));
        assertEquals("wxf8b4f85f3a794e77", r.authorizerAppId());
    }

    @Test
    void otherInfoTypes_areKept_notDropped() {
        ComponentEvent e = receive("<xml><AppId>" + COMPONENT + "</AppId><CreateTime>1413192760</CreateTime>"
                + "<InfoType>notify_third_fasteregister</InfoType><status>0</status></xml>");
        ComponentEvent.Unknown u = assertInstanceOf(ComponentEvent.Unknown.class, e);
        assertEquals("notify_third_fasteregister", u.infoType());
    }

    @Test
    void aTamperedBody_isRefusedBeforeDecryption() {
        SignedPush push = ComponentEventReceiver.sign(TOKEN, KEY, COMPONENT, "<xml><AppId>" + COMPONENT
                + "</AppId><InfoType>unauthorized</InfoType><AuthorizerAppid>wxa</AuthorizerAppid></xml>", NOW, "n1");
        String tampered = push.body().replace("<Encrypt><![CDATA[", "<Encrypt><![CDATA[AAAA");

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> RECEIVER.receive(push.queryParameters(), tampered));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void anotherPlatformsPush_isRefused() {
        SignedPush push = ComponentEventReceiver.sign(TOKEN, KEY, "wxotherplatform01", "<xml><AppId>wxotherplatform01</AppId>"
                + "<InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>t</ComponentVerifyTicket></xml>", NOW, "n2");

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> RECEIVER.receive(push.queryParameters(), push.body()));
        assertEquals(Reason.WRONG_APPID, e.reason());
    }

    @Test
    void aPlainPush_isRefused_andAStaleOneToo() {
        Map<String, String> plain = new LinkedHashMap<>(Map.of("timestamp", Long.toString(NOW), "nonce", "n", "signature", "x"));
        assertEquals(Reason.UNENCRYPTED, assertThrows(PushRejectedException.class,
                () -> RECEIVER.receive(plain, "<xml><InfoType>unauthorized</InfoType></xml>")).reason());

        SignedPush old = ComponentEventReceiver.sign(TOKEN, KEY, COMPONENT, "<xml><AppId>" + COMPONENT
                + "</AppId><InfoType>unauthorized</InfoType><AuthorizerAppid>wxa</AuthorizerAppid></xml>", NOW - 3600, "n3");
        assertEquals(Reason.STALE, assertThrows(PushRejectedException.class, () -> RECEIVER.receive(old.queryParameters(), old.body())).reason());
    }

    @Test
    void aTicketPushWithoutItsTicket_isMalformed() {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receive("<xml><AppId>" + COMPONENT
                + "</AppId><InfoType>component_verify_ticket</InfoType></xml>"));
        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void builder_refusesAMissingKey_withoutShowingIt() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> ComponentEventReceiver.builder().token(TOKEN).encryption("short-key", COMPONENT).build());
        assertFalse(e.getMessage().contains("short-key"));
        assertFalse(RECEIVER.toString().contains(KEY));
        assertFalse(RECEIVER.toString().contains(TOKEN));
    }
}

package io.minidrama.events;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.minidrama.events.Vectors.APPID;
import static io.minidrama.events.Vectors.AES_KEY;
import static io.minidrama.events.Vectors.NONCE;
import static io.minidrama.events.Vectors.SIGNATURE;
import static io.minidrama.events.Vectors.TIMESTAMP;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushEventReceiverTest {
    private final PushEventReceiver receiver = Vectors.receiver().build();
    /** The opt-in: a receiver with a key that also accepts plain pushes, for the plain-mode checks. */
    private final PushEventReceiver plainAllowed = Vectors.receiverAllowingPlain().build();

    private static Map<String, String> plainQuery() {
        return new HashMap<>(Map.of("signature", SIGNATURE, "timestamp", TIMESTAMP, "nonce", NONCE));
    }

    private static PushRejectedException rejected(Reason reason, Executable call) {
        PushRejectedException e = assertThrows(PushRejectedException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Test
    void receive_whenSafeXmlVector_decodesUploadEvent() {
        PushEvent event = receiver.receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event"));

        UploadEvent upload = assertInstanceOf(UploadEvent.class, event);
        assertEquals("gh_abcdefg", upload.envelope().toUserName());
        assertEquals("oABCD", upload.envelope().fromUserName());
        assertEquals(Instant.ofEpochSecond(1714036504), upload.envelope().createTime());
        assertEquals("event", upload.envelope().msgType());
        assertEquals(MediaId.of(20001), upload.mediaId().orElseThrow());
        assertEquals("abc12232", upload.sourceContext());
        assertEquals(0, upload.errcode());
        assertEquals("OK", upload.errmsg());
        assertTrue(upload.succeeded());
    }

    @Test
    void receive_whenSafeJsonVector_decodesAuditEvent() {
        PushEvent event = receiver.receive(Vectors.safeQuery("audit-event"), Vectors.safeJsonBody("audit-event"));

        AuditEvent audit = assertInstanceOf(AuditEvent.class, event);
        assertEquals(DramaId.of(20001), audit.dramaId());
        assertEquals(AuditStatus.APPROVED, audit.status());
        assertEquals(AuditType.REPLACEMENT, audit.auditType());
        assertEquals(Instant.ofEpochSecond(1714030000), audit.createTime());
        assertEquals(Instant.ofEpochSecond(1714036000), audit.auditTime());
    }

    @Test
    void receive_whenNumbersAreStringsAndFieldsUnknown_decodesUploadFailure() {
        PushEvent event = receiver.receive(Vectors.safeQuery("upload-event-utf8"), Vectors.safeJsonBody("upload-event-utf8"));

        UploadEvent upload = assertInstanceOf(UploadEvent.class, event);
        assertEquals(20002, upload.mediaIdValue());
        assertEquals("第01集-上传", upload.sourceContext());
        assertEquals(10090001, upload.errcode());
        assertFalse(upload.succeeded());
    }

    @Test
    void receive_whenUnknownEventType_keepsItWithRawBody() {
        PushEvent event = receiver.receive(Vectors.safeQuery("block-aligned"), Vectors.safeXmlBody("block-aligned"));

        UnknownEvent unknown = assertInstanceOf(UnknownEvent.class, event);
        assertEquals("custom_event", unknown.rawType());
        assertEquals(Vectors.message("block-aligned"), unknown.rawBody());
    }

    @Test
    void receive_whenPlainModeSignatureValid_decodesBody() {
        PushEvent event = plainAllowed.receive(plainQuery(), Vectors.message("upload-event"));

        assertInstanceOf(UploadEvent.class, event);
    }

    @Test
    void receive_whenPlainModeAndNoAesKeyConfigured_decodesBody() {
        PushEventReceiver plainOnly = PushEventReceiver.builder().token(TOKEN).clock(Vectors.CLOCK).build();

        assertInstanceOf(AuditEvent.class, plainOnly.receive(plainQuery(), Vectors.message("audit-event")));
        assertFalse(plainOnly.decryptsMessages());
    }

    @Test
    void receive_whenCompatibleMode_decodesTheEncryptedCopyNotThePlainOne() {
        String forgedPlain = Vectors.message("upload-event").replace("abc12232", "forged");
        String body = forgedPlain.replace("</xml>", "<Encrypt><![CDATA[" + Vectors.encrypt("upload-event") + "]]></Encrypt></xml>");

        UploadEvent upload = assertInstanceOf(UploadEvent.class, receiver.receive(Vectors.safeQuery("upload-event"), body));

        assertEquals("abc12232", upload.sourceContext());
    }

    @Test
    void receive_whenSignatureWrong_rejectsWithBadSignature() {
        Map<String, String> query = plainQuery();
        query.put("signature", "0".repeat(40));

        rejected(Reason.BAD_SIGNATURE, () -> plainAllowed.receive(query, Vectors.message("upload-event")));
    }

    @Test
    void receive_whenTokenDiffers_rejectsWithBadSignature() {
        PushEventReceiver other = receiver.toBuilder().token("anotherToken").build();

        rejected(Reason.BAD_SIGNATURE, () -> other.receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event")));
    }

    @Test
    void receive_whenMsgSignatureWrong_rejectsWithBadSignature() {
        Map<String, String> query = Vectors.safeQuery("upload-event");
        query.put("msg_signature", Vectors.msgSignature("audit-event"));

        rejected(Reason.BAD_SIGNATURE, () -> receiver.receive(query, Vectors.safeXmlBody("upload-event")));
    }

    @Test
    void receive_whenCiphertextTampered_rejectsWithBadSignature() {
        String body = Vectors.safeXmlBody("upload-event").replace("N7vK", "N7vL");

        rejected(Reason.BAD_SIGNATURE, () -> receiver.receive(Vectors.safeQuery("upload-event"), body));
    }

    @Test
    void receive_whenPaddingBadButSigned_rejectsWithDecryptionFailed() {
        rejected(Reason.DECRYPTION_FAILED, () -> receiver.receive(Vectors.safeQuery("bad-pad-zero"), Vectors.safeXmlBody("bad-pad-zero")));
    }

    @Test
    void receive_whenAppidDiffers_rejectsWithWrongAppid() {
        rejected(Reason.WRONG_APPID, () -> receiver.receive(Vectors.safeQuery("wrong-appid"), Vectors.safeJsonBody("wrong-appid")));
    }

    @Test
    void receive_whenReceiverHasOtherAppid_rejectsWithWrongAppid() {
        PushEventReceiver other = receiver.toBuilder().encryption(AES_KEY, "wx0000000000000000").build();

        rejected(Reason.WRONG_APPID, () -> other.receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event")));
    }

    @Test
    void receive_whenTimestampOlderThanWindow_rejectsWithStale() {
        PushEventReceiver later = receiver.toBuilder().clock(Clock.offset(Vectors.CLOCK, Duration.ofMinutes(5).plusSeconds(1))).build();

        PushRejectedException e = rejected(Reason.STALE,
                () -> later.receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event")));
        assertTrue(e.getMessage().contains("301 s old"), e.getMessage());
    }

    @Test
    void receive_whenTimestampInTheFuture_rejectsWithStale() {
        PushEventReceiver earlier = plainAllowed.toBuilder().clock(Clock.offset(Vectors.CLOCK, Duration.ofMinutes(-6))).build();

        PushRejectedException e = rejected(Reason.STALE, () -> earlier.receive(plainQuery(), Vectors.message("upload-event")));
        assertTrue(e.getMessage().contains("future"), e.getMessage());
    }

    @Test
    void receive_whenTimestampAtTheEdgeOfTheWindow_accepts() {
        PushEventReceiver edge = plainAllowed.toBuilder().clock(Clock.offset(Vectors.CLOCK, Duration.ofMinutes(5))).build();

        assertInstanceOf(UploadEvent.class, edge.receive(plainQuery(), Vectors.message("upload-event")));
    }

    @Test
    void receive_whenWindowConfiguredWider_acceptsOlderPush() {
        PushEventReceiver tolerant = plainAllowed.toBuilder().maxAge(Duration.ofHours(1))
                .clock(Clock.offset(Vectors.CLOCK, Duration.ofMinutes(30))).build();

        assertInstanceOf(UploadEvent.class, tolerant.receive(plainQuery(), Vectors.message("upload-event")));
    }

    @Test
    void receive_whenTimestampNotNumeric_rejectsWithMalformed() {
        Map<String, String> query = plainQuery();
        query.put("timestamp", "yesterday");
        query.put("signature", WeChatMessageCrypto.signature(TOKEN, "yesterday", NONCE));

        rejected(Reason.MALFORMED, () -> plainAllowed.receive(query, Vectors.message("upload-event")));
    }

    @Test
    void receive_whenBodyLargerThanLimit_rejectsWithTooLarge() {
        PushEventReceiver small = receiver.toBuilder().maxBodyBytes(100).build();

        rejected(Reason.TOO_LARGE, () -> small.receive(plainQuery(), Vectors.message("upload-event")));
    }

    @Test
    void receive_whenMultiByteCharactersPushBodyOverLimit_rejectsWithTooLarge() {
        PushEventReceiver small = receiver.toBuilder().maxBodyBytes(60).build();
        String body = "<xml><Event>" + "剧".repeat(15) + "</Event></xml>"; // 41 chars, 71 bytes

        rejected(Reason.TOO_LARGE, () -> small.receive(plainQuery(), body));
    }

    @Test
    void receive_whenDefaultLimitExceeded_rejectsWithTooLarge() {
        String body = "<xml>" + " ".repeat(PushEventReceiver.DEFAULT_MAX_BODY_BYTES) + "</xml>";

        rejected(Reason.TOO_LARGE, () -> receiver.receive(plainQuery(), body));
    }

    @Test
    void receive_whenParameterMissing_rejectsWithMissingParameterNamingIt() {
        for (String name : List.of("signature", "timestamp", "nonce")) {
            Map<String, String> query = plainQuery();
            query.remove(name);
            PushRejectedException e = rejected(Reason.MISSING_PARAMETER, () -> plainAllowed.receive(query, Vectors.message("upload-event")));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void receive_whenEncryptTypeAesButNoMsgSignature_rejectsWithMissingParameter() {
        Map<String, String> query = Vectors.safeQuery("upload-event");
        query.remove("msg_signature");

        rejected(Reason.MISSING_PARAMETER, () -> receiver.receive(query, Vectors.safeXmlBody("upload-event")));
    }

    @Test
    void receive_whenEncryptedBodyWithPlainQuery_rejectsWithMissingParameter() {
        rejected(Reason.MISSING_PARAMETER, () -> plainAllowed.receive(plainQuery(), Vectors.safeXmlBody("upload-event")));
        rejected(Reason.UNENCRYPTED, () -> receiver.receive(plainQuery(), Vectors.safeXmlBody("upload-event")));
    }

    @Test
    void receive_whenPlainModeSignatureValidButKeyConfigured_rejectsWithUnencrypted() {
        PushRejectedException e = rejected(Reason.UNENCRYPTED, () -> receiver.receive(plainQuery(), Vectors.message("upload-event")));

        assertTrue(e.getMessage().contains("must be encrypted"), e.getMessage());
        assertFalse(receiver.acceptsPlainPushes());
        assertTrue(receiver.decryptsMessages());
    }

    @Test
    void receive_whenEncryptedButNoKeyConfigured_rejectsWithNotConfigured() {
        PushEventReceiver plainOnly = receiver.toBuilder().noEncryption().build();

        rejected(Reason.NOT_CONFIGURED, () -> plainOnly.receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event")));
    }

    @Test
    void receive_whenEncryptElementMissing_rejectsWithMalformed() {
        rejected(Reason.MALFORMED, () -> receiver.receive(Vectors.safeQuery("upload-event"), "<xml><ToUserName>gh</ToUserName></xml>"));
    }

    @Test
    void receive_whenBodyNeitherXmlNorJson_rejectsWithMalformed() {
        rejected(Reason.MALFORMED, () -> plainAllowed.receive(plainQuery(), "media_id=1"));
        rejected(Reason.MALFORMED, () -> plainAllowed.receive(plainQuery(), ""));
        rejected(Reason.MALFORMED, () -> plainAllowed.receive(plainQuery(), "<xml><Event>"));
        rejected(Reason.MALFORMED, () -> plainAllowed.receive(plainQuery(), "[1,2]"));
    }

    @Test
    void receive_whenUploadEventElementMissing_rejectsWithMalformed() {
        PushRejectedException e = rejected(Reason.MALFORMED,
                () -> plainAllowed.receive(plainQuery(), "<xml><Event>secvod_upload_event</Event></xml>"));
        assertTrue(e.getMessage().contains("upload_event"), e.getMessage());
    }

    @Test
    void rejections_neverContainTokenKeyAppidOrDecryptedContent() {
        List<Executable> failing = new ArrayList<>();
        Map<String, String> badSig = plainQuery();
        badSig.put("signature", "f".repeat(40));
        failing.add(() -> plainAllowed.receive(badSig, Vectors.message("upload-event")));
        failing.add(() -> receiver.receive(plainQuery(), Vectors.message("upload-event")));
        failing.add(() -> receiver.receive(Vectors.safeQuery("wrong-appid"), Vectors.safeXmlBody("wrong-appid")));
        failing.add(() -> receiver.toBuilder().encryption(AES_KEY, "wxOtherAppId0000").build()
                .receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event")));
        for (String pad : List.of("bad-pad-zero", "bad-pad-too-long", "bad-pad-inconsistent", "msg-len-overflow")) {
            failing.add(() -> receiver.receive(Vectors.safeQuery(pad), Vectors.safeXmlBody(pad)));
        }
        failing.add(() -> receiver.toBuilder().clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build()
                .receive(Vectors.safeQuery("upload-event"), Vectors.safeXmlBody("upload-event")));
        String brokenInside = WeChatMessageCrypto.create(AES_KEY, APPID).encrypt("<xml><Event>abc12232 secret");
        Map<String, String> q = plainQuery();
        q.put("msg_signature", WeChatMessageCrypto.msgSignature(TOKEN, TIMESTAMP, NONCE, brokenInside));
        failing.add(() -> receiver.receive(q, "<xml><Encrypt>" + brokenInside + "</Encrypt></xml>"));
        failing.add(() -> PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY + "x", APPID).build());
        failing.add(() -> receiver.verifyUrl(Map.of("signature", "0".repeat(40), "timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "42")));

        for (Executable call : failing) {
            RuntimeException e = assertThrows(RuntimeException.class, call);
            assertTrue(e instanceof PushRejectedException || e instanceof InvalidRequestException, e.toString());
            String message = e.getMessage();
            for (String secret : List.of(TOKEN, AES_KEY, APPID, "wxOtherAppId0000", "abc12232", "secret")) {
                assertFalse(message.contains(secret), () -> "'" + message + "' leaks " + secret);
            }
            assertTrue(e.getCause() == null, "no cause that could carry content: " + e);
        }
        assertFalse(receiver.toString().contains(TOKEN));
        assertFalse(receiver.toString().contains(AES_KEY));
    }

    @Test
    void verifyUrl_whenSignatureValid_returnsEchostr() {
        Map<String, String> query = Map.of("signature", SIGNATURE, "timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "4375120948345356249");

        assertEquals("4375120948345356249", receiver.verifyUrl(query));
    }

    @Test
    void verifyUrl_whenOfficialDocumentationExample_returnsEchostr() {
        PushEventReceiver docs = PushEventReceiver.builder().token("AAAAA")
                .clock(Clock.fixed(Instant.ofEpochSecond(1714036504), ZoneOffset.UTC)).build();
        Map<String, String> query = PushEventReceiver.parseQuery(
                "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492");

        assertEquals("4375120948345356249", docs.verifyUrl(query));
    }

    @Test
    void verifyUrl_whenSignatureWrong_rejectsWithBadSignature() {
        Map<String, String> query = Map.of("signature", Vectors.msgSignature("upload-event"), "timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "1");

        rejected(Reason.BAD_SIGNATURE, () -> receiver.verifyUrl(query));
    }

    @Test
    void verifyUrl_whenEchostrMissing_rejectsWithMissingParameter() {
        rejected(Reason.MISSING_PARAMETER, () -> receiver.verifyUrl(plainQuery()));
    }

    @Test
    void verifyUrl_whenStale_rejectsWithStale() {
        PushEventReceiver later = receiver.toBuilder().clock(Clock.offset(Vectors.CLOCK, Duration.ofHours(1))).build();
        Map<String, String> query = Map.of("signature", SIGNATURE, "timestamp", TIMESTAMP, "nonce", NONCE, "echostr", "1");

        rejected(Reason.STALE, () -> later.verifyUrl(query));
    }

    @Test
    void parseQuery_decodesPercentEscapesAndKeepsFirstOfRepeatedNames() {
        Map<String, String> q = PushEventReceiver.parseQuery("a=1%2B2&b=&c&a=9&d=%E5%89%A7");

        assertEquals(Map.of("a", "1+2", "b", "", "c", "", "d", "剧"), q);
    }

    @Test
    void build_whenTokenMissing_throwsInvalidRequest() {
        assertThrows(InvalidRequestException.class, () -> PushEventReceiver.builder().build());
        assertThrows(InvalidRequestException.class, () -> PushEventReceiver.builder().token(" ").build());
    }

    @Test
    void build_whenLimitsNotPositive_throwsInvalidRequest() {
        assertThrows(InvalidRequestException.class, () -> receiver.toBuilder().maxAge(Duration.ZERO).build());
        assertThrows(InvalidRequestException.class, () -> receiver.toBuilder().maxBodyBytes(0).build());
    }

    @Test
    void builder_defaults_areFiveMinutesAnd64KiB() {
        PushEventReceiver defaults = PushEventReceiver.builder().token(TOKEN).build();

        assertEquals(Duration.ofMinutes(5), defaults.maxAge());
        assertEquals(64 * 1024, defaults.maxBodyBytes());
    }
}

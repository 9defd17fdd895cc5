package io.minidrama.events;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.PushEvent.Envelope;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.time.Instant;
import java.util.Random;

import static io.minidrama.events.Vectors.AES_KEY;
import static io.minidrama.events.Vectors.APPID;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips: what the signer produces, the receiver accepts and decodes back to the same event. */
class PushEventSignerTest {
    private static final PushEventReceiver RECEIVER = Vectors.receiverAllowingPlain().build();

    private static PushEventSigner signer(PushMode mode, PushFormat format) {
        PushEventSigner.Builder b = PushEventSigner.builder().token(TOKEN).clock(Vectors.CLOCK).format(format).random(new Random(42));
        if (mode != PushMode.PLAIN) {
            b.encryption(AES_KEY, APPID);
        }
        return b.mode(mode).build();
    }

    @Property(tries = 200)
    void signThenReceive_returnsTheSameEvent(@ForAll("events") PushEvent event, @ForAll PushMode mode, @ForAll PushFormat format) {
        SignedPush push = signer(mode, format).sign(event);

        assertEquals(event, RECEIVER.receive(push.queryParameters(), push.body()));
    }

    @Example
    void sign_whenSafeMode_bodyHoldsOnlyToUserNameAndEncrypt() {
        PushEvent event = upload("gh_1", 20001, "ctx-secret");
        SignedPush xml = signer(PushMode.SAFE, PushFormat.XML).sign(event);
        SignedPush json = signer(PushMode.SAFE, PushFormat.JSON).sign(event);

        assertTrue(xml.body().startsWith("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA["), xml.body());
        assertTrue(json.body().startsWith("{\"ToUserName\":\"gh_1\",\"Encrypt\":\""), json.body());
        assertFalse(xml.body().contains("ctx-secret"));
        assertFalse(json.body().contains("ctx-secret"));
        assertEquals("aes", xml.queryParameters().get("encrypt_type"));
        assertEquals("application/json; charset=utf-8", json.contentType());
    }

    @Example
    void sign_whenCompatibleMode_bodyHoldsPlainFieldsAndEncrypt() {
        SignedPush push = signer(PushMode.COMPATIBLE, PushFormat.XML).sign(upload("gh_1", 5, "ctx"));

        assertTrue(push.body().contains("<source_context><![CDATA[ctx]]></source_context>"), push.body());
        assertTrue(push.body().contains("<Encrypt><![CDATA["), push.body());
        assertTrue(push.body().endsWith("]]></Encrypt></xml>"), push.body());
    }

    @Example
    void sign_whenPlainMode_signatureIsTheDocumentedOne() {
        SignedPush push = signer(PushMode.PLAIN, PushFormat.JSON).sign(upload("gh_1", 5, "ctx"));

        String ts = push.queryParameters().get("timestamp");
        String nonce = push.queryParameters().get("nonce");
        assertEquals(Vectors.TIMESTAMP, ts);
        assertTrue(nonce.matches("\\d{10}"), nonce);
        assertEquals(WeChatMessageCrypto.signature(TOKEN, ts, nonce), push.queryParameters().get("signature"));
        assertFalse(push.queryParameters().containsKey("msg_signature"));
    }

    @Example
    void urlVerification_isAcceptedByTheReceiver() {
        SignedPush get = signer(PushMode.SAFE, PushFormat.XML).urlVerification("4375120948345356249");

        assertTrue(get.isUrlVerification());
        assertEquals("", get.body());
        assertEquals("4375120948345356249", RECEIVER.verifyUrl(PushEventReceiver.parseQuery(get.queryString())));
    }

    @Example
    void signMessage_whenUnknownEventRawBody_isKeptVerbatim() {
        String raw = "{\"ToUserName\":\"gh_1\",\"MsgType\":\"event\",\"Event\":\"wxa_media_check\",\"trace_id\":\"t-1\"}";
        SignedPush push = signer(PushMode.SAFE, PushFormat.JSON).signMessage(raw);

        UnknownEvent unknown = (UnknownEvent) RECEIVER.receive(push.queryParameters(), push.body());

        assertEquals("wxa_media_check", unknown.rawType());
        assertEquals(raw, unknown.rawBody());
    }

    @Example
    void queryString_roundTripsThroughParseQuery() {
        SignedPush push = signer(PushMode.SAFE, PushFormat.XML).sign(upload("gh_1", 5, "a b&c=d"));

        assertEquals(push.queryParameters(), PushEventReceiver.parseQuery(push.queryString()));
    }

    @Example
    void encoder_whenStringHoldsCdataTerminator_roundTrips() {
        PushEvent event = upload("gh_]]>x", 5, "a]]>b<c>&d");

        assertEquals(event, RECEIVER.receive(signer(PushMode.PLAIN, PushFormat.XML).sign(event).queryParameters(),
                PushEventEncoder.toXml(event)));
    }

    @Example
    void build_whenEncryptedModeWithoutKey_throwsInvalidRequest() {
        assertThrows(InvalidRequestException.class, () -> PushEventSigner.builder().token(TOKEN).mode(PushMode.SAFE).build());
        assertThrows(InvalidRequestException.class, () -> PushEventSigner.builder().build());
    }

    @Example
    void signMessage_whenCompatibleModeAndWrongFormat_throws() {
        PushEventSigner json = signer(PushMode.COMPATIBLE, PushFormat.JSON);

        assertThrows(IllegalArgumentException.class, () -> json.signMessage("<xml/>"));
    }

    private static UploadEvent upload(String to, long mediaId, String context) {
        return new UploadEvent(new Envelope(to, "oABCD", Instant.ofEpochSecond(1714036504), "event", UploadEvent.TYPE),
                mediaId, context, 0, "OK");
    }

    @Provide
    Arbitrary<PushEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars('剧', '集', '\n', '\t').ofMaxLength(30)
                .map(s -> s.replace("\r", ""));
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
        Arbitrary<Envelope> envelope = Combinators.combine(text, text, time).as((to, from, at) -> new Envelope(to, from, at, "event", ""));
        Arbitrary<PushEvent> uploads = Combinators.combine(envelope, Arbitraries.longs().between(0, Long.MAX_VALUE), text,
                        Arbitraries.integers(), text)
                .as((e, media, ctx, code, msg) -> new UploadEvent(withType(e, UploadEvent.TYPE), media, ctx, code, msg));
        Arbitrary<PushEvent> audits = Combinators.combine(envelope, Arbitraries.longs().between(1, Long.MAX_VALUE),
                        Arbitraries.of(AuditStatus.class), Arbitraries.of(AuditType.class), time, time)
                .as((e, drama, status, type, created, audited) ->
                        new AuditEvent(withType(e, AuditEvent.TYPE), DramaId.of(drama), status, type, created, audited));
        return Arbitraries.oneOf(uploads, audits);
    }

    private static Envelope withType(Envelope e, String type) {
        return new Envelope(e.toUserName(), e.fromUserName(), e.createTime(), e.msgType(), type);
    }
}

package io.minidrama.events;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.PushEvent.Envelope;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.minidrama.events.Vectors.AES_KEY;
import static io.minidrama.events.Vectors.APPID;
import static io.minidrama.events.Vectors.CLOCK;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain push's {@code signature} covers token, timestamp and nonce, not the body; a safe-mode
 * request carries the same {@code signature} beside its {@code msg_signature}. Whoever sees one
 * safe-mode URL can therefore drop {@code msg_signature} and {@code encrypt_type} and POST any plain
 * body with the rest of the query. A receiver with an EncodingAESKey must refuse that.
 */
class PlainDowngradeTest {
    private static final AuditEvent GENUINE = audit(20001, AuditStatus.REJECTED);
    private static final AuditEvent FORGED = audit(666, AuditStatus.APPROVED);

    private static AuditEvent audit(long dramaId, AuditStatus status) {
        return new AuditEvent(new Envelope("gh_abcdefg", "oABCD", CLOCK.instant(), "event", AuditEvent.TYPE),
                DramaId.of(dramaId), status, AuditType.FIRST_SUBMISSION, CLOCK.instant().minusSeconds(60), CLOCK.instant());
    }

    private static PushEventSigner signer(PushMode mode, PushFormat format) {
        return PushEventSigner.builder().token(TOKEN).encryption(AES_KEY, APPID).mode(mode).format(format).clock(CLOCK).build();
    }

    /** The attacker's request: the genuine safe-mode query without msg_signature and encrypt_type. */
    private static Map<String, String> downgraded(SignedPush genuine) {
        Map<String, String> query = new HashMap<>(genuine.queryParameters());
        query.remove("msg_signature");
        query.remove("encrypt_type");
        return query;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(PushFormat.class)
    void receive_whenASafeModeUrlCarriesAForgedPlainBody_refusesItAsUnencrypted(PushFormat format) {
        PushEventReceiver receiver = Vectors.receiver().build();
        SignedPush genuine = signer(PushMode.SAFE, format).sign(GENUINE);
        String forgedBody = PushEventEncoder.encode(FORGED, format);

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(downgraded(genuine), utf8(forgedBody)));

        assertEquals(Reason.UNENCRYPTED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("allowPlainMode"), e.getMessage());
        for (String secret : List.of(TOKEN, AES_KEY, APPID)) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(PushFormat.class)
    void receive_whenPlainModeIsAllowed_acceptsTheForgedBody_whichIsWhyItIsAnOptIn(PushFormat format) {
        PushEventReceiver receiver = Vectors.receiver().allowPlainMode(true).build();
        SignedPush genuine = signer(PushMode.SAFE, format).sign(GENUINE);

        PushEvent event = receiver.receive(downgraded(genuine), utf8(PushEventEncoder.encode(FORGED, format)));

        assertEquals(FORGED, event);
        assertTrue(receiver.acceptsPlainPushes());
    }

    @Test
    void receiveOnce_whenTheForgeryArrivesBeforeTheGenuinePush_refusesItAndStillDeliversTheGenuinePush() {
        PushEventReceiver receiver = Vectors.receiver().replayGuard(PushReplayGuard.inMemory()).build();
        SignedPush genuine = signer(PushMode.SAFE, PushFormat.XML).sign(GENUINE);

        PushRejectedException e = assertThrows(PushRejectedException.class,
                () -> receiver.receiveOnce(downgraded(genuine), utf8(PushEventEncoder.toXml(FORGED))));
        PushOutcome outcome = receiver.receiveOnce(genuine.queryParameters(), utf8(genuine.body()));

        assertEquals(Reason.UNENCRYPTED, e.reason());
        assertEquals(GENUINE, assertInstanceOf(PushOutcome.Delivered.class, outcome).event());
    }

    @ParameterizedTest
    @EnumSource(PushFormat.class)
    void receive_whenAGenuineSafeModeUrlCarriesAForgedBodyInAnyShape_refusesItOrYieldsTheGenuineEvent(PushFormat format) {
        PushEventReceiver receiver = Vectors.receiver().build();
        SignedPush genuine = signer(PushMode.SAFE, format).sign(GENUINE);
        String forgedPlain = PushEventEncoder.encode(FORGED, format);
        Map<String, String> withoutMsgSignature = new HashMap<>(genuine.queryParameters());
        withoutMsgSignature.remove("msg_signature");
        Map<String, String> withoutEncryptType = new HashMap<>(genuine.queryParameters());
        withoutEncryptType.remove("encrypt_type");

        assertEquals(Reason.MISSING_PARAMETER, assertThrows(PushRejectedException.class,
                () -> receiver.receive(withoutMsgSignature, utf8(forgedPlain))).reason());
        assertEquals(Reason.MALFORMED, assertThrows(PushRejectedException.class,
                () -> receiver.receive(genuine.queryParameters(), utf8(forgedPlain))).reason());
        assertEquals(Reason.MALFORMED, assertThrows(PushRejectedException.class,
                () -> receiver.receive(withoutEncryptType, utf8(forgedPlain))).reason());
        assertEquals(GENUINE, receiver.receive(genuine.queryParameters(), utf8(withEncrypt(forgedPlain, encryptOf(genuine), format))));
    }

    @ParameterizedTest
    @EnumSource(PushFormat.class)
    void receive_whenCompatibleModePlainFieldsDisagreeWithTheCiphertext_yieldsTheCiphertextsEvent(PushFormat format) {
        PushEventReceiver receiver = Vectors.receiver().build();
        SignedPush genuine = signer(PushMode.COMPATIBLE, format).sign(GENUINE);
        String forgedPlain = PushEventEncoder.encode(FORGED, format);
        assertTrue(forgedPlain.contains("666") && !forgedPlain.contains("20001"), forgedPlain);
        String tampered = withEncrypt(forgedPlain, encryptOf(genuine), format);

        PushEvent event = receiver.receive(genuine.queryParameters(), utf8(tampered));

        assertEquals(GENUINE, event);
        assertEquals(GENUINE, receiver.receive(genuine.queryParameters(), utf8(genuine.body())));
    }

    @Test
    void receive_whenUnencryptedAndRefused_refusesBeforeTheSignatureOrTheBodyIsLookedAt() {
        PushEventReceiver receiver = Vectors.receiver().build();
        Map<String, String> query = downgraded(signer(PushMode.SAFE, PushFormat.JSON).sign(GENUINE));
        query.put("signature", "0".repeat(40));
        String deep = "[".repeat(5_000);

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(query, utf8(deep)));

        assertEquals(Reason.UNENCRYPTED, e.reason(), e.getMessage());
    }

    @Test
    void receive_whenNoKeyIsConfigured_acceptsPlainPushesAsBefore() {
        PushEventReceiver plainOnly = Vectors.receiver().noEncryption().build();
        SignedPush plain = PushEventSigner.builder().token(TOKEN).mode(PushMode.PLAIN).clock(CLOCK).build().sign(GENUINE);

        assertEquals(GENUINE, plainOnly.receive(plain.queryParameters(), utf8(plain.body())));
        assertTrue(plainOnly.acceptsPlainPushes());
        assertFalse(Vectors.receiver().build().acceptsPlainPushes());
        assertTrue(Vectors.receiver().allowPlainMode(true).build().toBuilder().build().acceptsPlainPushes());
    }

    private static String encryptOf(SignedPush push) {
        Matcher m = Pattern.compile(push.format() == PushFormat.XML ? "<Encrypt><!\\[CDATA\\[([^\\]]+)]]>" : "\"Encrypt\":\"([^\"]+)\"")
                .matcher(push.body());
        assertTrue(m.find(), push.body());
        return m.group(1);
    }

    /** A compatible-mode body: {@code plain} with {@code encrypted} added beside its fields. */
    private static String withEncrypt(String plain, String encrypted, PushFormat format) {
        if (format == PushFormat.XML) {
            int end = plain.lastIndexOf("</");
            return plain.substring(0, end) + "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>" + plain.substring(end);
        }
        int end = plain.lastIndexOf('}');
        return plain.substring(0, end) + ",\"Encrypt\":\"" + encrypted + "\"" + plain.substring(end);
    }
}

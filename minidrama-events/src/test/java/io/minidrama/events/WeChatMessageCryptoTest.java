package io.minidrama.events;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the crypto against vectors computed by openssl and sha1sum (make-vectors.sh), not by this code. */
class WeChatMessageCryptoTest {
    private final WeChatMessageCrypto crypto = WeChatMessageCrypto.create(Vectors.AES_KEY, Vectors.APPID);

    @ParameterizedTest
    @ValueSource(strings = {"upload-event", "audit-event", "upload-event-utf8", "block-aligned"})
    void decrypt_whenOpensslVector_returnsTheMessage(String name) {
        assertEquals(Vectors.message(name), crypto.decrypt(Vectors.encrypt(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"upload-event", "audit-event", "upload-event-utf8", "block-aligned"})
    void encrypt_whenSameRandomBytes_matchesOpensslByteForByte(String name) {
        assertEquals(Vectors.encrypt(name), crypto.encrypt(Vectors.message(name), Vectors.RANDOM16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"upload-event", "audit-event", "upload-event-utf8", "block-aligned", "wrong-appid", "bad-pad-zero"})
    void msgSignature_whenVector_matchesSha1sum(String name) {
        assertEquals(Vectors.msgSignature(name),
                WeChatMessageCrypto.msgSignature(Vectors.TOKEN, Vectors.TIMESTAMP, Vectors.NONCE, Vectors.encrypt(name)));
    }

    @Test
    void signature_whenVector_matchesSha1sum() {
        assertEquals(Vectors.SIGNATURE, WeChatMessageCrypto.signature(Vectors.TOKEN, Vectors.TIMESTAMP, Vectors.NONCE));
    }

    @Test
    void signature_whenOfficialDocumentationExample_matches() {
        // developers.weixin.qq.com, mini program "message push" page: Token AAAAA, URL-verification GET
        assertEquals("f464b24fc39322e44b38aa78f5edd27bd1441696",
                WeChatMessageCrypto.signature("AAAAA", "1714036504", "1514711492"));
    }

    @ParameterizedTest
    @CsvSource({
            "bad-pad-zero, DECRYPTION_FAILED",
            "bad-pad-too-long, DECRYPTION_FAILED",
            "bad-pad-inconsistent, DECRYPTION_FAILED",
            "msg-len-overflow, DECRYPTION_FAILED",
            "wrong-appid, WRONG_APPID"})
    void decrypt_whenNegativeVector_rejectsWithReason(String name, Reason reason) {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> crypto.decrypt(Vectors.encrypt(name)));
        assertEquals(reason, e.reason());
        assertFalse(e.retryable());
    }

    @Test
    void decrypt_whenPaddingBad_saysPadding() {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> crypto.decrypt(Vectors.encrypt("bad-pad-inconsistent")));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
    }

    @Test
    void decrypt_whenNotBase64_rejectsWithDecryptionFailed() {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> crypto.decrypt("not*base64"));
        assertEquals(Reason.DECRYPTION_FAILED, e.reason());
    }

    @Test
    void decrypt_whenNotWholeBlocks_rejectsWithDecryptionFailed() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> crypto.decrypt(sixteen));
        assertEquals(Reason.DECRYPTION_FAILED, e.reason());
        assertTrue(e.getMessage().contains("32-byte"), e.getMessage());
    }

    @Test
    void decrypt_whenCiphertextTampered_rejects() {
        byte[] bytes = Base64.getDecoder().decode(Vectors.encrypt("upload-event"));
        bytes[bytes.length - 20] ^= 0x01;
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThrows(PushRejectedException.class, () -> crypto.decrypt(tampered));
    }

    @Test
    void decrypt_whenOtherKey_rejects() {
        WeChatMessageCrypto other = WeChatMessageCrypto.create("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", Vectors.APPID);
        assertThrows(PushRejectedException.class, () -> other.decrypt(Vectors.encrypt("upload-event")));
    }

    @Test
    void encrypt_thenDecrypt_returnsTheMessage() {
        String message = "<xml><Event><![CDATA[短剧]]></Event></xml>";
        assertEquals(message, crypto.decrypt(crypto.encrypt(message)));
        assertFalse(crypto.encrypt(message).equals(crypto.encrypt(message)), "fresh random bytes each time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1a", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR=", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1a*"})
    void create_whenKeyMalformed_throwsWithoutEchoingIt(String key) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> WeChatMessageCrypto.create(key, Vectors.APPID));
        assertTrue(e.getMessage().contains("43"), e.getMessage());
        if (!key.isEmpty()) {
            assertFalse(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void signatureMatches_comparesCaseInsensitivelyAndRejectsOtherLengths() {
        assertTrue(WeChatMessageCrypto.signatureMatches(Vectors.SIGNATURE, Vectors.SIGNATURE.toUpperCase()));
        assertFalse(WeChatMessageCrypto.signatureMatches(Vectors.SIGNATURE, Vectors.SIGNATURE.substring(1)));
        assertFalse(WeChatMessageCrypto.signatureMatches(Vectors.SIGNATURE, ""));
    }

    @Test
    void toString_neverShowsTheKey() {
        assertFalse(crypto.toString().contains(Vectors.AES_KEY));
    }
}

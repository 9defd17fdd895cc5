package io.minidrama.events;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.events.PushRejectedException.Reason;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * WeChat's message crypto for push events (API.md section 5), both directions, so receivers and
 * test doubles sign and encrypt exactly alike.
 *
 * <p>Encryption: AES-256-CBC, key = Base64-decode(EncodingAESKey + "="), IV = the first 16 key
 * bytes, over {@code random(16) | msg_len(4, big-endian) | msg (UTF-8) | appid}, PKCS#7-padded to a
 * 32-byte block, Base64-encoded. Decryption checks the padding strictly (1..32, every pad byte equal),
 * bounds-checks {@code msg_len}, requires valid UTF-8 and compares the appid in constant time.
 *
 * <p>Signatures: hex SHA-1 of the lexicographically sorted concatenation of the parts
 * ({@link #signature}: token, timestamp, nonce; {@link #msgSignature}: also {@code Encrypt}).
 * {@link #signatureMatches} compares in constant time.
 *
 * <p>Instances are immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class WeChatMessageCrypto {
    private static final int BLOCK = 32;
    private static final int RANDOM_BYTES = 16;
    private static final int HEADER = RANDOM_BYTES + 4;
    private static final Pattern AES_KEY = Pattern.compile("[A-Za-z0-9+/]{43}");
    private static final SecureRandom SECURE_RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] appId;

    private WeChatMessageCrypto(byte[] keyBytes, byte[] appId) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(keyBytes, 16));
        this.appId = appId;
        Arrays.fill(keyBytes, (byte) 0);
    }

    /**
     * Creates the crypto for one mini program.
     *
     * @param encodingAesKey the EncodingAESKey from the console: 43 Base64 characters
     * @param appId          the mini program's appid, which every encrypted message carries
     * @return a thread-safe instance
     * @throws InvalidRequestException if the key is not 43 Base64 characters or the appid is blank
     *                                 (the key itself is never part of the message)
     */
    public static WeChatMessageCrypto create(String encodingAesKey, String appId) {
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(appId, "appId");
        if (!isValidEncodingAesKey(encodingAesKey)) {
            throw InvalidRequestException.of("encodingAesKey", Rule.NONE, "(" + encodingAesKey.length() + " characters, hidden)",
                    "an EncodingAESKey is exactly 43 characters of A-Z, a-z, 0-9, + and /; copy it from the console");
        }
        if (appId.isBlank()) {
            throw InvalidRequestException.of("appId", Rule.NONE, "(blank)", "the appid is required to encrypt or decrypt pushes");
        }
        byte[] keyBytes = Base64.getDecoder().decode(encodingAesKey + "=");
        return new WeChatMessageCrypto(keyBytes, appId.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code candidate} has the shape of an EncodingAESKey: 43 Base64 characters (32 bytes). */
    public static boolean isValidEncodingAesKey(String candidate) {
        return AES_KEY.matcher(Objects.requireNonNull(candidate, "candidate")).matches();
    }

    /**
     * Encrypts {@code message} with 16 fresh random bytes from a {@link SecureRandom}.
     *
     * @return the Base64 value for the {@code Encrypt} field
     */
    public String encrypt(String message) {
        byte[] random = new byte[RANDOM_BYTES];
        SECURE_RANDOM.nextBytes(random);
        return encrypt(message, random);
    }

    /**
     * Encrypts {@code message} with the given 16 leading random bytes (deterministic: for tests and
     * for reproducing a known vector).
     *
     * @param message   the plain message, XML or JSON
     * @param random16  exactly 16 bytes; not kept
     * @return the Base64 value for the {@code Encrypt} field
     * @throws IllegalArgumentException if {@code random16} is not 16 bytes long
     */
    public String encrypt(String message, byte[] random16) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(random16, "random16");
        if (random16.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("random16 must be exactly 16 bytes, was " + random16.length);
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        int unpadded = HEADER + msg.length + appId.length;
        int pad = BLOCK - unpadded % BLOCK;
        byte[] frame = new byte[unpadded + pad];
        ByteBuffer.wrap(frame).put(random16).putInt(msg.length).put(msg).put(appId);
        Arrays.fill(frame, unpadded, frame.length, (byte) pad);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return Base64.getEncoder().encodeToString(cipher.doFinal(frame));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding with a 256-bit key is unavailable in this JVM", e);
        } finally {
            Arrays.fill(frame, (byte) 0);
        }
    }

    /**
     * Decrypts an {@code Encrypt} value and checks the appid inside.
     *
     * <p>Callers SHOULD verify {@code msg_signature} first ({@link PushEventReceiver} does), so that
     * unauthenticated ciphertext is never decrypted.
     *
     * @param encrypted the Base64 {@code Encrypt} value
     * @return the plain message
     * @throws PushRejectedException {@link Reason#DECRYPTION_FAILED} for bad Base64, a length that is
     *                               not a whole number of 32-byte blocks, bad padding, an out-of-range
     *                               {@code msg_len} or invalid UTF-8; {@link Reason#WRONG_APPID} when
     *                               the appid inside differs
     */
    public String decrypt(String encrypted) {
        Objects.requireNonNull(encrypted, "encrypted");
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw decryptionFailed("Encrypt is not valid Base64");
        }
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            throw decryptionFailed("Encrypt must be a whole number of 32-byte blocks, was " + cipherText.length + " bytes");
        }
        byte[] frame;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            frame = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw decryptionFailed("AES decryption failed");
        }
        try {
            return unframe(frame);
        } finally {
            Arrays.fill(frame, (byte) 0);
        }
    }

    private String unframe(byte[] frame) {
        int pad = frame[frame.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            throw decryptionFailed("PKCS#7 padding length must be 1..32");
        }
        int diff = 0;
        for (int i = frame.length - pad; i < frame.length; i++) {
            diff |= (frame[i] & 0xff) ^ pad;
        }
        if (diff != 0) {
            throw decryptionFailed("PKCS#7 padding bytes are inconsistent");
        }
        int content = frame.length - pad;
        if (content < HEADER) {
            throw decryptionFailed("decrypted frame is shorter than its 20-byte header");
        }
        long msgLen = ByteBuffer.wrap(frame, RANDOM_BYTES, 4).getInt() & 0xffffffffL;
        if (msgLen > content - HEADER) {
            throw decryptionFailed("msg_len exceeds the decrypted frame");
        }
        int appIdStart = HEADER + (int) msgLen;
        byte[] actualAppId = Arrays.copyOfRange(frame, appIdStart, content);
        if (!MessageDigest.isEqual(actualAppId, appId)) {
            throw new PushRejectedException(Reason.WRONG_APPID,
                    "the appid inside the message is not the configured one (pushed for another mini program?)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame, HEADER, (int) msgLen))
                    .toString();
        } catch (CharacterCodingException e) {
            throw decryptionFailed("decrypted message is not valid UTF-8");
        }
    }

    /**
     * The plain-mode and URL-verification signature: hex SHA-1 of the sorted concatenation of
     * {@code token}, {@code timestamp} and {@code nonce}.
     */
    public static String signature(String token, String timestamp, String nonce) {
        return sha1OfSorted(token, timestamp, nonce);
    }

    /**
     * The safe/compatible-mode {@code msg_signature}: hex SHA-1 of the sorted concatenation of
     * {@code token}, {@code timestamp}, {@code nonce} and the {@code Encrypt} value.
     */
    public static String msgSignature(String token, String timestamp, String nonce, String encrypted) {
        return sha1OfSorted(token, timestamp, nonce, encrypted);
    }

    /**
     * Compares a computed signature with a received one in time independent of where they differ.
     * Hex case is ignored; {@code false} for different lengths.
     */
    public static boolean signatureMatches(String expected, String received) {
        byte[] a = Objects.requireNonNull(expected, "expected").toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] b = Objects.requireNonNull(received, "received").toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(a, b);
    }

    private static String sha1OfSorted(String... parts) {
        for (String part : parts) {
            Objects.requireNonNull(part, "signature part");
        }
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : sorted) {
                sha1.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(part)));
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is unavailable in this JVM", e);
        }
    }

    private static PushRejectedException decryptionFailed(String why) {
        return new PushRejectedException(Reason.DECRYPTION_FAILED, why);
    }

    /** Shows no key material. */
    @Override
    public String toString() {
        return "WeChatMessageCrypto[key=(hidden)]";
    }
}

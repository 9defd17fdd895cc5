package io.minidrama.adapter.redis.internal;

import io.minidrama.port.AccessToken;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * The string stored under the token key: {@code p1|<expiresAt epoch ms>|<token>} in clear, or
 * {@code e1|<expiresAt epoch ms>|<base64(iv | AES-GCM ciphertext and tag)>} when the caller gave
 * a key. The key name is the GCM associated data, so a value copied under another appid's key does
 * not decrypt. The expiry stays readable: it is not a secret, and a reader without the key can
 * still tell an expired value.
 */
public final class TokenCodec {
    private static final String PLAIN = "p1";
    private static final String SEALED = "e1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] aad;
    private final SecretKeySpec key;

    private TokenCodec(String keyName, byte[] key) {
        this.aad = keyName.getBytes(StandardCharsets.UTF_8);
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
    }

    /** Stores tokens in clear. */
    public static TokenCodec plain(String keyName) {
        return new TokenCodec(keyName, null);
    }

    /** Seals tokens with AES-GCM under {@code aesKey} (16, 24 or 32 bytes; copied). */
    public static TokenCodec sealed(String keyName, byte[] aesKey) {
        if (aesKey.length != 16 && aesKey.length != 24 && aesKey.length != 32) {
            throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes, got " + aesKey.length);
        }
        return new TokenCodec(keyName, aesKey.clone());
    }

    /** Whether tokens are encrypted. */
    public boolean seals() {
        return key != null;
    }

    /** The stored form of {@code token}. */
    public String encode(AccessToken token) {
        String expiry = Long.toString(token.expiresAt().toEpochMilli());
        if (key == null) {
            return PLAIN + "|" + expiry + "|" + token.value();
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad);
            byte[] ct = c.doFinal(token.value().getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
            return SEALED + "|" + expiry + "|" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /** What a stored value decodes to. */
    public sealed interface Decoded permits Readable, Unreadable {
    }

    /** @param token the token read */
    public record Readable(AccessToken token) implements Decoded {
    }

    /** @param reason why the value cannot be read; never the value itself */
    public record Unreadable(String reason) implements Decoded {
    }

    /**
     * The token in {@code stored}, or why it cannot be read (a foreign format, a sealed value
     * without the right key, a clear value when a key is configured).
     */
    public Decoded decode(String stored) {
        String[] f = stored.split("\\|", 3);
        if (f.length != 3) {
            return new Unreadable("not a token written by this library");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochMilli(Long.parseLong(f[1]));
        } catch (NumberFormatException e) {
            return new Unreadable("unreadable expiry");
        }
        if (PLAIN.equals(f[0])) {
            if (key != null) {
                return new Unreadable("stored in clear but this instance encrypts tokens (mixed configurations in one fleet?)");
            }
            return f[2].isBlank() ? new Unreadable("empty token") : new Readable(new AccessToken(f[2], expiresAt));
        }
        if (!SEALED.equals(f[0])) {
            // The foreign value is not quoted: it may be someone else's secret.
            return new Unreadable("unknown format (not written by this library, or by a newer version)");
        }
        if (key == null) {
            return new Unreadable("encrypted but this instance has no encryption key (mixed configurations in one fleet?)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(f[2]);
            if (in.length <= IV_BYTES) {
                return new Unreadable("truncated ciphertext");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(in, IV_BYTES)));
            c.updateAAD(aad);
            String value = new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
            return value.isBlank() ? new Unreadable("empty token") : new Readable(new AccessToken(value, expiresAt));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return new Unreadable("cannot decrypt (a different key?)");
        }
    }
}

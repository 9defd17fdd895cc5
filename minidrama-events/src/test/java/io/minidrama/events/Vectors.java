package io.minidrama.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The vectors that {@code src/test/resources/vectors/make-vectors.sh} computed with openssl and sha1sum. */
final class Vectors {
    private static final Properties P = load();

    static final String TOKEN = get("token");
    static final String AES_KEY = get("encoding_aes_key");
    static final String APPID = get("appid");
    static final String TIMESTAMP = get("timestamp");
    static final String NONCE = get("nonce");
    static final String SIGNATURE = get("signature");
    static final byte[] RANDOM16 = HexFormat.of().parseHex(get("random_hex"));
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC);

    private Vectors() {
    }

    static String get(String key) {
        String v = P.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no vector " + key);
        }
        return v;
    }

    static String encrypt(String name) {
        return get(name + ".encrypt");
    }

    static String msgSignature(String name) {
        return get(name + ".msg_signature");
    }

    /** The plain message the vector encrypts. */
    static String message(String name) {
        return resource("/vectors/" + get(name + ".file"));
    }

    /** The safe-mode query of a vector. */
    static Map<String, String> safeQuery(String name) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("signature", SIGNATURE);
        q.put("timestamp", TIMESTAMP);
        q.put("nonce", NONCE);
        q.put("encrypt_type", "aes");
        q.put("msg_signature", msgSignature(name));
        return q;
    }

    static String safeXmlBody(String name) {
        return "<xml><ToUserName><![CDATA[gh_abcdefg]]></ToUserName><Encrypt><![CDATA[" + encrypt(name) + "]]></Encrypt></xml>";
    }

    static String safeJsonBody(String name) {
        return "{\"ToUserName\":\"gh_abcdefg\",\"Encrypt\":\"" + encrypt(name) + "\"}";
    }

    static PushEventReceiver.Builder receiver() {
        return PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, APPID).clock(CLOCK);
    }

    /**
     * {@link #receiver()} with the opt-in {@code allowPlainMode(true)}, for the tests that push plain
     * bodies through a receiver holding a key (by default it refuses them as {@code UNENCRYPTED}).
     */
    static PushEventReceiver.Builder receiverAllowingPlain() {
        return receiver().allowPlainMode(true);
    }

    static String resource(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Vectors.class.getResourceAsStream("/vectors/vectors.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}

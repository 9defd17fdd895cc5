package io.minidrama.events.fuzz;

import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Correctly signed pushes with arbitrary and mutated bodies (XML and JSON, plain and safe mode)
 * and deeply nested ones in every mode give an event or a typed {@link MiniDramaException}, never another exception, and rejections
 * never quote the AES key or the token.
 */
class EventDecoderFuzzTest {
    private static final String TOKEN = "fuzzToken123";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PushEventReceiver PLAIN = PushEventReceiver.builder().token(TOKEN).noEncryption().clock(CLOCK).build();
    private static final PushEventReceiver SAFE = PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, "wxfuzzappid").clock(CLOCK).build();
    private static final PushEventReceiver PLAIN_LARGE = PLAIN.toBuilder().maxBodyBytes(1 << 20).build();
    private static final PushEventReceiver SAFE_LARGE = SAFE.toBuilder().maxBodyBytes(1 << 20).build();

    private static final String XML = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>"
            + "<CreateTime>1740787200</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[secvod_upload_event]]></Event>"
            + "<upload_event><media_id>281</media_id><source_context><![CDATA[ctx]]></source_context><errcode>0</errcode>"
            + "<errmsg><![CDATA[ok]]></errmsg></upload_event></xml>";
    private static final String JSON = "{\"ToUserName\":\"gh_1\",\"FromUserName\":\"o1\",\"CreateTime\":1740787200,\"MsgType\":\"event\","
            + "\"Event\":\"secvod_audit_event\",\"audit_event\":{\"drama_id\":7,\"audit_detail\":{\"status\":3,\"audit_type\":0,"
            + "\"create_time\":1740787000,\"audit_time\":1740787200}}}";

    private static String sha1(String... parts) {
        try {
            String joined = String.join("", Stream.of(parts).sorted().toList());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> mutated = Arbitraries.of(XML, JSON).flatMap(valid -> Arbitraries.integers().between(0, valid.length())
                .flatMap(at -> Arbitraries.of("", "<", ">", "]]>", "<![CDATA[", "&", "&xxe;", "\"", "{", "}", "[", "99999999999999999999",
                                "-1", "null", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
                        .flatMap(piece -> Arbitraries.integers().between(0, 3).map(op -> switch (op) {
                            case 0 -> valid.substring(0, at);
                            case 1 -> valid.substring(0, at) + piece + valid.substring(at);
                            case 2 -> valid.substring(0, at) + piece + valid.substring(Math.min(valid.length(), at + 8));
                            default -> valid.substring(0, at) + valid.substring(Math.min(valid.length(), at + 1 + piece.length()));
                        }))));
        return Arbitraries.oneOf(mutated, mutated, Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("<>/xml[]CDAT!{}\":,0123456789 Encrypt").ofMaxLength(200));
    }

    /**
     * A valid body with a run of openers (closed or not), up to 3000 deep, either as the value of an
     * extra field (where a parser follows it all the way down) or spliced in anywhere.
     */
    @Provide
    Arbitrary<String> deeplyNested() {
        return Combinators.combine(Arbitraries.of(XML, JSON), Arbitraries.integers().between(1, 3000),
                        Arbitraries.of("[", "{", "{\"a\":", "[{\"k\":", "<a>", "<a x='>'>", "\"[", "<![CDATA[<a>"),
                        Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false))
                .as((valid, depth, opener, where, closed) -> {
                    String closer = opener.startsWith("<") ? "</a>" : opener.startsWith("[") ? "]" : "}";
                    String nested = opener.repeat(depth) + (closed ? closer.repeat(depth) : "");
                    if (where < 0.5) {
                        int end = valid.startsWith("<") ? valid.lastIndexOf("</") : valid.lastIndexOf('}');
                        String field = valid.startsWith("<") ? "<deep>" + nested + "</deep>" : ",\"deep\":" + nested;
                        return valid.substring(0, end) + field + valid.substring(end);
                    }
                    int at = (int) (valid.length() * (where - 0.5) * 2);
                    return valid.substring(0, at) + nested + valid.substring(at);
                });
    }

    @Property(tries = 400)
    void receive_deeplyNestedBodyInEveryMode_givesAnEventOrATypedRejection(@ForAll("deeplyNested") String message) {
        PushFormat format = message.startsWith("<") ? PushFormat.XML : PushFormat.JSON;
        for (PushMode mode : PushMode.values()) {
            PushEventSigner.Builder b = PushEventSigner.builder().token(TOKEN).mode(mode).format(format).clock(CLOCK);
            PushEventSigner signer = (mode == PushMode.PLAIN ? b : b.encryption(AES_KEY, "wxfuzzappid")).build();
            SignedPush push;
            try {
                push = signer.signMessage(message);
            } catch (IllegalArgumentException notOneDocument) {
                continue; // compatible mode needs a readable plain copy to put Encrypt into
            }
            try {
                (mode == PushMode.PLAIN ? PLAIN_LARGE : SAFE_LARGE).receive(push.queryParameters(), push.body());
            } catch (MiniDramaException typed) {
                noSecretIn(typed);
            } catch (RuntimeException e) {
                throw new AssertionError(mode + " body " + message.length() + " chars threw " + e, e);
            }
        }
    }

    @Property(tries = 3000)
    void receive_signedPlainPushWithAnyBody_givesAnEventOrATypedRejection(@ForAll("bodies") String body) {
        String ts = Long.toString(NOW.getEpochSecond());
        Map<String, String> q = Map.of("signature", sha1(TOKEN, ts, "n0nce"), "timestamp", ts, "nonce", "n0nce");
        try {
            PLAIN.receive(q, body);
        } catch (MiniDramaException typed) {
            noSecretIn(typed);
        } catch (RuntimeException e) {
            throw new AssertionError("body " + body + " threw " + e, e);
        }
    }

    @Property(tries = 1500)
    void receive_safeModePushWithAnyEncryptValue_givesAnEventOrATypedRejection(@ForAll("bodies") String encrypt) {
        String ts = Long.toString(NOW.getEpochSecond());
        String body = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
        Map<String, String> q = Map.of("msg_signature", sha1(TOKEN, ts, "n0nce", encrypt), "timestamp", ts, "nonce", "n0nce",
                "encrypt_type", "aes");
        try {
            SAFE.receive(q, body);
        } catch (MiniDramaException typed) {
            noSecretIn(typed);
        } catch (RuntimeException e) {
            throw new AssertionError("Encrypt " + encrypt + " threw " + e, e);
        }
    }

    private static void noSecretIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains(AES_KEY) || m.contains(TOKEN)) {
                throw new AssertionError("a rejection quotes a secret: " + m);
            }
        }
    }
}

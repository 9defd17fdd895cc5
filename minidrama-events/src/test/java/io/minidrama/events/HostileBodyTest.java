package io.minidrama.events;

import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.minidrama.events.Vectors.AES_KEY;
import static io.minidrama.events.Vectors.APPID;
import static io.minidrama.events.Vectors.CLOCK;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Deeply nested bodies (JSON arrays and objects, XML elements) in every place a push carries one:
 * the plain body, the message inside the ciphertext, and the outer body of a safe-mode push, whose
 * signature cannot be checked before {@code Encrypt} is found. Each is refused as MALFORMED by the
 * depth scan, never with an untyped exception from a parser; look-alikes (brackets in strings, tags
 * in CDATA or comments, many siblings) still decode.
 */
class HostileBodyTest {
    /** Large enough that the depth check, not the size limit, is what refuses the deepest bodies. */
    private static final int LIMIT = 4 * 1024 * 1024;
    private static final PushEventReceiver RECEIVER = Vectors.receiverAllowingPlain().maxBodyBytes(LIMIT).build();

    static Stream<Arguments> nestings() {
        return IntStream.of(33, 1001, 5_000, 100_000).boxed().flatMap(depth -> Stream.of(
                Arguments.of("json-array", depth, PushFormat.JSON, jsonEnvelope("[".repeat(depth) + "]".repeat(depth))),
                Arguments.of("json-object", depth, PushFormat.JSON, jsonEnvelope("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                Arguments.of("xml", depth, PushFormat.XML, xmlEnvelope("<a>".repeat(depth) + "</a>".repeat(depth)))));
    }

    private static String jsonEnvelope(String nested) {
        return "{\"ToUserName\":\"gh_1\",\"FromUserName\":\"o1\",\"CreateTime\":1714036504,\"MsgType\":\"event\","
                + "\"Event\":\"custom\",\"deep\":" + nested + "}";
    }

    private static String xmlEnvelope(String nested) {
        return "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1714036504</CreateTime>"
                + "<MsgType>event</MsgType><Event>custom</Event><deep>" + nested + "</deep></xml>";
    }

    private static PushEventSigner signer(PushMode mode, PushFormat format) {
        PushEventSigner.Builder b = PushEventSigner.builder().token(TOKEN).mode(mode).format(format).clock(CLOCK);
        return (mode == PushMode.PLAIN ? b : b.encryption(AES_KEY, APPID)).build();
    }

    private static void assertMalformed(Map<String, String> query, String body) {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> RECEIVER.receive(query, body));
        assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("nestings")
    void receive_whenPlainBodyIsNestedDeeply_refusesItAsMalformed(String kind, int depth, PushFormat format, String message) {
        SignedPush push = signer(PushMode.PLAIN, format).signMessage(message);

        assertMalformed(push.queryParameters(), push.body());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("nestings")
    void receive_whenDecryptedMessageIsNestedDeeply_refusesItAsMalformed(String kind, int depth, PushFormat format, String message) {
        SignedPush push = signer(PushMode.SAFE, format).signMessage(message);

        assertMalformed(push.queryParameters(), push.body());
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("nestings")
    void receive_whenUnsignedOuterBodyIsNestedDeeply_refusesItWithAReason(String kind, int depth, PushFormat format, String message) {
        SignedPush push = signer(PushMode.SAFE, format).signMessage("{}");
        String encrypt = push.body().replaceAll("(?s).*Encrypt\\W*([A-Za-z0-9+/=]+).*", "$1");
        String outer = format == PushFormat.JSON
                ? "{\"Encrypt\":\"" + encrypt + "\",\"deep\":" + message + "}"
                : "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt><deep>" + message + "</deep></xml>";
        Map<String, String> query = new HashMap<>(push.queryParameters());
        query.put("msg_signature", "0".repeat(40));

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> RECEIVER.receive(query, outer));
        assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
    }

    static Stream<Arguments> harmlessLookalikes() {
        int max = 32;
        return Stream.of(
                Arguments.of(PushFormat.JSON, jsonEnvelope("[".repeat(max - 1) + "]".repeat(max - 1))),
                Arguments.of(PushFormat.JSON, jsonEnvelope("\"" + "[{".repeat(5_000) + "\\\"[[[\"")),
                Arguments.of(PushFormat.JSON, jsonEnvelope("[" + "[],{},".repeat(5_000) + "0]")),
                Arguments.of(PushFormat.XML, xmlEnvelope("<a>".repeat(max - 2) + "</a>".repeat(max - 2))),
                Arguments.of(PushFormat.XML, xmlEnvelope("<![CDATA[" + "<a>".repeat(5_000) + "]]>")),
                Arguments.of(PushFormat.XML, xmlEnvelope("<!--" + "<a>".repeat(5_000) + "-->")),
                Arguments.of(PushFormat.XML, xmlEnvelope("<a/><b x='>'/><c y=\"/>\"></c>".repeat(5_000))),
                Arguments.of(PushFormat.XML, "<?xml version=\"1.0\"?>" + xmlEnvelope("<?pi <a><a><a>?>".repeat(5_000))));
    }

    @ParameterizedTest
    @MethodSource("harmlessLookalikes")
    void receive_whenBracketsOrTagsAreTextOrSiblings_decodesTheEvent(PushFormat format, String message) {
        SignedPush plain = signer(PushMode.PLAIN, format).signMessage(message);
        SignedPush safe = signer(PushMode.SAFE, format).signMessage(message);

        assertEquals("custom", RECEIVER.receive(plain.queryParameters(), plain.body()).envelope().event());
        assertEquals("custom", RECEIVER.receive(safe.queryParameters(), safe.body()).envelope().event());
    }
}

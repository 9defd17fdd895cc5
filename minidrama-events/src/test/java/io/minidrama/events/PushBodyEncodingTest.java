package io.minidrama.events;

import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.minidrama.events.Vectors.CLOCK;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body is UTF-8, decoded strictly: a body in another encoding is refused, not read with U+FFFD in it. */
class PushBodyEncodingTest {
    private static final String MESSAGE = "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1714036504</CreateTime>"
            + "<MsgType>event</MsgType><Event>secvod_upload_event</Event><upload_event><media_id>7</media_id>"
            + "<source_context>第3集</source_context><errcode>0</errcode><errmsg>ok</errmsg></upload_event></xml>";

    private final PushEventReceiver receiver = Vectors.receiverAllowingPlain().build();
    private final SignedPush push = PushEventSigner.builder().token(TOKEN).mode(PushMode.PLAIN).clock(CLOCK).build().signMessage(MESSAGE);

    @Test
    void receiveBytes_whenBodyIsUtf8_decodesIt() {
        UploadEvent event = assertInstanceOf(UploadEvent.class,
                receiver.receive(push.queryParameters(), MESSAGE.getBytes(StandardCharsets.UTF_8)));

        assertEquals("第3集", event.sourceContext());
    }

    @Test
    void receiveBytes_whenBodyIsGbk_refusesItAsMalformed() {
        byte[] gbk = MESSAGE.getBytes(Charset.forName("GBK"));

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(push.queryParameters(), gbk));
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void receiveBytes_whenBodyHasAnOverlongEncoding_refusesItAsMalformed() {
        byte[] overlong = (MESSAGE.replace("第3集", "X")).getBytes(StandardCharsets.UTF_8);
        int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf('X');
        byte[] body = new byte[overlong.length + 1];
        System.arraycopy(overlong, 0, body, 0, at);
        body[at] = (byte) 0xC1; // 'X' (0x58) as an overlong two-byte sequence
        body[at + 1] = (byte) 0x98;
        System.arraycopy(overlong, at + 1, body, at + 2, overlong.length - at - 1);

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(push.queryParameters(), body));
        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void receiveBytes_whenBodyExceedsTheLimit_refusesItBeforeDecoding() {
        PushEventReceiver small = Vectors.receiver().maxBodyBytes(100).build();
        byte[] notUtf8 = new byte[101];
        java.util.Arrays.fill(notUtf8, (byte) 0xFF);

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> small.receive(push.queryParameters(), notUtf8));
        assertEquals(Reason.TOO_LARGE, e.reason());
    }

    @Test
    void receiveString_whenBodyHoldsAnUnpairedSurrogate_refusesItAsMalformed() {
        String json = "{\"ToUserName\":\"gh_1\",\"MsgType\":\"event\",\"Event\":\"secvod_upload_event\","
                + "\"upload_event\":{\"media_id\":7,\"source_context\":\"\uD83C\"}}";
        SignedPush jsonPush = PushEventSigner.builder().token(TOKEN).mode(PushMode.PLAIN).format(PushFormat.JSON).clock(CLOCK).build()
                .signMessage(json);
        Map<String, String> query = jsonPush.queryParameters();
        String body = jsonPush.body();

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(query, body));
        assertEquals(Reason.MALFORMED, e.reason());
    }
}

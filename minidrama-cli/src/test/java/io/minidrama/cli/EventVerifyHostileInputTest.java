package io.minidrama.cli;

import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code event verify} on hostile bodies: exit 2 and one line naming the reason, never a stack trace. */
class EventVerifyHostileInputTest {
    private static final String TOKEN = "pushtoken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxcli000000000001";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run verify(SignedPush push, Path body) {
        Map<String, String> q = push.queryParameters();
        List<String> args = new ArrayList<>(List.of("event", "verify", "--token", TOKEN, "--timestamp", q.get("timestamp"),
                "--nonce", q.get("nonce")));
        if (q.containsKey("msg_signature")) {
            args.addAll(List.of("--msg-signature", q.get("msg_signature"), "--aes-key", AES_KEY, "--appid", APPID));
        } else {
            args.addAll(List.of("--signature", q.get("signature")));
        }
        args.add(body.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    private static PushEventSigner signer(PushMode mode, PushFormat format) {
        PushEventSigner.Builder b = PushEventSigner.builder().token(TOKEN).mode(mode).format(format).clock(Clock.systemUTC());
        return (mode == PushMode.PLAIN ? b : b.encryption(AES_KEY, APPID)).build();
    }

    private static void assertOneLineRefusal(Run r, String reason) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("event refused: " + reason), r.err());
    }

    @Test
    void eventVerify_whenJsonIsNested1001Deep_refusesItInOneLine() throws IOException {
        String deep = "{\"ToUserName\":\"gh_1\",\"Event\":\"x\",\"deep\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
        for (PushMode mode : List.of(PushMode.PLAIN, PushMode.SAFE)) {
            SignedPush push = signer(mode, PushFormat.JSON).signMessage(deep);
            Path body = Files.writeString(dir.resolve(mode + ".json"), push.body());

            assertOneLineRefusal(verify(push, body), "MALFORMED");
        }
    }

    @Test
    void eventVerify_whenXmlIsNested5000Deep_refusesItInOneLine() throws IOException {
        String deep = "<xml><ToUserName>gh_1</ToUserName><Event>x</Event>" + "<a>".repeat(5_000) + "</a>".repeat(5_000) + "</xml>";
        SignedPush push = signer(PushMode.PLAIN, PushFormat.XML).signMessage(deep);
        Path body = Files.writeString(dir.resolve("deep.xml"), push.body());

        assertOneLineRefusal(verify(push, body), "MALFORMED");
    }

    @Test
    void eventVerify_whenPlainBodyIsNotUtf8_refusesIt() throws IOException {
        String message = "<xml><ToUserName>gh_1</ToUserName><MsgType>event</MsgType><Event>secvod_upload_event</Event>"
                + "<upload_event><media_id>7</media_id><source_context>第3集</source_context></upload_event></xml>";
        SignedPush push = signer(PushMode.PLAIN, PushFormat.XML).signMessage(message);
        Path body = Files.write(dir.resolve("gbk.xml"), message.getBytes(Charset.forName("GBK")));

        Run r = verify(push, body);

        assertOneLineRefusal(r, "MALFORMED");
        assertTrue(r.err().contains("not valid UTF-8"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void eventVerify_whenBodyIsTenMegabytes_refusesItAsTooLarge() throws IOException {
        String message = "{\"ToUserName\":\"gh_1\",\"deep\":" + "[".repeat(10 << 20) + "}";
        SignedPush push = signer(PushMode.PLAIN, PushFormat.JSON).signMessage(message);
        Path body = Files.writeString(dir.resolve("big.json"), message);

        assertOneLineRefusal(verify(push, body), "TOO_LARGE");
    }
}

package io.minidrama.events;

import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.minidrama.events.Vectors.AES_KEY;
import static io.minidrama.events.Vectors.APPID;
import static io.minidrama.events.Vectors.NONCE;
import static io.minidrama.events.Vectors.SIGNATURE;
import static io.minidrama.events.Vectors.TIMESTAMP;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XXE and entity-expansion payloads, correctly signed so that only the parser stands in the way. */
class HardenedXmlTest {
    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <xml><ToUserName>&lol9;</ToUserName><Event>secvod_upload_event</Event><upload_event><media_id>1</media_id></upload_event></xml>""";

    private final PushEventReceiver receiver = Vectors.receiverAllowingPlain().build();

    @TempDir
    Path dir;

    private static Map<String, String> plainQuery() {
        return new HashMap<>(Map.of("signature", SIGNATURE, "timestamp", TIMESTAMP, "nonce", NONCE));
    }

    private static String xxe(Path secretFile) {
        return "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>"
                + "<xml><ToUserName>&xxe;</ToUserName><Event>custom</Event></xml>";
    }

    private Path secretFile() throws IOException {
        return Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    }

    @Test
    void receive_whenPlainBodyHasExternalEntity_rejectsWithMalformedAndNeverReadsTheFile() throws IOException {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(plainQuery(), xxe(secretFile())));

        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET-CONTENT"));
    }

    @Test
    void receive_whenDecryptedMessageHasExternalEntity_rejectsWithMalformed() throws IOException {
        String encrypted = WeChatMessageCrypto.create(AES_KEY, APPID).encrypt(xxe(secretFile()));
        Map<String, String> query = plainQuery();
        query.put("encrypt_type", "aes");
        query.put("msg_signature", WeChatMessageCrypto.msgSignature(TOKEN, TIMESTAMP, NONCE, encrypted));

        PushRejectedException e = assertThrows(PushRejectedException.class,
                () -> receiver.receive(query, "<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>"));

        assertEquals(Reason.MALFORMED, e.reason());
        assertFalse(e.getMessage().contains("TOP-SECRET-CONTENT"));
    }

    @Test
    void receive_whenOuterEncryptedBodyHasDoctype_rejectsBeforeAnyDecryption() throws IOException {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"" + secretFile().toUri() + "\">]>"
                + "<xml><Encrypt>&e;</Encrypt></xml>";

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(Vectors.safeQuery("upload-event"), body));

        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void receive_whenBillionLaughs_rejectsWithMalformedQuickly() {
        PushRejectedException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(PushRejectedException.class, () -> receiver.receive(plainQuery(), BILLION_LAUGHS)));

        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void receive_whenExternalDtdOverHttp_rejectsAndMakesNoRequest() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            String body = "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"" + url + "\"><xml><Event>x</Event></xml>";
            String paramEntity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><xml/>";

            assertEquals(Reason.MALFORMED, assertThrows(PushRejectedException.class, () -> receiver.receive(plainQuery(), body)).reason());
            assertEquals(Reason.MALFORMED, assertThrows(PushRejectedException.class, () -> receiver.receive(plainQuery(), paramEntity)).reason());
            assertEquals(0, hits.get(), "the parser must not fetch anything");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void receive_whenXIncludeUsed_doesNotInclude() throws IOException {
        String body = "<xml xmlns:xi=\"http://www.w3.org/2001/XInclude\"><ToUserName><xi:include href=\"" + secretFile().toUri()
                + "\" parse=\"text\"/></ToUserName><Event>custom</Event></xml>";

        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(plainQuery(), body));

        assertEquals(Reason.MALFORMED, e.reason(), "ToUserName holds an element, not text: the include is never resolved");
        assertFalse(e.getMessage().contains("TOP-SECRET-CONTENT"));
    }
}

package io.minidrama.cli;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.AuditStatus;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import io.minidrama.testkit.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniDramaCliTest {
    private static final String APPID = "wxcli000000000001";
    private static final String SECRET = "cli-secret-do-not-print-9f8e7d";

    @TempDir
    Path dir;
    private MiniDramaEmulator emulator;

    @BeforeEach
    void start() {
        emulator = MiniDramaEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Run(int exit, String out, String err) {
        JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(out)).readObject();
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run platform(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", emulator.baseUrl().toString(), "--appid", APPID, "--secret", SECRET));
        return run(all.toArray(String[]::new));
    }

    private Path video(String name, int size) throws IOException {
        return Files.write(dir.resolve(name), MiniDramaFixtures.bytes(size, size));
    }

    @Test
    void upload_thenMediaGet_printsPlatformFieldNamesAsJson() throws IOException {
        Path ep = video("ep1.mp4", 12 * 1024 * 1024);

        Run upload = platform("upload", ep.toString(), "--name", "我的短剧 - 第1集", "--json", "--checkpoint-dir", dir.resolve("cp").toString());
        assertEquals(0, upload.exit(), upload.err());
        long mediaId = upload.json().getJsonNumber("media_id").longValue();

        Run get = platform("media", "get", Long.toString(mediaId), "--json");
        assertEquals(0, get.exit(), get.err());
        JsonObject info = get.json().getJsonObject("media_info");
        assertEquals("我的短剧 - 第1集", info.getString("name"));
        assertEquals(Long.toString(12 * 1024 * 1024), info.getString("file_size"));
        assertEquals(mediaId, info.getJsonNumber("media_id").longValue());
    }

    @Test
    void upload_whenNameBreaksR1_exitsTwoNamingRuleAndSendsNothing() throws IOException {
        Path ep = video("ep1.mp4", 1000);

        Run r = platform("upload", ep.toString(), "--name", "no episode number");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("media_name (R-1)"), r.err());
        assertTrue(r.err().contains("第<episode>集"), r.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
        assertEquals(0, emulator.tokenFetches());
    }

    @Test
    void mediaLink_whenExpiryBeyondTwoHoursAndRlimitTooHigh_exitsTwoListingBothRules() {
        Run r = platform("media", "link", "123", "--expires-in", "PT3H", "--rlimit", "12");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(R-9)"), r.err());
        assertTrue(r.err().contains("(R-10)"), r.err());
    }

    @Test
    void mediaGet_whenUnknown_exitsThreeWithErrcodeAndErrmsg() {
        Run r = platform("media", "get", "987654321");

        assertEquals(3, r.exit());
        assertTrue(r.err().contains("errcode 10093030"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void anyCommand_whenPlatformUnreachable_exitsFour() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Run r = run("drama", "list", "--base-url", "http://127.0.0.1:" + port, "--appid", APPID, "--secret", SECRET);

        assertEquals(4, r.exit(), r.err());
        assertTrue(r.err().startsWith("transport failure"), r.err());
    }

    @Test
    void outputs_neverContainTheSecretOrTheToken() throws IOException {
        Path ep = video("ep1.mp4", 1000);
        List<Run> runs = List.of(
                platform("upload", ep.toString(), "--name", "剧 - 第1集", "--json", "--checkpoint-dir", dir.resolve("cp").toString()),
                platform("media", "get", "1"),
                platform("media", "list", "--json"),
                run("drama", "list", "--base-url", "http://127.0.0.1:1", "--appid", APPID, "--secret", SECRET),
                run("media", "get", "1", "--base-url", emulator.baseUrl().toString(), "--access-token", "tok-SECRET-123"));
        for (Run r : runs) {
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
            assertFalse(r.out().contains("tok-SECRET-123") || r.err().contains("tok-SECRET-123"), r.out() + r.err());
            assertFalse(r.err().contains("access_token="), r.err());
        }
    }

    @Test
    void dramaSubmit_thenGet_roundTripsThroughTheEmulator() {
        MediaId a = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        MediaId b = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(2).build());

        Run submit = platform("drama", "submit", "--name", "测试短剧", "--media-ids", a + "," + b, "--producer", "某某影视",
                "--description", "简介", "--cover-material", "cover-1", "--registration-number", "备案号123",
                "--producer-is-entity", "--json");
        assertEquals(0, submit.exit(), submit.err());
        long drama = submit.json().getJsonNumber("drama_id").longValue();

        Run get = platform("drama", "get", Long.toString(drama), "--json");
        assertEquals(0, get.exit(), get.err());
        assertEquals(2, get.json().getJsonObject("drama_info").getInt("media_count"));
        assertEquals(1, get.json().getJsonObject("drama_info").getJsonObject("audit_detail").getInt("status"));
    }

    @Test
    void dramaSubmit_whenBothRegistrationNumberAndPublishLicence_exitsTwoWithR15() {
        Run r = platform("drama", "submit", "--name", "剧", "--media-ids", "1", "--producer", "p", "--description", "d",
                "--cover-material", "c", "--registration-number", "x", "--publish-license", "y", "--producer-is-entity");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(R-15)"), r.err());
    }

    @Test
    void eventVerify_acceptsASignedSafeModeEventAndRefusesATamperedOne() throws IOException {
        String token = "pushtoken";
        String aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        PushEventSigner signer = PushEventSigner.builder().token(token).encryption(aesKey, APPID).mode(PushMode.SAFE)
                .format(PushFormat.XML).clock(Clock.systemUTC()).build();
        AuditEvent event = new AuditEvent(new PushEvent.Envelope("gh_1", "sys", Instant.now(), "event", AuditEvent.TYPE),
                DramaId.of(42), AuditStatus.APPROVED, AuditType.FIRST_SUBMISSION, Instant.now(), Instant.now());
        SignedPush push = signer.sign(event);
        Path body = Files.writeString(dir.resolve("body.xml"), push.body());
        var q = push.queryParameters();

        Run ok = run("event", "verify", "--token", token, "--timestamp", q.get("timestamp"), "--nonce", q.get("nonce"),
                "--msg-signature", q.get("msg_signature"), "--aes-key", aesKey, "--appid", APPID, body.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("drama 42 is APPROVED"), ok.out());

        Run bad = run("event", "verify", "--token", "wrong-token", "--timestamp", q.get("timestamp"), "--nonce", q.get("nonce"),
                "--msg-signature", q.get("msg_signature"), "--aes-key", aesKey, "--appid", APPID, body.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("BAD_SIGNATURE"), bad.err());
        assertFalse(bad.err().contains(aesKey));
    }

    @Test
    void demo_walksTheLifecycleAndExitsZero() {
        Run r = run("demo", "--large-mb", "11");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("status APPROVED"), r.out());
        assertTrue(r.out().contains("chunked upload"), r.out());
        assertTrue(r.out().contains("CDN usage"), r.out());
    }

}

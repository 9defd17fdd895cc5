package com.example.seasons.test;

import com.example.seasons.SeasonPublisher;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.adapter.redis.RedisAccessTokens;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import io.minidrama.testkit.PlatformControl;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP adapter against the emulator, run as a modular application runs it: this class, the
 * consumer's service, the adapter, Yasson and the testkit are all named modules on the module path.
 */
@MiniDramaTest(emulator = true)
class ModularConsumerTest {
    private static final int CHUNKED_SIZE = 12 * 1024 * 1024;
    private static final String APPID = "wx0123456789abcdef";
    private static final String PUSH_TOKEN = "push-token";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Test
    void everyModule_isNamed_onTheModulePath() {
        assertEquals("com.example.seasons.test", getClass().getModule().getName());
        assertEquals("com.example.seasons", SeasonPublisher.class.getModule().getName());
        assertEquals("io.minidrama.adapter.jdkhttp", JdkHttpMiniDramaAdapter.class.getModule().getName());
        assertEquals("io.minidrama.emulator", MiniDramaEmulator.class.getModule().getName());
        assertEquals("io.minidrama.adapter.redis", RedisAccessTokens.class.getModule().getName());
        assertTrue(ModuleLayer.boot().findModule("org.eclipse.yasson").isPresent(), "Yasson is a named module of the boot layer");
    }

    @Test
    void season_uploadedSubmittedAndApproved_playsOverTheWire(MiniDramaEmulator emulator, @TempDir Path dir) throws IOException {
        Path season = Files.createDirectories(dir.resolve("season"));
        Files.write(season.resolve("ep01.mp4"), MiniDramaFixtures.tinyVideo());
        Files.write(season.resolve("ep02.mp4"), MiniDramaFixtures.bytes(CHUNKED_SIZE, 7));
        PlatformControl control = PlatformControl.overHttp(emulator.baseUrl());

        try (SeasonPublisher publisher = new SeasonPublisher(emulator.baseUrl(), APPID, "any-secret", dir.resolve("checkpoints"))) {
            List<MediaId> episodes = publisher.uploadSeason(MiniDramaFixtures.DRAMA_NAME, season);

            assertEquals(List.of(MiniDramaFixtures.episode(1).wire(), MiniDramaFixtures.episode(2).wire()),
                    episodes.stream().map(id -> publisher.media(id).name()).toList());
            assertEquals(MiniDramaFixtures.tinyVideo().length, publisher.media(episodes.get(0)).fileSize());
            assertEquals(CHUNKED_SIZE, publisher.media(episodes.get(1)).fileSize());

            DramaId drama = publisher.submit(MiniDramaFixtures.aDrama(episodes).build());
            assertEquals(AuditStatus.UNDER_REVIEW, publisher.drama(drama).status());

            control.approveDrama(drama);
            assertEquals(AuditStatus.APPROVED, publisher.drama(drama).status());

            PlayLink link = publisher.playLink(episodes.get(1), Duration.ofHours(1));
            assertFalse(link.mp4Url().isEmpty());
            assertTrue(control.play(link.mp4Url(), "203.0.113.7", "", 1024).served(), "the play link serves the episode");
        }
    }

    @Test
    void approval_pushedToTheConsumersWebhook_decodesAsAnApprovedAuditEvent(MiniDramaEmulator emulator, @TempDir Path dir)
            throws Exception {
        for (PushFormat format : PushFormat.values()) {
            BlockingQueue<PushEvent> received = new LinkedBlockingQueue<>();
            List<RuntimeException> refusals = new CopyOnWriteArrayList<>();
            HttpServer webhook = webhook(emulator, received, refusals);
            try (SeasonPublisher publisher = new SeasonPublisher(emulator.baseUrl(), APPID, "any-secret", dir.resolve("checkpoints"))) {
                emulator.pushTo(URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/push"), PUSH_TOKEN, AES_KEY, APPID,
                        PushMode.SAFE, format);
                Path season = Files.createDirectories(dir.resolve("season-" + format));
                Files.write(season.resolve("ep01.mp4"), MiniDramaFixtures.tinyVideo());
                DramaId drama = publisher.submit(MiniDramaFixtures.aDrama(publisher.uploadSeason("推送" + format, season)).build());

                PlatformControl.overHttp(emulator.baseUrl()).approveDrama(drama);

                assertEquals(List.of(), refusals, format + ": the webhook refused a push");
                AuditEvent event = nextAuditEvent(received);
                assertEquals(drama, event.dramaId(), format.toString());
                assertTrue(event.status().isApproved(), format + ": " + event);
            } finally {
                emulator.stopPushing();
                webhook.stop(0);
            }
        }
    }

    @Test
    void fleetOfTwo_launchedWithItsRootModule_sharesOneTokenThroughRedis(MiniDramaEmulator emulator, @TempDir Path dir)
            throws Exception {
        Path season = Files.createDirectories(dir.resolve("season"));
        Files.write(season.resolve("ep01.mp4"), MiniDramaFixtures.tinyVideo());

        try (LocalRedisServer redis = LocalRedisServer.start()) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process app = new ProcessBuilder(java, "--module-path", System.getProperty("jdk.module.path"),
                    "-m", "com.example.seasons.test/" + FleetInstanceMain.class.getName(),
                    redis.uri(), emulator.baseUrl().toString(), season.toString(), dir.toString())
                    .redirectErrorStream(true).start();
            String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(app.waitFor(60, TimeUnit.SECONDS), out);
            assertEquals(0, app.exitValue(), out);
            assertTrue(out.contains("size=" + MiniDramaFixtures.tinyVideo().length), out);
            assertEquals(1, emulator.tokenFetches(), "one token for both instances");
        }
    }

    private static HttpServer webhook(MiniDramaEmulator emulator, BlockingQueue<PushEvent> received, List<RuntimeException> refusals)
            throws IOException {
        PushEventReceiver receiver = PushEventReceiver.builder().token(PUSH_TOKEN).encryption(AES_KEY, APPID).clock(emulator.clock()).build();
        HttpServer webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/push", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] answer = "success".getBytes(StandardCharsets.UTF_8);
            int status = 200;
            try {
                received.add(receiver.receive(PushEventReceiver.parseQuery(exchange.getRequestURI().getRawQuery()), body));
            } catch (RuntimeException refused) {
                refusals.add(refused);
                answer = refused.toString().getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        webhook.start();
        return webhook;
    }

    private static AuditEvent nextAuditEvent(BlockingQueue<PushEvent> received) throws InterruptedException {
        while (true) {
            PushEvent event = received.poll(10, TimeUnit.SECONDS);
            assertTrue(event != null, "no audit event reached the webhook");
            if (event instanceof AuditEvent audit) {
                return audit;
            }
        }
    }
}

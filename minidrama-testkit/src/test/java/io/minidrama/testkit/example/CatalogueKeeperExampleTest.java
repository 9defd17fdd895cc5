package io.minidrama.testkit.example;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.event.AuditType;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import io.minidrama.testkit.PlatformControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keeper behind a real webhook: the emulator pushes signed, encrypted audit events; the
 * webhook checks them with {@link PushEventReceiver} and hands them to the keeper, which talks to
 * the emulator through the HTTP adapter.
 */
@MiniDramaTest(emulator = true, clockStart = "2025-06-01T00:00:00Z")
class CatalogueKeeperExampleTest {
    private static final String TOKEN = "push-token";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxkeeper0000000001";

    MiniDramaEmulator emulator;
    MutableClock clock;
    private HttpServer webhook;
    private CatalogueKeeper keeper;
    private MiniDrama miniDrama;
    private final AtomicInteger replaced = new AtomicInteger();

    @BeforeEach
    void webhook() throws IOException {
        miniDrama = MiniDrama.create(JdkHttpMiniDramaAdapter.builder().baseUrl(emulator.baseUrl()).credentials(APPID, "secret")
                .clock(clock).build(), clock);
        keeper = new CatalogueKeeper(miniDrama);
        PushEventReceiver receiver = PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, APPID).clock(clock).build();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/push", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            replaced.addAndGet(keeper.onEvent(receiver.receive(PushEventReceiver.parseQuery(ex.getRequestURI().getRawQuery()), body)));
            byte[] ok = "success".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        webhook.start();
        emulator.pushTo(URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/push"), TOKEN, AES_KEY, APPID,
                PushMode.SAFE, PushFormat.JSON);
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
    }

    private DramaId approvedDrama(MediaId episode) {
        DramaId id = miniDrama.dramas().submit(MiniDramaFixtures.aDrama(List.of(episode)).build());
        PlatformControl.overHttp(emulator.baseUrl()).approveDrama(id);
        return id;
    }

    @Test
    void replacementApprovalEvent_letsTheKeeperApplyTheReplacement() {
        MediaId old = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        DramaId drama = approvedDrama(old);
        MediaId fresh = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        keeper.replace(drama, old, fresh);
        assertTrue(keeper.waiting(drama));

        PlatformControl.overHttp(emulator.baseUrl()).approveReplacement(drama);

        assertEquals(1, replaced.get(), String.join("\n", emulator.pushLog()));
        assertFalse(keeper.waiting(drama));
        assertEquals(List.of(fresh), miniDrama.dramas().get(drama).mediaIds());
    }

    @Test
    void replacementRejectionEvent_leavesTheDramaAsItWas() {
        MediaId old = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        DramaId drama = approvedDrama(old);
        keeper.replace(drama, old, emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build()));

        PlatformControl.overHttp(emulator.baseUrl()).rejectReplacement(drama, "画面模糊");

        assertEquals(0, replaced.get());
        assertFalse(keeper.waiting(drama));
        assertEquals(List.of(old), miniDrama.dramas().get(drama).mediaIds());
    }

    @Test
    void infoChangeApprovalEvent_arrivesWithAuditType3AndTheChangeHasTakenEffect() {
        DramaId drama = approvedDrama(emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build()));
        miniDrama.catalog().modifyInfo(DramaInfoChange.builder(drama).description("更新后的简介").build());

        PlatformControl.overHttp(emulator.baseUrl()).approveInfoChange(drama);

        assertEquals(AuditType.INFO_CHANGE, keeper.infoChangeAudit(drama).orElseThrow().auditType());
        assertEquals(AuditStatus.APPROVED, keeper.infoChangeAudit(drama).orElseThrow().status());
        assertEquals("更新后的简介", miniDrama.dramas().get(drama).description());
    }
}

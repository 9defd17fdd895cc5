package io.minidrama.testkit.component;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.events.ComponentEvent;
import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.port.AccessToken;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.ComponentAuthorizationException;
import io.minidrama.port.component.ComponentAuthorizationException.Reason;
import io.minidrama.port.component.InMemoryComponentStore;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.HttpComponentPort;
import io.minidrama.protocol.component.MiniDramaClients;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The third-party platform flow end to end against the emulator: tickets and authorization events
 * pushed (encrypted) to a callback and decoded by {@link ComponentEventReceiver}, tokens kept by
 * {@link ComponentTokens} in a store, calls made through the {@link MiniDramaClients} registry over
 * one counted JDK transport. Every failure message, every toString and every log record is checked
 * for the secrets the emulator issued.
 */
class ComponentFlowTest {
    private static final String COMPONENT = "wxcomponentflow1";
    private static final String SECRET = "component-secret-flow-0001";
    private static final String PUSH_TOKEN = "push-token-flow";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private MiniDramaEmulator emulator;
    private HttpServer callback;
    private CountingTransport transport;
    private InMemoryComponentStore store;
    private ComponentTokens tokens;
    private MiniDramaClients clients;
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<String> callbackFailures = new CopyOnWriteArrayList<>();
    private final Handler logs = new Handler() {
        private final SimpleFormatter f = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            texts.add(f.format(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void start() throws Exception {
        Logger root = Logger.getLogger("io.minidrama");
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(logs);
        emulator = MiniDramaEmulator.builder().component(COMPONENT, SECRET).start();
        transport = new CountingTransport(JdkHttpTransport.create());
        store = InMemoryComponentStore.create();
        tokens = ComponentTokens.builder(COMPONENT, SECRET)
                .port(HttpComponentPort.builder().transport(transport).baseUrl(emulator.baseUrl()).clock(emulator.clock()).build())
                .store(store).clock(emulator.clock()).build();
        ComponentEventReceiver receiver = ComponentEventReceiver.builder().token(PUSH_TOKEN).encryption(AES_KEY, COMPONENT)
                .clock(emulator.clock()).build();
        callback = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
        callback.createContext("/component/events", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                try {
                    ComponentEvent event = receiver.receive(PushEventReceiver.parseQuery(ex.getRequestURI().getRawQuery()), body);
                    texts.add(event.toString());
                    if (event instanceof ComponentEvent.Ticket t) {
                        tokens.acceptTicket(t.ticket(), t.createdAt());
                    } else if (event instanceof ComponentEvent.Authorized a) {
                        tokens.authorize(a.authorizationCode());
                    } else if (event instanceof ComponentEvent.UpdateAuthorized u) {
                        tokens.authorize(u.authorizationCode());
                    } else if (event instanceof ComponentEvent.Unauthorized u) {
                        tokens.revoke(u.authorizerAppId(), u.createdAt());
                    } else {
                        callbackFailures.add("unknown " + event.infoType());
                    }
                } catch (RuntimeException e) {
                    callbackFailures.add(e.toString());
                }
                byte[] ok = "success".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, ok.length);
                ex.getResponseBody().write(ok);
            }
        });
        callback.start();
        emulator.pushComponentEventsTo(URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/component/events"),
                PUSH_TOKEN, AES_KEY);
        clients = MiniDramaClients.builder().transport(transport).baseUrl(emulator.baseUrl()).component(tokens)
                .clientOptions(b -> b.clock(emulator.clock())).build();
    }

    @AfterEach
    void stop() {
        try {
            assertEquals(List.of(), callbackFailures, "the callback refused a push");
            assertEquals(List.of(), emulator.wireProblems());
            assertNoSecretLeaked();
        } finally {
            Logger root = Logger.getLogger("io.minidrama");
            root.removeHandler(logs);
            root.setLevel(previousLevel);
            clients.close();
            callback.stop(0);
            emulator.close();
        }
    }

    private void assertNoSecretLeaked() {
        texts.add(tokens.toString());
        texts.add(store.toString());
        texts.add(clients.toString());
        for (String app : store.authorizers(COMPONENT)) {
            texts.add(store.grant(COMPONENT, app).map(AuthorizerGrant::toString).orElse(""));
            texts.add(store.authorizerToken(COMPONENT, app).map(AccessToken::toString).orElse(""));
        }
        store.ticket(COMPONENT).ifPresent(t -> texts.add(t.toString()));
        List<String> secrets = new ArrayList<>(emulator.component().issuedSecrets());
        secrets.add(SECRET);
        secrets.add(AES_KEY);
        secrets.add(PUSH_TOKEN);
        for (String text : texts) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret appears in: " + text);
            }
        }
    }

    private <T extends Throwable> T failure(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        texts.add(String.valueOf(e.getMessage()));
        texts.add(e.toString());
        return e;
    }

    /** Ticket pushed, merchant authorizes (event pushed), the service calls for it. */
    private void authorized(String appId, Set<Integer> sets) {
        if (store.ticket(COMPONENT).isEmpty()) {
            emulator.pushTicket();
        }
        emulator.authorizeComponent(appId, sets);
        assertTrue(store.grant(COMPONENT, appId).isPresent(), "the authorized event was not handled: " + emulator.componentPushLog());
    }

    @Test
    void ticketAndAuthorizedEvent_thenCallsForTheAuthorizer_useItsOwnToken() {
        authorized("wxauthorizer01", Set.of(153, 157));
        authorized("wxauthorizer02", Set.of(153));

        clients.client("wxauthorizer01").authorizedApps();
        clients.client("wxauthorizer02").authorizedApps();
        clients.client("wxauthorizer02").authorizedApps();

        assertEquals(1, emulator.component().operationCallsByAuthorizer().get("wxauthorizer01"));
        assertEquals(2, emulator.component().operationCallsByAuthorizer().get("wxauthorizer02"));
        assertEquals(Set.of(153, 157), store.grant(COMPONENT, "wxauthorizer01").orElseThrow().permissionSets());
        assertEquals(1, emulator.component().calls().get("api_component_token"), "one component token for everything");
        assertEquals(List.of("component_verify_ticket -> 200 success", "authorized -> 200 success", "authorized -> 200 success"),
                emulator.componentPushLog());
        assertTrue(emulator.component().calls().getOrDefault("api_authorizer_token", 0) == 0,
                "the tokens api_query_auth answered are used, not renewed");
    }

    @Test
    void unauthorizedEvent_makesCallsFailFast_withoutANetworkCall() {
        authorized("wxauthorizer01", Set.of(153, 157));
        clients.client("wxauthorizer01").authorizedApps();

        emulator.revokeComponent("wxauthorizer01");
        int before = transport.exchanges.get();
        ComponentAuthorizationException e = failure(ComponentAuthorizationException.class,
                () -> clients.client("wxauthorizer01").authorizedApps());

        assertEquals(Reason.REVOKED, e.reason());
        assertEquals("wxauthorizer01", e.authorizerAppId());
        assertEquals(61003, e.rawErrcode());
        assertTrue(e.merchantMustAuthorize());
        assertTrue(e.getMessage().contains("revoked"), e.getMessage());
        assertEquals(before, transport.exchanges.get(), "a revoked appid must not reach the network");

        // authorizing again lifts the revocation
        emulator.authorizeComponent("wxauthorizer01", Set.of(153));
        clients.client("wxauthorizer01").authorizedApps();
    }

    @Test
    void missingPermissionSet_failsFast_namingTheSet() {
        authorized("wxauthorizer01", Set.of(157));
        int before = transport.exchanges.get();

        ComponentAuthorizationException e = failure(ComponentAuthorizationException.class,
                () -> clients.client("wxauthorizer01").authorizedApps());

        assertEquals(Reason.PERMISSION_SET_MISSING, e.reason());
        assertEquals(153, e.permissionSet());
        assertTrue(e.getMessage().contains("permission set 153"), e.getMessage());
        assertEquals(before, transport.exchanges.get());

        authorized("wxauthorizer02", Set.of(153));
        ComponentAuthorizationException player = failure(ComponentAuthorizationException.class,
                () -> tokens.checkCall("wxauthorizer02", DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA));
        assertEquals(157, player.permissionSet());
        assertTrue(player.getMessage().contains("permission set 157"), player.getMessage());
    }

    @Test
    void answer61007_withSetsUnknown_rereadsTheGrantedSets_thenNamesTheSet_andTheNextCallFailsFast() {
        authorized("wxauthorizer01", Set.of(157));
        AuthorizerGrant g = store.grant(COMPONENT, "wxauthorizer01").orElseThrow();
        store.putGrant(COMPONENT, "wxauthorizer01", g.withPermissionSets(Set.of()));   // as after a re-pull from the list

        ComponentAuthorizationException e = failure(ComponentAuthorizationException.class,
                () -> clients.client("wxauthorizer01").authorizedApps());

        assertEquals(Reason.PERMISSION_SET_MISSING, e.reason());
        assertEquals(153, e.permissionSet());
        assertEquals(1, emulator.component().calls().get("api_get_authorizer_info"));
        assertEquals(Set.of(157), store.grant(COMPONENT, "wxauthorizer01").orElseThrow().permissionSets());
        int before = transport.exchanges.get();
        failure(ComponentAuthorizationException.class, () -> clients.client("wxauthorizer01").authorizedApps());
        assertEquals(before, transport.exchanges.get(), "the sets are known now: no network call");
    }

    @Test
    void answer61007_forASetGrantedMeanwhile_isCalledOnceMore() {
        authorized("wxauthorizer01", Set.of(157));
        AuthorizerGrant g = store.grant(COMPONENT, "wxauthorizer01").orElseThrow();
        store.putGrant(COMPONENT, "wxauthorizer01", g.withPermissionSets(Set.of()));
        // the merchant grants 153 right after the platform refused the call (its event not handled yet)
        transport.afterResponse = body -> {
            if (body.contains("61007")) {
                transport.afterResponse = null;
                emulator.component().authorize("wxauthorizer01", Set.of(153, 157));
            }
        };

        clients.client("wxauthorizer01").authorizedApps();

        assertEquals(Set.of(153, 157), store.grant(COMPONENT, "wxauthorizer01").orElseThrow().permissionSets());
        assertEquals(1, emulator.component().calls().get("api_get_authorizer_info"));
    }

    @Test
    void rotatedRefreshToken_isWrittenBack_soTheNextRenewalWorks() {
        authorized("wxauthorizer01", Set.of(153));
        emulator.component().rotateRefreshTokens(true);

        for (int round = 0; round < 3; round++) {
            emulator.clock().advance(Duration.ofMinutes(119)); // inside the 5-minute margin: renew
            emulator.pushTicket();
            clients.client("wxauthorizer01").authorizedApps();
            assertEquals(emulator.component().currentRefreshToken("wxauthorizer01").orElseThrow(),
                    store.grant(COMPONENT, "wxauthorizer01").orElseThrow().refreshToken(), "round " + round);
        }
        assertEquals(3, emulator.component().renewals("wxauthorizer01"));
        assertEquals(0, emulator.component().calls().getOrDefault("api_get_authorizer_list", 0), "no 61023 happened");
    }

    @Test
    void lostRefreshToken_isRepulledFromTheAuthorizerList() {
        authorized("wxauthorizer01", Set.of(153));
        // a store restored from an old backup: the refresh token it has was replaced by a re-authorization
        String old = store.grant(COMPONENT, "wxauthorizer01").orElseThrow().refreshToken();
        emulator.component().authorize("wxauthorizer01", Set.of(153));
        store.putGrant(COMPONENT, "wxauthorizer01", AuthorizerGrant.of(old, Set.of(153)));
        store.authorizerToken(COMPONENT, "wxauthorizer01").ifPresent(t -> store.removeAuthorizerToken(COMPONENT, "wxauthorizer01", t));

        clients.client("wxauthorizer01").authorizedApps();

        assertEquals(emulator.component().currentRefreshToken("wxauthorizer01").orElseThrow(),
                store.grant(COMPONENT, "wxauthorizer01").orElseThrow().refreshToken());
        assertEquals(1, emulator.component().calls().get("api_get_authorizer_list"));
        assertEquals(Set.of(153), store.grant(COMPONENT, "wxauthorizer01").orElseThrow().permissionSets(), "the sets are kept");
    }

    @Test
    void unknownAuthorizer_inTheList_isAdopted_otherwiseNotAuthorized() {
        emulator.pushTicket();
        emulator.component().authorize("wxauthorizer09", Set.of(153)); // the event was lost (the store too)

        clients.client("wxauthorizer09").authorizedApps();
        assertTrue(store.grant(COMPONENT, "wxauthorizer09").isPresent());

        ComponentAuthorizationException e = failure(ComponentAuthorizationException.class,
                () -> clients.client("wxnobody").authorizedApps());
        assertEquals(Reason.NOT_AUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("must authorize"), e.getMessage());
    }

    @Test
    void refreshTokenInvalid_andNoOtherInTheList_saysTheMerchantMustAuthorizeAgain() {
        authorized("wxauthorizer01", Set.of(153));
        store.authorizerToken(COMPONENT, "wxauthorizer01").ifPresent(t -> store.removeAuthorizerToken(COMPONENT, "wxauthorizer01", t));
        emulator.component().failNext("api_authorizer_token", 61023, 1);

        ComponentAuthorizationException e = failure(ComponentAuthorizationException.class,
                () -> clients.client("wxauthorizer01").authorizedApps());

        assertEquals(Reason.REAUTHORIZATION_REQUIRED, e.reason());
        assertEquals(61023, e.rawErrcode());
        assertTrue(e.getMessage().contains("must authorize the platform again"), e.getMessage());
        assertEquals(1, emulator.component().calls().get("api_get_authorizer_list"), "the list was asked before giving up");
    }

    @Test
    void staleTicket_isReportedWithItsAge_andTicketErrcodesAreTyped() {
        emulator.pushTicket();
        emulator.clock().advance(Duration.ofHours(13));

        ComponentAuthorizationException stale = failure(ComponentAuthorizationException.class, tokens::componentToken);
        assertEquals(Reason.TICKET_EXPIRED, stale.reason());
        assertEquals(Duration.ofHours(13), stale.ticketAge().orElseThrow());
        assertTrue(stale.getMessage().contains("13 h 0 min old"), stale.getMessage());
        assertEquals(0, emulator.component().calls().getOrDefault("api_component_token", 0), "a stale ticket is not even sent");

        emulator.pushTicket(); // the newest ticket wins at once
        emulator.component().failNext("api_component_token", 61006, 1);
        assertEquals(Reason.TICKET_MISSING, failure(ComponentAuthorizationException.class, tokens::componentToken).reason());
        emulator.component().failNext("api_component_token", 61005, 1);
        assertEquals(Reason.TICKET_EXPIRED, failure(ComponentAuthorizationException.class, tokens::componentToken).reason());
        tokens.componentToken();
    }

    @Test
    void noTicketYet_isTyped() {
        ComponentAuthorizationException e = failure(ComponentAuthorizationException.class, tokens::componentToken);
        assertEquals(Reason.TICKET_MISSING, e.reason());
        assertTrue(e.getMessage().contains("no component_verify_ticket has been received"), e.getMessage());
    }

    @Test
    void concurrentCallers_fetchTheComponentTokenOnce_andRenewEachAuthorizerOnce() throws Exception {
        authorized("wxauthorizer01", Set.of(153));
        authorized("wxauthorizer02", Set.of(153));
        emulator.clock().advance(Duration.ofHours(2));
        emulator.pushTicket();
        int componentTokensBefore = emulator.component().calls().get("api_component_token");

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String app = i % 2 == 0 ? "wxauthorizer01" : "wxauthorizer02";
                done.add(pool.submit(() -> {
                    go.await();
                    clients.client(app).authorizedApps();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(componentTokensBefore + 1, emulator.component().calls().get("api_component_token"));
        assertEquals(1, emulator.component().renewals("wxauthorizer01"));
        assertEquals(1, emulator.component().renewals("wxauthorizer02"));
    }

    @Test
    void registry_sharesTheTransport_createsLazily_andClosesTogether() {
        authorized("wxauthorizer01", Set.of(153));
        assertEquals(Set.of(), clients.created());

        assertTrue(clients.client("wxauthorizer01") == clients.client("wxauthorizer01"));
        assertEquals(Set.of("wxauthorizer01"), clients.created());

        MiniDramaClients other = MiniDramaClients.builder().transport(transport).component(tokens).build();
        other.close();
        assertTrue(transport.closed.get());
        assertThrows(IllegalStateException.class, () -> other.client("wxauthorizer01"));
    }

    @Test
    void uploads_ofTwoApps_runOnTheRegistrysOneExecutor_whichCloseStops(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        authorized("wxauthorizer01", Set.of(153));
        authorized("wxauthorizer02", Set.of(153));
        Set<Thread> partThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        HttpTransport recording = new HttpTransport() {
            @Override
            public TransportResponse execute(TransportRequest request) {
                if (request.uri().getPath().endsWith("/uploadpart")) {
                    partThreads.add(Thread.currentThread());
                }
                return transport.execute(request);
            }

            @Override
            public void close() {
            }
        };
        MiniDramaClients shared = MiniDramaClients.builder().transport(recording).baseUrl(emulator.baseUrl()).component(tokens)
                .clientOptions(b -> b.clock(emulator.clock()))
                .uploads(app -> io.minidrama.port.upload.FileUploadCheckpoints.in(dir.resolve("checkpoints").resolve(app)), 1)
                .uploadOptions(b -> b.singleUploadThreshold(0))
                .build();
        java.nio.file.Path video = java.nio.file.Files.write(dir.resolve("ep1.mp4"), new byte[64 * 1024]);
        try {
            for (String app : List.of("wxauthorizer01", "wxauthorizer02")) {
                shared.uploads(app).upload(io.minidrama.port.upload.FileUploadRequest.builder(video,
                        io.minidrama.domain.media.MediaName.parse("共享执行器 - 第1集")).build());
            }
            assertTrue(shared.uploads("wxauthorizer01") == shared.uploads("wxauthorizer01"), "one service per app");
            assertTrue(shared.uploads("wxauthorizer01") != shared.uploads("wxauthorizer02"), "a service per app");
            assertEquals(1, partThreads.size(), "both apps' parts on the one part thread of the shared executor: " + partThreads);
            assertTrue(emulator.component().operationCallsByAuthorizer().keySet().containsAll(List.of("wxauthorizer01", "wxauthorizer02")),
                    "each app uploaded with its own token: " + emulator.component().operationCallsByAuthorizer());
        } finally {
            shared.close();
        }

        assertTrue(shared.uploadExecutor().isShutdown());
        Thread part = partThreads.iterator().next();
        part.join(5_000);
        assertFalse(part.isAlive(), "the shared executor's thread stops with the registry");
        assertThrows(IllegalStateException.class, () -> shared.uploads("wxauthorizer01"));
    }

    @Test
    void authorizeUrl_carriesTheComponentAndAFreshPreAuthCode() {
        emulator.pushTicket();
        URI url = tokens.authorizeUrl(URI.create("https://service.example/authorized?x=1"));

        assertTrue(url.toString().startsWith("https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=" + COMPONENT
                + "&pre_auth_code=preauthcode"), url.toString());
        assertTrue(url.toString().endsWith("&redirect_uri=https%3A%2F%2Fservice.example%2Fauthorized%3Fx%3D1&auth_type=2"));
        assertEquals(1, emulator.component().calls().get("api_create_preauthcode"));
    }

    /** Counts exchanges; records close. */
    private static final class CountingTransport implements HttpTransport {
        final AtomicInteger exchanges = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        volatile java.util.function.Consumer<String> afterResponse;
        private final HttpTransport delegate;

        CountingTransport(HttpTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public TransportResponse execute(TransportRequest request) {
            exchanges.incrementAndGet();
            TransportResponse r = delegate.execute(request);
            java.util.function.Consumer<String> hook = afterResponse;
            if (hook == null) {
                return r;
            }
            byte[] body;
            try (java.io.InputStream in = r.body()) {
                body = in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            r.close();
            hook.accept(new String(body, StandardCharsets.UTF_8));
            int status = r.status();
            java.util.Map<String, List<String>> headers = r.headers();
            return new TransportResponse() {
                @Override
                public int status() {
                    return status;
                }

                @Override
                public java.util.Map<String, List<String>> headers() {
                    return headers;
                }

                @Override
                public java.io.InputStream body() {
                    return new java.io.ByteArrayInputStream(body);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                delegate.close();
            }
        }
    }
}

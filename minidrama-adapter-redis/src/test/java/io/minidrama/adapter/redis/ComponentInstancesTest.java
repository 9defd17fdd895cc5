package io.minidrama.adapter.redis;

import io.lettuce.core.SetArgs;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.events.ComponentEvent;
import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.HttpComponentPort;
import io.minidrama.protocol.component.MiniDramaClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The multi-instance run at a reduced scale, in one JVM: several service instances, each
 * with its own transport, Redis connection, {@link ComponentTokens} and client registry, sharing one
 * real Redis and one emulated platform; simulated time with tokens expiring. Pushes (signed and
 * encrypted as the platform does) reach the instances round-robin, as through a load balancer. Checks: every call succeeds; exactly one
 * authorizer token renewal per app per expiry across all instances, one component token per expiry;
 * the newest ticket pushed is the one stored after every push; each app's calls carry its own token (the emulator counts accepted
 * calls by the appid a token was issued for); an instance that died holding an appid's lock delays
 * the others by the lock's lease only.
 */
class ComponentInstancesTest {
    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private static final System.Logger LOG = System.getLogger(ComponentInstancesTest.class.getName());
    private static final String COMPONENT = "wxcomponentmulti";
    private static final String SECRET = "component-secret-multi";
    private static final String PUSH_TOKEN = "push-token-multi";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final int APPS = 30;
    private static final int INSTANCES = 3;
    private static final Duration STEP = Duration.ofMinutes(10);
    private static final int STEPS = 36; // 6 simulated hours: three authorizer token expiries

    private record Instance(JdkHttpTransport transport, RedisComponentStore store, ComponentTokens tokens,
                            MiniDramaClients clients, ComponentEventReceiver receiver) {
    }

    @Test
    void severalInstances_oneRedis_tokensExpiring_everyCallSucceeds_andEachTokenIsFetchedOncePerExpiry() throws Exception {
        redis.flush();
        List<Instance> instances = new ArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (MiniDramaEmulator emulator = MiniDramaEmulator.builder().component(COMPONENT, SECRET).threads(32).start()) {
            for (int i = 0; i < INSTANCES; i++) {
                JdkHttpTransport http = JdkHttpTransport.create();
                RedisComponentStore store = RedisComponentStore.builder(redis.client()).clock(emulator.clock())
                        .lockLease(Duration.ofSeconds(2)).build();
                ComponentTokens tokens = ComponentTokens.builder(COMPONENT, SECRET)
                        .port(HttpComponentPort.builder().transport(http).baseUrl(emulator.baseUrl()).clock(emulator.clock()).build())
                        .store(store).clock(emulator.clock()).build();
                MiniDramaClients clients = MiniDramaClients.builder().transport(http).baseUrl(emulator.baseUrl()).component(tokens)
                        .clientOptions(b -> b.clock(emulator.clock())).build();
                instances.add(new Instance(http, store, tokens, clients,
                        ComponentEventReceiver.builder().token(PUSH_TOKEN).encryption(AES_KEY, COMPONENT).clock(emulator.clock()).build()));
            }
            AtomicInteger next = new AtomicInteger();
            // pushes reach the instances round-robin, as through a load balancer (signed and encrypted as the platform does)
            java.util.function.BiConsumer<String, String> push = (infoType, fields) -> {
                Instance in = instances.get(Math.floorMod(next.getAndIncrement(), INSTANCES));
                long now = emulator.clock().instant().getEpochSecond();
                var signed = ComponentEventReceiver.sign(PUSH_TOKEN, AES_KEY, COMPONENT, "<xml><AppId>" + COMPONENT + "</AppId><CreateTime>"
                        + now + "</CreateTime><InfoType>" + infoType + "</InfoType>" + fields + "</xml>", now, Long.toString(now) + next.get());
                try {
                    ComponentEvent e = in.receiver().receive(signed.queryParameters(), signed.body().getBytes(StandardCharsets.UTF_8));
                    if (e instanceof ComponentEvent.Ticket t) {
                        in.tokens().acceptTicket(t.ticket(), t.createdAt());
                    } else if (e instanceof ComponentEvent.Authorized a) {
                        in.tokens().authorize(a.authorizationCode());
                    }
                } catch (RuntimeException e) {
                    failures.add("push: " + e);
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
            try {
                String lastTicket = emulator.pushTicket();
                push.accept("component_verify_ticket", "<ComponentVerifyTicket>" + lastTicket + "</ComponentVerifyTicket>");
                for (int a = 0; a < APPS; a++) {
                    String code = emulator.authorizeComponent(app(a), Set.of(153, 157));
                    push.accept("authorized", "<AuthorizerAppid>" + app(a) + "</AuthorizerAppid><AuthorizationCode>" + code
                            + "</AuthorizationCode><AuthorizationCodeExpiredTime>0</AuthorizationCodeExpiredTime>");
                }
                int tickets = 1;
                int calls = 0;
                for (int step = 0; step <= STEPS; step++) {
                    if (step > 0) {
                        emulator.clock().advance(STEP);
                        lastTicket = emulator.pushTicket();
                        push.accept("component_verify_ticket", "<ComponentVerifyTicket>" + lastTicket + "</ComponentVerifyTicket>");
                        tickets++;
                    }
                    if (step == 12) {
                        // an instance died holding app 0's lock, mid-renewal: the lease frees it
                        redis.raw().set("minidrama:component:{" + COMPONENT + "}:lock:" + app(0), "dead-instance",
                                SetArgs.Builder.px(1500));
                    }
                    List<Future<?>> done = new ArrayList<>();
                    for (Instance in : instances) {
                        done.add(pool.submit(() -> {
                            for (int a = 0; a < APPS; a++) {
                                try {
                                    in.clients().client(app(a)).authorizedApps();
                                } catch (RuntimeException e) {
                                    failures.add(app(a) + ": " + e.getMessage());
                                }
                            }
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                    calls += INSTANCES * APPS;
                    assertEquals(lastTicket, instances.get(0).store().ticket(COMPONENT).orElseThrow().value(),
                            "the newest ticket is the one stored, step " + step);
                }
                assertEquals(List.of(), failures);
                Map<String, Integer> byOwner = emulator.component().operationCallsByAuthorizer();
                int expiries = (int) (STEP.multipliedBy(STEPS).toMinutes() / 120);
                for (int a = 0; a < APPS; a++) {
                    assertEquals(expiries, emulator.component().renewals(app(a)), "renewals of " + app(a));
                    assertEquals(INSTANCES * (STEPS + 1), byOwner.get(app(a)), "calls made with the token of " + app(a));
                }
                Map<String, Integer> api = emulator.component().calls();
                assertEquals(1 + expiries, api.get("api_component_token"), "one component token per expiry");
                assertEquals(0, api.getOrDefault("api_get_authorizer_list", 0), "no refresh token was lost (no 61023)");
                LOG.log(System.Logger.Level.INFO, "component run: " + INSTANCES + " instances, " + APPS + " apps, "
                        + STEP.multipliedBy(STEPS).toHours() + " h simulated, " + calls + " calls, 0 failures; api_authorizer_token "
                        + api.get("api_authorizer_token") + " (= " + APPS + " x " + expiries + "), api_component_token "
                        + api.get("api_component_token") + ", tickets pushed and stored " + tickets + ", api_query_auth "
                        + api.get("api_query_auth"));
            } finally {
                pool.shutdownNow();
                for (Instance in : instances) {
                    in.clients().close();
                    in.store().close();
                }
            }
        }
    }

    private static String app(int i) {
        return String.format("wxapp%04d", i);
    }
}

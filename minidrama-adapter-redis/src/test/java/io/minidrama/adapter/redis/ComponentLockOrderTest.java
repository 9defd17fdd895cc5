package io.minidrama.adapter.redis;

import io.lettuce.core.SetArgs;
import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.port.AccessToken;
import io.minidrama.protocol.component.ComponentTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances renewing one appid while an instance that died holding the component token's lock
 * delays them (found by the component soak's kill while holding that lock, benchmarks
 * {@code ComponentSoak}): the appid is still renewed once. A renewal that waited for the component
 * lock while holding the appid's lock outlived that lock's lease, so a second instance took the
 * appid's lock too and renewed it again (a double fetch and, with rotating refresh tokens, a 61023).
 */
class ComponentLockOrderTest {
    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private static final String COMPONENT = "wxcomponentlocks";
    private static final String SECRET = "component-secret-locks";
    private static final String APP = "wxapp0001";

    @Test
    void aDeadHolderOfTheComponentLock_delaysTwoInstancesRenewingOneAppid_whichIsStillRenewedOnce() throws Exception {
        redis.flush();
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-30T06:00:00Z"));
        InMemoryComponentPlatform platform = InMemoryComponentPlatform.builder(COMPONENT, SECRET).clock(clock).build();
        platform.rotateRefreshTokens(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RedisComponentStore s1 = store(clock); RedisComponentStore s2 = store(clock)) {
            ComponentTokens one = tokens(platform, s1, clock);
            ComponentTokens two = tokens(platform, s2, clock);
            one.acceptTicket(platform.issueTicket(), clock.instant());
            one.authorize(platform.authorize(APP, Set.of(153, 157)));
            clock.advance(Duration.ofHours(2)); // the component and authorizer tokens expired; the ticket lives 12 h
            // an instance died holding the component token's lock: 3 s of lease left, more than an appid lock's lease (1 s)
            redis.raw().set("minidrama:component:{" + COMPONENT + "}:lock:component", "dead-instance", SetArgs.Builder.px(3000));

            Future<AccessToken> first = pool.submit(() -> one.authorizerToken(APP));
            Thread.sleep(300); // the second instance asks while the first is under way
            Future<AccessToken> second = pool.submit(() -> two.authorizerToken(APP));
            AccessToken a = first.get(30, TimeUnit.SECONDS);
            AccessToken b = second.get(30, TimeUnit.SECONDS);

            assertEquals(1, platform.renewals(APP), "api_authorizer_token renewals of " + APP);
            assertEquals(0, platform.calls().getOrDefault("api_get_authorizer_list", 0), "no 61023, no re-pull");
            assertEquals(a, b, "both instances use the one renewed token");
            assertEquals(platform.currentRefreshToken(APP).orElseThrow(), s1.grant(COMPONENT, APP).orElseThrow().refreshToken());
        } finally {
            pool.shutdownNow();
        }
    }

    private static RedisComponentStore store(MutableClock clock) {
        return RedisComponentStore.builder(redis.client()).clock(clock).lockLease(Duration.ofSeconds(1)).build();
    }

    private static ComponentTokens tokens(InMemoryComponentPlatform platform, RedisComponentStore store, MutableClock clock) {
        return ComponentTokens.builder(COMPONENT, SECRET).port(platform).store(store).clock(clock).build();
    }
}

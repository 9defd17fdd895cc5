package io.minidrama.adapter.jdkhttp;

import io.minidrama.protocol.CachingAccessTokens;
import io.minidrama.port.Sleeper;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.minidrama.adapter.jdkhttp.WireAssertions.APPID;
import static io.minidrama.adapter.jdkhttp.WireAssertions.NOW;
import static io.minidrama.adapter.jdkhttp.WireAssertions.SECRET;
import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static io.minidrama.adapter.jdkhttp.WireAssertions.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessTokenTest {
    private final RecordingServer server = new RecordingServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String tokenReply(String token) {
        return "{\"access_token\":\"" + token + "\",\"expires_in\":7200}";
    }

    @Test
    void stableToken_isPostedWithCredentialsInTheBody() {
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

        adapter.deleteMedia(MediaId.of(1));

        RecordingServer.Recorded r = server.only("/cgi-bin/stable_token");
        assertEquals("POST", r.method());
        assertNull(r.rawQuery());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        assertEquals(parse("{\"grant_type\":\"client_credential\",\"appid\":\"" + APPID + "\",\"secret\":\"" + SECRET
                + "\",\"force_refresh\":false}"), parse(r.bodyText()));
        assertEquals("access_token=" + RecordingServer.TOKEN, server.only("/wxa/sec/vod/deletemedia").rawQuery());
    }

    @Test
    void classicToken_isAGetWithCredentialsInTheQuery() {
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).classicTokenEndpoint().build();

        adapter.deleteMedia(MediaId.of(1));

        RecordingServer.Recorded r = server.only("/cgi-bin/token");
        assertEquals("GET", r.method());
        assertEquals("grant_type=client_credential&appid=" + APPID + "&secret=" + SECRET, r.rawQuery());
        assertEquals(0, server.requests("/cgi-bin/stable_token").size());
    }

    @Test
    void token_isCachedAcrossCalls() {
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

        adapter.deleteMedia(MediaId.of(1));
        adapter.deleteMedia(MediaId.of(2));
        adapter.deleteMedia(MediaId.of(3));

        assertEquals(1, server.requests("/cgi-bin/stable_token").size());
        assertEquals(3, server.requests("/wxa/sec/vod/deletemedia").size());
    }

    @Test
    void coldCache_with40ConcurrentCallers_fetchesExactlyOnce() throws Exception {
        server.script("/cgi-bin/stable_token", RecordingServer.Reply.json(tokenReply(RecordingServer.TOKEN)).delayed(300));
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i <= callers; i++) {
            long id = i;
            futures.add(pool.submit(() -> {
                start.await();
                adapter.deleteMedia(MediaId.of(id));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(1, server.requests("/cgi-bin/stable_token").size());
        assertEquals(callers, server.requests("/wxa/sec/vod/deletemedia").size());
    }

    @Test
    void cachingAccessTokens_with64ConcurrentCallers_fetchesExactlyOnce() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CachingAccessTokens tokens = CachingAccessTokens.of(() -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new AccessToken("T" + fetches.get(), NOW.plusSeconds(7200));
        }, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AccessToken>> futures = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return tokens.token();
            }));
        }
        start.countDown();
        for (Future<AccessToken> f : futures) {
            assertEquals("T1", f.get(30, TimeUnit.SECONDS).value());
        }
        pool.shutdown();
        assertEquals(1, fetches.get());
    }

    @Test
    void token_isRefetchedOnceTheSafetyMarginIsReached() {
        MutableClock clock = new MutableClock(NOW);
        AtomicInteger fetches = new AtomicInteger();
        CachingAccessTokens tokens = CachingAccessTokens.of(
                () -> new AccessToken("T" + fetches.incrementAndGet(), clock.instant().plusSeconds(7200)), clock, Duration.ofMinutes(5));

        assertEquals("T1", tokens.token().value());
        clock.advance(Duration.ofSeconds(7200 - 300 - 1));
        assertEquals("T1", tokens.token().value());
        clock.advance(Duration.ofSeconds(2));
        assertEquals("T2", tokens.token().value());
        assertEquals(2, fetches.get());
    }

    @Test
    void invalidate_dropsOnlyTheTokenStillCached() {
        AtomicInteger fetches = new AtomicInteger();
        CachingAccessTokens tokens = CachingAccessTokens.of(
                () -> new AccessToken("T" + fetches.incrementAndGet(), NOW.plusSeconds(7200)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        AccessToken first = tokens.token();

        tokens.invalidate(first);
        AccessToken second = tokens.token();
        tokens.invalidate(first);

        assertEquals("T2", second.value());
        assertSame(second, tokens.token());
        assertEquals(2, fetches.get());
    }

    @Test
    void errcode40001_invalidatesTheTokenAndRetriesOnceWithAFreshOne() {
        server.script("/cgi-bin/stable_token", RecordingServer.Reply.json(tokenReply("OLD_TOKEN_1")),
                RecordingServer.Reply.json(tokenReply("NEW_TOKEN_2")));
        server.script("/wxa/sec/vod/deletemedia", RecordingServer.Reply.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"),
                RecordingServer.Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        WireAssertions.RecordingSleeper sleeper = new WireAssertions.RecordingSleeper();
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, sleeper).build();

        adapter.deleteMedia(MediaId.of(1));

        List<RecordingServer.Recorded> calls = server.requests("/wxa/sec/vod/deletemedia");
        assertEquals(2, calls.size());
        assertEquals("access_token=OLD_TOKEN_1", calls.get(0).rawQuery());
        assertEquals("access_token=NEW_TOKEN_2", calls.get(1).rawQuery());
        assertEquals(2, server.requests("/cgi-bin/stable_token").size());
        assertEquals(List.of(), sleeper.sleeps);
    }

    @Test
    void errcode40001_whenStableTokenHandsBackTheRejectedToken_refetchesWithForceRefresh() {
        server.script("/cgi-bin/stable_token", RecordingServer.Reply.json(tokenReply("STALE_TOKEN_1")),
                RecordingServer.Reply.json(tokenReply("STALE_TOKEN_1")), RecordingServer.Reply.json(tokenReply("FORCED_TOKEN_2")));
        server.script("/wxa/sec/vod/deletemedia", RecordingServer.Reply.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"),
                RecordingServer.Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

        adapter.deleteMedia(MediaId.of(1));

        List<RecordingServer.Recorded> fetches = server.requests("/cgi-bin/stable_token");
        assertEquals(3, fetches.size());
        assertEquals(false, parse(fetches.get(1).bodyText()).getBoolean("force_refresh"));
        assertEquals(true, parse(fetches.get(2).bodyText()).getBoolean("force_refresh"));
        List<RecordingServer.Recorded> calls = server.requests("/wxa/sec/vod/deletemedia");
        assertEquals("access_token=FORCED_TOKEN_2", calls.get(1).rawQuery());
    }

    @Test
    void errcode40001_whenStableTokenAnswersANewToken_doesNotForceRefresh() {
        server.script("/cgi-bin/stable_token", RecordingServer.Reply.json(tokenReply("OLD_TOKEN_1")),
                RecordingServer.Reply.json(tokenReply("NEW_TOKEN_2")));
        server.script("/wxa/sec/vod/deletemedia", RecordingServer.Reply.json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"),
                RecordingServer.Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

        adapter.deleteMedia(MediaId.of(1));

        List<RecordingServer.Recorded> fetches = server.requests("/cgi-bin/stable_token");
        assertEquals(2, fetches.size());
        assertEquals(false, parse(fetches.get(1).bodyText()).getBoolean("force_refresh"));
    }

    @Test
    void errcode42001Twice_refreshesOnlyOnceThenFails() {
        server.json("/wxa/sec/vod/getmedia", "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

        PlatformException e = assertThrows(PlatformException.class, () -> adapter.getMedia(MediaId.of(1)));

        assertEquals(ErrorCode.ACCESS_TOKEN_EXPIRED, e.errorCode());
        assertEquals(2, server.requests("/wxa/sec/vod/getmedia").size());
        // The server hands back the refused token, so the refresh forces a new one (and gets the same).
        assertEquals(3, server.requests("/cgi-bin/stable_token").size());
    }

    @Test
    void callerSuppliedTokenSource_isUsedAndCached() {
        AtomicInteger fetches = new AtomicInteger();
        JdkHttpMiniDramaAdapter adapter = JdkHttpMiniDramaAdapter.builder().baseUrl(server.baseUrl())
                .tokenSource(() -> new AccessToken("AUTHORIZER_TOKEN_" + fetches.incrementAndGet(), Instant.now().plusSeconds(7200)))
                .build();

        adapter.deleteMedia(MediaId.of(1));
        adapter.deleteMedia(MediaId.of(2));

        assertEquals(1, fetches.get());
        assertEquals("access_token=AUTHORIZER_TOKEN_1", server.requests("/wxa/sec/vod/deletemedia").get(1).rawQuery());
        assertEquals(0, server.requests("/cgi-bin/stable_token").size());
    }

    @Test
    void tokenEndpointError_surfacesAsPlatformExceptionOfTheTokenOperation() {
        server.json("/cgi-bin/stable_token", "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

        PlatformException e = assertThrows(PlatformException.class, () -> adapter.deleteMedia(MediaId.of(1)));

        assertEquals("stable_token", e.operation());
        assertEquals(ErrorCode.INVALID_APPID, e.errorCode());
        assertEquals(0, server.requests("/wxa/sec/vod/deletemedia").size());
    }
}

package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.CheckpointStorageException;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.UploadCheckpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisUploadCheckpointsTest {
    private static final long MB = UploadLimits.MB;
    private static final String KEY = "/videos/ep3.mp4#我的短剧 - 第3集";

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RedisCommands<String, String> raw;

    @BeforeEach
    void flush() {
        redis.flush();
        raw = redis.raw();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private RedisUploadCheckpoints store() {
        return store(RedisUploadCheckpoints.DEFAULT_TTL);
    }

    private RedisUploadCheckpoints store(Duration ttl) {
        RedisUploadCheckpoints s = RedisUploadCheckpoints.builder(redis.client()).ttl(ttl).build();
        toClose.add(s);
        return s;
    }

    private static UploadCheckpoint checkpoint(UploadSession session) {
        ApplyUpload req = ApplyUpload.of(MediaName.of("我的短剧", 3), VideoFormat.MP4).withCover(CoverFormat.JPG).withSourceContext("ctx=1&x|y");
        return new UploadCheckpoint(KEY, new FileIdentity("/videos/ep3.mp4", 50 * MB, Instant.parse("2026-11-20T10:15:30.123456Z"), "ab12"),
                req, session, Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void save_thenLoad_roundTripsEveryFieldIncludingQuotedEtagsAndCoverParts() {
        RedisUploadCheckpoints store = store();
        UploadSession s = UploadSession.start(UploadId.of("wx-up-1"), 50 * MB, 2 * MB)
                .recordPart(ResourceType.VIDEO, 2, 5 * MB, Etag.of("\"d899e1b2\""))
                .recordPart(ResourceType.COVER, 1, 2 * MB, Etag.of("\"c0\""));
        UploadCheckpoint c = checkpoint(s);

        store.save(c);
        UploadCheckpoint back = store.load(KEY).orElseThrow();

        assertEquals(c.key(), back.key());
        assertEquals(c.video(), back.video());
        assertEquals(c.request().name(), back.request().name());
        assertEquals(c.request().format(), back.request().format());
        assertEquals(c.request().coverFormat(), back.request().coverFormat());
        assertEquals(c.request().sourceContext(), back.request().sourceContext());
        assertEquals(s.recordedParts(), back.session().recordedParts());
        assertEquals(s.coverSize(), back.session().coverSize());
        assertEquals(c.updatedAt(), back.updatedAt());
    }

    @Test
    void checkWritable_leavesNoKey_andWhenRedisCannotBeUsed_failsTypedSayingNothingWasSent() {
        RedisUploadCheckpoints store = store();

        store.checkWritable(KEY);
        assertEquals(List.of(), raw.keys("*"));

        store.close();
        io.minidrama.port.CheckpointStorageException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.minidrama.port.CheckpointStorageException.class, () -> store.checkWritable(KEY));
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.uploadInProgress().isEmpty());
    }

    @Test
    void save_storesOneHashPerKeyUnderTheHashedNameWithOneFieldPerPart() {
        RedisUploadCheckpoints store = store();
        store.save(checkpoint(UploadSession.start(UploadId.of("u"), 50 * MB, 2 * MB)
                .recordPart(ResourceType.VIDEO, 7, 5 * MB, Etag.of("\"e7\""))));

        String rk = store.redisKey(KEY);
        assertTrue(rk.matches("minidrama:checkpoint:[0-9a-f]{64}"), rk);
        assertEquals(List.of(rk), raw.keys("*"));
        Map<String, String> fields = raw.hgetall(rk);
        assertEquals("\"e7\"", fields.get("part:1:7"));
        assertEquals("u", fields.get("upload_id"));
    }

    @Test
    void save_setsTheTtlAndEverySaveRenewsIt() throws InterruptedException {
        RedisUploadCheckpoints store = store(Duration.ofHours(1));
        UploadSession s = UploadSession.start(UploadId.of("u"), 50 * MB);
        store.save(checkpoint(s));
        String rk = store.redisKey(KEY);
        long first = raw.pttl(rk);
        assertTrue(first > 0 && first <= 3_600_000, "PTTL " + first);

        Thread.sleep(20);
        store.save(checkpoint(s.recordPart(ResourceType.VIDEO, 1, 5 * MB, Etag.of("a"))));

        long renewed = raw.pttl(rk);
        assertTrue(renewed > 3_600_000 - 15 && renewed <= 3_600_000, "renewed PTTL " + renewed);
    }

    @Test
    void load_afterTheTtlOfAnAbandonedUpload_isEmpty() throws InterruptedException {
        RedisUploadCheckpoints store = store(Duration.ofSeconds(1));
        store.save(checkpoint(UploadSession.start(UploadId.of("u"), 50 * MB)));
        assertTrue(store.load(KEY).isPresent());

        Thread.sleep(1_100);

        assertTrue(store.load(KEY).isEmpty());
    }

    @Test
    void save_whenThirtyTwoThreadsOnTwoWorkersRecordFortyParts_keepsEveryPartWithItsLastEtag() throws Exception {
        List<RedisUploadCheckpoints> workers = List.of(store(), store());
        UploadSession start = UploadSession.start(UploadId.of("wx-up-2"), 200 * MB);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int part = 1; part <= 40; part++) {
            int p = part;
            RedisUploadCheckpoints w = workers.get(p % 2);
            fs.add(pool.submit(() -> {
                go.await();
                UploadSession mine = start.recordPart(ResourceType.VIDEO, p, 5 * MB, Etag.of("\"e" + p + "\""));
                w.save(checkpoint(mine));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) {
            f.get(20, TimeUnit.SECONDS);
        }
        pool.shutdown();

        UploadSession merged = store().load(KEY).orElseThrow().session();
        assertTrue(merged.isComplete(), "all 40 parts kept: " + merged);
        for (UploadSession.RecordedPart p : merged.recordedParts()) {
            assertEquals("\"e" + p.partNumber() + "\"", p.etag().value());
        }
    }

    @Test
    void save_whenUploadIdDiffers_replacesTheHashInsteadOfMerging() {
        RedisUploadCheckpoints store = store();
        store.save(checkpoint(UploadSession.start(UploadId.of("a"), 50 * MB, 2 * MB)
                .recordPart(ResourceType.VIDEO, 1, 5 * MB, Etag.of("x"))
                .recordPart(ResourceType.COVER, 1, 2 * MB, Etag.of("c"))));

        store.save(checkpoint(UploadSession.start(UploadId.of("b"), 50 * MB, 2 * MB)));

        UploadSession now = store.load(KEY).orElseThrow().session();
        assertEquals("b", now.uploadId().value());
        assertTrue(now.recordedParts().isEmpty());
        assertFalse(raw.hexists(store.redisKey(KEY), "part:2:1"), "no part of the old upload lingers");
    }

    @Test
    void save_whenTheVideoSizeDiffers_replacesTheHash() {
        RedisUploadCheckpoints store = store();
        store.save(checkpoint(UploadSession.start(UploadId.of("a"), 50 * MB).recordPart(ResourceType.VIDEO, 10, 5 * MB, Etag.of("x"))));

        store.save(checkpoint(UploadSession.start(UploadId.of("a"), 20 * MB)));

        UploadSession now = store.load(KEY).orElseThrow().session();
        assertEquals(20 * MB, now.videoSize());
        assertTrue(now.recordedParts().isEmpty());
    }

    @Test
    void load_whenTheHashIsCorrupt_isEmptySoTheUploadStartsOver() {
        RedisUploadCheckpoints store = store();
        store.save(checkpoint(UploadSession.start(UploadId.of("a"), 10 * MB)));
        raw.hset(store.redisKey(KEY), "video_size", "banana");

        assertTrue(store.load(KEY).isEmpty());
    }

    @Test
    void load_whenAStoredPartIsOutsideThePlan_isEmpty() {
        RedisUploadCheckpoints store = store();
        store.save(checkpoint(UploadSession.start(UploadId.of("a"), 10 * MB)));
        raw.hset(store.redisKey(KEY), "part:1:9", "\"x\"");

        assertTrue(store.load(KEY).isEmpty());
    }

    @Test
    void keyPrefix_namespacesTheKeys() {
        RedisUploadCheckpoints store = RedisUploadCheckpoints.builder(redis.client()).keyPrefix("tenant-a").build();
        toClose.add(store);
        store.save(checkpoint(UploadSession.start(UploadId.of("a"), 10 * MB)));

        assertTrue(raw.keys("*").get(0).startsWith("tenant-a:checkpoint:"));
        assertTrue(store().load(KEY).isEmpty(), "another prefix does not see it");
    }

    @Test
    void build_whenRedisIsUnreachable_failsWithCheckpointStorageException() throws IOException {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        RedisClient nowhere = RedisClient.create("redis://127.0.0.1:" + unused);
        try {
            CheckpointStorageException e = assertThrows(CheckpointStorageException.class, () -> RedisUploadCheckpoints.builder(nowhere).build());
            assertTrue(e.getMessage().contains("cannot connect to Redis"), e.getMessage());
        } finally {
            nowhere.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void ttl_belowOneSecond_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisUploadCheckpoints.builder(redis.client()).ttl(Duration.ofMillis(10)));
        assertTrue(e.getMessage().contains("at least 1 s"));
    }
}

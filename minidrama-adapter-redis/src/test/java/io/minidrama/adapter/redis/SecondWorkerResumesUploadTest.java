package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.port.MediaUploadPort;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondWorkerResumesUploadTest {
    private static final long MB = UploadLimits.MB;

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    @TempDir
    Path dir;

    @Test
    void upload_whenTheFirstWorkerDiesAfterThreeParts_aSecondWorkerResumesItAndSendsOnlyTheMissingParts() throws IOException {
        redis.flush();
        Path video = dir.resolve("ep1.mp4");
        byte[] bytes = new byte[(int) (31 * MB + 17)];
        new Random(42).nextBytes(bytes);
        Files.write(video, bytes);
        FileUploadRequest request = FileUploadRequest.builder(video, MediaName.of("我的短剧", 1)).build();
        PlatformUploads platform = new PlatformUploads();

        // Worker 1: its own Redis client and store; after three parts its uploads fail for good, as if it died.
        Set<Integer> sentByFirst;
        RedisClient client1 = RedisClient.create("redis://127.0.0.1:" + redis.port());
        try (RedisUploadCheckpoints store1 = RedisUploadCheckpoints.builder(client1).build();
             FileUploadService worker1 = FileUploadService.builder(new DiesAfter(platform, 3), store1)
                     .partConcurrency(1).build()) {
            assertThrows(PlatformException.class, () -> worker1.upload(request));
            sentByFirst = Set.copyOf(platform.partCalls);
        } finally {
            client1.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        assertEquals(3, sentByFirst.size());

        // Worker 2: a new process would look like this: another client, another store, another service.
        RedisClient client2 = RedisClient.create("redis://127.0.0.1:" + redis.port());
        try (RedisUploadCheckpoints store2 = RedisUploadCheckpoints.builder(client2).build();
             FileUploadService worker2 = FileUploadService.builder(platform, store2).build()) {
            UploadCheckpoint found = store2.load(request.checkpointKey()).orElseThrow();
            assertEquals(sentByFirst, found.session().recordedParts().stream().map(p -> p.partNumber()).collect(Collectors.toSet()));
            platform.partCalls.clear();

            MediaId id = worker2.upload(request);

            assertEquals(1, platform.applyCalls.get(), "the second worker resumed the first one's upload id");
            assertEquals(7 - 3, platform.partCalls.size(), "only the missing parts were sent: " + platform.partCalls);
            for (int part : platform.partCalls) {
                assertFalse(sentByFirst.contains(part), "part " + part + " was already in the checkpoint");
            }
            assertArrayEquals(bytes, platform.media.get(id.value()));
            assertTrue(store2.load(request.checkpointKey()).isEmpty(), "the checkpoint is removed after the commit");
        } finally {
            client2.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** The first worker's view of the platform: part uploads stop working after {@code n}. */
    private static final class DiesAfter implements MediaUploadPort {
        private final MediaUploadPort platform;
        private final int n;
        private final AtomicInteger sent = new AtomicInteger();

        DiesAfter(MediaUploadPort platform, int n) {
            this.platform = platform;
            this.n = n;
        }

        @Override
        public MediaId uploadSingle(SingleFileUpload request) {
            return platform.uploadSingle(request);
        }

        @Override
        public UploadId applyUpload(ApplyUpload request) {
            return platform.applyUpload(request);
        }

        @Override
        public Etag uploadPart(PartUpload request) {
            if (sent.incrementAndGet() > n) {
                throw new PlatformException("uploadpart", 47003, "worker gone", 200);
            }
            return platform.uploadPart(request);
        }

        @Override
        public MediaId commitUpload(CommitUpload request) {
            return platform.commitUpload(request);
        }
    }
}

package io.minidrama.spring.boot;

import io.lettuce.core.RedisClient;
import io.minidrama.adapter.redis.RedisUploadCheckpoints;
import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the starter keeps upload checkpoints: Redis (a real redis-server) when the application has a Lettuce client, else files. */
class RedisCheckpointsTest {
    private static final long MB = 1024 * 1024;

    private static LocalRedisServer server;
    private static RedisClient client;

    /** The client stays the test's: the context does not shut it down (Spring would close an AutoCloseable). */
    private static final org.springframework.beans.factory.config.BeanDefinitionCustomizer APPLICATIONS_OWN =
            definition -> definition.setDestroyMethodName("");

    @TempDir
    Path directory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class))
            .withPropertyValues("minidrama.appid=wx0123456789abcdef", "minidrama.secret=s3cr3t-value");

    @BeforeAll
    static void start() {
        server = LocalRedisServer.start();
        client = RedisClient.create(server.uri());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withALettuceRedisClientBean_checkpointsGoToRedis_whereAnotherInstanceReadsThem() {
        runner.withBean(RedisClient.class, () -> client, APPLICATIONS_OWN)
                .withPropertyValues("minidrama.uploads.checkpoint-directory=" + directory, "minidrama.uploads.redis.key-prefix=boot-a")
                .run(context -> {
                    UploadCheckpointPort checkpoints = context.getBean(UploadCheckpointPort.class);
                    assertInstanceOf(RedisUploadCheckpoints.class, checkpoints);
                    assertNotNull(context.getBean(FileUploadService.class));
                    UploadCheckpoint saved = checkpoint("upload-1");
                    checkpoints.save(saved);
                    try (RedisUploadCheckpoints otherInstance = RedisUploadCheckpoints.builder(client).keyPrefix("boot-a").build()) {
                        UploadCheckpoint loaded = otherInstance.load("upload-1").orElseThrow(() -> new AssertionError("not in Redis under the prefix"));
                        assertEquals(saved.video(), loaded.video());
                        assertEquals(saved.session().toString(), loaded.session().toString());
                        assertEquals(saved.updatedAt(), loaded.updatedAt());
                        otherInstance.delete("upload-1");
                    }
                    assertTrue(checkpoints.load("upload-1").isEmpty());
                });
        // the application's client is left open: the store closed only its own connection
        try (var connection = client.connect()) {
            assertEquals("PONG", connection.sync().ping());
        }
    }

    @Test
    void withASpringDataLettuceConnectionFactory_checkpointsGoToRedisOverItsClient() {
        runner.withBean(LettuceConnectionFactory.class, () -> new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port())))
                .withPropertyValues("minidrama.uploads.redis.key-prefix=boot-b")
                .run(context -> {
                    UploadCheckpointPort checkpoints = context.getBean(UploadCheckpointPort.class);
                    assertInstanceOf(RedisUploadCheckpoints.class, checkpoints);
                    checkpoints.save(checkpoint("upload-2"));
                    try (RedisUploadCheckpoints otherInstance = RedisUploadCheckpoints.builder(client).keyPrefix("boot-b").build()) {
                        assertTrue(otherInstance.load("upload-2").isPresent());
                        otherInstance.delete("upload-2");
                    }
                });
    }

    @Test
    void withoutRedis_checkpointsAreFilesInTheDirectory() {
        runner.withPropertyValues("minidrama.uploads.checkpoint-directory=" + directory).run(context ->
                assertInstanceOf(FileUploadCheckpoints.class, context.getBean(UploadCheckpointPort.class)));
    }

    @Test
    void withoutTheRedisModule_checkpointsAreFiles_evenWithARedisClientBean() {
        runner.withClassLoader(new FilteredClassLoader(RedisUploadCheckpoints.class)).withBean(RedisClient.class, () -> client, APPLICATIONS_OWN)
                .run(context -> assertInstanceOf(FileUploadCheckpoints.class, context.getBean(UploadCheckpointPort.class)));
    }

    @Test
    void checkpointStoreDirectory_keepsFiles_evenWithARedisClientBean() {
        runner.withBean(RedisClient.class, () -> client, APPLICATIONS_OWN)
                .withPropertyValues("minidrama.uploads.checkpoint-store=directory", "minidrama.uploads.checkpoint-directory=" + directory)
                .run(context -> assertInstanceOf(FileUploadCheckpoints.class, context.getBean(UploadCheckpointPort.class)));
    }

    @Test
    void checkpointStoreRedis_withoutAClient_failsAtStartup_sayingWhatIsMissing() {
        runner.withPropertyValues("minidrama.uploads.checkpoint-store=redis").run(context -> {
            Throwable root = context.getStartupFailure();
            assertNotNull(root, "must not fall back to files silently");
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().contains("minidrama.uploads.checkpoint-store=redis needs"), root.getMessage());
        });
    }

    private static UploadCheckpoint checkpoint(String key) {
        UploadSession session = UploadSession.start(UploadId.of("wx-up-1"), 50 * MB, 2 * MB)
                .recordPart(ResourceType.VIDEO, 2, 5 * MB, Etag.of("\"d899e1b2\""));
        return new UploadCheckpoint(key, new FileIdentity("/videos/ep3.mp4", 50 * MB, Instant.parse("2026-11-20T10:15:30.123456Z"), "ab12"),
                ApplyUpload.of(MediaName.of("我的短剧", 3), VideoFormat.MP4), session, Instant.parse("2026-11-24T00:00:00Z"));
    }
}

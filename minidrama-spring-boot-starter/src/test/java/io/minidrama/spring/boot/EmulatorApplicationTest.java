package io.minidrama.spring.boot;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.spring.boot.app.Publisher;
import io.minidrama.spring.boot.app.PublisherApplication;
import io.minidrama.testkit.MiniDramaFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application with the starter and three properties (appid, secret, base URL) publishes
 * against the emulator over HTTP: upload, submit, play link.
 */
@SpringBootTest(classes = PublisherApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmulatorApplicationTest {

    private static final String APPID = "wx0123456789abcdef";
    private static final String SECRET = "emulator-app-secret-0123456789";
    private static final MiniDramaEmulator EMULATOR = MiniDramaEmulator.builder().credentials(APPID, SECRET).start();

    @DynamicPropertySource
    static void threeProperties(DynamicPropertyRegistry registry) {
        registry.add("minidrama.appid", () -> APPID);
        registry.add("minidrama.secret", () -> SECRET);
        registry.add("minidrama.base-url", () -> EMULATOR.baseUrl().toString());
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Autowired
    Publisher publisher;
    @Autowired
    MiniDramaPlatform platform;

    @Test
    void theStarterAndThreeProperties_uploadSubmitAndGetAPlayLink_overHttp(@TempDir Path dir) throws Exception {
        Path video = dir.resolve("ep1.mp4");
        Files.write(video, MiniDramaFixtures.tinyVideo());

        MediaId episode = publisher.upload(video, MiniDramaFixtures.episode(1));
        DramaId drama = publisher.submit(MiniDramaFixtures.aDrama(), List.of(episode));
        EMULATOR.control().approveDrama(drama);
        PlayLink link = publisher.firstEpisodeLink(drama);

        assertFalse(link.mp4Url().isEmpty());
        assertTrue(EMULATOR.control().storedMedia(episode).isPresent(), "the emulator stored the upload");
        assertEquals(List.of(), EMULATOR.wireProblems(), "every request matched the official tables");
        assertEquals(1, EMULATOR.tokenFetches(), "one stable_token fetch, cached for every call");
        assertTrue(platform.toString().startsWith("Observed["), "an ObservationRegistry is present (actuator), so calls are observed");
        assertFalse(platform.toString().contains(SECRET));
    }
}

package com.example.seasons.test;

import com.example.seasons.SeasonPublisher;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.testkit.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import io.minidrama.testkit.PlatformControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    @Test
    void everyModule_isNamed_onTheModulePath() {
        assertEquals("com.example.seasons.test", getClass().getModule().getName());
        assertEquals("com.example.seasons", SeasonPublisher.class.getModule().getName());
        assertEquals("io.minidrama.adapter.jdkhttp", JdkHttpMiniDramaAdapter.class.getModule().getName());
        assertEquals("io.minidrama.testkit", MiniDramaEmulator.class.getModule().getName());
        assertTrue(ModuleLayer.boot().findModule("org.eclipse.yasson").isPresent(), "Yasson is a named module of the boot layer");
    }

    @Test
    void season_uploadedSubmittedAndApproved_playsOverTheWire(MiniDramaEmulator emulator, @TempDir Path dir) throws IOException {
        Path season = Files.createDirectories(dir.resolve("season"));
        Files.write(season.resolve("ep01.mp4"), MiniDramaFixtures.tinyVideo());
        Files.write(season.resolve("ep02.mp4"), MiniDramaFixtures.bytes(CHUNKED_SIZE, 7));
        PlatformControl control = PlatformControl.overHttp(emulator.baseUrl());

        try (SeasonPublisher publisher = new SeasonPublisher(emulator.baseUrl(), "wx0123456789abcdef", "any-secret",
                dir.resolve("checkpoints"))) {
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
}

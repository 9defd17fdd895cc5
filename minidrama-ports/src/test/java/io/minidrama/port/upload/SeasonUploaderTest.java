package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.UploadLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeasonUploaderTest {
    @TempDir
    Path dir;
    private ScriptedUploadPort port;
    private FileUploadService uploads;
    private SeasonUploader seasons;

    @BeforeEach
    void setUp() {
        port = new ScriptedUploadPort();
        uploads = FileUploadService.builder(port.retrying(io.minidrama.port.RetryPolicy.defaults()), FileUploadCheckpoints.in(dir.resolve("cp"))).build();
        seasons = SeasonUploader.create(uploads, port, 2);
    }

    @AfterEach
    void tearDown() {
        uploads.close();
    }

    private Path season(int episodes) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("season"));
        Random r = new Random(42);
        for (int i = episodes; i >= 1; i--) {
            byte[] b = new byte[i == 2 ? (int) (11 * UploadLimits.MB) : 1000 + i];
            r.nextBytes(b);
            Files.write(folder.resolve(String.format("ep%02d.mp4", i)), b);
        }
        Files.writeString(folder.resolve("notes.txt"), "not a video");
        return folder;
    }

    @Test
    void uploadFolder_namesEpisodesAndReturnsMediaIdsInEpisodeOrder() throws IOException {
        Path folder = season(4);

        SeasonResult result = seasons.uploadFolder("我的短剧", folder);

        assertTrue(result.complete());
        List<MediaId> ids = result.mediaIdsInOrder();
        assertEquals(4, ids.size());
        for (int i = 0; i < 4; i++) {
            assertEquals("我的短剧 - 第" + (i + 1) + "集", port.mediaNames.get(ids.get(i).value()));
            assertArrayEquals(Files.readAllBytes(folder.resolve(String.format("ep%02d.mp4", i + 1))), port.media.get(ids.get(i).value()));
        }
    }

    @Test
    void uploadFolder_whenAnEpisodeFails_namesItKeepsTheOthersAndRerunFinishesOnlyTheRest() throws IOException {
        Path folder = season(3);
        port.partFault = k -> new PlatformException("uploadpart", 47003, "argument invalid", 200);

        SeasonResult first = seasons.uploadFolder("我的短剧", folder);

        assertFalse(first.complete());
        assertEquals(List.of(2), first.failed().stream().map(SeasonResult.Episode::number).toList());
        SeasonResult.IncompleteSeasonException e = assertThrows(SeasonResult.IncompleteSeasonException.class, first::mediaIdsInOrder);
        assertTrue(e.getMessage().contains("episode 2 (ep02.mp4)"), e.getMessage());

        port.partFault = k -> null;
        int singlesBefore = port.singleCalls.get();
        SeasonResult second = seasons.uploadFolder("我的短剧", folder);

        assertTrue(second.complete());
        assertEquals(singlesBefore, port.singleCalls.get(), "episodes 1 and 3 were not sent again");
        assertEquals(SeasonResult.Status.ALREADY_UPLOADED, second.episodes().get(0).status());
        assertEquals(SeasonResult.Status.UPLOADED, second.episodes().get(1).status());
        assertEquals(first.episodes().get(0).mediaId(), second.episodes().get(0).mediaId());
    }

    @Test
    void episodesIn_whenTheFolderCannotBeListed_isInvalidRequestNamingItWithTheIoCause() throws IOException {
        Path missing = dir.resolve("missing");
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");

        InvalidRequestException gone = assertThrows(InvalidRequestException.class, () -> SeasonUploader.episodesIn(missing));
        InvalidRequestException notDir = assertThrows(InvalidRequestException.class, () -> SeasonUploader.episodesIn(aFile));

        assertEquals("folder", gone.violations().get(0).field());
        assertTrue(gone.getMessage().contains("no such file or directory (" + missing + ")"), gone.getMessage());
        assertTrue(gone.getCause() instanceof java.nio.file.NoSuchFileException, String.valueOf(gone.getCause()));
        assertTrue(notDir.getMessage().contains("not a directory (" + aFile + ")"), notDir.getMessage());
        assertTrue(notDir.getCause() instanceof java.nio.file.NotDirectoryException, String.valueOf(notDir.getCause()));
    }

    @Test
    void episodesIn_whenANumberIsMissing_rejectsWithR1() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("gappy"));
        Files.write(folder.resolve("ep1.mp4"), new byte[10]);
        Files.write(folder.resolve("ep3.mp4"), new byte[10]);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> SeasonUploader.episodesIn(folder));

        assertTrue(e.violates(Rule.R1));
        assertTrue(e.getMessage().contains("episode 2 is missing"), e.getMessage());
    }

    @Test
    void episodesIn_whenTwoFilesShareANumber_rejectsNamingBoth() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("dupe"));
        Files.write(folder.resolve("第1集.mp4"), new byte[10]);
        Files.write(folder.resolve("ep01.mkv"), new byte[10]);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> SeasonUploader.episodesIn(folder));

        assertTrue(e.getMessage().contains("are both episode 1"), e.getMessage());
    }
}

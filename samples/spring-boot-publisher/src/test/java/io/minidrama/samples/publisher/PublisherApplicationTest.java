package io.minidrama.samples.publisher;

import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.spring.boot.test.AutoConfigureMiniDramaFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample on the in-memory fake: no network, no credentials. */
@SpringBootTest
@AutoConfigureMiniDramaFake
class PublisherApplicationTest {

    /** A tiny MP4 (ftyp, free and mdat boxes): enough for an upload. */
    private static final byte[] TINY_MP4 = {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1',
            0, 0, 0, 8, 'f', 'r', 'e', 'e',
            0, 0, 0, 16, 'm', 'd', 'a', 't', 0, 0, 0, 1, 0x09, 0x10, 0, 0};

    private static final SeasonProperties SEASON = new SeasonProperties(null, "样例短剧", "样例影业有限公司", "一部样例短剧。",
            "cover-material-1", "V123456788888888", "licence-material-1", "authorisation-letter-1");

    @Autowired
    SeasonPublisher publisher;
    @Autowired
    AuditReactions reactions;
    @Autowired
    FakeControl platform;

    private static Path season(Path dir, int episodes) throws Exception {
        for (int n = 1; n <= episodes; n++) {
            Files.write(dir.resolve("第" + n + "集.mp4"), TINY_MP4);
        }
        return dir;
    }

    @Test
    void aPublishedSeason_onceApproved_getsAPlayLinkPerEpisode_fromTheAuditEvent(@TempDir Path dir) throws Exception {
        DramaId drama = publisher.publish(season(dir, 3), SeasonPublisher.paperwork(SEASON), SEASON.name());
        assertTrue(reactions.playLinks(drama).isEmpty(), "no audit yet");

        platform.approveDrama(drama);

        List<PlayLink> links = reactions.playLinks(drama).orElseThrow();
        assertEquals(3, links.size());
        links.forEach(l -> assertFalse(l.mp4Url().isEmpty()));
    }

    @Test
    void aRejectedSeason_isRecorded_withoutLinks(@TempDir Path dir) throws Exception {
        DramaId drama = publisher.publish(season(dir, 1), SeasonPublisher.paperwork(SEASON), SEASON.name());

        platform.rejectDrama(drama, "画质不清晰", List.of());

        assertTrue(reactions.rejection(drama).isPresent());
        assertTrue(reactions.playLinks(drama).isEmpty());
    }

    @Test
    void paperworkWithABlankProducer_isRefusedBeforeAnyUpload() {
        SeasonProperties broken = new SeasonProperties(null, SEASON.name(), " ", SEASON.description(), SEASON.coverMaterialId(),
                SEASON.registrationNumber(), SEASON.licenceMaterialId(), SEASON.authorizationMaterialId());

        assertThrows(InvalidRequestException.class, () -> SeasonPublisher.paperwork(broken));
        assertEquals(List.of(), platform.recordedCalls());
    }
}

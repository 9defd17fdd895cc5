package io.minidrama.testkit.example;

import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MiniDramaTest
class SeasonPublisherExampleTest {

    private static SeasonPublisher.Season season() {
        return new SeasonPublisher.Season("星河长夜", "星河影业", "一个关于星星的故事。",
                MaterialId.of("cover-1"), MaterialId.of("licence-1"), "V123456788888888", MaterialId.of("letter-1"),
                List.of(ByteSource.ofBytes(MiniDramaFixtures.tinyVideo(), "ep1.mp4"),
                        ByteSource.ofBytes(MiniDramaFixtures.bytes(12 * 1024 * 1024, 2), "ep2.mp4"),
                        ByteSource.ofBytes(MiniDramaFixtures.tinyVideo(), "ep3.mp4")));
    }

    @Test
    void publish_uploadsEveryEpisodeInOrderAndSubmitsTheDrama(MiniDrama miniDrama) {
        DramaId id = new SeasonPublisher(miniDrama).publish(season());

        Drama drama = miniDrama.dramas().get(id);
        assertEquals(AuditStatus.UNDER_REVIEW, drama.status());
        assertEquals(List.of("星河长夜 - 第1集", "星河长夜 - 第2集", "星河长夜 - 第3集"),
                drama.mediaIds().stream().map(m -> miniDrama.media().get(m).name()).toList());
        assertEquals(12 * 1024 * 1024, miniDrama.media().get(drama.mediaIds().get(1)).fileSize());
    }

    @Test
    void publishedSeason_onceApproved_hasPlayableEpisodes(MiniDrama miniDrama, FakeControl platform) {
        DramaId id = new SeasonPublisher(miniDrama).publish(season());

        platform.approveDrama(id);

        PlayLink link = miniDrama.media().playLink(miniDrama.dramas().get(id).mediaIds().get(0), Duration.ofHours(1));
        assertFalse(link.mp4Url().isEmpty());
    }

    @Test
    void publish_whenThePaperworkIsBroken_refusesItBeforeUploadingAnything(MiniDrama miniDrama, FakeControl platform) {
        SeasonPublisher.Season s = season();
        SeasonPublisher.Season noProducer = new SeasonPublisher.Season(s.name(), " ", s.description(), s.cover(), s.licence(),
                s.licenceNumber(), s.authorisationLetter(), s.episodes());

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new SeasonPublisher(miniDrama).publish(noProducer));

        assertTrue(e.violates(Rule.R14), e::getMessage);
        assertEquals(List.of(), platform.recordedCalls());
    }

    @Test
    void publish_whenThePlatformRefusesTheSubmission_reportsItsErrcode(MiniDrama miniDrama, FakeControl platform) {
        // 10093023 is retried (the fake retries as the adapter does): refuse every attempt
        platform.failNext("auditdrama", io.minidrama.port.RetryPolicy.defaults().maxAttempts(), 10093023);

        PlatformException e = assertThrows(PlatformException.class, () -> new SeasonPublisher(miniDrama).publish(season()));

        assertEquals(10093023, e.rawErrcode());
    }
}

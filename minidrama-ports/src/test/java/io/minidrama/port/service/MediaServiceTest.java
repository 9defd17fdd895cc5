package io.minidrama.port.service;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static io.minidrama.port.service.PortAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordingPlatform platform = new RecordingPlatform();
    private final MediaService service = MiniDrama.create(platform, CLOCK).media();

    private void givenMedia(int n) {
        IntStream.rangeClosed(1, n).forEach(i -> platform.media.add(Media.builder(MediaId.of(i)).name("我的短剧 - 第" + i + "集").build()));
    }

    @Test
    void listAll_followsPagesKeepingTheFilters() {
        givenMedia(230);
        MediaQuery query = MediaQuery.builder().nameFuzzy("我的短剧").build();

        List<Media> all = service.listAll(query, 10_000);

        assertEquals(230, all.size());
        assertEquals(MediaId.of(230), all.get(229).id());
        List<MediaQuery> asked = platform.args("listmedia", MediaQuery.class);
        assertEquals(List.of(PageRequest.of(0, 100), PageRequest.of(100, 100), PageRequest.of(200, 100)),
                asked.stream().map(MediaQuery::page).toList());
        assertTrue(asked.stream().allMatch(q -> q.nameFuzzy().orElseThrow().equals("我的短剧")));
    }

    @Test
    void listAll_startsAtTheQuerysPageAndUsesItsSize() {
        givenMedia(120);

        List<Media> rest = service.listAll(MediaQuery.builder().page(PageRequest.of(50, 30)).build(), 10_000);

        assertEquals(70, rest.size());
        assertEquals(MediaId.of(51), rest.get(0).id());
        assertEquals(List.of(50, 80, 110), platform.args("listmedia", MediaQuery.class).stream().map(q -> q.page().offset()).toList());
    }

    @Test
    void listAll_stopsAtMaxItems() {
        givenMedia(230);

        assertEquals(120, service.listAll(MediaQuery.all(), 120).size());
        assertEquals(2, platform.calls.size());
    }

    @Test
    void listAll_whenMaxItemsZero_sendsNothing() {
        givenMedia(5);

        assertEquals(List.of(), service.listAll(MediaQuery.all(), 0));
        assertEquals(List.of(), platform.calls);
    }

    @Test
    void playLink_whenLifetimeTwoHours_asksForExpiryTwoHoursAfterTheClockR9() {
        PlayLink link = service.playLink(MediaId.of(9), Duration.ofHours(2));

        assertEquals(MediaId.of(9), link.mediaId());
        PlayLinkRequest sent = platform.args("getmedialink", PlayLinkRequest.class).get(0);
        assertEquals(NOW.plusSeconds(7200), sent.expiry());
    }

    @Test
    void playLink_whenLifetimeOverTwoHours_rejectsWithR9AndSendsNothing() {
        assertRejected(Rule.R9, "t", "at most 2 hours", () -> service.playLink(MediaId.of(9), Duration.ofHours(2).plusSeconds(1)));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void playLink_whenLifetimeZero_rejectsWithR9AndSendsNothing() {
        assertRejected(Rule.R9, "t", "in the future", () -> service.playLink(MediaId.of(9), Duration.ZERO));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void linkRequest_builtWithTheServiceClock_isSentAsIs() {
        PlayLinkRequest request = service.linkRequest(MediaId.of(9)).expiresIn(Duration.ofMinutes(30)).rlimit(3).build(service.clock());

        service.playLink(request);

        assertSame(request, platform.args("getmedialink", PlayLinkRequest.class).get(0));
        assertSame(CLOCK, service.clock());
    }

    @Test
    void getListAndDelete_delegate() {
        givenMedia(3);

        assertEquals(MediaId.of(2), service.get(MediaId.of(2)).id());
        assertEquals(3, service.list(MediaQuery.all()).size());
        service.delete(MediaId.of(2));

        assertEquals(List.of("getmedia", "listmedia", "deletemedia"), platform.ops());
    }
}

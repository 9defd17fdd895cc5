package io.minidrama.testkit.emulator;

import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator as a referee of the media and CDN fields of API.md §9.1-§9.4: it accepts what the
 * official pages document today and refuses, with the platform's errcode, what they do not.
 */
@MiniDramaTest(emulator = true, clockStart = "2025-03-01T00:00:00Z")
class EmulatorMediaCdnWireTest {
    MiniDramaEmulator emulator;
    MutableClock clock;
    private MiniDramaPlatform client;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @BeforeEach
    void client() throws Exception {
        client = JdkHttpMiniDramaAdapter.builder().baseUrl(emulator.baseUrl()).credentials("wx-any", "any").clock(clock).build();
        token = post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"wx-any\",\"secret\":\"any\"}")
                .getString("access_token");
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject op(String op, String body) throws Exception {
        return post("/wxa/sec/vod/" + op + "?access_token=" + token, body);
    }

    private MediaId approvedEpisode() {
        MediaId ep = client.uploadSingle(MiniDramaFixtures.anEpisode(1)
                .video(ByteSource.ofBytes(MiniDramaFixtures.bytes(100_000, 3), "ep1.mp4")).build());
        emulator.control().approveDrama(client.submit(MiniDramaFixtures.aDrama(List.of(ep)).build()));
        return ep;
    }

    private long hourAgo(int hours) {
        return clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours)).getEpochSecond();
    }

    @Test
    void getMediaLink_withExper_limitsThePreview() throws Exception {
        MediaId ep = approvedEpisode();
        emulator.control().setDuration(ep, Duration.ofSeconds(60));
        long t = clock.instant().plusSeconds(3600).getEpochSecond();

        JsonObject r = op("getmedialink", "{\"media_id\":%d,\"t\":%d,\"exper\":6}".formatted(ep.value(), t));

        assertEquals(0, r.getInt("errcode"), r.toString());
        long served = emulator.control().play(r.getJsonObject("media_info").getString("mp4_url"), "10.0.0.1", "", 100_000).bytesServed();
        assertEquals(10_000, served, "6 s of a 60 s episode of 100 000 bytes");
    }

    @Test
    void getMediaLink_withExpr_isRefusedWith47003NamingExper() throws Exception {
        MediaId ep = approvedEpisode();
        long t = clock.instant().plusSeconds(3600).getEpochSecond();

        JsonObject r = op("getmedialink", "{\"media_id\":%d,\"t\":%d,\"expr\":1}".formatted(ep.value(), t));

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("exper"), r.getString("errmsg"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"limit\":100", "\"offset\":0", "\"limit\":10,\"offset\":5"})
    void getCdnLogs_withTheRetiredPagingFields_isRefusedWith47003(String paging) throws Exception {
        JsonObject r = op("getcdnlogs", "{\"start_time\":%d,\"end_time\":%d,%s}".formatted(hourAgo(5), hourAgo(1), paging));

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("2024-03-29"), r.getString("errmsg"));
    }

    @Test
    void getCdnLogs_overMoreThan48Hours_isRefusedWith47003NamingR23() throws Exception {
        JsonObject r = op("getcdnlogs", "{\"start_time\":%d,\"end_time\":%d}".formatted(hourAgo(49), hourAgo(0)));

        assertEquals(47003, r.getInt("errcode"));
        assertTrue(r.getString("errmsg").contains("R-23") && r.getString("errmsg").contains("48 hours"), r.getString("errmsg"));
    }

    @Test
    void getCdnLogs_answersStringDatesAndOneFilePerServingDomainAndHour() throws Exception {
        MediaId ep = approvedEpisode();
        var link = client.getPlayLink(io.minidrama.domain.media.PlayLinkRequest.builder(ep).expiresIn(Duration.ofHours(2))
                .build(emulator.control().clock()));
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        emulator.control().play(link.mp4Url(), "10.0.0.1", "", 1000);
        emulator.control().play(link.hlsUrl(), "10.0.0.1", "", 1000);
        clock.advance(Duration.ofHours(1));

        JsonObject r = op("getcdnlogs", "{\"start_time\":%d,\"end_time\":%d,\"query_type\":0}".formatted(hour.getEpochSecond(),
                hour.plus(Duration.ofHours(1)).getEpochSecond()));

        assertEquals(0, r.getInt("errcode"), r.toString());
        assertEquals(2, r.getInt("total_count"));
        assertEquals(2, r.getJsonArray("domestic_cdn_logs").size());
        String date = r.getJsonArray("domestic_cdn_logs").getJsonObject(0).getString("date");
        assertEquals(LocalDate.ofInstant(hour, java.time.ZoneId.of("Asia/Shanghai")).toString(), date);
    }

    @ParameterizedTest(name = "query_type {0}")
    @ValueSource(ints = {-1, 3})
    void cdnQueries_withAnUnknownQueryType_areRefusedWith47003(int type) throws Exception {
        assertEquals(47003, op("getcdnlogs", "{\"start_time\":%d,\"end_time\":%d,\"query_type\":%d}"
                .formatted(hourAgo(5), hourAgo(1), type)).getInt("errcode"));
        assertEquals(47003, op("getcdnusagedata", "{\"start_time\":%d,\"end_time\":%d,\"data_interval\":60,\"query_type\":%d}"
                .formatted(hourAgo(5), hourAgo(1), type)).getInt("errcode"));
    }

    @ParameterizedTest(name = "data_interval {0}")
    @ValueSource(strings = {"60", "\"60\""})
    void getCdnUsageData_readsDataIntervalAsNumberOrStringAndAnswersANumber(String interval) throws Exception {
        JsonObject r = op("getcdnusagedata", "{\"start_time\":%d,\"end_time\":%d,\"data_interval\":%s,\"query_type\":2}"
                .formatted(hourAgo(5), hourAgo(1), interval));

        assertEquals(0, r.getInt("errcode"), r.toString());
        assertEquals(60, r.getInt("data_interval"));
        assertEquals(4, r.getJsonArray("item_list").size());
    }

    @Test
    void listMedia_mediaNameIsExact_fuzzySearchIsMediaNameFuzzy_andAPercentIsRefused() throws Exception {
        client.uploadSingle(MiniDramaFixtures.anEpisode(1).build());

        JsonObject exact = op("listmedia", "{\"media_name\":\"" + MiniDramaFixtures.anEpisode(1).build().name().wire() + "\"}");
        JsonObject prefixAsExact = op("listmedia", "{\"media_name\":\"" + MiniDramaFixtures.anEpisode(1).build().name().dramaName() + "\"}");
        JsonObject fuzzy = op("listmedia", "{\"media_name_fuzzy\":\"第1集\"}");
        JsonObject percent = op("listmedia", "{\"media_name\":\"%第1集\"}");

        assertEquals(1, exact.getJsonArray("media_info_list").size(), exact.toString());
        assertEquals(0, prefixAsExact.getJsonArray("media_info_list").size(), prefixAsExact.toString());
        assertEquals(1, fuzzy.getJsonArray("media_info_list").size(), fuzzy.toString());
        assertEquals(47003, percent.getInt("errcode"));
        assertTrue(percent.getString("errmsg").contains("media_name_fuzzy"), percent.getString("errmsg"));
    }
}

package io.minidrama.cli;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every duration option reads what a person types ({@code 90m}, {@code 1h}, {@code 1h30m}) and ISO-8601 ({@code PT1H}). */
class DurationOptionsTest {
    private static final String APPID = "wxcli000000000001";
    private static final String SECRET = "cli-secret-do-not-print-9f8e7d";
    private static final Pattern T = Pattern.compile("t=(\\d+)");

    @TempDir
    Path dir;
    private MiniDramaEmulator emulator;

    @BeforeEach
    void start() {
        emulator = MiniDramaEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run platform(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", emulator.baseUrl().toString(), "--appid", APPID, "--secret", SECRET));
        return run(all.toArray(String[]::new));
    }

    private MediaId approvedEpisode() {
        MediaId episode = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        DramaId drama = emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(episode)).build());
        emulator.control().approveDrama(drama);
        return episode;
    }

    /** The expiry {@code t} the platform received in the last play-link request. */
    private long lastLinkExpiry() {
        var calls = emulator.control().recordedCalls("getmedialink");
        Matcher m = T.matcher(calls.get(calls.size() - 1).request());
        assertTrue(m.find(), calls::toString);
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({"90s, 90", "90m, 5400", "1h, 3600", "2h, 7200", "1h30m, 5400", "1d, 86400", "1d2h3m4s, 93784", "2H, 7200",
            "PT1H, 3600", "pt1h, 3600", "Pt90M, 5400", "PT1H30M, 5400", "0s, 0"})
    void convert_whenHumanOrIsoForm_readsTheDuration(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), new DurationConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "abc", "1x", "h", "", "-1h", "1m1h", "1.5h", "1h 30m", "PT", "P1H", "1hh"})
    void convert_whenNotADuration_refusesNamingTheAcceptedForms(String text) {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> new DurationConverter().convert(text));

        assertTrue(e.getMessage().contains("accepted: 90s, 90m, 2h, 1h30m, 1d or ISO-8601 PT1H"), e.getMessage());
    }

    @Test
    void mediaLink_whenExpiresIn1h_asksForALinkExpiringAnHourFromNow() {
        MediaId episode = approvedEpisode();
        long before = Instant.now().getEpochSecond();

        Run r = platform("media", "link", episode.toString(), "--expires-in", "1h");

        long after = Instant.now().getEpochSecond();
        assertEquals(0, r.exit(), r.err());
        long t = lastLinkExpiry();
        assertTrue(t >= before + 3600 && t <= after + 3600, "t=" + t + " should be an hour after " + before + ".." + after);
    }

    @Test
    void mediaLink_whenExpiresIn90mOrIsoInLowerCase_isAccepted() {
        MediaId episode = approvedEpisode();
        long before = Instant.now().getEpochSecond();

        Run minutes = platform("media", "link", episode.toString(), "--expires-in", "90m");
        long t = lastLinkExpiry();
        Run iso = platform("media", "link", episode.toString(), "--expires-in", "pt1h");

        long after = Instant.now().getEpochSecond();
        assertEquals(0, minutes.exit(), minutes.err());
        assertTrue(t >= before + 5400 && t <= after + 5400, "t=" + t + " should be 90 minutes after " + before + ".." + after);
        assertEquals(0, iso.exit(), iso.err());
    }

    @Test
    void mediaLink_whenExpiresIn3h_isReadButRefusedByR9() {
        Run r = platform("media", "link", "123", "--expires-in", "3h");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("t (R-9)"), r.err());
        assertTrue(r.err().contains("at most 2 hours"), r.err());
    }

    @Test
    void mediaLink_whenExpiresInIsNotADuration_exitsTwoNamingTheOptionAndTheForms() {
        Run r = platform("media", "link", "123", "--expires-in", "soon");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--expires-in"), r.err());
        assertTrue(r.err().contains("'soon' is not a duration (accepted: 90s, 90m, 2h, 1h30m, 1d or ISO-8601 PT1H)"), r.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
    }

    @Test
    void mediaLink_whenExpiresInHasNoUnit_exitsTwoSuggestingOne() {
        Run r = platform("media", "link", "123", "--expires-in", "90");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--expires-in"), r.err());
        assertTrue(r.err().contains("'90' has no unit: say 90s or 90m"), r.err());
    }

    @Test
    void pullTimeoutAndEventMaxAge_whenNotADuration_exitTwoNamingTheirOption() throws IOException {
        Path body = Files.writeString(dir.resolve("body.xml"), "<xml></xml>");
        Run pull = platform("pull", "https://cdn.example.com/1.mp4", "--name", "剧 - 第1集", "--wait", "--timeout", "forever");
        Run event = run("event", "verify", "--token", "t", "--timestamp", "1", "--nonce", "n", "--signature", "s", "--max-age", "300",
                body.toString());

        assertEquals(2, pull.exit());
        assertTrue(pull.err().contains("--timeout"), pull.err());
        assertTrue(pull.err().contains("'forever' is not a duration"), pull.err());
        assertEquals(2, event.exit());
        assertTrue(event.err().contains("--max-age"), event.err());
        assertTrue(event.err().contains("'300' has no unit: say 300s or 300m"), event.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
    }

    @Test
    void help_ofEveryDurationOption_showsTheAcceptedFormsAndAHumanDefault() {
        Run link = run("media", "link", "--help");
        Run pull = run("pull", "--help");
        Run event = run("event", "verify", "--help");

        assertEquals(0, link.exit());
        assertTrue(link.out().contains("1h30m") && link.out().contains("(default 1h)"), link.out());
        assertTrue(pull.out().contains("1h30m") && pull.out().contains("(default 30m)"), pull.out());
        assertTrue(event.out().contains("1h30m") && event.out().contains("(default 5m)"), event.out());
    }
}

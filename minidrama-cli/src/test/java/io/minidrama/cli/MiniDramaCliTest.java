package io.minidrama.cli;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniDramaCliTest {
    private static final String APPID = "wxcli000000000001";
    private static final String SECRET = "cli-secret-do-not-print-9f8e7d";

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
        JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(out)).readObject();
        }
    }

    private Run run(String... args) {
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

    /**
     * A video file this process cannot read: mode 000, or (as root, who reads it anyway) a link to
     * a write-only sysfs file; the test is skipped only where neither exists.
     */
    static Path unreadableVideo(Path dir) throws IOException {
        Path f = Files.write(dir.resolve("ep1.mp4"), new byte[1000]);
        try {
            Files.setPosixFilePermissions(f, java.util.Set.of());
        } catch (UnsupportedOperationException notPosix) {
            // the fallback below
        }
        if (!canRead(f)) {
            return f;
        }
        Files.delete(f);
        Path writeOnly = Path.of("/sys/bus/pci/rescan");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(writeOnly) && !canRead(writeOnly),
                "needs a file this process cannot read");
        return Files.createSymbolicLink(f, writeOnly);
    }

    private static boolean canRead(Path f) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(f)) {
            ch.read(java.nio.ByteBuffer.allocate(1));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path video(String name, int size) throws IOException {
        return Files.write(dir.resolve(name), MiniDramaFixtures.bytes(size, size));
    }

    @Test
    void upload_thenMediaGet_printsPlatformFieldNamesAsJson() throws IOException {
        Path ep = video("ep1.mp4", 12 * 1024 * 1024);

        Run upload = platform("upload", ep.toString(), "--name", "我的短剧 - 第1集", "--json", "--checkpoint-dir", dir.resolve("cp").toString());
        assertEquals(0, upload.exit(), upload.err());
        long mediaId = upload.json().getJsonNumber("media_id").longValue();

        Run get = platform("media", "get", Long.toString(mediaId), "--json");
        assertEquals(0, get.exit(), get.err());
        JsonObject info = get.json().getJsonObject("media_info");
        assertEquals("我的短剧 - 第1集", info.getString("name"));
        assertEquals(Long.toString(12 * 1024 * 1024), info.getString("file_size"));
        assertEquals(mediaId, info.getJsonNumber("media_id").longValue());
    }

    /**
     * {@code upload} of a chunked file through the tool's own {@code main} in a JVM that logs the
     * classes it loads: the bytes reach the emulator whole over the transport asked for, and the
     * other transport's HTTP client is never loaded.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "jdk,    jdk.internal.net.http.HttpClientImpl,            org.apache.hc.client5.http.impl.classic.InternalHttpClient",
            "apache, org.apache.hc.client5.http.impl.classic.InternalHttpClient, jdk.internal.net.http.HttpClientImpl"})
    void upload_overEitherTransport_sendsTheWholeFileWithThatTransportsClientOnly(String transport, String loaded, String notLoaded)
            throws Exception {
        Path ep = video("ep1.mp4", 11 * 1024 * 1024 + 7);

        Run r = child(List.of("-Xlog:class+load=info"), "upload", ep.toString(), "--name", "我的短剧 - 第1集",
                "--checkpoint-dir", dir.resolve("cp").toString(), "--transport", transport,
                "--base-url", emulator.baseUrl().toString(), "--appid", APPID, "--secret", SECRET);

        assertEquals(0, r.exit(), r.out());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("media_id (\\d+)").matcher(r.out());
        assertTrue(id.find(), r.out());
        Run get = platform("media", "get", id.group(1), "--json");
        assertEquals(0, get.exit(), get.err());
        assertEquals(Long.toString(11 * 1024 * 1024 + 7), get.json().getJsonObject("media_info").getString("file_size"));
        assertTrue(r.out().contains(" " + loaded + " "), transport + " did not load " + loaded);
        assertFalse(r.out().contains(" " + notLoaded + " "), transport + " loaded " + notLoaded);
    }

    /** A command holding the options of {@link Connection}, parsed alone. */
    @picocli.CommandLine.Command(name = "probe")
    static final class ConnectionProbe {
        @picocli.CommandLine.Mixin
        Connection connection;
    }

    private static Connection parsed(String... args) {
        ConnectionProbe probe = new ConnectionProbe();
        new picocli.CommandLine(probe).parseArgs(args);
        return probe.connection;
    }

    @Test
    void transportOption_buildsTheTransportNamed_apacheByDefault_jdkForDebugHttp() {
        Connection byDefault = parsed();
        Connection jdk = parsed("--transport", "jdk");
        Connection apache = parsed("--transport=apache");
        Connection debug = parsed("--debug-http");
        Connection debugJdk = parsed("--debug-http", "--transport", "jdk");
        Connection debugApache = parsed("--debug-http", "--transport", "apache");
        try {
            assertEquals(io.minidrama.adapter.apache.ApacheHttpTransport.class, byDefault.transport().getClass());
            assertEquals(io.minidrama.adapter.jdkhttp.JdkHttpTransport.class, jdk.transport().getClass());
            assertEquals(io.minidrama.adapter.apache.ApacheHttpTransport.class, apache.transport().getClass());
            assertEquals(io.minidrama.adapter.jdkhttp.JdkHttpTransport.class, debug.transport().getClass());
            assertEquals(io.minidrama.adapter.jdkhttp.JdkHttpTransport.class, debugJdk.transport().getClass());
            io.minidrama.domain.error.InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.minidrama.domain.error.InvalidRequestException.class, debugApache::transport);
            assertTrue(e.getMessage().contains("--debug-http") && e.getMessage().contains("--transport jdk"), e.getMessage());
        } finally {
            for (Connection c : List.of(byDefault, jdk, apache, debug, debugJdk)) {
                c.close();
            }
        }
    }

    @Test
    void transportOption_whenNeitherJdkNorApache_exitsTwoNamingTheOptionAndTheValuesAndSendsNothing() throws IOException {
        Path ep = video("ep1.mp4", 1000);

        Run r = platform("upload", ep.toString(), "--name", "我的短剧 - 第1集", "--transport", "curl");
        Run upper = platform("upload", ep.toString(), "--name", "我的短剧 - 第1集", "--transport", "APACHE");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("Invalid value for option '--transport': 'curl' is not a transport: use jdk or apache"), r.err());
        assertEquals(2, upper.exit(), upper.err());
        assertEquals(0, emulator.tokenFetches(), "nothing was sent");
    }

    @Test
    void help_documentsTheTransportOptionItsValuesItsDefaultAndItsEnvironmentVariable() {
        Run r = run("upload", "--help");

        assertEquals(0, r.exit(), r.err());
        String oneLine = r.out().replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("--transport=jdk|apache"), r.out());
        assertTrue(oneLine.contains("apache (the default"), r.out());
        assertTrue(oneLine.contains("env MINIDRAMA_TRANSPORT"), r.out());
    }

    @Test
    void upload_whenNameBreaksR1_exitsTwoNamingRuleAndSendsNothing() throws IOException {
        Path ep = video("ep1.mp4", 1000);

        Run r = platform("upload", ep.toString(), "--name", "no episode number");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("media_name (R-1)"), r.err());
        assertTrue(r.err().contains("第<episode>集"), r.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
        assertEquals(0, emulator.tokenFetches());
    }

    @Test
    void upload_whenTheFileCannotBeRead_exitsTwoWithTheReasonAndSendsNothing() throws IOException {
        Path notAFile = unreadableVideo(dir);

        Run r = platform("upload", notAFile.toString(), "--name", "我的短剧 - 第1集", "--checkpoint-dir", dir.resolve("cp").toString());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("nothing was sent"), r.err());
        assertTrue(r.err().contains("media_data") && r.err().contains("cannot read the file: "), r.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
        assertEquals(0, emulator.tokenFetches());
    }

    @Test
    void upload_whenTheNameCarriesTerminalEscapes_exitsTwoWithT1SendsNothingAndPrintsThemEscaped() throws IOException {
        Path ep = video("ep1.mp4", 1000);

        Run r = platform("upload", ep.toString(), "--name", "\u001b]0;pwned\u0007\u001b[2J我的短剧 - 第1集");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("media_name (T-1)"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), "no raw control character reaches the terminal: " + r.err());
        assertTrue(r.err().contains("\\u001B]0;pwned\\u0007"), r.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
    }

    @Test
    void mediaGet_whenTextFromThePlatformCarriesTerminalEscapes_printsThemEscaped() throws IOException {
        Run upload = platform("upload", video("ep1.mp4", 1000).toString(), "--name", "我的短剧 - 第1集", "--json");
        MediaId id = MediaId.of(upload.json().getJsonNumber("media_id").longValue());
        emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(id)).build());
        emulator.control().rejectEpisode(id, "\u001b]0;pwned\u0007\u001b[2J\u202Eevil", List.of());

        Run r = platform("media", "get", Long.toString(id.value()));

        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007") || r.out().contains("\u202E"), r.out());
        assertTrue(r.out().contains("\\u001B]0;pwned\\u0007\\u001B[2J\\u202Eevil"), r.out());
    }

    @Test
    void ioErrors_sayWhatWentWrongNotOnlyThePath() throws IOException {
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Path missing = dir.resolve("missing");
        Path ep = video("ep1.mp4", 1000);
        String[] events = {"event", "verify", "--token", "t", "--timestamp", "1", "--nonce", "n", "--signature", "s"};

        List<Run> runs = List.of(
                platform("upload-season", missing.toString(), "--drama", "我的短剧"),
                platform("upload-season", aFile.toString(), "--drama", "我的短剧"),
                platform("upload", ep.toString(), "--name", "我的短剧 - 第1集", "--checkpoint-dir", aFile.toString()),
                run(concat(events, missing.toString())),
                run(concat(events, unreadableVideo(Files.createDirectory(dir.resolve("unreadable"))).toString())));

        List<String> expected = List.of("no such file or directory (" + missing, "not a directory (" + aFile,
                "exists and is not a directory (" + aFile, "no such file or directory (" + missing, "permission denied (");
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(2, runs.get(i).exit(), runs.get(i).err());
            assertTrue(runs.get(i).err().startsWith("I/O error: "), runs.get(i).err());
            assertTrue(runs.get(i).err().contains(expected.get(i)), "case " + i + ": " + runs.get(i).err());
        }
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    @Test
    void anyCommand_whenBaseUrlPortOutOfRange_exitsTwoBeforeAnyCall() {
        Run r = run("drama", "list", "--base-url", "http://127.0.0.1:99999", "--appid", APPID, "--secret", SECRET);

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--base-url"), r.err());
        assertTrue(r.err().contains("port"), r.err());
        assertEquals(2, run("drama", "list", "--base-url", "ftp://example.com", "--appid", APPID, "--secret", SECRET).exit());
        assertEquals(2, run("drama", "list", "--base-url", "127.0.0.1:8080", "--appid", APPID, "--secret", SECRET).exit());
    }

    @Test
    void mediaListHelp_printsThePercentSignWithoutPicocliWarnings() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Run r;
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r = run("media", "list", "--help");
        } finally {
            System.setErr(stderr);
        }

        assertEquals(0, r.exit());
        assertTrue(r.out().contains("a % is no wildcard"), r.out());
        assertFalse(captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("picocli WARN"), captured.toString());
        assertFalse(r.err().contains("picocli WARN"), r.err());
    }

    /** The tool in its own JVM (the JDK reads its HTTP logging properties once per JVM). */
    private Run child(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                MiniDramaCli.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        return new Run(p.exitValue(), output, output);
    }

    @Test
    void jdkHttpClientLogging_staysQuietUnlessDebugHttpAsksAndThenWarnsThatTokensShow() throws Exception {
        List<String> jdkLogging = List.of("-Djdk.httpclient.HttpClient.log=all", "-Djdk.internal.httpclient.debug=true");
        String[] list = {"drama", "list", "--base-url", emulator.baseUrl().toString(), "--appid", APPID, "--secret", SECRET};

        Run quiet = child(jdkLogging, list);
        List<String> tokens = emulator.issuedTokens();
        String[] asked = java.util.Arrays.copyOf(list, list.length + 1);
        asked[list.length] = "--debug-http";
        Run debug = child(jdkLogging, asked);

        assertEquals(0, quiet.exit(), quiet.out());
        assertFalse(tokens.isEmpty());
        for (String token : tokens) {
            assertFalse(quiet.out().contains(token), "the access token leaked: " + quiet.out());
        }
        assertFalse(quiet.out().contains("/wxa/sec/vod/"), "no JDK request line: " + quiet.out());
        assertEquals(0, debug.exit(), debug.out());
        assertTrue(debug.out().contains("--debug-http: the JDK HTTP client logs request URLs, which carry the access token"), debug.out());
        assertTrue(debug.out().contains("/wxa/sec/vod/"), "asked for, the JDK's request lines are printed: " + debug.out());
    }

    @Test
    void secretFile_isReadInsteadOfTheCommandLineAndTheHelpPointsToItAndTheEnvironment() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), SECRET + "\n");

        Run r = run("drama", "list", "--base-url", emulator.baseUrl().toString(), "--appid", APPID, "--secret-file", secret.toString());
        Run missing = run("drama", "list", "--base-url", emulator.baseUrl().toString(), "--appid", APPID,
                "--secret-file", dir.resolve("nope").toString());
        Run help = run("drama", "list", "--help");

        assertEquals(0, r.exit(), r.err());
        assertEquals(2, missing.exit(), missing.err());
        assertTrue(missing.err().contains("--secret-file") && missing.err().contains("no such file or directory"), missing.err());
        String oneLine = help.out().replaceAll("\\s+", " ");
        assertTrue(oneLine.contains("/proc/PID/cmdline"), help.out());
        assertTrue(oneLine.contains("prefer env MINIDRAMA_SECRET or --secret-file"), help.out());
    }

    @Test
    void mediaLink_whenExpiryBeyondTwoHoursAndRlimitTooHigh_exitsTwoListingBothRules() {
        Run r = platform("media", "link", "123", "--expires-in", "PT3H", "--rlimit", "12");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(R-9)"), r.err());
        assertTrue(r.err().contains("(R-10)"), r.err());
    }

    @Test
    void mediaGet_whenUnknown_exitsThreeWithErrcodeAndErrmsg() {
        Run r = platform("media", "get", "987654321");

        assertEquals(3, r.exit());
        assertTrue(r.err().contains("errcode 10093030"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void anyCommand_whenPlatformUnreachable_exitsFour() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Run r = run("drama", "list", "--base-url", "http://127.0.0.1:" + port, "--appid", APPID, "--secret", SECRET);

        assertEquals(4, r.exit(), r.err());
        assertTrue(r.err().startsWith("transport failure"), r.err());
    }

    @Test
    void cdnLogs_json_listsEveryFileOfTheWindowWithDayStringsAndOneFilePerServingDomain() throws IOException {
        // The tool checks the window against the real clock: let the emulator's traffic lie hours back.
        emulator.close();
        emulator = MiniDramaEmulator.builder().platform(io.minidrama.adapter.fake.InMemoryMiniDramaPlatform.builder()
                .clock(io.minidrama.adapter.fake.MutableClock.at(Instant.now().minus(Duration.ofHours(3))))
                .retryPolicy(io.minidrama.port.RetryPolicy.none()).build()).start();
        Path ep = video("ep1.mp4", 100_000);
        long media = platform("upload", ep.toString(), "--name", "剧 - 第1集", "--json", "--checkpoint-dir", dir.resolve("cp").toString())
                .json().getJsonNumber("media_id").longValue();
        DramaId drama = emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(MediaId.of(media))).build());
        emulator.control().approveDrama(drama);
        var link = emulator.platform().getPlayLink(io.minidrama.domain.media.PlayLinkRequest.builder(MediaId.of(media))
                .expiresIn(Duration.ofHours(1)).build(emulator.control().clock()));
        Instant hour = emulator.control().now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        emulator.control().play(link.mp4Url(), "10.0.0.1", "", 1000);
        emulator.control().play(link.hlsUrl(), "10.0.0.1", "", 1000);
        emulator.control().advance(Duration.ofHours(1));

        Run r = platform("cdn", "logs", "--start", hour.toString(), "--end", hour.plus(Duration.ofHours(1)).toString(), "--json");

        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.json().getInt("total_count"));
        assertEquals(2, r.json().getJsonArray("domestic_cdn_logs").size());
        assertEquals(LocalDate.ofInstant(hour, ZoneId.of("Asia/Shanghai")).toString(),
                r.json().getJsonArray("domestic_cdn_logs").getJsonObject(0).getString("date"));
    }

    @Test
    void cdnLogs_overMoreThan48Hours_exitsTwoWithR23AndSendsNothing_andLimitIsNoLongerAnOption() {
        Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);

        Run tooLong = platform("cdn", "logs", "--start", end.minus(Duration.ofHours(49)).toString(), "--end", end.toString());
        Run paged = platform("cdn", "logs", "--start", end.minus(Duration.ofHours(2)).toString(), "--end", end.toString(), "--limit", "10");

        assertEquals(2, tooLong.exit());
        assertTrue(tooLong.err().contains("end_time (R-23)"), tooLong.err());
        assertEquals(2, paged.exit());
        assertTrue(paged.err().contains("--limit"), paged.err());
        assertEquals(0, emulator.control().recordedCalls("getcdnlogs").size(), "nothing reached the platform");
    }

    @Test
    void mediaList_exactNameAndFuzzyName_andAPercentInTheExactNameExitsTwoWithR21() throws IOException {
        Path ep = video("ep1.mp4", 1000);
        assertEquals(0, platform("upload", ep.toString(), "--name", "剧 - 第1集", "--checkpoint-dir", dir.resolve("cp").toString()).exit());

        Run exact = platform("media", "list", "--name", "剧 - 第1集", "--json");
        Run fuzzy = platform("media", "list", "--name-fuzzy", "第1集", "--json");
        Run percent = platform("media", "list", "--name", "剧%");

        assertEquals(1, exact.json().getJsonArray("media_info_list").size(), exact.err());
        assertEquals(1, fuzzy.json().getJsonArray("media_info_list").size(), fuzzy.err());
        assertEquals(2, percent.exit());
        assertTrue(percent.err().contains("media_name (R-21)") && percent.err().contains("media_name_fuzzy"), percent.err());
    }

    @Test
    void anyCommand_whenTheAnswerCannotBeMapped_exitsFiveNotFour() throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ("{\"errcode\":0,\"errmsg\":\"ok\",\"total_count\":1,"
                    + "\"domestic_cdn_logs\":[{\"date\":[2024,3,28],\"name\":\"a\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Run r = run("cdn", "logs", "--start", end.minus(Duration.ofHours(2)).toString(), "--end", end.toString(),
                    "--base-url", "http://127.0.0.1:" + server.getAddress().getPort(), "--access-token", "tok-SECRET-123");

            assertEquals(5, r.exit(), r.err());
            assertTrue(r.err().startsWith("unexpected response: getcdnlogs"), r.err());
            assertTrue(r.err().contains("trying again gives the same answer"), r.err());
            assertFalse(r.err().contains("tok-SECRET-123"), r.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void help_listsTheExitCodes() {
        Run r = run("--help");

        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("5") && r.out().contains("unexpected response"), r.out());
    }

    @Test
    void outputs_neverContainTheSecretOrTheToken() throws IOException {
        Path ep = video("ep1.mp4", 1000);
        List<Run> runs = List.of(
                platform("upload", ep.toString(), "--name", "剧 - 第1集", "--json", "--checkpoint-dir", dir.resolve("cp").toString()),
                platform("media", "get", "1"),
                platform("media", "list", "--json"),
                run("drama", "list", "--base-url", "http://127.0.0.1:1", "--appid", APPID, "--secret", SECRET),
                run("media", "get", "1", "--base-url", emulator.baseUrl().toString(), "--access-token", "tok-SECRET-123"));
        for (Run r : runs) {
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.out() + r.err());
            assertFalse(r.out().contains("tok-SECRET-123") || r.err().contains("tok-SECRET-123"), r.out() + r.err());
            assertFalse(r.err().contains("access_token="), r.err());
        }
    }

    @Test
    void dramaSubmit_thenGet_roundTripsThroughTheEmulator() {
        MediaId a = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        MediaId b = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(2).build());

        Run submit = platform("drama", "submit", "--name", "测试短剧", "--media-ids", a + "," + b, "--producer", "某某影视",
                "--description", "简介", "--cover-material", "cover-1", "--registration-number", "备案号123",
                "--producer-is-entity", "--json");
        assertEquals(0, submit.exit(), submit.err());
        long drama = submit.json().getJsonNumber("drama_id").longValue();

        Run get = platform("drama", "get", Long.toString(drama), "--json");
        assertEquals(0, get.exit(), get.err());
        assertEquals(2, get.json().getJsonObject("drama_info").getInt("media_count"));
        assertEquals(1, get.json().getJsonObject("drama_info").getJsonObject("audit_detail").getInt("status"));
    }

    @Test
    void dramaResubmit_ofAFinallyRejectedDrama_exitsTwoWithR19AskingForANewFirstSubmission() {
        MediaId ep = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        DramaId drama = emulator.platform().submit(MiniDramaFixtures.aDrama().mediaIds(List.of(ep)).build());
        emulator.control().rejectDrama(drama, "内容违规", List.of());

        Run r = platform("drama", "resubmit", drama.toString(), "--description", "再试一次");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("(R-19)"), r.err());
        assertTrue(r.err().contains("new first submission"), r.err());
        assertEquals(1, emulator.control().recordedCalls("auditdrama").size(), "only the first submission reached the platform");
    }

    private Run submitLowCostWithProofs(String publicationProofs) {
        MediaId ep = emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        return platform("drama", "submit", "--name", "测试短剧", "--media-ids", ep.toString(), "--producer", "某某影视",
                "--description", "简介", "--cover-material", "cover-1", "--qualification-type", "2", "--cost", "90",
                "--commitment-letter", "letter-1", "--drama-type", "animated", "--copyright-role", "1", "--apply-copyright-protection",
                "--copyright-verification", "1", "--proof", "p1,p2,p3,p4,p5,p6,p7,p8,p9,p10", "--ai-content",
                "--ai-ownership-proof", "ai-proof-1", "--publication-proof", publicationProofs, "--json");
    }

    @Test
    void dramaSubmit_withTheAnnouncedProofs_isAcceptedByTheEmulator() {
        Run r = submitLowCostWithProofs("pub1,pub2,pub3,pub4");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.json().getJsonNumber("drama_id").longValue() > 0, r.out());
    }

    @Test
    void dramaSubmit_withFivePublicationProofs_exitsTwoAndSendsNothing() {
        Run r = submitLowCostWithProofs("pub1,pub2,pub3,pub4,pub5");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("other_platform_publication_proof"), r.err());
        assertEquals(0, emulator.control().recordedCalls("auditdrama").size());
    }

    @Test
    void dramaSubmit_whenBothRegistrationNumberAndPublishLicence_exitsTwoWithR15() {
        Run r = platform("drama", "submit", "--name", "剧", "--media-ids", "1", "--producer", "p", "--description", "d",
                "--cover-material", "c", "--registration-number", "x", "--publish-license", "y", "--producer-is-entity");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(R-15)"), r.err());
    }

    @Test
    void eventVerify_acceptsASignedSafeModeEventAndRefusesATamperedOne() throws IOException {
        String token = "pushtoken";
        String aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        PushEventSigner signer = PushEventSigner.builder().token(token).encryption(aesKey, APPID).mode(PushMode.SAFE)
                .format(PushFormat.XML).clock(Clock.systemUTC()).build();
        AuditEvent event = new AuditEvent(new PushEvent.Envelope("gh_1", "sys", Instant.now(), "event", AuditEvent.TYPE),
                DramaId.of(42), AuditStatus.APPROVED, AuditType.FIRST_SUBMISSION, Instant.now(), Instant.now());
        SignedPush push = signer.sign(event);
        Path body = Files.writeString(dir.resolve("body.xml"), push.body());
        var q = push.queryParameters();

        Run ok = run("event", "verify", "--token", token, "--timestamp", q.get("timestamp"), "--nonce", q.get("nonce"),
                "--msg-signature", q.get("msg_signature"), "--aes-key", aesKey, "--appid", APPID, body.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("drama 42 is APPROVED"), ok.out());

        Run bad = run("event", "verify", "--token", "wrong-token", "--timestamp", q.get("timestamp"), "--nonce", q.get("nonce"),
                "--msg-signature", q.get("msg_signature"), "--aes-key", aesKey, "--appid", APPID, body.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("BAD_SIGNATURE"), bad.err());
        assertFalse(bad.err().contains(aesKey));
    }


    private DramaId approvedDrama(MediaId... episodes) {
        DramaId id = emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(episodes)).build());
        emulator.control().approveDrama(id);
        return id;
    }

    private MediaId episode(int n) {
        return emulator.platform().uploadSingle(MiniDramaFixtures.anEpisode(n).build());
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
    }

    @Test
    void dramaReplace_thenApplyAfterApproval_swapsTheEpisodeAndTheAuditHistoryShowsType2() {
        MediaId old = episode(1);
        DramaId drama = approvedDrama(old);
        MediaId fresh = episode(1);

        Run replace = platform("drama", "replace", drama.toString(), "--replace", old + ":" + fresh, "--json");
        assertEquals(0, replace.exit(), replace.err());
        assertEquals(1, replace.json().getInt("submitted"));
        Run early = platform("drama", "apply-replacement", drama.toString(), "--old", old.toString(), "--new", fresh.toString());
        assertEquals(3, early.exit(), "not approved yet: " + early.err());
        assertTrue(early.err().contains("errcode 10093011"), early.err());
        emulator.control().approveReplacement(drama);

        Run apply = platform("drama", "apply-replacement", drama.toString(), "--old", old.toString(), "--new", fresh.toString(), "--json");
        assertEquals(0, apply.exit(), apply.err());
        assertEquals(List.of(fresh), emulator.platform().getDrama(drama).mediaIds());
        Run history = platform("drama", "audit-history", drama.toString(), "--json");
        assertEquals(0, history.exit(), history.err());
        var audits = history.json().getJsonArray("audits");
        assertEquals(List.of(0, 2), audits.stream().map(a -> a.asJsonObject().getInt("audit_type")).toList());
        assertEquals(3, audits.getJsonObject(1).getJsonObject("audit_detail").getInt("status"));
    }

    @Test
    void dramaReplace_ofAnEpisodeOfAnotherDrama_exitsTwoWithR27() {
        DramaId drama = approvedDrama(episode(1));

        Run r = platform("drama", "replace", drama.toString(), "--replace", episode(2) + ":" + episode(3));

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(R-27)"), r.err());
        assertTrue(emulator.control().recordedCalls("submitreplacedramamedias").isEmpty());
    }

    @Test
    void dramaModify_thenAuditHistoryOfType3_showsTheChangeUnderReview() {
        DramaId drama = approvedDrama(episode(1));

        Run modify = platform("drama", "modify", drama.toString(), "--description", "新的简介", "--recommendations", "好看", "--json");
        assertEquals(0, modify.exit(), modify.err());
        Run history = platform("drama", "audit-history", drama.toString(), "--type", "3", "--json");

        assertEquals(0, history.exit(), history.err());
        assertEquals(1, history.json().getJsonArray("audits").getJsonObject(0).getJsonObject("audit_detail").getInt("status"));
        emulator.control().approveInfoChange(drama);
        assertEquals("新的简介", emulator.platform().getDrama(drama).description());
    }

    @Test
    void packagesList_printsThePackagesWithTheirUsage() {
        Instant now = emulator.control().now();
        String id = emulator.control().addPackage(1024, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        emulator.control().setPackageUsed(id, 100);

        Run r = platform("packages", "list", "--status", "valid", "--json");

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.json().getInt("total_count"));
        JsonObject p = r.json().getJsonArray("package_list").getJsonObject(0);
        assertEquals(id, p.getString("package_id"));
        assertEquals(100, p.getInt("used"));
        assertEquals(1024, p.getInt("all"));
    }

    @Test
    void authorizeDrama_thenListAndRevoke_roundTripsWithJson() {
        DramaId drama = approvedDrama(episode(1));

        Run grant = platform("authorize", "drama", "wxgrantee000000001", "--drama", drama.toString(), "--expires-at", inDays(30), "--json");
        assertEquals(0, grant.exit(), grant.err());
        assertEquals(0, grant.json().getJsonArray("result").getJsonObject(0).getInt("errcode"));
        Run list = platform("authorize", "list", "drama", "--json");
        assertEquals(0, list.exit(), list.err());
        JsonObject g = list.json().getJsonArray("objects").getJsonObject(0);
        assertEquals("wxgrantee000000001", g.getString("authorized_appid"));
        assertTrue(g.getJsonNumber("authz_expire_time").longValue() > Instant.now().plus(Duration.ofDays(29)).getEpochSecond());

        Run revoke = platform("revoke", "drama", "wxgrantee000000001", "--drama", drama.toString(), "--json");
        assertEquals(0, revoke.exit(), revoke.err());
        Run again = platform("revoke", "drama", "wxgrantee000000001", "--drama", drama.toString(), "--json");
        assertEquals(3, again.exit());
        assertEquals(10090039, again.json().getJsonArray("result").getJsonObject(0).getInt("errcode"));
    }

    @Test
    void authorizeDrama_expiringWithinSevenDays_exitsTwoWithR24AndSendsNothing() {
        Run r = platform("authorize", "drama", "wxgrantee000000001", "--drama", "1", "--expires-at", inDays(3));

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("authz_expire_time (R-24)"), r.err());
        assertEquals(0, emulator.control().recordedCalls().size(), "nothing reached the platform");
        assertEquals(0, emulator.tokenFetches());
    }

    @Test
    void authorizeCopyright_withAWrongCheckCharacter_exitsTwoWithR26AndSendsNothing() {
        Run r = platform("authorize", "copyright", "--company", "91310000MA1FL8T210", "--drama", "1");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("(R-26)"), r.err());
        assertEquals(0, emulator.tokenFetches());
    }

    @Test
    void authorizeCopyright_withBothCompanyAndApp_exitsTwo() {
        Run r = platform("authorize", "copyright", "--company", "91310000MA1FL8T219", "--app", "wxgrantee000000001");

        assertEquals(2, r.exit());
        assertEquals(0, emulator.tokenFetches());
    }

    @Test
    void authorizeCopyright_ofAProtectedDrama_isListedForTheCompany() {
        FirstSubmission protectedDrama = FirstSubmission.builder().name(MiniDramaFixtures.DRAMA_NAME).mediaIds(List.of(episode(1)))
                .producer("p").description("d").coverMaterialId(MiniDramaFixtures.material("c"))
                .qualification(new io.minidrama.domain.drama.Qualification.Licensed("V1", MiniDramaFixtures.material("l")))
                .dramaType(io.minidrama.domain.drama.DramaType.ANIMATED)
                .copyright(Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS,
                        List.of(MiniDramaFixtures.material("proof")), List.of()))
                .build();
        DramaId drama = emulator.platform().submit(protectedDrama);

        Run grant = platform("authorize", "copyright", "--company", "91310000MA1FL8T219", "--drama", drama.toString(), "--json");
        Run list = platform("authorize", "list", "copyright", "--company", "91310000MA1FL8T219", "--json");

        assertEquals(0, grant.exit(), grant.err());
        assertEquals(0, list.exit(), list.err());
        JsonObject g = list.json().getJsonArray("list").getJsonObject(0);
        assertEquals(1, g.getInt("authorization_type"));
        assertEquals(drama.value(), g.getJsonNumber("drama_id").longValue());
    }

    @Test
    void authorizeDrama_ofADramaNotApproved_exitsThreeWithTheRefusedEntry() {
        MediaId ep = episode(1);
        DramaId underReview = emulator.platform().submit(MiniDramaFixtures.aDrama(List.of(ep)).build());

        Run r = platform("authorize", "drama", "wxgrantee000000001", "--drama", underReview.toString());

        assertEquals(3, r.exit());
        assertTrue(r.out().contains("errcode 10093011"), r.out());
        assertTrue(r.err().contains("refused 1 of 1"), r.err());
    }

    @Test
    void authorizeApp_thenListAndRevoke_andRevokingAgainExitsThree() {
        Run grant = platform("authorize", "app", "wxgrantee000000001", "--json");
        Run list = platform("authorize", "list", "app", "--json");
        Run revoke = platform("revoke", "app", "wxgrantee000000001");
        Run again = platform("revoke", "app", "wxgrantee000000001");

        assertEquals(0, grant.exit(), grant.err());
        assertEquals("wxgrantee000000001", list.json().getJsonArray("objects").getJsonObject(0).getString("authorized_appid"));
        assertEquals(0, revoke.exit(), revoke.err());
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("errcode 10090039"), again.err());
    }

    @Test
    void authorizeListAppReceived_printsTheAuthorizersUnderThePlatformsFieldNames() {
        emulator.control().receiveAppGrant(AppId.of("wx9876543210fedcba"), Expiry.PERMANENT);

        Run json = platform("authorize", "list", "app", "--received", "--json");
        Run human = platform("authorize", "list", "app", "--received");
        Run granted = platform("authorize", "list", "app", "--json");

        assertEquals(0, json.exit(), json.err());
        JsonObject row = json.json().getJsonArray("objects").getJsonObject(0);
        assertEquals("wx9876543210fedcba", row.getString("authorizer_appid"));
        assertEquals(0, row.getInt("authz_expire_time"));
        assertFalse(row.containsKey("authorized_appid"), row.toString());
        assertEquals(0, human.exit(), human.err());
        assertTrue(human.out().contains("from wx9876543210fedcba"), human.out());
        assertEquals(0, granted.json().getJsonArray("objects").size(), "the grantor's view stays empty");
    }

    @Test
    void authorizeListAppReceived_whenThePlatformRefuses_exitsThreeWithTheErrcode() {
        emulator.control().failNext("getauthorizedapps", 1, 10090043);

        Run r = platform("authorize", "list", "app", "--received");

        assertEquals(3, r.exit());
        assertTrue(r.err().contains("errcode 10090043"), r.err());
    }

    @Test
    void help_listsEverySubcommand_andTheHelpCommandShowsAnyOfThem() {
        Run top = run("--help");
        Run helpUpload = run("help", "upload");
        Run helpDrama = run("help", "drama");

        assertEquals(0, top.exit(), top.err());
        for (String name : List.of("demo", "emulator", "upload", "upload-season", "pull", "task", "media", "drama", "cdn", "packages",
                "authorize", "revoke", "event", "help")) {
            assertTrue(top.out().lines().anyMatch(l -> l.strip().startsWith(name + " ")), name + " missing from\n" + top.out());
        }
        assertEquals(0, helpUpload.exit(), helpUpload.err());
        assertTrue(helpUpload.out().contains("--concurrency"), helpUpload.out());
        assertEquals(0, helpDrama.exit(), helpDrama.err());
        assertTrue(helpDrama.out().contains("submit"), helpDrama.out());
    }

    @Test
    void unknownSubcommand_exitsTwoAndListsTheCommands() {
        Run r = run("uplaod", "x.mp4");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("uplaod") && r.err().contains("upload-season") && r.err().contains("authorize"), r.err());
    }

    @Test
    void help_onANestedSubcommand_printsItsOptionsAndExitsZero() {
        Run r = run("media", "link", "--help");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("--expires-in"), r.out());
        assertTrue(r.out().contains("--rlimit"), r.out());
    }

    @Test
    void demo_walksTheLifecycleAndExitsZero() {
        Run r = run("demo", "--large-mb", "11");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("status APPROVED"), r.out());
        assertTrue(r.out().contains("chunked upload"), r.out());
        assertTrue(r.out().contains("CDN usage"), r.out());
    }

}

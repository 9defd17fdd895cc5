package io.minidrama.testkit.emulator;

import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.MediaId;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The emulator driven with {@code curl}, as API.md describes the calls: a chunked upload with
 * parts out of order and a part uploaded again, committed with the etags byte for byte; and what
 * the platform refuses, refused with the platform's answers.
 */
class EmulatorCurlTest {
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @TempDir
    Path dir;
    private MiniDramaEmulator emulator;
    private String base;
    private String token;

    @BeforeAll
    static void curlIsInstalled() {
        assumeTrue(curlAvailable(), "curl is not on the PATH");
    }

    @BeforeEach
    void start() {
        emulator = MiniDramaEmulator.start();
        base = emulator.baseUrl().toString();
        token = json(curl(base + "/cgi-bin/token?grant_type=client_credential&appid=wx1234567890&secret=s3cr3t").body)
                .getString("access_token");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String op(String name) {
        return base + "/wxa/sec/vod/" + name + "?access_token=" + token;
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private String applyUpload() {
        return json(curl("-X", "POST", op("applyupload"), "-H", "Content-Type: application/json",
                "-d", "{\"media_name\":\"我的短剧 - 第1集\",\"media_type\":\"MP4\"}").body).getString("upload_id");
    }

    private String uploadPart(String uploadId, int n, Path data) {
        JsonObject r = json(curl(op("uploadpart"), "-F", "upload_id=" + uploadId, "-F", "part_number=" + n,
                "-F", "resource_type=1", "-F", "data=@" + data).body);
        assertEquals(0, r.getInt("errcode"), r.toString());
        return r.getString("etag");
    }

    private static String quoteJson(String s) {
        return Json.createArrayBuilder().add(s).build().toString().replaceAll("^\\[|\\]$", "");
    }

    @Test
    void chunkedUpload_withPartsOutOfOrderAndAPartUploadedAgain_storesTheLastBytes() throws Exception {
        byte[] p1 = MiniDramaFixtures.bytes(FIVE_MB, 1);
        byte[] p2 = MiniDramaFixtures.bytes(70_000, 2);
        byte[] p2again = MiniDramaFixtures.bytes(80_000, 3);
        String uploadId = applyUpload();

        String staleEtag = uploadPart(uploadId, 2, file("part2", p2));
        String etag1 = uploadPart(uploadId, 1, file("part1", p1));
        String etag2 = uploadPart(uploadId, 2, file("part2-again", p2again));
        assertTrue(etag1.startsWith("\"") && etag1.endsWith("\""), "the etag carries literal quotes: " + etag1);

        JsonObject stale = json(curl("-X", "POST", op("commitupload"), "-H", "Content-Type: application/json", "-d",
                "{\"upload_id\":" + quoteJson(uploadId) + ",\"media_part_infos\":[{\"part_number\":1,\"etag\":" + quoteJson(etag1)
                        + "},{\"part_number\":2,\"etag\":" + quoteJson(staleEtag) + "}]}").body);
        assertEquals(10093014, stale.getInt("errcode"), stale.toString());

        JsonObject committed = json(curl("-X", "POST", op("commitupload"), "-H", "Content-Type: application/json", "-d",
                "{\"upload_id\":" + quoteJson(uploadId) + ",\"media_part_infos\":[{\"part_number\":1,\"etag\":" + quoteJson(etag1)
                        + "},{\"part_number\":2,\"etag\":" + quoteJson(etag2) + "}]}").body);
        assertEquals(0, committed.getInt("errcode"), committed.toString());
        long mediaId = committed.getJsonNumber("media_id").longValue();

        JsonObject info = json(curl("-X", "POST", op("getmedia"), "-d", "{\"media_id\":" + mediaId + "}").body)
                .getJsonObject("media_info");
        assertEquals(String.valueOf(FIVE_MB + p2again.length), info.getString("file_size"));
        StoredMedia stored = emulator.control().storedMedia(MediaId.of(mediaId)).orElseThrow();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(p1);
        sha.update(p2again);
        assertEquals(HexFormat.of().formatHex(sha.digest()), stored.sha256());
    }

    @Test
    void singleFileUpload_withVideoAndCover_answersAMediaId() throws Exception {
        Path video = file("test.mp4", MiniDramaFixtures.tinyVideo());
        Path cover = file("wechat.jpeg", MiniDramaFixtures.tinyCover());

        JsonObject r = json(curl(op("singlefileupload"), "-F", "media_name=我的短剧 - 第2集", "-F", "media_type=MP4",
                "-F", "media_data=@" + video, "-F", "cover_type=JPG", "-F", "cover_data=@" + cover, "-F", "source_context=ctx").body);

        assertEquals(0, r.getInt("errcode"), r.toString());
        assertTrue(r.getJsonNumber("media_id").longValue() > 0);
    }

    @Test
    void refusals_areThePlatformsAnswers() throws Exception {
        String uploadId = applyUpload();
        Path small = file("small", MiniDramaFixtures.bytes(100, 4));

        assertEquals(43002, json(curl(op("applyupload")).body).getInt("errcode"), "GET");
        assertEquals(41001, json(curl("-X", "POST", base + "/wxa/sec/vod/getmedia", "-d", "{\"media_id\":1}").body).getInt("errcode"));
        assertEquals(40001, json(curl("-X", "POST", base + "/wxa/sec/vod/getmedia?access_token=forged", "-d", "{\"media_id\":1}").body)
                .getInt("errcode"));
        assertEquals(44002, json(curl("-X", "POST", op("getmedia"), "-H", "Content-Type: application/json").body).getInt("errcode"));
        assertEquals(47001, json(curl("-X", "POST", op("getmedia"), "-d", "media_id=1").body).getInt("errcode"));
        assertEquals(47003, json(curl("-X", "POST", op("getmedia"), "-d", "{\"media_id\":\"abc\"}").body).getInt("errcode"));
        assertEquals(10093030, json(curl("-X", "POST", op("getmedia"), "-d", "{\"media_id\":123456789}").body).getInt("errcode"));
        assertEquals(10090001, json(curl("-X", "POST", op("applyupload"), "-d",
                "{\"media_name\":\"我的短剧 - 第1集\",\"media_type\":\"GIF\"}").body).getInt("errcode"));
        assertEquals(10090005, json(curl(op("uploadpart"), "-F", "upload_id=" + uploadId, "-F", "part_number=1",
                "-F", "resource_type=3", "-F", "data=@" + small).body).getInt("errcode"));
        assertEquals(47003, json(curl(op("uploadpart"), "-F", "upload_id=" + uploadId, "-F", "part_number=101",
                "-F", "resource_type=1", "-F", "data=@" + small).body).getInt("errcode"));

        Path tooBigPart = file("big-part", new byte[FIVE_MB + 1]);
        assertEquals(502, curl(op("uploadpart"), "-F", "upload_id=" + uploadId, "-F", "part_number=1",
                "-F", "resource_type=1", "-F", "data=@" + tooBigPart).status);
        Path tenMb = file("ten.mp4", new byte[10 * 1024 * 1024]);
        assertEquals(502, curl(op("singlefileupload"), "-F", "media_name=我的短剧 - 第1集", "-F", "media_type=MP4",
                "-F", "media_data=@" + tenMb).status);
    }

    // ------------------------------------------------------------ curl

    private record Result(int status, String body) {
    }

    private static Result curl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "curl timed out");
            assertEquals(0, p.exitValue(), "curl failed: " + err);
            String s = new String(out, StandardCharsets.UTF_8);
            int nl = s.lastIndexOf('\n');
            return new Result(Integer.parseInt(s.substring(nl + 1).strip()), s.substring(0, nl));
        } catch (IOException e) {
            throw new AssertionError("cannot run curl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonObject json(String body) {
        try (var r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static boolean curlAvailable() {
        try {
            return new ProcessBuilder("curl", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

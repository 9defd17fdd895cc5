package io.minidrama.adapter.jdkhttp;

import io.minidrama.port.Sleeper;

import io.minidrama.adapter.jdkhttp.MultipartParser.Part;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.domain.media.VideoFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static io.minidrama.adapter.jdkhttp.WireAssertions.assertJsonCall;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaUploadWireTest {
    private final RecordingServer server = new RecordingServer();
    private final JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void uploadSingle_sendsMultipartWithVideoCoverAndTextParts() {
        server.json("/wxa/sec/vod/singlefileupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":2870001234567890123}");
        byte[] video = randomBytes(300_000, 1);
        byte[] cover = randomBytes(4_321, 2);
        SingleFileUpload request = SingleFileUpload.builder()
                .name(MediaName.of("我的演艺", 1))
                .format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(video, "test.mp4"))
                .cover(CoverFormat.JPEG, ByteSource.ofBytes(cover, "wechat.jpeg"))
                .sourceContext("ctx-1")
                .build();

        MediaId id = adapter.uploadSingle(request);

        assertEquals(2870001234567890123L, id.value());
        RecordingServer.Recorded r = server.only("/wxa/sec/vod/singlefileupload");
        assertEquals("POST", r.method());
        assertEquals("access_token=" + RecordingServer.TOKEN, r.rawQuery());
        assertEquals(Integer.toString(r.body().length), r.header("Content-Length"));
        List<Part> parts = MultipartParser.parse(r.header("Content-Type"), r.body());
        assertEquals(List.of("media_name", "media_type", "media_data", "cover_type", "cover_data", "source_context"),
                parts.stream().map(Part::name).toList());
        assertEquals("我的演艺 - 第1集", parts.get(0).text());
        assertEquals("MP4", parts.get(1).text());
        assertEquals("test.mp4", parts.get(2).fileName());
        assertEquals("application/octet-stream", parts.get(2).headers().get("content-type"));
        assertArrayEquals(video, parts.get(2).bytes());
        assertEquals("JPEG", parts.get(3).text());
        assertEquals("wechat.jpeg", parts.get(4).fileName());
        assertArrayEquals(cover, parts.get(4).bytes());
        assertEquals("ctx-1", parts.get(5).text());
        assertNull(parts.get(0).fileName());
    }

    @Test
    void uploadSingle_withoutCover_sendsOnlyRequiredParts() {
        server.json("/wxa/sec/vod/singlefileupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":7}");
        adapter.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", 2)).format(VideoFormat.MOV)
                .video(ByteSource.ofBytes(new byte[]{1, 2, 3}, "ep2.mov")).build());

        List<Part> parts = MultipartParser.parse(server.only("/wxa/sec/vod/singlefileupload").header("Content-Type"),
                server.only("/wxa/sec/vod/singlefileupload").body());
        assertEquals(List.of("media_name", "media_type", "media_data"), parts.stream().map(Part::name).toList());
    }

    @Test
    void uploadPart_sendsMultipartWithEtagReturnedVerbatim(@TempDir Path dir) throws IOException {
        server.json("/wxa/sec/vod/uploadpart", "{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":\"\\\"d899b5d1a9c2a2c0d6f7e2e6a9b0c1d2\\\"\"}");
        byte[] content = randomBytes(1_000_000, 3);
        Path file = dir.resolve("video.mp4");
        Files.write(file, content);

        Etag etag = adapter.uploadPart(new PartUpload(UploadId.of("9457878"), 2, ResourceType.VIDEO,
                ByteSource.ofRegion(file, 100_000, 500_000)));

        assertEquals("\"d899b5d1a9c2a2c0d6f7e2e6a9b0c1d2\"", etag.value());
        RecordingServer.Recorded r = server.only("/wxa/sec/vod/uploadpart");
        assertEquals("access_token=" + RecordingServer.TOKEN, r.rawQuery());
        List<Part> parts = MultipartParser.parse(r.header("Content-Type"), r.body());
        assertEquals(List.of("upload_id", "part_number", "resource_type", "data"), parts.stream().map(Part::name).toList());
        assertEquals("9457878", parts.get(0).text());
        assertEquals("2", parts.get(1).text());
        assertEquals("1", parts.get(2).text());
        assertEquals("video.mp4", parts.get(3).fileName());
        assertArrayEquals(java.util.Arrays.copyOfRange(content, 100_000, 600_000), parts.get(3).bytes());
    }

    @Test
    void uploadPart_coverPart_sendsResourceType2() {
        server.json("/wxa/sec/vod/uploadpart", "{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":\"\\\"c1\\\"\"}");
        adapter.uploadPart(new PartUpload(UploadId.of("u1"), 1, ResourceType.COVER, ByteSource.ofBytes(new byte[]{9}, "cover.jpg")));

        RecordingServer.Recorded r = server.only("/wxa/sec/vod/uploadpart");
        assertEquals("2", MultipartParser.parse(r.header("Content-Type"), r.body()).get(2).text());
    }

    @Test
    void applyUpload_sendsJsonAndReadsStringUploadId() {
        server.json("/wxa/sec/vod/applyupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"9457878\"}");

        UploadId id = adapter.applyUpload(ApplyUpload.of(MediaName.of("我的演艺", 1), VideoFormat.MP4)
                .withCover(CoverFormat.JPG).withSourceContext("ctx"));

        assertEquals("9457878", id.value());
        assertJsonCall(server.only("/wxa/sec/vod/applyupload"), "applyupload",
                "{\"media_name\":\"我的演艺 - 第1集\",\"media_type\":\"MP4\",\"cover_type\":\"JPG\",\"source_context\":\"ctx\"}");
    }

    @Test
    void applyUpload_withoutOptionalFields_leavesThemOut() {
        server.json("/wxa/sec/vod/applyupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"u\"}");
        adapter.applyUpload(ApplyUpload.of(MediaName.of("剧", 3), VideoFormat._3GP));

        assertJsonCall(server.only("/wxa/sec/vod/applyupload"), "applyupload",
                "{\"media_name\":\"剧 - 第3集\",\"media_type\":\"3GP\"}");
    }

    @Test
    void commitUpload_sendsEtagsByteForByteWithQuotes() {
        server.json("/wxa/sec/vod/commitupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":2870001}");
        CommitUpload commit = new CommitUpload(UploadId.of("9457878"),
                List.of(new PartInfo(1, Etag.of("\"d899\"")), new PartInfo(2, Etag.of("\"e9a1\""))),
                List.of(new PartInfo(1, Etag.of("\"c0ve\""))));

        MediaId id = adapter.commitUpload(commit);

        assertEquals(2870001L, id.value());
        RecordingServer.Recorded r = server.only("/wxa/sec/vod/commitupload");
        assertJsonCall(r, "commitupload", """
                {"upload_id":"9457878",
                 "media_part_infos":[{"part_number":1,"etag":"\\"d899\\""},{"part_number":2,"etag":"\\"e9a1\\""}],
                 "cover_part_infos":[{"part_number":1,"etag":"\\"c0ve\\""}]}""");
        assertTrue(r.bodyText().contains("\"etag\":\"\\\"d899\\\"\""), r.bodyText());
    }

    @Test
    void commitUpload_withoutCover_omitsCoverPartInfos() {
        server.json("/wxa/sec/vod/commitupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":1}");
        adapter.commitUpload(new CommitUpload(UploadId.of("u"), List.of(new PartInfo(1, Etag.of("\"a\""))), List.of()));

        assertJsonCall(server.only("/wxa/sec/vod/commitupload"), "commitupload",
                "{\"upload_id\":\"u\",\"media_part_infos\":[{\"part_number\":1,\"etag\":\"\\\"a\\\"\"}]}");
    }

    @Test
    void pullUpload_sendsUrlsAndReadsTaskId() {
        server.json("/wxa/sec/vod/pullupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":8412368}");

        TaskId id = adapter.pullUpload(PullUpload.builder().name(MediaName.of("我的演艺", 1))
                .mediaUrl("https://developers.weixin.qq.com/test.mp4")
                .coverUrl("https://developers.weixin.qq.com/test.jpg")
                .sourceContext("s").build());

        assertEquals(8412368L, id.value());
        assertJsonCall(server.only("/wxa/sec/vod/pullupload"), "pullupload", """
                {"media_name":"我的演艺 - 第1集","media_url":"https://developers.weixin.qq.com/test.mp4",
                 "cover_url":"https://developers.weixin.qq.com/test.jpg","source_context":"s"}""");
    }

    @Test
    void getTask_decodesTaskInfo() {
        server.json("/wxa/sec/vod/gettask", """
                {"errcode":0,"errmsg":"ok","task_info":{"id":8412368,"task_type":1,"status":3,"errcode":0,
                 "errmsg":"","create_time":1683960092,"finish_time":1683960132,"media_id":28180,"unknown_field":[1,2]}}""");

        Task task = adapter.getTask(TaskId.of(8412368));

        assertJsonCall(server.only("/wxa/sec/vod/gettask"), "gettask", "{\"task_id\":8412368}");
        assertEquals(TaskStatus.DONE, task.status());
        assertEquals(Instant.ofEpochSecond(1683960092), task.createTime());
        assertEquals(Instant.ofEpochSecond(1683960132), task.finishTime());
        assertEquals(MediaId.of(28180), task.mediaId().orElseThrow());
        assertEquals(1, task.taskType());
    }

    @Test
    void uploadSingle_nonAsciiFileName_isSentAsUtf8() {
        server.json("/wxa/sec/vod/singlefileupload", "{\"errcode\":0,\"errmsg\":\"ok\",\"media_id\":5}");
        adapter.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", 1)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes("x".getBytes(StandardCharsets.UTF_8), "第一集.mp4")).build());

        RecordingServer.Recorded r = server.only("/wxa/sec/vod/singlefileupload");
        assertEquals("第一集.mp4", MultipartParser.parse(r.header("Content-Type"), r.body()).get(2).fileName());
    }
}

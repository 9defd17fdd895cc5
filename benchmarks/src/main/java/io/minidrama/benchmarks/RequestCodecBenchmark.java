package io.minidrama.benchmarks;

import io.minidrama.protocol.internal.Json;
import io.minidrama.protocol.internal.Mapping;
import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.UploadSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * What the library adds to each request before and after the network: building the domain
 * request (every rule checked), mapping it to the wire DTO and encoding JSON; and decoding a
 * response into domain values. Run: {@code java -jar benchmarks/target/benchmarks.jar RequestCodec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestCodecBenchmark {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);
    /** The official example of a getmedia response (file_size as a string). */
    static final String GET_MEDIA_RESPONSE = """
            {"errcode":0,"errmsg":"ok","media_info":{"media_id":2012134123,"create_time":1690000000,"expire_time":1700000000,
            "drama_id":100,"file_size":"9849163","duration":125,"name":"我的演艺 - 第1集","description":"",
            "cover_url":"https://wxsmw.wxs.qq.com/cover.jpg","original_url":"","mp4_url":"https://wxsmw.wxs.qq.com/1.mp4",
            "hls_url":"https://wxsmw.wxs.qq.com/1.m3u8","audit_detail":{"status":3,"create_time":1690000100,"audit_time":1690000200,
            "reason":"","evidence_material_id_list":[]}}}""";

    private final List<MediaId> episodes = LongStream.rangeClosed(1, 80).mapToObj(MediaId::of).toList();
    private UploadSession fullSession;

    public RequestCodecBenchmark() {
        UploadSession s = UploadSession.start(UploadId.of("wx-upload-1"), UploadLimits.VIDEO_MAX);
        for (int i = 1; i <= 100; i++) {
            s = s.recordPart(ResourceType.VIDEO, i, UploadLimits.PART_SIZE, Etag.of("\"d899e1b2c3d4e5f60718293a4b5c6d7e" + i + "\""));
        }
        fullSession = s;
    }

    @Benchmark
    public byte[] firstSubmission_validateMapEncode() {
        FirstSubmission f = FirstSubmission.builder().name("我的短剧").mediaIds(episodes).producer("某某影视")
                .description("一个关于成长的故事").coverMaterialId(MaterialId.of("cover-1"))
                .qualification(new Qualification.Licensed("(沪)网剧审字(2023)第001号", MaterialId.of("cert-1")))
                .dramaType(DramaType.ANIMATED).copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of("auth-1")).build();
        return Json.toBytes(Mapping.auditDrama(f));
    }

    @Benchmark
    public byte[] playLink_validateMapEncode() {
        PlayLinkRequest r = PlayLinkRequest.builder(MediaId.of(2012134123)).expiresIn(Duration.ofHours(1)).rlimit(3)
                .us("channel_a").whref(List.of("*.example.com", "m.example.com")).build(CLOCK);
        return Json.toBytes(Mapping.mediaLink(r));
    }

    @Benchmark
    public byte[] commitUpload100Parts_checkMapEncode() {
        CommitUpload c = fullSession.commitRequest();
        return Json.toBytes(Mapping.commitUpload(c));
    }

    @Benchmark
    public Media getMedia_decodeMap() {
        return Mapping.media(Json.fromJson(GET_MEDIA_RESPONSE, Wire.GetMediaResponse.class).mediaInfo);
    }
}

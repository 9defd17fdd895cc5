package io.minidrama.port.service;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
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
import io.minidrama.domain.media.VideoFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.minidrama.port.service.PortAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadServiceTest {
    private static final long MB = 1024L * 1024L;
    private static final MediaName NAME = MediaName.of("我的短剧", 1);

    private final RecordingPlatform platform = new RecordingPlatform();
    private final UploadService service = MiniDrama.create(platform).uploads();

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 131 + seed + (i >>> 16));
        }
        return b;
    }

    private static Etag etag(ResourceType type, int n) {
        return Etag.of("\"etag-" + type.code() + "-" + n + "\"");
    }

    /** A source of a given size that is never read: for size rules only. */
    private record Sized(long size) implements ByteSource {
        @Override
        public String fileName() {
            return "big.mp4";
        }

        @Override
        public InputStream openStream() {
            throw new AssertionError("a refused upload must not read its content");
        }
    }

    @Nested
    @DisplayName("R-5/R-7: chunked upload plans 5 MB parts, uploads them and commits the etags in order")
    class Chunked {

        @Test
        void uploadChunked_when12MibInMemory_uploadsThreePartsAndCommitsTheirEtagsInOrder() {
            byte[] video = pattern((int) (12 * MB), 1);

            MediaId id = service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4), ByteSource.ofBytes(video, "ep1.mp4"));

            assertEquals(platform.nextMediaId, id);
            assertEquals(List.of("applyupload", "uploadpart", "uploadpart", "uploadpart", "commitupload"), platform.ops());
            List<PartUpload> sent = platform.args("uploadpart", PartUpload.class);
            assertEquals(List.of(1, 2, 3), sent.stream().map(PartUpload::partNumber).toList());
            assertEquals(List.of(5 * MB, 5 * MB, 2 * MB), sent.stream().map(p -> p.data().size()).toList());
            assertTrue(sent.stream().allMatch(p -> p.resourceType() == ResourceType.VIDEO && p.uploadId().equals(UploadId.of("upload-42"))));
            assertArrayEquals(Arrays.copyOfRange(video, 0, (int) (5 * MB)), platform.parts.get(0).bytes());
            assertArrayEquals(Arrays.copyOfRange(video, (int) (5 * MB), (int) (10 * MB)), platform.parts.get(1).bytes());
            assertArrayEquals(Arrays.copyOfRange(video, (int) (10 * MB), video.length), platform.parts.get(2).bytes());
            CommitUpload commit = platform.args("commitupload", CommitUpload.class).get(0);
            assertEquals(UploadId.of("upload-42"), commit.uploadId());
            assertEquals(List.of(new PartInfo(1, etag(ResourceType.VIDEO, 1)), new PartInfo(2, etag(ResourceType.VIDEO, 2)),
                    new PartInfo(3, etag(ResourceType.VIDEO, 3))), commit.mediaParts());
            assertEquals(List.of(), commit.coverParts());
        }

        @Test
        void uploadChunked_whenCoverApplied_uploadsCoverPartsNumberedFrom1AndCommitsThem() {
            byte[] video = pattern((int) (6 * MB), 2);
            byte[] cover = pattern((int) (6 * MB) + 3, 3);

            service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4).withCover(CoverFormat.JPG),
                    ByteSource.ofBytes(video, "ep1.mp4"), ByteSource.ofBytes(cover, "cover.jpg"));

            List<PartUpload> sent = platform.args("uploadpart", PartUpload.class);
            assertEquals(List.of("VIDEO1", "VIDEO2", "COVER1", "COVER2"),
                    sent.stream().map(p -> p.resourceType().name() + p.partNumber()).toList());
            assertArrayEquals(Arrays.copyOfRange(cover, (int) (5 * MB), cover.length), platform.parts.get(3).bytes());
            CommitUpload commit = platform.args("commitupload", CommitUpload.class).get(0);
            assertEquals(List.of(new PartInfo(1, etag(ResourceType.COVER, 1)), new PartInfo(2, etag(ResourceType.COVER, 2))),
                    commit.coverParts());
        }

        @Test
        void uploadChunked_whenFileRegion_sendsEachPartAsTheRightSliceOfTheFile(@TempDir Path dir) throws IOException {
            byte[] content = pattern((int) (11 * MB) + 17, 4);
            Path file = Files.write(dir.resolve("ep1.mp4"), content);

            service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4), ByteSource.ofRegion(file, 17, 11 * MB));

            assertEquals(List.of(5 * MB, 5 * MB, MB), platform.parts.stream().map(p -> (long) p.bytes().length).toList());
            assertArrayEquals(Arrays.copyOfRange(content, 17, (int) (5 * MB) + 17), platform.parts.get(0).bytes());
            assertArrayEquals(Arrays.copyOfRange(content, (int) (10 * MB) + 17, content.length), platform.parts.get(2).bytes());
        }

        @Test
        void uploadChunked_whenOneByte_sendsOnePart() {
            service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MKV), ByteSource.ofBytes(new byte[]{9}, "a.mkv"));

            assertEquals(List.of("applyupload", "uploadpart", "commitupload"), platform.ops());
            assertArrayEquals(new byte[]{9}, platform.parts.get(0).bytes());
        }
    }

    @Nested
    @DisplayName("Refusals happen before any call")
    class RefusedBeforeSending {

        @Test
        void uploadChunked_whenCoverGivenWithoutCoverFormat_rejectsWithR7AndSendsNothing() {
            assertRejected(Rule.R7, "cover_type", "use request.withCover(format)",
                    () -> service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4), new Sized(MB), new Sized(MB)));

            assertEquals(List.of(), platform.calls);
        }

        @Test
        void uploadChunked_whenCoverFormatAppliedButNoCoverGiven_rejectsWithR7AndSendsNothing() {
            assertRejected(Rule.R7, "cover_type", "pass the cover's content too",
                    () -> service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4).withCover(CoverFormat.PNG), new Sized(MB)));

            assertEquals(List.of(), platform.calls);
        }

        @Test
        void uploadChunked_whenCoverFormatAppliedButCoverEmpty_rejectsWithR7AndSendsNothing() {
            assertRejected(Rule.R7, "cover.size", "must not be empty",
                    () -> service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4).withCover(CoverFormat.PNG), new Sized(MB), new Sized(0)));

            assertEquals(List.of(), platform.calls);
        }

        @Test
        void uploadChunked_whenVideoOver500Mib_rejectsWithR5AndSendsNothing() {
            InvalidRequestException e = assertRejected(Rule.R5, "video.size", "500 MB",
                    () -> service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4), new Sized(500 * MB + 1)));

            assertEquals("524288001", e.violations().get(0).rejected());
            assertEquals(List.of(), platform.calls);
        }

        @Test
        void uploadChunked_whenVideoIs500Mib_isAcceptedAndApplied() {
            RecordingPlatform counting = new RecordingPlatform() {
                @Override
                public Etag uploadPart(PartUpload request) {
                    calls.add(new Call("uploadpart", request.partNumber()));
                    return Etag.of("\"e" + request.partNumber() + "\"");
                }
            };

            MiniDrama.create(counting).uploads().uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4), new SizedZeros(500 * MB));

            assertEquals(102, counting.calls.size());
            assertEquals(100, counting.args("commitupload", CommitUpload.class).get(0).mediaParts().size());
        }

        @Test
        void uploadChunked_whenCoverOver10Mib_rejectsWithR5AndSendsNothing() {
            assertRejected(Rule.R5, "cover.size", "at most 10 MB",
                    () -> service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4).withCover(CoverFormat.JPG),
                            new Sized(MB), new Sized(10 * MB + 1)));

            assertEquals(List.of(), platform.calls);
        }

        @Test
        void uploadChunked_whenVideoEmpty_rejectsWithR5AndSendsNothing() {
            assertRejected(Rule.R5, "video.size", "1 byte .. 500 MB",
                    () -> service.uploadChunked(ApplyUpload.of(NAME, VideoFormat.MP4), new Sized(0)));

            assertEquals(List.of(), platform.calls);
        }
    }

    /** Zeros of a given size, produced on demand. */
    private record SizedZeros(long size) implements ByteSource {
        @Override
        public String fileName() {
            return "zeros.mp4";
        }

        @Override
        public InputStream openStream() {
            return new InputStream() {
                private long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? 0 : -1;
                }

                @Override
                public long skip(long n) {
                    long k = Math.max(0, Math.min(n, left));
                    left -= k;
                    return k;
                }
            };
        }
    }

    @Nested
    class Delegation {

        @Test
        void uploadSingle_sendsTheRequestAsIs() {
            SingleFileUpload request = SingleFileUpload.builder().name(NAME).format(VideoFormat.MP4)
                    .video(ByteSource.ofBytes(new byte[]{1, 2, 3}, "ep1.mp4")).build();

            assertEquals(platform.nextMediaId, service.uploadSingle(request));
            assertEquals(List.of(new RecordingPlatform.Call("singlefileupload", request)), platform.calls);
        }

        @Test
        void pullAndTask_delegateToThePullPort() {
            PullUpload request = PullUpload.builder().name(NAME).mediaUrl("https://cdn.example.com/ep1.mp4").build();

            TaskId task = service.pull(request);

            assertEquals(TaskId.of(3001), task);
            assertEquals(platform.nextMediaId, service.task(task).mediaId().orElseThrow());
            assertEquals(List.of("pullupload", "gettask"), platform.ops());
        }
    }
}

package io.minidrama.domain.media;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.media.UploadLimits.MB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("R-4: single-file upload only for videos under 10 MB")
class SingleFileUploadTest {
    private static final MediaName NAME = MediaName.of("我的短剧", 1);

    private static SingleFileUpload.Builder video(long size) {
        return SingleFileUpload.builder().name(NAME).format(VideoFormat.MP4).video(SizedSource.of(size));
    }

    @Test
    void build_whenVideoIs10MibMinus1Byte_acceptsR4() {
        SingleFileUpload u = video(10 * MB - 1).build();

        assertEquals(10 * MB - 1, u.video().size());
        assertTrue(u.cover().isEmpty());
        assertEquals("", u.sourceContext());
    }

    @Test
    void build_whenVideoIsExactly10Mib_rejectsWithR4() {
        assertRejected(Rule.R4, "media_data", "use chunked upload", () -> video(10 * MB).build());
    }

    @Test
    void build_whenVideoEmpty_rejectsWithR4() {
        assertRejected(Rule.R4, "media_data", "must not be empty", () -> video(0).build());
    }

    @Test
    void build_whenVideoIsOneByte_acceptsR4() {
        assertEquals(1, video(1).build().video().size());
    }

    @Test
    void build_whenCoverIs10Mib_acceptsR5() {
        SingleFileUpload u = video(MB).cover(CoverFormat.JPG, SizedSource.of(10 * MB)).build();

        assertEquals(CoverFormat.JPG, u.coverFormat().orElseThrow());
        assertEquals(10 * MB, u.cover().orElseThrow().size());
    }

    @Test
    void build_whenCoverOver10Mib_rejectsWithR5() {
        assertRejected(Rule.R5, "cover_data", "1 byte .. 10 MB",
                () -> video(MB).cover(CoverFormat.PNG, SizedSource.of(10 * MB + 1)).build());
    }

    @Test
    void build_whenM3u8_rejectsWithR2() {
        assertRejected(Rule.R2, "media_type", "only by pull upload",
                () -> SingleFileUpload.builder().name(NAME).format(VideoFormat.M3U8).video(SizedSource.of(1)).build());
    }

    @Test
    void build_whenNameFormatAndVideoMissing_listsAll() {
        var e = assertRejected(Rule.R1, "media_name", "required", () -> SingleFileUpload.builder().build());

        assertTrue(e.violates(Rule.R2));
        assertEquals(3, e.violations().size());
    }

    @Test
    void build_whenSourceContextOver256Chars_rejects() {
        assertRejected(Rule.NONE, "source_context", "at most 256 characters",
                () -> video(1).sourceContext("x".repeat(257)).build());
        assertEquals(256, video(1).sourceContext("x".repeat(256)).build().sourceContext().length());
    }
}

package io.minidrama.domain.media;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.Test;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyUploadTest {
    private static final MediaName NAME = MediaName.of("我的短剧", 2);

    @Test
    void of_whenNameAndUploadableFormat_acceptsWithoutCover() {
        ApplyUpload a = ApplyUpload.of(NAME, VideoFormat.MOV);

        assertEquals(NAME, a.name());
        assertTrue(a.coverFormat().isEmpty());
    }

    @Test
    void withCover_recordsTheCoverFormatR7() {
        ApplyUpload a = ApplyUpload.of(NAME, VideoFormat.MP4).withCover(CoverFormat.PNG).withSourceContext("ctx");

        assertEquals(CoverFormat.PNG, a.coverFormat().orElseThrow());
        assertEquals("ctx", a.sourceContext());
    }

    @Test
    void of_whenM3u8_rejectsWithR2() {
        assertRejected(Rule.R2, "media_type", "m3u8 is accepted only by pull upload", () -> ApplyUpload.of(NAME, VideoFormat.M3U8));
    }

    @Test
    void of_whenNameAndFormatMissing_rejectsWithR1AndR2() {
        var e = assertRejected(Rule.R1, "media_name", "required", () -> ApplyUpload.of(null, null));

        assertTrue(e.violates(Rule.R2));
        assertEquals(2, e.violations().size());
    }
}

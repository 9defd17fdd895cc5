package io.minidrama.domain.media;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    @Nested
    @DisplayName("R-2: media_type is a supported video format, case-insensitive in, upper case out")
    class R2VideoFormat {

        @ParameterizedTest(name = "''{0}'' -> {1}")
        @CsvSource({"mp4, MP4", "Mp4, MP4", ".MOV, MOV", "3gp, 3GP", "3GP, 3GP", "mpeg, MPEG", "mkv, MKV", " f4v , F4V",
                "ts, TS", "mxf, MXF", "mpg, MPG", "flv, FLV", "wmv, WMV", "avi, AVI", "m4v, M4V", "asf, ASF"})
        void parse_whenSupportedInAnyCase_mapsToUpperCaseWireR2(String text, String wire) {
            VideoFormat f = VideoFormat.parse(text);

            assertEquals(wire, f.wire());
            assertTrue(f.uploadable());
        }

        @Test
        void parse_whenM3u8_acceptsButOnlyForPullUploadR2() {
            VideoFormat f = VideoFormat.parse("M3u8");

            assertEquals(VideoFormat.M3U8, f);
            assertFalse(f.uploadable());
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"webm", "mp3", "_3gp", "mp 4", "jpg"})
        void parse_whenUnsupported_rejectsWithR2(String text) {
            assertRejected(Rule.R2, "media_type", "supported video formats are MP4, TS", () -> VideoFormat.parse(text));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void parse_whenMissing_rejectsWithR2(String text) {
            assertRejected(Rule.R2, "media_type", "(m3u8 only by pull upload)", () -> VideoFormat.parse(text));
        }

        @Test
        void ofFileName_usesTheLastExtension() {
            assertEquals(VideoFormat.MP4, VideoFormat.ofFileName("ep.01.final.MP4"));
            assertRejected(Rule.R2, "media_type", "supported", () -> VideoFormat.ofFileName("ep01.mp4.zip"));
        }

        @Test
        void wire_exactlyTheFourteenDocumentedTypesAreUploadable() {
            long uploadable = java.util.Arrays.stream(VideoFormat.values()).filter(VideoFormat::uploadable).count();
            assertEquals(14, uploadable);
        }
    }

    @Nested
    @DisplayName("R-3: cover_type is a supported image format, case-insensitive")
    class R3CoverFormat {

        @ParameterizedTest
        @EnumSource(CoverFormat.class)
        void parse_whenLowerCase_mapsToUpperCaseWireR3(CoverFormat format) {
            assertEquals(format, CoverFormat.parse(format.name().toLowerCase(java.util.Locale.ROOT)));
            assertEquals(format.name(), format.wire());
        }

        @Test
        void parse_whenDottedMixedCase_acceptsR3() {
            assertEquals(CoverFormat.JPEG, CoverFormat.parse(".JpEg"));
            assertEquals(CoverFormat.PNG, CoverFormat.ofFileName("cover.Png"));
            assertEquals(9, CoverFormat.values().length);
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"gif", "webp", "svg", "heic", "mp4"})
        void parse_whenUnsupported_rejectsWithR3(String text) {
            assertRejected(Rule.R3, "cover_type", "supported cover formats are JPG, JPEG, PNG", () -> CoverFormat.parse(text));
        }

        @Test
        void parse_whenNull_rejectsWithR3() {
            assertRejected(Rule.R3, "cover_type", "supported cover formats", () -> CoverFormat.parse(null));
        }
    }

    @Nested
    @DisplayName("R-5: resource_type 1 = video, 2 = cover")
    class R5ResourceType {

        @Test
        void of_when1Or2_mapsR5() {
            assertEquals(ResourceType.VIDEO, ResourceType.of(1));
            assertEquals(ResourceType.COVER, ResourceType.of(2));
            assertEquals(2, ResourceType.COVER.code());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {0, 3, -1})
        void of_whenOther_rejectsWithR5(int code) {
            assertRejected(Rule.R5, "resource_type", "1 (video) or 2 (cover)", () -> ResourceType.of(code));
        }
    }
}

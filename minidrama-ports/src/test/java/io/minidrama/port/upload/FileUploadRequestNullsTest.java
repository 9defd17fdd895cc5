package io.minidrama.port.upload;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.VideoFormat;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FileUploadRequest.Builder} treats {@code null} as the domain's builders do: a violation at build(), never an NPE. */
class FileUploadRequestNullsTest {
    @TempDir
    static Path dir;

    private static Path video() throws IOException {
        Path video = dir.resolve("ep1.mp4");
        if (!Files.exists(video)) {
            Files.write(video, new byte[] {1, 2, 3});
        }
        return video;
    }

    private static Arguments the(String setter, Consumer<FileUploadRequest.Builder> setNull, String field) {
        return Arguments.of(Named.of(setter, setNull), field);
    }

    static Stream<Arguments> optionalSetters() {
        return Stream.of(
                the("format", b -> b.format(null), "media_type"),
                the("cover(Path)", b -> b.cover(null), "cover_data"),
                the("cover(Path, format) path", b -> b.cover(null, CoverFormat.JPG), "cover_data"),
                the("cover(Path, format) format", b -> b.cover(dir.resolve("ep1.mp4"), null), "cover_type"),
                the("sourceContext", b -> b.sourceContext(null), "source_context"),
                the("checkpointKey", b -> b.checkpointKey(null), "checkpoint_key"),
                the("listener", b -> b.listener(null), "listener"));
    }

    @ParameterizedTest(name = "{0}(null)")
    @MethodSource("optionalSetters")
    void setter_whenGivenNull_isReportedAtBuildAsGivenNull(Consumer<FileUploadRequest.Builder> setNull, String field) throws IOException {
        FileUploadRequest.Builder b = FileUploadRequest.builder(video(), MediaName.of("我的短剧", 1));
        setNull.accept(b);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, b::build);

        assertTrue(e.violations().contains(RuleViolation.givenNull(field)), e.violations()::toString);
    }

    @Test
    void builder_whenVideoAndNameNull_reportsBothAsRequired() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FileUploadRequest.builder(null, null).build());

        assertEquals(2, e.violations().size(), e.violations()::toString);
        assertTrue(e.violates(Rule.R1));
        assertEquals("media_data", e.violations().get(1).field());
    }

    @Test
    void setter_whenGivenNullThenAValue_theLastCallWins() throws IOException {
        FileUploadRequest r = FileUploadRequest.builder(video(), MediaName.of("我的短剧", 1)).format(null).format(VideoFormat.MP4).build();

        assertEquals(VideoFormat.MP4, r.format());
    }
}

package io.minidrama.testkit.example;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.service.MiniDrama;

import java.util.ArrayList;
import java.util.List;

/**
 * An example service, written as a user of the library would: it uploads the episodes of a season
 * in order (small ones in one request, large ones in 5 MB parts) and submits the drama for review,
 * having checked its paperwork before the first upload.
 */
public final class SeasonPublisher {
    private final MiniDrama miniDrama;

    public SeasonPublisher(MiniDrama miniDrama) {
        this.miniDrama = miniDrama;
    }

    /** What the studio hands over: the season's name, its paperwork and its episodes in order. */
    public record Season(String name, String producer, String description, MaterialId cover, MaterialId licence,
                         String licenceNumber, MaterialId authorisationLetter, List<ByteSource> episodes) {
    }

    /**
     * Checks the paperwork, uploads every episode, then submits the drama; returns the drama id.
     * Paperwork the platform would refuse fails before the first byte is uploaded.
     */
    public DramaId publish(Season season) {
        FirstSubmission.Draft paperwork = FirstSubmission.builder()
                .name(season.name())
                .producer(season.producer())
                .description(season.description())
                .coverMaterialId(season.cover())
                .qualification(new Qualification.Licensed(season.licenceNumber(), season.licence()))
                .dramaType(DramaType.ANIMATED)
                .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(season.authorisationLetter())
                .buildDraft();
        List<MediaId> episodes = new ArrayList<>();
        for (int n = 1; n <= season.episodes().size(); n++) {
            episodes.add(upload(MediaName.of(season.name(), n), season.episodes().get(n - 1)));
        }
        return miniDrama.dramas().submit(paperwork.withMedia(episodes));
    }

    private MediaId upload(MediaName name, ByteSource video) {
        if (video.size() < UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE) {
            return miniDrama.uploads().uploadSingle(SingleFileUpload.builder().name(name).format(VideoFormat.MP4).video(video).build());
        }
        return miniDrama.uploads().uploadChunked(ApplyUpload.of(name, VideoFormat.MP4), video);
    }
}

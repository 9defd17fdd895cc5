package io.minidrama.samples.publisher;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.SeasonUploader;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.util.List;

/** Checks the paperwork, uploads the season (resumable), then submits it. */
@Service
public class SeasonPublisher {
    private static final System.Logger LOG = System.getLogger(SeasonPublisher.class.getName());

    private final MiniDrama miniDrama;
    private final FileUploadService uploads;

    public SeasonPublisher(MiniDrama miniDrama, FileUploadService uploads) {
        this.miniDrama = miniDrama;
        this.uploads = uploads;
    }

    /** The paperwork of {@code season}, checked before anything is uploaded. */
    public static FirstSubmission.Draft paperwork(SeasonProperties season) {
        return FirstSubmission.builder()
                .name(season.name())
                .producer(season.producer())
                .description(season.description())
                .coverMaterialId(MaterialId.of(season.coverMaterialId()))
                .qualification(new Qualification.Licensed(season.registrationNumber(), MaterialId.of(season.licenceMaterialId())))
                .dramaType(DramaType.ANIMATED)
                .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of(season.authorizationMaterialId()))
                .buildDraft();
    }

    /**
     * Publishes the season in {@code folder}: the paperwork is checked first (an
     * {@code InvalidRequestException} before any upload), then every episode is uploaded, then the
     * drama is submitted. Run it again after a failure: finished episodes are skipped.
     */
    public DramaId publish(Path folder, FirstSubmission.Draft paperwork, String dramaName) {
        List<MediaId> episodes = SeasonUploader.create(uploads, miniDrama.platform(), 2)
                .uploadFolder(dramaName, folder).mediaIdsInOrder();
        DramaId drama = miniDrama.dramas().submit(paperwork.withMedia(episodes));
        LOG.log(System.Logger.Level.INFO, () -> "submitted drama " + drama.value() + " with " + episodes.size() + " episodes");
        return drama;
    }
}

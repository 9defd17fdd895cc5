package io.minidrama.spring.boot.app;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The application's own service: it only injects what the starter provides. */
@Service
public class Publisher {
    private final MiniDrama miniDrama;
    private final FileUploadService uploads;

    public Publisher(MiniDrama miniDrama, FileUploadService uploads) {
        this.miniDrama = miniDrama;
        this.uploads = uploads;
    }

    public MediaId upload(Path video, MediaName name) {
        return uploads.upload(FileUploadRequest.builder(video, name).build());
    }

    public DramaId submit(FirstSubmission.Builder paperwork, List<MediaId> episodes) {
        return miniDrama.dramas().submit(paperwork.mediaIds(episodes).build());
    }

    public PlayLink firstEpisodeLink(DramaId drama) {
        return miniDrama.media().playLink(miniDrama.dramas().get(drama).mediaIds().get(0), Duration.ofHours(1));
    }
}

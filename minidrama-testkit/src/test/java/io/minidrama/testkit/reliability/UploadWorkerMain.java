package io.minidrama.testkit.reliability;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;

import java.net.URI;
import java.nio.file.Path;

/**
 * The child JVM of {@link KillResumeTest}: uploads one file through {@link FileUploadService} and
 * the HTTP adapter, printing {@code PARTS n/total} after each recorded part and {@code DONE id}.
 * Arguments: base URL, file, checkpoint directory, drama name, episode, checkpoint key.
 */
public final class UploadWorkerMain {
    private UploadWorkerMain() {
    }

    public static void main(String[] args) {
        JdkHttpMiniDramaAdapter adapter = Rig.adapter(URI.create(args[0])).build();
        try (FileUploadService uploads = FileUploadService.builder(adapter, io.minidrama.port.upload.FileUploadCheckpoints.in(Path.of(args[2])))
                .partConcurrency(2).maxParallelParts(2).build()) {
            FileUploadRequest request = FileUploadRequest.builder(Path.of(args[1]), MediaName.of(args[3], Integer.parseInt(args[4])))
                    .checkpointKey(args[5])
                    .listener(p -> {
                        System.out.println("PARTS " + p.partsDone() + "/" + p.partsTotal());
                        System.out.flush();
                    })
                    .build();
            MediaId id = uploads.upload(request);
            System.out.println("DONE " + id.value());
        }
    }
}

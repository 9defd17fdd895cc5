package io.minidrama.cli;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.UploadListener;
import io.minidrama.port.upload.UploadProgress;

import java.nio.file.Path;
import java.util.Locale;

/** Shared pieces of the upload commands: the service and a progress bar. */
final class Uploads {
    private Uploads() {
    }

    /** The default checkpoint directory: ~/.minidrama/checkpoints (env MINIDRAMA_CHECKPOINTS). */
    static Path defaultCheckpointDir() {
        String env = System.getenv("MINIDRAMA_CHECKPOINTS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".minidrama", "checkpoints");
    }

    static FileUploadService service(MiniDramaPlatform platform, Path checkpointDir, int concurrency) {
        return FileUploadService.builder(platform, FileUploadCheckpoints.in(checkpointDir))
                .partConcurrency(concurrency).maxParallelParts(concurrency).build();
    }

    /** A listener drawing {@code label [#####.....] 45% 12.0/26.7 MB 3/6 parts 40.1 MB/s}. */
    static UploadListener bar(Output out, String label) {
        return p -> out.progress(render(label, p));
    }

    static String render(String label, UploadProgress p) {
        int width = 30;
        int filled = (int) Math.round(p.fraction() * width);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %.1f/%.1f MB %d/%d parts %.1f MB/s", label,
                "#".repeat(filled), ".".repeat(width - filled), Math.round(p.fraction() * 100),
                p.bytesSent() / 1048576.0, p.bytesTotal() / 1048576.0, p.partsDone(), p.partsTotal(), p.bytesPerSecond() / 1048576.0);
    }
}

package io.minidrama.benchmarks.peers;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.upload.FileUploadCheckpoints;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;

import java.net.URI;
import java.nio.file.Path;

/**
 * This SDK as a library user writes it: {@link FileUploadService} over one transport, checkpoints
 * in a directory, {@code concurrency} parts in flight. Run in its own JVM by
 * {@link io.minidrama.benchmarks.PeerBenchmark}; prints {@code media_id=N} last.
 *
 * <pre>SdkUpload BASE_URL FILE "剧目名 - 第N集" CHECKPOINT_DIR TRANSPORT CONCURRENCY</pre>
 * TRANSPORT is {@code jdk} ({@link JdkHttpMiniDramaAdapter}: the protocol's {@code MiniDramaClient} over
 * {@code JdkHttpTransport}) or {@code apache} (the same client over {@code ApacheHttpTransport}, Apache HttpClient 5).
 */
public final class SdkUpload {
    private SdkUpload() {
    }

    public static void main(String[] args) {
        URI base = URI.create(args[0]);
        Path file = Path.of(args[1]);
        MediaName name = MediaName.parse(args[2]);
        Path checkpoints = Path.of(args[3]);
        int concurrency = Integer.parseInt(args[5]);
        MiniDramaPlatform platform = platform(args[4], base);
        try (FileUploadService uploads = FileUploadService.builder(platform, FileUploadCheckpoints.in(checkpoints))
                .partConcurrency(concurrency).maxParallelParts(concurrency).build()) {
            MediaId id = uploads.upload(FileUploadRequest.builder(file, name).build());
            System.out.println("media_id=" + id.value());
        }
    }

    private static MiniDramaPlatform platform(String transport, URI base) {
        switch (transport) {
            case "jdk":
                return JdkHttpMiniDramaAdapter.builder().baseUrl(base).credentials("wxbench000000000001", "bench").build();
            case "apache":
                return io.minidrama.protocol.MiniDramaClient.builder().transport(io.minidrama.adapter.apache.ApacheHttpTransport.create())
                        .baseUrl(base).credentials("wxbench000000000001", "bench").build();
            default:
                throw new IllegalArgumentException("transport: jdk or apache, not " + transport);
        }
    }
}

package io.minidrama.cli;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code minidrama upload FILE --name NAME}: single or chunked automatically, resumable. */
@Command(mixinStandardHelpOptions = true, name = "upload", description = "Upload one episode (single-file under 10 MB, chunked above; re-run to resume).")
final class UploadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "FILE", description = "The video file")
    Path file;

    @Option(names = "--name", required = true, description = "Episode name: '剧目名 - 第N集'")
    String name;

    @Option(names = "--cover", description = "Cover image file")
    Path cover;

    @Option(names = "--source-context", description = "Passed through to the upload event")
    String sourceContext;

    @Option(names = "--checkpoint-dir", description = "Where resumable state is kept (default ~/.minidrama/checkpoints)")
    Path checkpointDir;

    @Option(names = "--concurrency", defaultValue = "4", description = "Parts in flight (default ${DEFAULT-VALUE})")
    int concurrency;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
        FileUploadRequest.Builder b = FileUploadRequest.builder(file, MediaName.parse(name)).listener(Uploads.bar(out, file.getFileName().toString()));
        if (cover != null) {
            b.cover(cover);
        }
        if (sourceContext != null) {
            b.sourceContext(sourceContext);
        }
        FileUploadRequest request = b.build();
        io.minidrama.port.MiniDramaPlatform platform = connection.open();
        try (FileUploadService uploads = Uploads.service(platform, checkpointDir != null ? checkpointDir : Uploads.defaultCheckpointDir(), concurrency)) {
            MediaId id = uploads.upload(request);
            out.endProgress();
            out.result(Output.object().add("media_id", id.value()).build(), "uploaded " + request.name() + ": media_id " + id);
            return ExitCodes.OK;
        }
    }
}

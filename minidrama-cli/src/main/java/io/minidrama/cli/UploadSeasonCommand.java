package io.minidrama.cli;

import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.SeasonResult;
import io.minidrama.port.upload.SeasonUploader;
import jakarta.json.JsonArrayBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code minidrama upload-season DIR --drama NAME}. */
@Command(mixinStandardHelpOptions = true, name = "upload-season", description = "Upload every episode file of a folder as '剧名 - 第N集'; re-run to finish a partial season.")
final class UploadSeasonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of episode files (numbered by the last number in each name)")
    Path dir;

    @Option(names = "--drama", required = true, description = "The drama's name")
    String drama;

    @Option(names = "--files", defaultValue = "2", description = "Files uploaded at once (default ${DEFAULT-VALUE})")
    int files;

    @Option(names = "--concurrency", defaultValue = "4", description = "Parts in flight in all (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--checkpoint-dir", description = "Where resumable state is kept (default ~/.minidrama/checkpoints)")
    Path checkpointDir;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
        var episodes = SeasonUploader.episodesIn(dir);
        MiniDrama md = MiniDrama.create(connection.open());
        try (FileUploadService uploads = Uploads.service(md.platform(), checkpointDir != null ? checkpointDir : Uploads.defaultCheckpointDir(), concurrency)) {
            out.say("uploading " + episodes.size() + " episodes of " + drama + " ...");
            SeasonResult result = SeasonUploader.create(uploads, md.platform(), files).upload(drama, episodes);
            JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
            StringBuilder human = new StringBuilder();
            for (SeasonResult.Episode e : result.episodes()) {
                list.add(Output.object().add("episode", e.number()).add("file", e.file().toString())
                        .add("status", e.status().name().toLowerCase(java.util.Locale.ROOT))
                        .add("media_id", e.mediaId().map(m -> m.value()).orElse(0L))
                        .add("error", e.failure().map(Throwable::getMessage).orElse("")));
                human.append(String.format("  第%d集 %-18s %s%n", e.number(), e.status(),
                        e.mediaId().map(m -> "media_id " + m).orElse(e.failure().map(Throwable::getMessage).orElse(""))));
            }
            out.result(Output.object().add("drama", drama).add("complete", result.complete()).add("episodes", list).build(),
                    human.toString().stripTrailing());
            if (!result.complete()) {
                result.mediaIdsInOrder();
            }
            return ExitCodes.OK;
        }
    }
}

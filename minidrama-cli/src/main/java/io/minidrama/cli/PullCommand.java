package io.minidrama.cli;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.port.upload.PullUploadWaiter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code minidrama pull URL --name NAME [--wait]}. */
@Command(mixinStandardHelpOptions = true, name = "pull", description = "Have the platform fetch an episode from a URL; --wait polls the task until it ends.")
final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "URL", description = "Absolute http(s) URL of the video")
    String url;

    @Option(names = "--name", required = true, description = "Episode name: '剧目名 - 第N集'")
    String name;

    @Option(names = "--cover-url", description = "Absolute http(s) URL of the cover")
    String coverUrl;

    @Option(names = "--source-context", description = "Passed through to the upload event")
    String sourceContext;

    @Option(names = "--wait", description = "Wait for the task to finish")
    boolean await;

    @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION",
            description = "How long --wait waits: " + DurationConverter.FORMS + " (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
        PullUpload.Builder b = PullUpload.builder().name(MediaName.parse(name)).mediaUrl(url);
        if (coverUrl != null) {
            b.coverUrl(coverUrl);
        }
        if (sourceContext != null) {
            b.sourceContext(sourceContext);
        }
        PullUpload request = b.build();
        MiniDrama md = MiniDrama.create(connection.open());
        if (!await) {
            TaskId task = md.uploads().pull(request);
            out.result(Output.object().add("task_id", task.value()).build(), "pull task started: task_id " + task);
            return ExitCodes.OK;
        }
        out.say("pulling " + url + " ...");
        MediaId id = PullUploadWaiter.create(md.platform()).pullAndWait(request, timeout);
        out.result(Output.object().add("media_id", id.value()).build(), "pulled " + request.name() + ": media_id " + id);
        return ExitCodes.OK;
    }
}

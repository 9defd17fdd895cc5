package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.media.Task;
import io.minidrama.port.service.MiniDrama;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minidrama task get ID}. */
@Command(mixinStandardHelpOptions = true, name = "task", description = "Pull-upload tasks.")
final class TaskCommand {
    @Spec
    CommandSpec spec;

    @Command(mixinStandardHelpOptions = true, name = "get", description = "Show a pull-upload task.")
    int get(@Mixin Connection connection, @Parameters(paramLabel = "ID") long id) {
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
        Task t = MiniDrama.create(connection.open()).uploads().task(TaskId.of(id));
        out.result(Output.wire(WireJson.toJson(t)), "task " + t.id() + ": " + t.status()
                + t.mediaId().map(m -> ", media_id " + m).orElse("")
                + (t.errcode() != 0 ? ", errcode " + t.errcode() + " " + t.errmsg() : ""));
        return ExitCodes.OK;
    }
}

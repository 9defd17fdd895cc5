package io.minidrama.cli;

import io.minidrama.testkit.MiniDramaEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code minidrama emulator [--port N]}: runs the platform emulator until interrupted. */
@Command(mixinStandardHelpOptions = true, name = "emulator", description = "Run the WeChat mini-drama emulator until interrupted (Ctrl-C).")
final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        MiniDramaEmulator emulator = MiniDramaEmulator.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        spec.commandLine().getOut().println("emulator listening on " + emulator.baseUrl() + " (any appid/secret; Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }
}

package io.minidrama.cli;

import io.minidrama.emulator.MiniDramaEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code minidrama emulator [--port N]}: runs the platform emulator until interrupted. */
@Command(mixinStandardHelpOptions = true, name = "emulator", description = "Run the WeChat mini-drama emulator until interrupted (Ctrl-C); its clock follows the wall clock.")
final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--keep-content-mb", defaultValue = "64", paramLabel = "MB",
            description = "Keep the bytes of media up to this size; larger ones keep only size and SHA-256 (default ${DEFAULT-VALUE})")
    long keepContentMb;

    @Option(names = "--threads", defaultValue = "16", paramLabel = "N",
            description = "Requests served at once; more wait their turn (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--abandoned-upload-minutes", defaultValue = "60", paramLabel = "MINUTES",
            description = "Free an upload never committed after this long without a part, by the wall clock (default ${DEFAULT-VALUE})")
    long abandonedMinutes;

    @Option(names = "--component-appid", paramLabel = "APPID",
            description = "Also emulate this third-party platform (component API, authorizer tokens; control routes under "
                    + "/__emulator/component/); with --component-secret")
    String componentAppId;

    @Option(names = "--component-secret", paramLabel = "SECRET", description = "The emulated platform's secret (a test value)")
    String componentSecret;

    @Override
    public Integer call() throws InterruptedException {
        MiniDramaEmulator emulator;
        try {
            if (keepContentMb < 0 || keepContentMb > Long.MAX_VALUE / (1024 * 1024)) {
                throw new IllegalArgumentException("--keep-content-mb must be 0.." + Long.MAX_VALUE / (1024 * 1024));
            }
            if (abandonedMinutes < 1 || abandonedMinutes > 100_000_000) {
                throw new IllegalArgumentException("--abandoned-upload-minutes must be 1..100000000");
            }
            // A service: its clock follows the wall clock, so clients' "now + 2 h" agrees with it.
            if ((componentAppId == null) != (componentSecret == null)) {
                throw new IllegalArgumentException("--component-appid and --component-secret go together");
            }
            MiniDramaEmulator.Builder b = MiniDramaEmulator.builder().port(port).followWallClock().threads(threads)
                    .keepContentUpTo(keepContentMb * 1024 * 1024).abandonedUploadsExpireAfter(Duration.ofMinutes(abandonedMinutes));
            if (componentAppId != null) {
                b.component(componentAppId, componentSecret);
            }
            emulator = b.start();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        spec.commandLine().getOut().println("emulator listening on " + emulator.baseUrl() + " (any appid/secret"
                + (componentAppId == null ? "" : "; third-party platform " + componentAppId + ": POST /__emulator/component/ticket, "
                + "POST /__emulator/component/authorize {\"authorizer_appid\": ...}") + "; Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }
}

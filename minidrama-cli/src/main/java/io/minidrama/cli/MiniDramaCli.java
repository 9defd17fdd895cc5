package io.minidrama.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@code minidrama}: the mini-drama media-asset API from the command line. */
@Command(name = "minidrama", mixinStandardHelpOptions = true, version = "minidrama 0.1.0",
        description = "WeChat mini-drama media assets: upload episodes, submit and maintain dramas, play links, CDN usage and "
                + "traffic packages, authorizations, the drama player's setup, push events; for one mini program with its "
                + "own secret, or for any that authorized a third-party platform (--component-appid, see 'component').",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:an upload open on the platform whose checkpoint could not be saved (the message says what to do)",
                "2:invalid input or a refused event (nothing was sent)", "3:platform error (errcode, errmsg)",
                "4:transport failure (no answer)", "5:unexpected response (an answer the SDK cannot map)"})
public final class MiniDramaCli {
    /**
     * The subcommands, in help order. Registered in {@link #run}, not in {@code @Command(subcommands)}:
     * picocli builds the model of every registered command (reflection over each class and its
     * nested commands) before parsing, about half the start-up of {@code minidrama upload}, so a
     * command line naming one of them registers only that one.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(DemoCommand.class, EmulatorCommand.class, UploadCommand.class, UploadSeasonCommand.class,
                PullCommand.class, TaskCommand.class, MediaCommand.class, DramaCommand.class, CdnCommand.class,
                PackagesCommand.class, AuthorizeCommand.class, RevokeCommand.class, PlayerCommand.class, EventCommand.class, ComponentCommand.class,
                CommandLine.HelpCommand.class);

    private MiniDramaCli() {
    }

    /** Runs the tool and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args));
    }

    /** Runs the tool with the given streams; returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        HttpDebug.quiet();
        CommandLine cmd = new CommandLine(new MiniDramaCli());
        Class<?> named = args.length > 0 ? named(args[0]) : null;
        for (Class<?> sub : SUBCOMMANDS) {
            // "help" shows the others, so it needs them all; otherwise only the command named first is built
            if (named == null || named == CommandLine.HelpCommand.class || sub == named) {
                cmd.addSubcommand(sub);
            }
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.registerConverter(Duration.class, new DurationConverter());
        cmd.setExecutionExceptionHandler(new ExitCodes());
        cmd.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.INVALID;
        });
        try {
            return cmd.execute(args);
        } finally {
            closeTransports(cmd.getParseResult());
        }
    }

    /** Closes the transport each command's {@link Connection} made (an embedding JVM keeps no pooled connection). */
    private static void closeTransports(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (CommandLine.Model.CommandSpec mixin : p.commandSpec().mixins().values()) {
                if (mixin.userObject() instanceof Connection c) {
                    c.close();
                }
            }
        }
    }

    /** The subcommand whose name or alias is {@code arg}, from its annotation alone; {@code null} if none. */
    private static Class<?> named(String arg) {
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(arg) || java.util.Arrays.asList(c.aliases()).contains(arg)) {
                return sub;
            }
        }
        return null;
    }
}

package io.minidrama.cli;

import io.minidrama.domain.AppId;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.port.service.MiniDrama;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code minidrama revoke drama|app|copyright}: the counterparts of {@link AuthorizeCommand}.
 * Revoking what was never granted is errcode 10090043, what was revoked before 10090039 (per drama
 * in {@code result[]}, exit 3).
 */
@Command(mixinStandardHelpOptions = true, name = "revoke", description = "Withdraw drama, whole-catalogue or copyright authorizations.",
        subcommands = {RevokeCommand.Copyright.class})
final class RevokeCommand {
    @Spec
    CommandSpec spec;

    @Command(mixinStandardHelpOptions = true, name = "drama", description = "Withdraw dramas from a mini program.")
    int drama(@Mixin Connection connection, @Parameters(paramLabel = "APPID", description = "The grantee") String appId,
              @Option(names = "--drama", required = true, split = ",", paramLabel = "ID", description = "Drama ids (repeatable)") List<Long> ids) {
        DramaDeauthorization request = new DramaDeauthorization(AuthorizeCommand.dramas(ids), AppId.of(appId));
        return AuthorizeCommand.results(spec, connection, MiniDrama.create(connection.open()).authorizations().deauthorizeDramas(request),
                "withdrawn");
    }

    @Command(mixinStandardHelpOptions = true, name = "app", description = "Withdraw a whole-catalogue authorization.")
    int app(@Mixin Connection connection, @Parameters(paramLabel = "APPID", description = "The grantee") String appId) {
        AppId grantee = AppId.of(appId);
        MiniDrama.create(connection.open()).authorizations().deauthorizeApp(grantee);
        new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(
                Output.object().add("authorized_appid", appId).build(), "withdrew the whole-catalogue authorization of " + appId);
        return ExitCodes.OK;
    }

    /** {@code revoke copyright (--company CODE | --app APPID) [--drama ID]...}. */
    @Command(mixinStandardHelpOptions = true, name = "copyright", description = "Withdraw copyright authorizations (all to that grantee when no --drama is given).")
    static final class Copyright implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @ArgGroup(exclusive = true, multiplicity = "1")
        AuthorizeCommand.Grantee grantee;
        @Option(names = "--drama", split = ",", paramLabel = "ID", description = "Drama ids (repeatable, at most 100)") List<Long> ids;

        @Override
        public Integer call() {
            CopyrightDeauthorization request = new CopyrightDeauthorization(grantee.toGrantee(), AuthorizeCommand.dramas(ids));
            return AuthorizeCommand.results(spec, connection, MiniDrama.create(connection.open()).copyright().deauthorizeCopyright(request),
                    "withdrawn");
        }
    }
}

package io.minidrama.cli;

import io.minidrama.protocol.WireJson;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrantee;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.authz.UnifiedSocialCreditCode;
import io.minidrama.port.service.MiniDrama;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code minidrama authorize drama|app|copyright|list}: license dramas to other mini programs, and
 * copyright to companies or mini programs. {@link RevokeCommand} withdraws them.
 *
 * <p>A call answered per drama ({@code result[]}) prints every entry and exits 3 when any entry
 * failed. {@code --expires-at} is a date ({@code YYYY-MM-DD}, China time, start of day) or an
 * ISO-8601 instant, checked against R-24 (at least 7 days away) before anything is sent.
 */
@Command(mixinStandardHelpOptions = true, name = "authorize", description = "Authorize dramas (or all of them) to another mini program, or the copyright of "
        + "protected dramas to a company or mini program; 'authorize list' shows them. Revoke with 'revoke'.",
        subcommands = {AuthorizeCommand.Copyright.class, AuthorizeCommand.ListCommand.class})
final class AuthorizeCommand {
    @Spec
    CommandSpec spec;

    /** permanent when absent, else at least 7 days after now. */
    static Expiry expiry(String text, String field) {
        if (text == null || text.isBlank()) {
            return Expiry.PERMANENT;
        }
        return Expiry.at(CdnCommand.instant(field, text.strip()), Clock.systemUTC(), field);
    }

    static List<DramaId> dramas(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().map(DramaId::of).toList();
    }

    /** Prints the per-drama results; 3 when any drama was refused. */
    static int results(CommandSpec spec, Connection connection, List<AuthorizationResult> results, String verb) {
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json);
        StringBuilder human = new StringBuilder();
        for (AuthorizationResult r : results) {
            human.append(human.length() == 0 ? "" : "\n").append("  drama ").append(r.dramaId()).append(": ")
                    .append(r.succeeded() ? verb : "refused, errcode " + r.errcode() + " " + r.errmsg());
        }
        out.result(Output.wire(WireJson.authorizationResults(results)), results.isEmpty() ? "no dramas" : human.toString());
        long failed = results.stream().filter(r -> !r.succeeded()).count();
        if (failed > 0) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("platform refused " + failed + " of " + results.size() + " dramas (see result[])");
            err.flush();
            return ExitCodes.PLATFORM;
        }
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "drama", description = "Authorize approved dramas to another mini program (both hold the mini-drama category).")
    int drama(@Mixin Connection connection, @Parameters(paramLabel = "APPID", description = "The grantee") String appId,
              @Option(names = "--drama", required = true, split = ",", paramLabel = "ID", description = "Drama ids (repeatable)") List<Long> ids,
              @Option(names = "--expires-at", paramLabel = "DATE", description = "YYYY-MM-DD (China time) or an ISO instant, at least 7 days away (R-24); default: permanent") String expiresAt) {
        DramaAuthorization request = DramaAuthorization.of(AppId.of(appId), dramas(ids), expiry(expiresAt, "authz_expire_time"));
        return results(spec, connection, MiniDrama.create(connection.open()).authorizations().authorizeDramas(request), "authorized");
    }

    @Command(mixinStandardHelpOptions = true, name = "app", description = "Authorize every drama, present and future, to another mini program.")
    int app(@Mixin Connection connection, @Parameters(paramLabel = "APPID", description = "The grantee") String appId,
            @Option(names = "--expires-at", paramLabel = "DATE", description = "YYYY-MM-DD (China time) or an ISO instant, at least 7 days away (R-24); default: permanent") String expiresAt) {
        AppAuthorization request = new AppAuthorization(AppId.of(appId), expiry(expiresAt, "authz_expire_time"));
        MiniDrama.create(connection.open()).authorizations().authorizeApp(request);
        new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), connection.json).result(
                Output.object().add("authorized_appid", appId).add("authz_expire_time", request.expiry().epochSecond()).build(),
                "authorized every drama to " + appId + (request.expiry().permanent() ? ", permanently" : " until " + request.expiry()));
        return ExitCodes.OK;
    }

    /** Exactly one of {@code --company} or {@code --app}. */
    static final class Grantee {
        @Option(names = "--company", required = true, paramLabel = "CREDIT_CODE", description = "A company's 18-character unified social credit code")
        String company;
        @Option(names = "--app", required = true, paramLabel = "APPID", description = "A mini program's appid")
        String app;

        CopyrightGrantee toGrantee() {
            return company != null ? new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(company.strip()))
                    : new CopyrightGrantee.MiniProgram(AppId.of(app.strip()));
        }
    }

    /** {@code authorize copyright (--company CODE | --app APPID) [--drama ID]... [--expires-at DATE]}. */
    @Command(mixinStandardHelpOptions = true, name = "copyright", description = "Grant the copyright of dramas that applied for copyright protection "
            + "(all of them when no --drama is given).")
    static final class Copyright implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Connection connection;
        @ArgGroup(exclusive = true, multiplicity = "1")
        Grantee grantee;
        @Option(names = "--drama", split = ",", paramLabel = "ID", description = "Drama ids (repeatable, at most 100)") List<Long> ids;
        @Option(names = "--expires-at", paramLabel = "DATE", description = "YYYY-MM-DD (China time) or an ISO instant, at least 7 days away (R-24); default: permanent") String expiresAt;

        @Override
        public Integer call() {
            CopyrightAuthorization request = new CopyrightAuthorization(grantee.toGrantee(), dramas(ids), expiry(expiresAt, "expire_time"));
            return results(spec, connection, MiniDrama.create(connection.open()).copyright().authorizeCopyright(request), "granted");
        }
    }

    /** {@code authorize list drama|app|copyright}: the grantor's views, or with {@code --received} the grantee's. */
    @Command(mixinStandardHelpOptions = true, name = "list", description = "List authorizations: what this mini program granted, or with --received what it received.")
    static final class ListCommand {
        @Spec
        CommandSpec spec;

        private Output out(Connection c) {
            return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), c.json);
        }

        @Command(mixinStandardHelpOptions = true, name = "drama", description = "Drama authorizations.")
        int drama(@Mixin Connection connection,
                  @Option(names = "--drama", paramLabel = "ID", description = "Only this drama's") Long dramaId,
                  @Option(names = "--to", paramLabel = "APPID", description = "Only those to this grantee") String to,
                  @Option(names = "--received", description = "Dramas authorized to this mini program") boolean received,
                  @Option(names = "--from", paramLabel = "APPID", description = "With --received: only those from this grantor") String from,
                  @Option(names = "--limit", defaultValue = "100", description = "1..1000") int limit,
                  @Option(names = "--offset", defaultValue = "0") int offset) {
            AuthzPage page = AuthzPage.of(offset, limit);
            DramaGrants grants;
            if (received) {
                ReceivedDramasQuery q = ReceivedDramasQuery.all(page);
                q = from == null ? q : q.from(AppId.of(from));
                grants = MiniDrama.create(connection.open()).authorizations().receivedDramas(q);
            } else {
                GrantedDramasQuery q = GrantedDramasQuery.all(page);
                q = dramaId == null ? q : q.forDrama(DramaId.of(dramaId));
                q = to == null ? q : q.forGrantee(AppId.of(to));
                grants = MiniDrama.create(connection.open()).authorizations().grantedDramas(q);
            }
            StringBuilder human = new StringBuilder(grants.totalCount() + " drama authorizations");
            grants.grants().forEach(g -> human.append(String.format("%n  drama %s  %s %s  since %s  until %s", g.dramaId(),
                    received ? "from" : "to", g.otherAppId(), g.authorizedTime(), g.expiry())));
            out(connection).result(Output.wire(WireJson.dramaGrants(grants, !received)), human.toString());
            return ExitCodes.OK;
        }

        @Command(mixinStandardHelpOptions = true, name = "app", description = "Whole-catalogue authorizations: those this mini program granted "
                + "(getauthorizeapps), or with --received those other mini programs granted it (getauthorizedapps).")
        int app(@Mixin Connection connection,
                @Option(names = "--received", description = "Whole catalogues authorized to this mini program, with their authorizer_appid") boolean received) {
            if (received) {
                List<ReceivedAppGrant> grants = MiniDrama.create(connection.open()).authorizations().receivedApps();
                StringBuilder human = new StringBuilder(grants.size() + " whole-catalogue authorizations received");
                grants.forEach(g -> human.append(String.format("%n  from %s  since %s  until %s", g.authorizerAppId(), g.authorizedTime(), g.expiry())));
                out(connection).result(Output.wire(WireJson.receivedAppGrants(grants)), human.toString());
                return ExitCodes.OK;
            }
            List<AppGrant> grants = MiniDrama.create(connection.open()).authorizations().authorizedApps();
            StringBuilder human = new StringBuilder(grants.size() + " whole-catalogue authorizations");
            grants.forEach(g -> human.append(String.format("%n  to %s  since %s  until %s", g.authorizedAppId(), g.authorizedTime(), g.expiry())));
            out(connection).result(Output.wire(WireJson.appGrants(grants)), human.toString());
            return ExitCodes.OK;
        }

        @Command(mixinStandardHelpOptions = true, name = "copyright", description = "Copyright authorizations.")
        int copyright(@Mixin Connection connection,
                      @ArgGroup(exclusive = true, multiplicity = "0..1") Grantee grantee,
                      @Option(names = "--drama", paramLabel = "ID", description = "Only this drama's") Long dramaId,
                      @Option(names = "--received", description = "Copyrights granted to this mini program") boolean received,
                      @Option(names = "--from", paramLabel = "APPID", description = "With --received: only those from this grantor") String from,
                      @Option(names = "--limit", defaultValue = "100", description = "1..1000") int limit,
                      @Option(names = "--offset", defaultValue = "0") int offset) {
            AuthzPage page = AuthzPage.of(offset, limit);
            CopyrightGrants grants;
            if (received) {
                CopyrightReceivedQuery q = CopyrightReceivedQuery.all(page);
                q = from == null ? q : q.from(AppId.of(from));
                grants = MiniDrama.create(connection.open()).copyright().receivedCopyrights(q);
            } else {
                CopyrightGrantQuery q = CopyrightGrantQuery.all(page);
                q = grantee == null ? q : q.to(grantee.toGrantee());
                q = dramaId == null ? q : q.forDrama(DramaId.of(dramaId));
                grants = MiniDrama.create(connection.open()).copyright().grantedCopyrights(q);
            }
            StringBuilder human = new StringBuilder(grants.totalCount() + " copyright authorizations");
            grants.grants().forEach(g -> human.append(String.format("%n  drama %d  from %s to %s  since %s  until %s", g.dramaIdValue(),
                    g.authorizerAppId(), g.authorizationType() == 1 ? g.authorizedSubjectCertNo() : g.authorizedAppId(),
                    g.authorizedTime(), g.expiry())));
            out(connection).result(Output.wire(WireJson.toJson(grants)), human.toString());
            return ExitCodes.OK;
        }
    }
}

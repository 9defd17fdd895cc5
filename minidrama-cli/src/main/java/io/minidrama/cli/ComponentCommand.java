package io.minidrama.cli;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.port.component.Authorization;
import io.minidrama.port.component.AuthorizerEntry;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.AuthorizerPage;
import io.minidrama.protocol.component.ComponentTokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code minidrama component ...}: a third-party platform's authorization flow, with the platform's
 * state in {@code --component-store} (the service's Redis store, or a directory).
 */
@Command(mixinStandardHelpOptions = true, name = "component",
        description = "Third-party platform (component): the authorization URL for a merchant, the code its redirect carries, "
                + "the authorizers and their permission sets. Every other command runs for --appid through the platform "
                + "when --component-appid is given.")
final class ComponentCommand {
    /** The sets the drama API needs: 153 for /wxa/sec/vod/*, 157 for /wxadrama/*. */
    private static final List<Integer> DRAMA_SETS = List.of(153, 157);

    @Spec
    CommandSpec spec;

    private Output out(Connection c) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), c.json);
    }

    @Command(mixinStandardHelpOptions = true, name = "authorize-url",
            description = "A new pre-auth code, as the authorization page's URL to send to the merchant's administrator "
                    + "(valid about 30 minutes, one use); WeChat then redirects to --redirect-uri with auth_code.")
    int authorizeUrl(@Mixin Connection connection,
                     @Option(names = "--redirect-uri", required = true, description = "Where WeChat sends the administrator back, "
                             + "with auth_code and expires_in (an https URL on the platform's authorized domain)") String redirect,
                     @Option(names = "--auth-type", defaultValue = "2", description = "Accounts offered: 1 official accounts, "
                             + "2 mini programs, 3 both (default ${DEFAULT-VALUE})") int authType,
                     @Option(names = "--biz-appid", description = "Only this account's administrator may authorize") String bizAppId,
                     @Option(names = "--permission-sets", split = ",", defaultValue = "153,157", description = "Permission set ids "
                             + "to ask for, comma-separated (default ${DEFAULT-VALUE}: media assets and the drama player); "
                             + "'all' for every set the platform published") List<String> sets) {
        List<RuleViolation> found = new ArrayList<>();
        URI uri = null;
        try {
            uri = new URI(redirect.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                found.add(new RuleViolation("--redirect-uri", Rule.NONE, redirect, "an absolute http(s) URL, such as https://service.example/authorized"));
            }
        } catch (java.net.URISyntaxException e) {
            found.add(new RuleViolation("--redirect-uri", Rule.NONE, redirect, "an absolute http(s) URL (" + e.getReason() + ")"));
        }
        if (authType < 1 || authType > 3) {
            found.add(new RuleViolation("--auth-type", Rule.NONE, String.valueOf(authType), "1 (official accounts), 2 (mini programs) or 3 (both)"));
        }
        Set<Integer> ids = new TreeSet<>();
        if (!(sets.size() == 1 && sets.get(0).strip().equalsIgnoreCase("all"))) {
            for (String s : sets) {
                try {
                    int id = Integer.parseInt(s.strip());
                    if (id < 1) {
                        throw new NumberFormatException();
                    }
                    ids.add(id);
                } catch (NumberFormatException e) {
                    found.add(new RuleViolation("--permission-sets", Rule.NONE, s, "positive set ids separated by commas, such as 153,157, or all"));
                }
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
        ComponentTokens tokens = connection.component();
        URI url = tokens.authorizeUrl(uri, authType, bizAppId, ids);
        out(connection).result(Output.object().add("authorize_url", url.toString()).add("component_appid", tokens.componentAppId()).build(),
                url.toString());
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "authorize",
            description = "Exchanges the auth_code of the redirect (or the AuthorizationCode of an authorized event) with "
                    + "api_query_auth, and keeps the authorizer's refresh token and permission sets in the store.")
    int authorize(@Mixin Connection connection,
                  @Parameters(paramLabel = "AUTH_CODE", description = "auth_code from the redirect; never printed") String code) {
        if (code == null || code.isBlank()) {
            throw InvalidRequestException.of("AUTH_CODE", Rule.NONE, null, "the auth_code the redirect carried");
        }
        Authorization a = connection.component().authorize(code.strip());
        TreeSet<Integer> granted = new TreeSet<>(a.permissionSets());
        out(connection).result(Output.object().add("authorizer_appid", a.authorizerAppId()).add("permission_sets", array(granted))
                .add("missing_permission_sets", array(missing(granted))).build(),
                "authorized " + a.authorizerAppId() + ": permission sets " + granted + missingNote(granted));
        return ExitCodes.OK;
    }

    @Command(mixinStandardHelpOptions = true, name = "authorizers",
            description = "The mini programs that authorized the platform (api_get_authorizer_list), with the permission sets each "
                    + "granted (from the store, or api_get_authorizer_info when unknown there), and those the store holds as revoked.")
    int authorizers(@Mixin Connection connection,
                    @Option(names = "--refresh", description = "Re-read every authorizer's permission sets from the platform "
                            + "(api_get_authorizer_info) and keep them in the store") boolean refresh) {
        ComponentTokens tokens = connection.component();
        Map<String, Row> rows = new LinkedHashMap<>();
        int offset = 0;
        while (true) {
            AuthorizerPage page = tokens.authorizerList(offset, 500);
            for (AuthorizerEntry e : page.entries()) {
                rows.put(e.authorizerAppId(), new Row(e.authorizerAppId(), e.authorizedAt(), null, false));
            }
            offset += page.entries().size();
            if (page.entries().isEmpty() || offset >= page.totalCount()) {
                break;
            }
        }
        for (Map.Entry<String, Row> r : rows.entrySet()) {
            String app = r.getKey();
            Optional<AuthorizerGrant> grant = tokens.grant(app);
            Set<Integer> sets = grant.map(AuthorizerGrant::permissionSets).orElse(Set.of());
            if (refresh || sets.isEmpty()) {
                if (grant.isEmpty() || grant.get().revoked()) {
                    sets = tokens.authorizerInfo(app).permissionSets();   // not in the store: read, not adopted
                } else {
                    sets = tokens.refreshPermissionSets(app);
                }
            }
            r.setValue(new Row(app, r.getValue().authorizedAt(), new TreeSet<>(sets), false));
        }
        for (String app : tokens.authorizers()) {
            if (!rows.containsKey(app) && tokens.grant(app).map(AuthorizerGrant::revoked).orElse(false)) {
                rows.put(app, new Row(app, null, new TreeSet<>(tokens.grant(app).get().permissionSets()), true));
            }
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        StringBuilder human = new StringBuilder(String.format(Locale.ROOT, "%-20s %-20s %-16s %s", "APPID", "AUTHORIZED", "PERMISSION SETS", "STATUS"));
        for (Row r : rows.values()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("authorizer_appid", r.appId());
            if (r.authorizedAt() != null) {
                o.add("auth_time", r.authorizedAt().getEpochSecond());
            }
            o.add("permission_sets", array(r.sets())).add("missing_permission_sets", array(missing(r.sets())))
                    .add("status", r.revoked() ? "revoked" : "authorized");
            list.add(o);
            String status = r.revoked() ? "revoked (authorize again)" : missing(r.sets()).isEmpty() ? "ok"
                    : "missing " + missing(r.sets()) + " (authorize again with them)";
            human.append(String.format(Locale.ROOT, "%n%-20s %-20s %-16s %s", r.appId(),
                    r.authorizedAt() == null ? "-" : r.authorizedAt().toString(),
                    r.sets().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-"), status));
        }
        out(connection).result(Output.object().add("component_appid", tokens.componentAppId()).add("total_count", rows.size())
                .add("authorizers", list).build(), human.toString());
        return ExitCodes.OK;
    }

    private record Row(String appId, Instant authorizedAt, TreeSet<Integer> sets, boolean revoked) {
    }

    private static List<Integer> missing(Set<Integer> granted) {
        return DRAMA_SETS.stream().filter(s -> !granted.contains(s)).toList();
    }

    private static String missingNote(Set<Integer> granted) {
        List<Integer> m = missing(granted);
        return m.isEmpty() ? "" : "; missing " + m + ": the drama API refuses calls needing them (153 /wxa/sec/vod/*, 157 /wxadrama/*)";
    }

    private static JsonArrayBuilder array(java.util.Collection<Integer> ids) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        ids.forEach(a::add);
        return a;
    }

}

package io.minidrama.cli;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.port.AccessToken;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.HttpComponentPort;
import io.minidrama.protocol.component.MiniDramaClients;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The options of every command that talks to the platform. */
final class Connection {
    @Option(names = "--base-url", defaultValue = "${env:MINIDRAMA_BASE_URL:-https://api.weixin.qq.com}",
            description = "Platform base URL (default: ${DEFAULT-VALUE}; env MINIDRAMA_BASE_URL)")
    String baseUrl;

    @Option(names = "--appid", defaultValue = "${env:MINIDRAMA_APPID}", description = "Mini program appid (env MINIDRAMA_APPID)")
    String appId;

    @Option(names = "--secret", defaultValue = "${env:MINIDRAMA_SECRET}", arity = "1", description = "App secret; never printed. "
            + "Other users of the machine see command-line arguments (ps, /proc/PID/cmdline): prefer env MINIDRAMA_SECRET or --secret-file")
    String secret;

    @Option(names = "--access-token", defaultValue = "${env:MINIDRAMA_ACCESS_TOKEN}",
            description = "Use this access token instead of fetching one (env MINIDRAMA_ACCESS_TOKEN); never printed")
    String accessToken;

    @Option(names = "--json", description = "Print one JSON object with the platform's field names")
    boolean json;

    @Option(names = "--debug-http", description = "Let the JDK HTTP client log (its lines carry the access token: never share them); "
            + "uses --transport jdk")
    boolean debugHttp;

    @Option(names = "--transport", paramLabel = "jdk|apache", defaultValue = "${env:MINIDRAMA_TRANSPORT}", converter = Transport.Converter.class,
            description = "The HTTP client under the SDK: apache (the default: Apache HttpClient 5, which sends upload parts over "
                    + "plain HTTP, such as the emulator's, by zero-copy sendfile; the platform itself is HTTPS) or jdk "
                    + "(java.net.http); env MINIDRAMA_TRANSPORT. --debug-http without --transport uses jdk")
    Transport transportName;

    @Option(names = "--secret-file", description = "Read the app secret from this file (its first line) instead of --secret")
    java.nio.file.Path secretFile;

    @Option(names = "--component-appid", defaultValue = "${env:MINIDRAMA_COMPONENT_APPID}",
            description = "Third-party platform (component) appid: --appid is then called as an authorizer of this platform, "
                    + "with its authorizer token (env MINIDRAMA_COMPONENT_APPID)")
    String componentAppId;

    @Option(names = "--component-secret", defaultValue = "${env:MINIDRAMA_COMPONENT_SECRET}", arity = "1",
            description = "The platform's secret; never printed. Prefer env MINIDRAMA_COMPONENT_SECRET or --component-secret-file")
    String componentSecret;

    @Option(names = "--component-secret-file", description = "Read the platform's secret from this file (its first line)")
    java.nio.file.Path componentSecretFile;

    @Option(names = "--component-store", defaultValue = "${env:MINIDRAMA_COMPONENT_STORE}",
            description = "Where the platform's ticket, tokens and refresh tokens live: redis://[:PASSWORD@]HOST:PORT[/DB] "
                    + "(the service's own Redis store, shared under the same locks) or a directory "
                    + "(default ~/.minidrama/component; env MINIDRAMA_COMPONENT_STORE)")
    String componentStore;

    @Option(names = "--component-store-prefix", defaultValue = "${env:MINIDRAMA_COMPONENT_STORE_PREFIX:-minidrama}",
            description = "Key prefix of a Redis store (default ${DEFAULT-VALUE}, as the service's RedisComponentStore)")
    String componentStorePrefix;

    @Option(names = "--component-ticket", defaultValue = "${env:MINIDRAMA_COMPONENT_TICKET}",
            description = "A component_verify_ticket pushed under 12 h ago, kept in the store (a newer one there wins); "
                    + "needed only when the store has no fresh component token or ticket; never printed (env MINIDRAMA_COMPONENT_TICKET)")
    String componentTicket;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The first line of {@code --secret-file}, stripped. */
    private String readSecret() {
        return firstLine("--secret-file", secretFile, "the app secret");
    }

    private static String firstLine(String option, java.nio.file.Path file, String what) {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isBlank()) {
                throw InvalidRequestException.of(option, Rule.NONE, file, "the file is empty: put " + what + " on its first line");
            }
            return line.strip();
        } catch (java.io.IOException e) {
            throw InvalidRequestException.of(option, Rule.NONE, file,
                    "cannot read the file: " + ExitCodes.describe(new java.io.UncheckedIOException(e)));
        }
    }

    /** Whether a third-party platform is configured ({@code --component-appid} or its env). */
    boolean viaComponent() {
        return componentAppId != null && !componentAppId.isBlank();
    }

    /**
     * The third-party platform of {@code --component-appid}: its secret, its store and, with
     * {@code --component-ticket}, that ticket kept in the store. Checked before any call.
     *
     * @throws InvalidRequestException listing every missing or malformed option
     */
    ComponentTokens component() {
        java.util.List<io.minidrama.domain.error.RuleViolation> found = new java.util.ArrayList<>();
        if (!viaComponent()) {
            found.add(new io.minidrama.domain.error.RuleViolation("--component-appid", Rule.NONE, io.minidrama.domain.error.RuleViolation.ABSENT,
                    "give the third-party platform's appid (--component-appid or MINIDRAMA_COMPONENT_APPID)"));
        }
        String secret = componentSecretFile != null ? firstLine("--component-secret-file", componentSecretFile, "the platform's secret")
                : componentSecret;
        if (secret == null || secret.isBlank()) {
            found.add(new io.minidrama.domain.error.RuleViolation("--component-secret", Rule.NONE, io.minidrama.domain.error.RuleViolation.ABSENT,
                    "give the platform's secret: env MINIDRAMA_COMPONENT_SECRET or --component-secret-file (or --component-secret)"));
        }
        String base = checkedBaseUrl();
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
        chosenTransport();
        if (debugHttp) {
            HttpDebug.enable(mixee != null ? mixee.commandLine().getErr() : new java.io.PrintWriter(System.err, true));
        }
        ComponentStore store = ComponentStores.open(componentStore, componentStorePrefix);
        io.minidrama.protocol.spi.HttpTransport http = transport();
        ComponentTokens tokens = ComponentTokens.builder(componentAppId.strip(), secret)
                .port(HttpComponentPort.builder().transport(http).baseUrl(java.net.URI.create(base)).build())
                .store(store).build();
        if (componentTicket != null && !componentTicket.isBlank()) {
            tokens.acceptTicket(componentTicket.strip(), Instant.now());
        }
        return tokens;
    }

    private io.minidrama.protocol.spi.HttpTransport transport;

    /** The HTTP clients of {@code --transport}, by the names the option takes. */
    enum Transport {
        JDK("jdk"), APACHE("apache");

        final String option;

        Transport(String option) {
            this.option = option;
        }

        /** Reads {@code jdk} or {@code apache}; blank (an empty env variable) is the default. */
        static final class Converter implements picocli.CommandLine.ITypeConverter<Transport> {
            @Override
            public Transport convert(String value) {
                if (value.isBlank()) {
                    return null;
                }
                for (Transport t : values()) {
                    if (t.option.equals(value.strip())) {
                        return t;
                    }
                }
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a transport: use jdk or apache");
            }
        }
    }

    /**
     * The transport {@code --transport} names: apache when not given, jdk when not given with
     * {@code --debug-http} (whose log is the JDK client's).
     *
     * @throws InvalidRequestException for {@code --debug-http} with {@code --transport apache}
     */
    Transport chosenTransport() {
        if (transportName == null) {
            return debugHttp ? Transport.JDK : Transport.APACHE;
        }
        if (debugHttp && transportName != Transport.JDK) {
            throw InvalidRequestException.of("--debug-http", Rule.NONE, "--transport " + transportName.option,
                    "--debug-http shows the JDK HTTP client's log: use --transport jdk, or leave --transport out");
        }
        return transportName;
    }

    /** The one transport of this run (component calls and the authorizer's calls share it). */
    io.minidrama.protocol.spi.HttpTransport transport() {
        if (transport == null) {
            transport = chosenTransport() == Transport.JDK ? io.minidrama.adapter.jdkhttp.JdkHttpTransport.create()
                    : io.minidrama.adapter.apache.ApacheHttpTransport.create();
        }
        return transport;
    }

    /** Closes the transport of this run, if one was made (its pooled connections and timer). */
    void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (Exception ignored) {
                // the command's outcome is already decided; nothing of it is lost here
            }
            transport = null;
        }
    }

    /** The client of {@code --appid} as an authorizer of the platform (revocation and permission sets checked first). */
    private MiniDramaPlatform openAuthorizer() {
        if (appId == null || appId.isBlank()) {
            throw InvalidRequestException.of("--appid", Rule.NONE, null,
                    "give the authorizer's appid (--appid or MINIDRAMA_APPID): the mini program called through the platform "
                            + componentAppId);
        }
        if (accessToken != null && !accessToken.isBlank()) {
            throw InvalidRequestException.of("--access-token", Rule.NONE, "(not shown)",
                    "with --component-appid the authorizer's token comes from the component store: leave out --access-token");
        }
        ComponentTokens tokens = component();
        MiniDramaClients clients = MiniDramaClients.builder().transport(transport()).baseUrl(java.net.URI.create(checkedBaseUrl()))
                .component(tokens).build();
        return clients.client(appId.strip());
    }

    /** {@code --base-url} as an absolute http(s) URL with a host and a port in 1..65535, checked before any call. */
    private String checkedBaseUrl() {
        String hint = "an absolute http(s) URL with a host and, if any, a port 1..65535, such as https://api.weixin.qq.com";
        java.net.URI uri;
        try {
            uri = new java.net.URI(baseUrl == null ? "" : baseUrl.strip());
        } catch (java.net.URISyntaxException e) {
            throw InvalidRequestException.of("--base-url", Rule.NONE, baseUrl, hint + " (" + e.getReason() + ")");
        }
        boolean ok = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && uri.getHost() != null && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!ok) {
            throw InvalidRequestException.of("--base-url", Rule.NONE, baseUrl, hint);
        }
        return uri.toString();
    }

    /**
     * The platform for these options: with {@code --component-appid}, {@code --appid} as an
     * authorizer of that third-party platform; otherwise the mini program's own credentials or token.
     *
     * @throws InvalidRequestException when neither credentials nor a token are given
     */
    MiniDramaPlatform open() {
        if (viaComponent()) {
            return openAuthorizer();
        }
        MiniDramaClient.Builder b = MiniDramaClient.builder().baseUrl(checkedBaseUrl());
        chosenTransport();
        if (debugHttp) {
            HttpDebug.enable(mixee != null ? mixee.commandLine().getErr() : new java.io.PrintWriter(System.err, true));
        }
        String secret = secretFile != null ? readSecret() : this.secret;
        if (accessToken != null && !accessToken.isBlank()) {
            String token = accessToken;
            // A caller-supplied token: valid for the call's lifetime as far as we know.
            b.tokenSource(() -> new AccessToken(token, Instant.now().plus(2, ChronoUnit.HOURS)));
        } else if (appId != null && !appId.isBlank() && secret != null && !secret.isBlank()) {
            b.credentials(appId, secret);
        } else {
            throw InvalidRequestException.of("--appid/--secret", Rule.NONE, null,
                    "give --appid and --secret-file or --secret (or MINIDRAMA_APPID and MINIDRAMA_SECRET), or --access-token");
        }
        return b.transport(transport()).build();
    }
}

package io.minidrama.cli;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.port.AccessToken;
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

    @Option(names = "--debug-http", description = "Let the JDK HTTP client log (its lines carry the access token: never share them)")
    boolean debugHttp;

    @Option(names = "--secret-file", description = "Read the app secret from this file (its first line) instead of --secret")
    java.nio.file.Path secretFile;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The first line of {@code --secret-file}, stripped. */
    private String readSecret() {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(secretFile, java.nio.charset.StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isBlank()) {
                throw InvalidRequestException.of("--secret-file", Rule.NONE, secretFile, "the file is empty: put the app secret on its first line");
            }
            return line.strip();
        } catch (java.io.IOException e) {
            throw InvalidRequestException.of("--secret-file", Rule.NONE, secretFile,
                    "cannot read the file: " + ExitCodes.describe(new java.io.UncheckedIOException(e)));
        }
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
     * The adapter for these options.
     *
     * @throws InvalidRequestException when neither credentials nor a token are given
     */
    JdkHttpMiniDramaAdapter open() {
        JdkHttpMiniDramaAdapter.Builder b = JdkHttpMiniDramaAdapter.builder().baseUrl(checkedBaseUrl());
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
        return b.build();
    }
}

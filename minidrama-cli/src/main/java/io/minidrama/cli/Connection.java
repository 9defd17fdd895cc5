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

    @Option(names = "--secret", defaultValue = "${env:MINIDRAMA_SECRET}", description = "App secret (env MINIDRAMA_SECRET); never printed",
            arity = "1")
    String secret;

    @Option(names = "--access-token", defaultValue = "${env:MINIDRAMA_ACCESS_TOKEN}",
            description = "Use this access token instead of fetching one (env MINIDRAMA_ACCESS_TOKEN); never printed")
    String accessToken;

    @Option(names = "--json", description = "Print one JSON object with the platform's field names")
    boolean json;

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
        if (accessToken != null && !accessToken.isBlank()) {
            String token = accessToken;
            // A caller-supplied token: valid for the call's lifetime as far as we know.
            b.tokenSource(() -> new AccessToken(token, Instant.now().plus(2, ChronoUnit.HOURS)));
        } else if (appId != null && !appId.isBlank() && secret != null && !secret.isBlank()) {
            b.credentials(appId, secret);
        } else {
            throw InvalidRequestException.of("--appid/--secret", Rule.NONE, null,
                    "give --appid and --secret (or MINIDRAMA_APPID and MINIDRAMA_SECRET), or --access-token");
        }
        return b.build();
    }
}

package io.minidrama.emulator.internal;

import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.events.SignedPush;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes a third-party platform's events (verify tickets, authorization events) to its
 * authorization event URL, encrypted and signed as the platform does (safe mode, outer XML with
 * {@code AppId} and {@code Encrypt}), synchronously. Thread-safe.
 */
public final class ComponentPusher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String componentAppId;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Target target;
    private final List<String> log = new ArrayList<>();

    private record Target(URI url, String token, String key) {
    }

    public ComponentPusher(String componentAppId, Clock clock) {
        this.componentAppId = componentAppId;
        this.clock = clock;
    }

    /** Pushes to {@code url} from now on ({@code null}: stop). */
    public void target(URI url, String token, String encodingAesKey) {
        this.target = url == null ? null : new Target(url, token, encodingAesKey);
    }

    /** Whether a target is set. */
    public boolean active() {
        return target != null;
    }

    /** The {@code component_verify_ticket} message. */
    public void ticket(String ticket) {
        push("component_verify_ticket", "<ComponentVerifyTicket><![CDATA[" + ticket + "]]></ComponentVerifyTicket>");
    }

    /** An {@code authorized} or {@code updateauthorized} message. */
    public void authorized(String infoType, String authorizerAppId, String code) {
        long expires = clock.instant().plusSeconds(3600).getEpochSecond();
        push(infoType, "<AuthorizerAppid><![CDATA[" + authorizerAppId + "]]></AuthorizerAppid><AuthorizationCode><![CDATA[" + code
                + "]]></AuthorizationCode><AuthorizationCodeExpiredTime>" + expires + "</AuthorizationCodeExpiredTime>"
                + "<PreAuthCode><![CDATA[]]></PreAuthCode>");
    }

    /** An {@code unauthorized} message. */
    public void unauthorized(String authorizerAppId) {
        push("unauthorized", "<AuthorizerAppid><![CDATA[" + authorizerAppId + "]]></AuthorizerAppid>");
    }

    private void push(String infoType, String fields) {
        Target t = target;
        if (t == null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        String message = "<xml><AppId><![CDATA[" + componentAppId + "]]></AppId><CreateTime>" + now + "</CreateTime><InfoType><![CDATA["
                + infoType + "]]></InfoType>" + fields + "</xml>";
        SignedPush push = ComponentEventReceiver.sign(t.token(), t.key(), componentAppId, message, now, Long.toString(RANDOM.nextLong() & Long.MAX_VALUE));
        String outcome;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(t.url() + (t.url().getRawQuery() == null ? "?" : "&")
                            + push.queryString())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(push.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            outcome = r.statusCode() + " " + r.body();
        } catch (java.io.IOException e) {
            outcome = "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        synchronized (log) {
            log.add(infoType + " -> " + outcome);
            if (log.size() > 1000) {
                log.remove(0);
            }
        }
    }

    /** How each push went: info type, then the callback's status and body, or the failure. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }
}

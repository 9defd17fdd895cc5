package io.minidrama.emulator.internal;

import io.minidrama.domain.event.PushEvent;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.SignedPush;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers push events to a callback URL, signed (and encrypted) as the platform does, through the
 * events module's {@link PushEventSigner}. Delivery is synchronous, so when the action that caused
 * an event returns, the callback has answered. Failures are recorded, never thrown.
 */
public final class Pusher {
    /** The outcome of one delivery: the callback's HTTP status and body, or the failure. */
    public record Delivery(PushEvent event, int status, String body, String failure) {
    }

    private record Target(URI url, PushEventSigner signer) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Target target;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public void target(URI url, PushEventSigner signer) {
        this.target = url == null ? null : new Target(url, signer);
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public void push(PushEvent event) {
        Target t = target;
        if (t == null) {
            return;
        }
        SignedPush p = t.signer.sign(event);
        String sep = t.url.getRawQuery() == null ? "?" : "&";
        HttpRequest request = HttpRequest.newBuilder(URI.create(t.url + sep + p.queryString()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", p.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(p.body()))
                .build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            deliveries.add(new Delivery(event, r.statusCode(), r.body(), ""));
        } catch (IOException e) {
            deliveries.add(new Delivery(event, 0, "", e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deliveries.add(new Delivery(event, 0, "", "interrupted"));
        }
    }
}

package io.minidrama.testkit.internal;

import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.testkit.DramaPlayerControl;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@link DramaPlayerControl} over a running emulator's {@code /__emulator/player/} routes. */
public final class HttpPlayerControl implements DramaPlayerControl {
    private static final String PREFIX = "/__emulator/player/";

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpPlayerControl(URI emulatorBaseUrl) {
        this.base = emulatorBaseUrl;
    }

    private JsonObject send(HttpRequest request) {
        HttpResponse<String> r;
        try {
            r = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("emulator control " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling the emulator's control", e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("emulator control " + request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private JsonObject post(String route, DramaRef d, JsonObjectBuilder more) {
        String body = more.add("src_appid", d.srcAppId()).add("drama_id", d.dramaId()).build().toString();
        return send(HttpRequest.newBuilder(base.resolve(PREFIX + route)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonObject state(String query) {
        return send(HttpRequest.newBuilder(base.resolve(PREFIX + "state" + query)).GET().build());
    }

    @Override
    public void lowBitrate(DramaRef drama) {
        post("low-bitrate", drama, Json.createObjectBuilder());
    }

    @Override
    public void duplicateContent(DramaRef drama) {
        post("duplicate-content", drama, Json.createObjectBuilder());
    }

    @Override
    public void approvePromotion(DramaRef drama) {
        post("approve-promotion", drama, Json.createObjectBuilder());
    }

    @Override
    public void rejectPromotion(DramaRef drama) {
        post("reject-promotion", drama, Json.createObjectBuilder());
    }

    @Override
    public void takeDownPromotion(DramaRef drama) {
        post("take-down-promotion", drama, Json.createObjectBuilder());
    }

    @Override
    public Duration leavingTakes() {
        return Duration.ofSeconds(state("").getJsonNumber("leaving_takes_seconds").longValueExact());
    }

    @Override
    public String addFinderEvent(String name, String url, DramaRef drama) {
        return post("finder-event", drama, Json.createObjectBuilder().add("event_name", name).add("event_url", url))
                .getString("encrypted_event_id");
    }

    @Override
    public boolean switchOn(PlayerSwitch entry) {
        return state("").getJsonObject("switches").getBoolean(Integer.toString(entry.code()));
    }

    @Override
    public Set<FlushDrama> flushSet() {
        Set<FlushDrama> out = new LinkedHashSet<>();
        for (JsonValue v : state("").getJsonArray("flush_list")) {
            JsonObject o = v.asJsonObject();
            out.add(new FlushDrama(DramaRef.reported(o.getString("src_appid"), o.getString("drama_id")), o.getString("drama_name")));
        }
        return out;
    }

    @Override
    public Set<DramaRef> recommendationPool(RecommendationSlot slot) {
        return pool("?entry_type=" + slot.code());
    }

    @Override
    public Set<DramaRef> recommendationPool(RecommendationSlot slot, DramaRef drama) {
        return pool("?entry_type=" + slot.code() + "&src_appid=" + URLEncoder.encode(drama.srcAppId(), StandardCharsets.UTF_8)
                + "&drama_id=" + drama.dramaId());
    }

    private Set<DramaRef> pool(String query) {
        Set<DramaRef> out = new LinkedHashSet<>();
        for (JsonValue v : state(query).getJsonArray("recommendation_pool")) {
            JsonObject o = v.asJsonObject();
            out.add(DramaRef.reported(o.getString("src_appid"), o.getString("drama_id")));
        }
        return out;
    }
}

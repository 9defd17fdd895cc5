package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.PlayerControl;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.RecommendationSlot;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;

/**
 * The drama player's control routes under {@value #PREFIX} (see {@link PlayerControl}). Each
 * {@code POST} takes {@code {"src_appid": .., "drama_id": ".."}}: {@code playable},
 * {@code own-drama}, {@code low-bitrate}, {@code duplicate-content}, {@code approve-promotion},
 * {@code reject-promotion}, {@code take-down-promotion}; {@code finder-event} also takes
 * {@code event_name} and {@code event_url} and answers {@code {"encrypted_event_id": ..}}.
 * {@code GET state} answers the switches, the swipe-through set and how long leaving the plan
 * takes; with {@code ?entry_type=N} (and {@code &src_appid=..&drama_id=..} for a drama's pool) also
 * that {@code recommendation_pool}. A misuse is HTTP 400 {@code {"error": ..}}.
 */
public final class PlayerControlHandler implements HttpHandler {
    /** The reserved path prefix of the player's control routes. */
    public static final String PREFIX = ControlHandler.PREFIX + "player/";

    private final PlayerControl control;

    public PlayerControlHandler(PlayerControl control) {
        this.control = control;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String route = ex.getRequestURI().getPath().substring(PREFIX.length());
            try {
                if ("state".equals(route) && "GET".equalsIgnoreCase(ex.getRequestMethod())) {
                    Exchanges.drain(ex.getRequestBody());
                    Exchanges.sendJson(ex, 200, state(Exchanges.query(ex)));
                    return;
                }
                if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                    Exchanges.drain(ex.getRequestBody());
                    Exchanges.sendJson(ex, 405, Json.createObjectBuilder().add("error", "use POST for " + route).build());
                    return;
                }
                JsonObject o = JsonBodies.parse(Exchanges.readBody(ex));
                DramaRef d = DramaRef.reported(PlayerWire.string(o, "src_appid", true), PlayerWire.string(o, "drama_id", true));
                JsonObjectBuilder ok = Json.createObjectBuilder();
                switch (route) {
                    case "playable" -> control.playable(d);
                    case "own-drama" -> control.ownDrama(d);
                    case "low-bitrate" -> control.lowBitrate(d);
                    case "duplicate-content" -> control.duplicateContent(d);
                    case "approve-promotion" -> control.approvePromotion(d);
                    case "reject-promotion" -> control.rejectPromotion(d);
                    case "take-down-promotion" -> control.takeDownPromotion(d);
                    case "finder-event" -> ok.add("encrypted_event_id", control.addFinderEvent(PlayerWire.string(o, "event_name", true),
                            PlayerWire.string(o, "event_url", true), d));
                    default -> {
                        Exchanges.sendJson(ex, 404, Json.createObjectBuilder().add("error", "no control route '" + route + "'").build());
                        return;
                    }
                }
                Exchanges.sendJson(ex, 200, ok.build());
            } catch (WireError | MiniDramaException | IllegalStateException e) {
                Exchanges.drain(ex.getRequestBody());
                Exchanges.sendJson(ex, 400, Json.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build());
            }
        }
    }

    private JsonObject state(java.util.Map<String, String> query) {
        JsonObjectBuilder switches = Json.createObjectBuilder();
        for (PlayerSwitch s : PlayerSwitch.values()) {
            switches.add(Integer.toString(s.code()), control.switchOn(s));
        }
        JsonArrayBuilder flush = Json.createArrayBuilder();
        control.flushSet().forEach(f -> flush.add(Json.createObjectBuilder().add("src_appid", f.drama().srcAppId())
                .add("drama_id", f.drama().dramaId()).add("drama_name", f.name())));
        JsonObjectBuilder out = Json.createObjectBuilder().add("switches", switches).add("flush_list", flush)
                .add("leaving_takes_seconds", PlayerControl.LEAVING_TAKES.toSeconds());
        String entry = query.get("entry_type");
        if (entry != null) {
            RecommendationSlot slot;
            try {
                slot = RecommendationSlot.of(Integer.parseInt(entry));
            } catch (NumberFormatException e) {
                throw new WireError(PlayerWire.BAD_PARAMETER, "entry_type must be 1, 2 or 3");
            }
            java.util.Set<DramaRef> pool = query.containsKey("drama_id")
                    ? control.recommendationPool(slot, DramaRef.reported(query.get("src_appid"), query.get("drama_id")))
                    : control.recommendationPool(slot);
            JsonArrayBuilder list = Json.createArrayBuilder();
            pool.forEach(d -> list.add(Json.createObjectBuilder().add("src_appid", d.srcAppId()).add("drama_id", d.dramaId())));
            out.add("recommendation_pool", list);
        }
        return out.build();
    }
}

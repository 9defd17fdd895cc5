package io.minidrama.emulator.internal;

import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPublication;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.IaaType;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionAction;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.domain.player.VipFlag;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The drama player's request bodies ({@code /wxadrama/*}, API.md §8), read strictly (their answers
 * are {@link ResponseWriter}'s):
 * every field of the official request tables and nothing else, each of its documented JSON type.
 * An unknown field, a field of the wrong type or a missing required one is errcode 2 (参数错误,
 * the pages' "bad parameter"), as is a value the domain refuses (R-30..R-33).
 *
 * <p>Deliberate tolerances, each from the official pages: {@code src_appid} is any non-empty
 * string (the examples use {@code example_src_appid}); {@code switch_status} may be the strings
 * {@code "true"}/{@code "false"} (the 2002 example sends a string, the table says boolean); an
 * absent flush or recommendation {@code list} clears like an empty one.
 */
final class PlayerWire {
    /** The pages' errcode for a bad parameter. */
    static final int BAD_PARAMETER = 2;

    private PlayerWire() {
    }

    private static WireError bad(String what) {
        return new WireError(BAD_PARAMETER, "invalid parameter: " + what);
    }

    static void onlyFields(JsonObject o, String where, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : o.keySet()) {
            if (!ok.contains(k)) {
                throw bad(where + "unknown field '" + k + "'");
            }
        }
    }

    private static JsonValue value(JsonObject o, String f, boolean required) {
        JsonValue v = o.get(f);
        if (v == null && required) {
            throw bad(f + " is required");
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.NULL) {
            throw bad(f + " must not be null");
        }
        return v;
    }

    static String string(JsonObject o, String f, boolean required) {
        JsonValue v = value(o, f, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw bad(f + " must be a JSON string, got " + v.getValueType());
        }
        return s.getString();
    }

    static Integer integer(JsonObject o, String f, boolean required) {
        JsonValue v = value(o, f, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw bad(f + " must be a JSON integer, got " + v);
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw bad(f + " is out of range: " + v);
        }
    }

    static long longValue(JsonObject o, String f) {
        JsonValue v = value(o, f, true);
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw bad(f + " must be a JSON integer, got " + v);
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw bad(f + " is out of range: " + v);
        }
    }

    static JsonArray array(JsonObject o, String f, boolean required) {
        JsonValue v = value(o, f, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            throw bad(f + " must be a JSON array, got " + v.getValueType());
        }
        return a;
    }

    static <T> List<T> objects(JsonArray a, String f, Function<JsonObject, T> read) {
        List<T> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonObject e)) {
                throw bad(f + "[" + i + "] must be a JSON object");
            }
            out.add(read.apply(e));
        }
        return out;
    }

    static DramaRef ref(JsonObject e, String... extra) {
        String[] fields = new String[2 + extra.length];
        fields[0] = "src_appid";
        fields[1] = "drama_id";
        System.arraycopy(extra, 0, fields, 2, extra.length);
        onlyFields(e, "list[]: ", fields);
        return DramaRef.reported(string(e, "src_appid", true), string(e, "drama_id", true));
    }

    // ------------------------------------------------------------ requests

    /** {@code setplayerdramarecmdswitch}: the switch and its new state. */
    record Switch(PlayerSwitch entry, boolean on) {
    }

    static Switch switchSetting(JsonObject o) {
        onlyFields(o, "", "entry_type", "switch_status");
        PlayerSwitch entry = PlayerSwitch.of(integer(o, "entry_type", true));
        JsonValue v = value(o, "switch_status", true);
        boolean on;
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            on = v == JsonValue.TRUE;
        } else if (v instanceof JsonString s && (s.getString().equals("true") || s.getString().equals("false"))) {
            on = Boolean.parseBoolean(s.getString());
        } else {
            throw bad("switch_status must be a JSON boolean, got " + v);
        }
        return new Switch(entry, on);
    }

    static FlushSet flush(JsonObject o) {
        onlyFields(o, "", "list");
        JsonArray list = array(o, "list", false);
        return FlushSet.of(objects(list, "list", e -> new FlushDrama(ref(e, "drama_name"), string(e, "drama_name", true))));
    }

    static RecommendationPool pool(JsonObject o) {
        onlyFields(o, "", "entry_type", "src_appid", "drama_id", "list");
        RecommendationSlot slot = RecommendationSlot.of(integer(o, "entry_type", true));
        String src = string(o, "src_appid", false);
        String id = string(o, "drama_id", false);
        List<DramaRef> list = objects(array(o, "list", false), "list", e -> ref(e));
        boolean noSrc = src == null || src.isEmpty();
        boolean noId = id == null || id.isEmpty();
        if (noSrc != noId) {
            throw bad("src_appid and drama_id are both given (a drama's pool) or both empty (the mini program's pool)");
        }
        return noSrc ? RecommendationPool.appWide(slot, list) : RecommendationPool.forDrama(slot, DramaRef.reported(src, id), list);
    }

    static PublicationBatch publication(JsonObject o) {
        onlyFields(o, "", "list");
        return PublicationBatch.of(objects(array(o, "list", true), "list", e -> DramaPublication.ofEpochSecond(
                ref(e, "drama_name", "publish_time"), string(e, "drama_name", true), longValue(e, "publish_time"))));
    }

    static MonetizationDeclaration monetization(JsonObject o) {
        onlyFields(o, "", "list");
        return MonetizationDeclaration.of(objects(array(o, "list", true), "list", e -> new DramaMonetization(ref(e, "iaa_type", "vip_flag"),
                IaaType.of(integer(e, "iaa_type", true)), VipFlag.of(integer(e, "vip_flag", true)))));
    }

    static MonetizationQuery monetizationQuery(JsonObject o) {
        onlyFields(o, "", "list");
        return MonetizationQuery.of(objects(array(o, "list", true), "list", e -> ref(e)));
    }

    static PromotionBatch promotion(JsonObject o) {
        onlyFields(o, "", "action_type", "list");
        PromotionAction action = PromotionAction.of(integer(o, "action_type", true));
        List<DramaRef> list = objects(array(o, "list", true), "list", e -> ref(e));
        return switch (action) {
            case JOIN -> PromotionBatch.join(list);
            case QUERY -> PromotionBatch.query(list);
            case LEAVE -> PromotionBatch.leave(list);
        };
    }

    static FinderEventQuery finderEvents(JsonObject o) {
        onlyFields(o, "", "event_id_list");
        JsonArray ids = array(o, "event_id_list", false);
        List<String> out = new ArrayList<>();
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                if (!(ids.get(i) instanceof JsonString s)) {
                    throw bad("event_id_list[" + i + "] must be a JSON string");
                }
                out.add(s.getString());
            }
        }
        return FinderEventQuery.of(out);
    }
}

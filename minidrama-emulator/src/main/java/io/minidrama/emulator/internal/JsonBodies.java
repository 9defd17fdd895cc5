package io.minidrama.emulator.internal;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads request JSON (API.md §1-§2) once {@link RequestCheck} has checked it against its table.
 * Answers are written by {@link ResponseWriter}.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    // ------------------------------------------------------------ reading

    static JsonObject parse(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new WireError(44002, "empty post data");
        }
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
            JsonStructure s = r.read();
            if (!(s instanceof JsonObject o)) {
                throw WireError.bodyFormat("(the body must be a JSON object)");
            }
            return o;
        } catch (JsonException e) {
            throw WireError.bodyFormat("(" + e.getMessage() + ")");
        }
    }

    static boolean has(JsonObject o, String f) {
        return o.containsKey(f) && o.get(f).getValueType() != JsonValue.ValueType.NULL;
    }

    static long reqLong(JsonObject o, String f) {
        return optLong(o, f).orElseThrow(() -> WireError.badArgument(f + " is required"));
    }

    static Optional<Long> optLong(JsonObject o, String f) {
        if (!has(o, f)) {
            return Optional.empty();
        }
        JsonValue v = o.get(f);
        try {
            if (v instanceof JsonNumber n) {
                return Optional.of(n.longValueExact());
            }
            if (v instanceof JsonString s) {
                return Optional.of(Long.parseLong(s.getString().strip()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the error below
        }
        throw WireError.badArgument(f + " must be an integer");
    }

    static Optional<Integer> optInt(JsonObject o, String f) {
        return optLong(o, f).map(l -> {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw WireError.badArgument(f + " is out of range");
            }
            return l.intValue();
        });
    }

    static String reqString(JsonObject o, String f) {
        return optString(o, f).orElseThrow(() -> WireError.badArgument(f + " is required"));
    }

    static Optional<String> optString(JsonObject o, String f) {
        if (!has(o, f)) {
            return Optional.empty();
        }
        JsonValue v = o.get(f);
        if (v instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (v instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        throw WireError.badArgument(f + " must be a string");
    }

    static List<Long> longList(JsonObject o, String f) {
        if (!has(o, f)) {
            return List.of();
        }
        JsonArray a = array(o, f);
        List<Long> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonObject wrapper = Json.createObjectBuilder().add("v", a.get(i)).build();
            out.add(reqLong(wrapper, "v"));
        }
        return out;
    }

    static List<String> stringList(JsonObject o, String f) {
        if (!has(o, f)) {
            return List.of();
        }
        JsonArray a = array(o, f);
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue v : a) {
            if (!(v instanceof JsonString s)) {
                throw WireError.badArgument(f + " must be a list of strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    static JsonArray array(JsonObject o, String f) {
        if (!(o.get(f) instanceof JsonArray a)) {
            throw WireError.badArgument(f + " must be a list");
        }
        return a;
    }

    static Optional<JsonObject> optObject(JsonObject o, String f) {
        if (!has(o, f)) {
            return Optional.empty();
        }
        if (!(o.get(f) instanceof JsonObject x)) {
            throw WireError.badArgument(f + " must be an object");
        }
        return Optional.of(x);
    }

    // ------------------------------------------------------------ writing: ResponseWriter

    /** The success envelope; see {@link ResponseWriter#ok()}, the one writer of answers. */
    static JsonObjectBuilder ok() {
        return ResponseWriter.ok();
    }

    /** The error envelope; see {@link ResponseWriter#error}, the one writer of answers. */
    static JsonObject error(int errcode, String errmsg) {
        return ResponseWriter.error(errcode, errmsg);
    }
}

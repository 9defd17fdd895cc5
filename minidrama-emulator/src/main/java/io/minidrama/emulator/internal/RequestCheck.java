package io.minidrama.emulator.internal;

import io.minidrama.emulator.WireProblem;
import io.minidrama.emulator.internal.FieldSpec.Table;
import io.minidrama.emulator.internal.FieldSpec.Type;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a request against its {@link RequestTables request table} before the operation runs:
 * every unknown field, wrong JSON type and missing required field is recorded as a
 * {@link WireProblem} in {@link WireProblems} and the request is refused with the errcode the
 * table states (47003, 2 on the player's pages, or a token endpoint's own code for a missing field). Values are not checked
 * here (the domain's rules do that after).
 */
final class RequestCheck {
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The player pages' errcode for a bad parameter (参数错误). */
    static final int PLAYER_BAD_PARAMETER = 2;

    private RequestCheck() {
    }

    /** A problem and the errcode its kind is answered with. */
    private record Found(WireProblem problem, int errcode) {
    }

    /** Checks a JSON body; throws the refusal after recording every problem. */
    static void json(String endpoint, Table table, JsonObject body, WireProblems sink) {
        List<Found> found = new ArrayList<>();
        object(endpoint, "", table.fields(), table.refused(), body, found);
        refuse(found, sink, table);
    }

    /**
     * Checks a multipart form (or a query string): {@code texts} are the text fields by name,
     * {@code files} the names of the parts that came as files (with a filename).
     */
    static void form(String endpoint, Table table, Set<String> texts, Set<String> files, Map<String, String> values, WireProblems sink) {
        List<Found> found = new ArrayList<>();
        Map<String, FieldSpec> byName = table.fields().stream().collect(Collectors.toMap(FieldSpec::name, f -> f));
        for (String name : union(texts, files)) {
            FieldSpec f = byName.get(name);
            if (f == null) {
                found.add(unknown(endpoint, name, table.refused().get(name)));
                continue;
            }
            boolean asFile = files.contains(name);
            if (f.type() == Type.FILE && !asFile) {
                found.add(wrong(endpoint, name, f.type(), "a text field (no filename)"));
            } else if (f.type() != Type.FILE && asFile) {
                found.add(wrong(endpoint, name, f.type(), "a file part"));
            } else if (f.type() == Type.DIGITS && !values.getOrDefault(name, "").isEmpty()
                    && !isLong(values.get(name).strip())) {
                found.add(wrong(endpoint, name, f.type(), "\"" + clip(values.get(name)) + "\""));
            }
        }
        for (FieldSpec f : table.fields()) {
            if (f.required() && !texts.contains(f.name()) && !files.contains(f.name())) {
                found.add(missing(endpoint, f.name(), f));
            }
        }
        refuse(found, sink, table);
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>(a);
        b.stream().filter(n -> !a.contains(n)).forEach(out::add);
        out.sort(null);
        return out;
    }

    private static void refuse(List<Found> found, WireProblems sink, Table table) {
        if (found.isEmpty()) {
            return;
        }
        found.forEach(f -> sink.record(f.problem()));
        int errcode = found.get(0).errcode();
        if (errcode == Table.ARGUMENT_INVALID) {
            errcode = table.invalidErrcode();
        }
        String what = found.stream().map(f -> f.problem().field() + ": " + f.problem().detail()).collect(Collectors.joining("; "));
        String words = errcode == Table.ARGUMENT_INVALID ? "argument invalid! " : errcode == PLAYER_BAD_PARAMETER ? "invalid parameter: " : "";
        throw new WireError(errcode, words + what);
    }

    private static void object(String endpoint, String prefix, List<FieldSpec> fields, Map<String, String> refused, JsonObject o,
                               List<Found> found) {
        Map<String, FieldSpec> byName = fields.stream().collect(Collectors.toMap(FieldSpec::name, f -> f));
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            FieldSpec f = byName.get(e.getKey());
            if (f == null) {
                found.add(unknown(endpoint, prefix + e.getKey(), refused.get(e.getKey())));
            } else {
                value(endpoint, prefix + e.getKey(), f, e.getValue(), found);
            }
        }
        for (FieldSpec f : fields) {
            if (f.required() && !o.containsKey(f.name())) {
                found.add(missing(endpoint, prefix + f.name(), f));
            }
        }
    }

    private static void value(String endpoint, String path, FieldSpec f, JsonValue v, List<Found> found) {
        boolean fits = switch (f.type()) {
            case STRING, TEXT -> v instanceof JsonString;
            case INTEGER, DIGITS -> isLong(v);
            case INTEGER_OR_DIGITS -> isLong(v) || v instanceof JsonString s && isLong(s.getString());
            case BOOLEAN -> v == JsonValue.TRUE || v == JsonValue.FALSE;
            case BOOLEAN_OR_WORD -> v == JsonValue.TRUE || v == JsonValue.FALSE
                    || v instanceof JsonString s && (s.getString().equals("true") || s.getString().equals("false"));
            case OBJECT -> v instanceof JsonObject;
            case ARRAY -> v instanceof JsonArray;
            case FILE -> false;
        };
        if (!fits) {
            found.add(wrong(endpoint, path, f.type(), describe(v)));
            return;
        }
        if (f.type() == Type.OBJECT) {
            object(endpoint, path + ".", f.members(), Map.of(), v.asJsonObject(), found);
        } else if (f.type() == Type.ARRAY) {
            JsonArray a = v.asJsonArray();
            for (int i = 0; i < a.size(); i++) {
                value(endpoint, path + "[" + i + "]", f.element(), a.get(i), found);
            }
        }
    }

    /** An integer exact in 64 bits: a JSON number without fraction or exponent (so a 19-digit id stays exact). */
    private static boolean isLong(JsonValue v) {
        if (!(v instanceof JsonNumber n)) {
            return false;
        }
        String literal = n.toString();
        return isLong(literal);
    }

    private static boolean isLong(String text) {
        if (!DIGITS.matcher(text).matches()) {
            return false;
        }
        BigInteger b = new BigInteger(text);
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0;
    }

    private static String describe(JsonValue v) {
        String kind = switch (v.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "the number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
        return switch (v.getValueType()) {
            case STRING, NUMBER -> kind + " " + clip(v.toString());
            default -> kind;
        };
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static Found unknown(String endpoint, String path, String hint) {
        return new Found(new WireProblem(endpoint, path, WireProblem.Kind.UNKNOWN_FIELD,
                hint != null ? hint : "the request table of " + endpoint + " has no field " + path), 47003);
    }

    private static Found wrong(String endpoint, String path, Type type, String got) {
        return new Found(new WireProblem(endpoint, path, WireProblem.Kind.WRONG_TYPE, "expected " + type.words + ", got " + got), 47003);
    }

    private static Found missing(String endpoint, String path, FieldSpec f) {
        int code = f.missingErrcode() != 0 ? f.missingErrcode() : 47003;
        return new Found(new WireProblem(endpoint, path, WireProblem.Kind.MISSING_REQUIRED,
                path + " is required (" + f.type().words + ")"), code);
    }
}

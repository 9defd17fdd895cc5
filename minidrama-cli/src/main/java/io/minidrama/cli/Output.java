package io.minidrama.cli;

import io.minidrama.domain.ShownText;
import io.minidrama.protocol.WireJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * Where a command writes: plain words for people, or exactly one JSON object (platform field
 * names) for scripts. Errors always go to stderr. Text for people is escaped
 * ({@link ShownText#escape}): what the platform returns may hold control characters.
 */
final class Output {
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A line for people (suppressed in JSON mode). */
    void say(String line) {
        if (!json) {
            out.println(ShownText.escape(line));
            out.flush();
        }
    }

    /** A progress line that rewrites itself (people only, stderr so stdout stays clean). */
    void progress(String line) {
        if (!json) {
            err.print("\r" + ShownText.escape(line));
            err.flush();
        }
    }

    void endProgress() {
        if (!json) {
            err.println();
            err.flush();
        }
    }

    /** The command's result: the JSON object in JSON mode, or the human text otherwise. */
    void result(JsonObject object, String human) {
        if (json) {
            StringWriter sw = new StringWriter();
            try (JsonWriter w = PRETTY.createWriter(sw)) {
                w.writeObject(object);
            }
            out.println(sw.toString().strip());
        } else {
            out.println(ShownText.escape(human));
        }
        out.flush();
    }

    void error(String message) {
        err.println(ShownText.escape(message));
        err.flush();
    }

    /**
     * {@code target} behind a writer that escapes control and bidirectional formatting characters
     * (all but line breaks), for messages that may quote what the platform or a file said.
     */
    static PrintWriter escaping(PrintWriter target) {
        return new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                String s = new String(buf, off, len);
                target.write(s.equals(System.lineSeparator()) ? s : ShownText.escape(s));
            }

            @Override
            public void flush() {
                target.flush();
            }

            @Override
            public void close() {
                target.flush();
            }
        }, true);
    }

    static JsonObjectBuilder object() {
        return Json.createObjectBuilder();
    }

    /** The platform's JSON of a domain value ({@link WireJson}), as an object to print or nest. */
    static JsonObject wire(String platformJson) {
        try (jakarta.json.JsonReader r = Json.createReader(new java.io.StringReader(platformJson))) {
            return r.readObject();
        }
    }

    static JsonValue string(String s) {
        return Json.createValue(s);
    }
}

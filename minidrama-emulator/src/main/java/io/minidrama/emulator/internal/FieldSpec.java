package io.minidrama.emulator.internal;

import java.util.List;
import java.util.Map;

/**
 * One field of a request table ({@link RequestTables}): its name, the JSON type the official page
 * gives it, whether the page requires it, and for an array its element, for an object its members.
 * For the two multipart operations the types are the form's: {@link Type#TEXT}, {@link Type#DIGITS}
 * (a text part holding a decimal integer) and {@link Type#FILE}.
 *
 * @param missingErrcode the errcode a missing required field is answered with (0: the table's default)
 */
record FieldSpec(String name, Type type, boolean required, FieldSpec element, List<FieldSpec> members, int missingErrcode) {

    /** A field's type as the page's table names it. */
    enum Type {
        /** {@code string}: a JSON string. */
        STRING("a JSON string"),
        /** {@code number} (an id, a time, a count, a code): a JSON number that is an integer, exact in 64 bits. */
        INTEGER("a JSON integer (no quotes, no fraction, no exponent, within 64 bits)"),
        /** A field the page types as a string and shows as a number in its example: either, holding an integer. */
        INTEGER_OR_DIGITS("a JSON integer or a string of decimal digits"),
        /** {@code bool}: {@code true} or {@code false}. */
        BOOLEAN("a JSON boolean"),
        /**
         * A {@code bool} one of the page's own examples sends as the string {@code "true"}
         * ({@code setplayerdramarecmdswitch} 5.1): a JSON boolean or the string {@code "true"}/{@code "false"}.
         */
        BOOLEAN_OR_WORD("a JSON boolean (or the string \"true\"/\"false\", as one of the page's examples sends)"),
        /** {@code object}: a JSON object with the listed members. */
        OBJECT("a JSON object"),
        /** {@code numarray}, {@code strarray}, {@code objarray}: a JSON array of the element type. */
        ARRAY("a JSON array"),
        /** A multipart text part. */
        TEXT("a text form field"),
        /** A multipart text part holding a decimal integer. */
        DIGITS("a text form field of decimal digits"),
        /** A multipart file part (with a {@code filename}). */
        FILE("a file part (with a filename)");

        final String words;

        Type(String words) {
            this.words = words;
        }
    }

    FieldSpec {
        members = members == null ? List.of() : List.copyOf(members);
    }

    static FieldSpec req(String name, Type type) {
        return new FieldSpec(name, type, true, null, null, 0);
    }

    static FieldSpec opt(String name, Type type) {
        return new FieldSpec(name, type, false, null, null, 0);
    }

    /** A required field whose absence the platform answers with its own errcode (the token endpoints). */
    static FieldSpec req(String name, Type type, int missingErrcode) {
        return new FieldSpec(name, type, true, null, null, missingErrcode);
    }

    static FieldSpec reqArray(String name, FieldSpec element) {
        return new FieldSpec(name, Type.ARRAY, true, element, null, 0);
    }

    static FieldSpec optArray(String name, FieldSpec element) {
        return new FieldSpec(name, Type.ARRAY, false, element, null, 0);
    }

    static FieldSpec optObject(String name, FieldSpec... members) {
        return new FieldSpec(name, Type.OBJECT, false, null, List.of(members), 0);
    }

    /** An array element: a scalar of {@code type}. */
    static FieldSpec each(Type type) {
        return new FieldSpec("", type, true, null, null, 0);
    }

    /** An array element: an object with these members. */
    static FieldSpec object(FieldSpec... members) {
        return new FieldSpec("", Type.OBJECT, true, null, List.of(members), 0);
    }

    /**
     * One endpoint's request table.
     *
     * @param fields  the documented fields
     * @param refused names that are not fields but are known to be sent by mistake, with why (a seed's
     *                misspelling, a retired field): an unknown field all the same, with a better message
     * @param invalidErrcode the errcode an unknown field, a wrong type or a missing field is answered
     *                with: 47003 on the {@code /wxa/sec/vod} pages, 2 (参数错误) on the player's
     */
    record Table(List<FieldSpec> fields, Map<String, String> refused, int invalidErrcode) {
        /** The {@code /wxa/sec/vod} pages' "argument invalid". */
        static final int ARGUMENT_INVALID = 47003;

        Table {
            fields = List.copyOf(fields);
            refused = Map.copyOf(refused);
        }

        Table(List<FieldSpec> fields, Map<String, String> refused) {
            this(fields, refused, ARGUMENT_INVALID);
        }
    }
}

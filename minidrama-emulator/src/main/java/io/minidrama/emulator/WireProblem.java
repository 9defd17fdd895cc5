package io.minidrama.emulator;

import java.util.Objects;

/**
 * A request the emulator refused because it does not fit the official page's request table: a
 * field the table does not have, a value of the wrong JSON type, or a required field left out.
 * The emulator answers such a request with the platform's errcode (see
 * {@link MiniDramaEmulator#wireProblems()}) and records it as one of these, so a test can assert
 * that a client (such as the HTTP adapter) sent only what the pages document.
 *
 * @param operation the operation's wire name ({@code getmedialink}), or the token endpoint's path
 *                  ({@code /cgi-bin/stable_token})
 * @param field     the field's path in the request, such as {@code media_part_infos[0].etag}
 *                  or {@code copyright.copyright_role}
 * @param kind      what is wrong
 * @param detail    what the page expects and what came, in words; never a secret's value
 */
public record WireProblem(String operation, String field, Kind kind, String detail) {
    /** What is wrong with a field. */
    public enum Kind {
        /** The request table has no field of that name. */
        UNKNOWN_FIELD,
        /** The value's JSON type (or a form field's kind) is not the one the table gives. */
        WRONG_TYPE,
        /** The table requires the field and it is absent. */
        MISSING_REQUIRED
    }

    /** Checks that no component is null. */
    public WireProblem {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return operation + " " + field + ": " + kind + " (" + detail + ")";
    }
}

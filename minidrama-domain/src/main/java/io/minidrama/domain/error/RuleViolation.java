package io.minidrama.domain.error;

import java.util.Objects;

/**
 * One broken rule: which field, which rule, the rejected value and how to fix it.
 *
 * @param field   the field path in platform terms, such as {@code media_part_infos[2].part_number}
 * @param rule    the rule that was broken
 * @param rejected a printable form of the rejected value ({@code "<absent>"} when missing)
 * @param message what is wrong and how to fix it
 */
public record RuleViolation(String field, Rule rule, String rejected, String message) implements java.io.Serializable {

    /** Placeholder printed for a value that was not given. */
    public static final String ABSENT = "<absent>";

    public RuleViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The violation a builder reports at {@code build()} for an optional value whose setter was
     * given {@code null}: the field, {@link Rule#NONE}, {@link #ABSENT}, and the fix (leave the
     * setter out). Builders collect these with every other violation instead of throwing a
     * {@link NullPointerException} from the setter; a required value given {@code null} is
     * reported as missing under its own rule instead.
     *
     * @param field the field path in platform terms, such as {@code recommendations}
     */
    public static RuleViolation givenNull(String field) {
        return new RuleViolation(field, Rule.NONE, ABSENT,
                field + " was set to null; leave the setter out when there is no " + field + " to send");
    }

    @Override
    public String toString() {
        return rule.id() + " " + field + "=" + rejected + ": " + message;
    }
}

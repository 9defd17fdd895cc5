package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import org.junit.jupiter.api.function.Executable;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions on rule violations: the exception type, the rule id, the field and part of the hint. */
public final class RuleAssertions {
    private RuleAssertions() {
    }

    /**
     * Asserts that {@code action} throws an {@link InvalidRequestException} that names {@code rule}
     * on {@code field} with a message containing {@code messagePart}, and that the exception's own
     * message carries the rule id. Returns the exception for further checks.
     */
    public static InvalidRequestException assertRejected(Rule rule, String field, String messagePart, Executable action) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, action);
        violation(e, rule, field, messagePart);
        assertTrue(e.violates(rule), () -> "violates(" + rule + ") is false for " + e.violations());
        assertTrue(e.getMessage().contains(rule.id() + " " + field),
                () -> "the exception message should name '" + rule.id() + " " + field + "': " + e.getMessage());
        return e;
    }

    /** The violation of {@code rule} on {@code field} whose message contains {@code messagePart}; fails if there is none. */
    public static RuleViolation violation(InvalidRequestException e, Rule rule, String field, String messagePart) {
        return e.violations().stream()
                .filter(v -> v.rule() == rule && v.field().equals(field) && v.message().contains(messagePart))
                .findFirst()
                .orElseGet(() -> fail("expected a " + rule.id() + " violation on '" + field + "' mentioning '" + messagePart
                        + "', got:\n  " + e.violations().stream().map(RuleViolation::toString).collect(Collectors.joining("\n  "))));
    }
}

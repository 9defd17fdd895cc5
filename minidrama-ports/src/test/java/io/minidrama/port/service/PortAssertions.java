package io.minidrama.port.service;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import org.junit.jupiter.api.function.Executable;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

final class PortAssertions {
    private PortAssertions() {
    }

    /** Asserts an {@link InvalidRequestException} naming {@code rule} on {@code field} with a hint containing {@code messagePart}. */
    static InvalidRequestException assertRejected(Rule rule, String field, String messagePart, Executable action) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, action);
        assertTrue(e.violates(rule), () -> "expected " + rule.id() + " in " + e.violations());
        e.violations().stream()
                .filter(v -> v.rule() == rule && v.field().equals(field) && v.message().contains(messagePart))
                .findFirst()
                .orElseGet(() -> fail("expected a " + rule.id() + " violation on '" + field + "' mentioning '" + messagePart + "', got:\n  "
                        + e.violations().stream().map(RuleViolation::toString).collect(Collectors.joining("\n  "))));
        return e;
    }
}

package io.minidrama.domain.error;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvalidRequestExceptionTest {

    @Test
    void serialization_keepsEveryViolation() throws Exception {
        InvalidRequestException original = new InvalidRequestException(List.of(
                new RuleViolation("rlimit", Rule.R10, "12", "rlimit is 1..9"),
                new RuleViolation("t", Rule.R9, "1795000000", "at most 2 hours from now")));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        InvalidRequestException back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (InvalidRequestException) in.readObject();
        }

        assertEquals(original.violations(), back.violations());
        assertEquals(original.getMessage(), back.getMessage());
    }

    @Test
    void constructor_whenNoViolation_refuses() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidRequestException(List.of()));
    }

    @Test
    void message_whenSeveralViolations_listsEachWithRuleIdFieldValueAndHint() {
        InvalidRequestException e = new InvalidRequestException(List.of(
                new RuleViolation("rlimit", Rule.R10, "12", "rlimit is 1..9"),
                new RuleViolation("t", Rule.R9, "100", "the link expiry must be in the future")));

        assertEquals("2 rule violations: R-10 rlimit=12: rlimit is 1..9; R-9 t=100: the link expiry must be in the future",
                e.getMessage());
        assertEquals(2, e.violations().size());
        assertTrue(e.violates(Rule.R9));
        assertTrue(e.violates(Rule.R10));
        assertFalse(e.violates(Rule.R11));
    }

    @Test
    void of_whenRejectedValueIsNull_printsAbsentPlaceholder() {
        InvalidRequestException e = InvalidRequestException.of("cover_type", Rule.R7, null, "give a cover type");

        assertEquals(RuleViolation.ABSENT, e.violations().get(0).rejected());
        assertEquals("1 rule violation: R-7 cover_type=<absent>: give a cover type", e.getMessage());
    }

    @Test
    void violations_areUnmodifiable() {
        InvalidRequestException e = InvalidRequestException.of("limit", Rule.R20, 0, "limit must be 1..100");

        assertThrows(UnsupportedOperationException.class, () -> e.violations().clear());
    }

    @Test
    void rule_idsFollowTheRuleTable() {
        assertEquals("R-1", Rule.R1.id());
        assertEquals("R-23", Rule.R23.id());
        assertEquals("R-29", Rule.R29.id());
        assertEquals("§6.1", Rule.S6_1.id());
        for (Rule r : Rule.values()) {
            assertFalse(r.summary().isBlank(), r.name());
            if (r.name().matches("R\\d+")) {
                assertEquals("R-" + r.name().substring(1), r.id());
            }
        }
    }
}

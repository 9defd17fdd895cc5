package io.minidrama.domain.event;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("R-29: audit_type is 0..3")
class AuditTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, FIRST_SUBMISSION", "1, RESUBMISSION", "2, REPLACEMENT", "3, INFO_CHANGE"})
    void of_whenCode0To3_mapsR29(int code, AuditType expected) {
        assertEquals(expected, AuditType.of(code));
        assertEquals(code, expected.code());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 4, 100})
    void of_whenCodeOutside0To3_rejectsWithR29(int code) {
        assertRejected(Rule.R29, "audit_type", "0 (first), 1 (resubmission), 2 (replacement) or 3 (info change)", () -> AuditType.of(code));
    }
}

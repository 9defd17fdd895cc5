package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.event.AuditType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("R-29: getdramalatestauditinfo asks for audit_type 0..3")
class LatestAuditQueryTest {

    @ParameterizedTest
    @EnumSource(AuditType.class)
    void new_whenAuditTypeGiven_acceptsR29(AuditType type) {
        LatestAuditQuery q = new LatestAuditQuery(DramaId.of(77), type);

        assertEquals(type, q.auditType());
        assertEquals(type, AuditType.of(type.code()));
    }

    @Test
    void new_whenAuditTypeMissing_rejectsWithR29() {
        assertRejected(Rule.R29, "audit_type", "required", () -> new LatestAuditQuery(DramaId.of(77), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4})
    void auditTypeOf_whenOutside0To3_rejectsWithR29(int code) {
        assertRejected(Rule.R29, "audit_type", "3 (info change)", () -> AuditType.of(code));
    }

    @Test
    void new_whenDramaMissing_rejects() {
        assertRejected(Rule.NONE, "drama_id", "required", () -> new LatestAuditQuery(null, AuditType.REPLACEMENT));
    }
}

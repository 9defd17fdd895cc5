package io.minidrama.domain;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("R-19: audit status 0..4; only 4 can be resubmitted; 2 and 3 are final")
class AuditStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, INVALID", "1, UNDER_REVIEW", "2, REJECTED", "3, APPROVED", "4, REJECTED_RESUBMIT"})
    void of_whenCode0To4_mapsR19(int code, AuditStatus expected) {
        assertEquals(expected, AuditStatus.of(code));
        assertEquals(code, expected.code());
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {-1, 5, 99})
    void of_whenCodeOutside0To4_rejectsWithR19(int code) {
        assertRejected(Rule.R19, "audit_detail.status", "0..4", () -> AuditStatus.of(code));
    }

    @Test
    void canResubmit_isTrueOnlyForStatus4SentBackForChanges() {
        EnumSet<AuditStatus> resubmittable = EnumSet.noneOf(AuditStatus.class);
        for (AuditStatus s : AuditStatus.values()) {
            if (s.canResubmit()) {
                resubmittable.add(s);
            }
        }
        assertEquals(EnumSet.of(AuditStatus.REJECTED_RESUBMIT), resubmittable);
    }

    @Test
    void rejected_isFinal_noStatusFollowsIt() {
        assertEquals(EnumSet.noneOf(AuditStatus.class), AuditStatus.REJECTED.nextAllowed());
        assertFalse(AuditStatus.REJECTED.canResubmit());
    }

    @Test
    void isApproved_isTrueOnlyFor3() {
        assertTrue(AuditStatus.APPROVED.isApproved());
        assertFalse(AuditStatus.UNDER_REVIEW.isApproved());
        assertFalse(AuditStatus.REJECTED.isApproved());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INVALID, UNDER_REVIEW",
            "UNDER_REVIEW, REJECTED",
            "UNDER_REVIEW, APPROVED",
            "UNDER_REVIEW, REJECTED_RESUBMIT",
            "REJECTED_RESUBMIT, UNDER_REVIEW",
    })
    void canMoveTo_whenAllowedTransition_isTrueR19(AuditStatus from, AuditStatus to) {
        assertTrue(from.canMoveTo(to));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INVALID, APPROVED",
            "UNDER_REVIEW, UNDER_REVIEW",
            "UNDER_REVIEW, INVALID",
            "REJECTED, APPROVED",
            "REJECTED, UNDER_REVIEW",
            "REJECTED_RESUBMIT, REJECTED",
            "APPROVED, UNDER_REVIEW",
            "APPROVED, REJECTED",
    })
    void canMoveTo_whenForbiddenTransition_isFalseR19(AuditStatus from, AuditStatus to) {
        assertFalse(from.canMoveTo(to));
    }

    @ParameterizedTest
    @EnumSource(AuditStatus.class)
    void approved_isFinal_noStatusFollowsIt(AuditStatus any) {
        assertFalse(AuditStatus.APPROVED.canMoveTo(any));
    }
}

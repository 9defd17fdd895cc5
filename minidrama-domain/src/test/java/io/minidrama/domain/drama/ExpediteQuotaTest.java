package io.minidrama.domain.drama;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("R-17: at most 5 expedited first submissions a day (China time)")
class ExpediteQuotaTest {
    /** 23:59:59 on 2025-03-01 in Beijing. */
    private static final Instant LAST_SECOND_OF_CHINA_DAY = Instant.parse("2025-03-01T15:59:59Z");
    private static final Instant NEXT_CHINA_DAY = Instant.parse("2025-03-01T16:00:00Z");

    private static ExpediteQuota usedFive(Instant at) {
        ExpediteQuota q = ExpediteQuota.fresh(at);
        for (int i = 0; i < 5; i++) {
            q = q.consume(at);
        }
        return q;
    }

    @Test
    void consume_fiveTimesADay_acceptsR17() {
        ExpediteQuota q = usedFive(LAST_SECOND_OF_CHINA_DAY);

        assertEquals(5, q.used());
        assertEquals(0, q.remaining(LAST_SECOND_OF_CHINA_DAY));
        assertEquals(LocalDate.of(2025, 3, 1), q.day());
    }

    @Test
    void consume_sixthTheSameDay_rejectsWithR17() {
        ExpediteQuota q = usedFive(Instant.parse("2025-03-01T00:00:00Z"));

        assertRejected(Rule.R17, "expedited", "at most 5 expedited first submissions a day", () -> q.consume(LAST_SECOND_OF_CHINA_DAY));
    }

    @Test
    void consume_onTheNextChinaDay_startsAgainR17() {
        ExpediteQuota q = usedFive(LAST_SECOND_OF_CHINA_DAY).consume(NEXT_CHINA_DAY);

        assertEquals(LocalDate.of(2025, 3, 2), q.day());
        assertEquals(1, q.used());
        assertEquals(4, q.remaining(NEXT_CHINA_DAY));
    }

    @Test
    void remaining_onANewDay_isFive() {
        assertEquals(5, usedFive(LAST_SECOND_OF_CHINA_DAY).remaining(NEXT_CHINA_DAY));
    }

    @Test
    void fresh_countsTheDayInChinaNotUtc() {
        assertEquals(LocalDate.of(2025, 3, 2), ExpediteQuota.fresh(NEXT_CHINA_DAY).day());
        assertEquals(LocalDate.of(2025, 3, 1), ExpediteQuota.fresh(LAST_SECOND_OF_CHINA_DAY).day());
    }

    @Test
    void new_whenUsedOutside0To5_refuses() {
        assertThrows(IllegalArgumentException.class, () -> new ExpediteQuota(LocalDate.of(2025, 3, 1), 6));
        assertThrows(IllegalArgumentException.class, () -> new ExpediteQuota(LocalDate.of(2025, 3, 1), -1));
    }
}

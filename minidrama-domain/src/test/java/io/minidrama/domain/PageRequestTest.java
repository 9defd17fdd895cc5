package io.minidrama.domain;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("R-20: limit 1..100 (default 100), offset >= 0")
class PageRequestTest {

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 50, 100})
    void of_whenLimitIn1To100_acceptsR20(int limit) {
        assertEquals(limit, PageRequest.of(0, limit).limit());
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {0, -1, 101, 1000})
    void of_whenLimitOutside1To100_rejectsWithR20(int limit) {
        assertRejected(Rule.R20, "limit", "limit must be 1..100", () -> PageRequest.of(0, limit));
    }

    @Test
    void of_whenOffsetNegative_rejectsWithR20() {
        assertRejected(Rule.R20, "offset", "offset must be >= 0", () -> PageRequest.of(-1, 10));
    }

    @Test
    void of_whenOffsetZeroOrLarge_acceptsR20() {
        assertEquals(0, PageRequest.of(0, 10).offset());
        assertEquals(1_000_000, PageRequest.of(1_000_000, 10).offset());
    }

    @Test
    void first_isOffset0Limit100() {
        assertEquals(PageRequest.of(0, 100), PageRequest.first());
    }

    @Test
    void next_advancesOffsetByLimit() {
        assertEquals(PageRequest.of(30, 15), PageRequest.of(15, 15).next());
    }
}

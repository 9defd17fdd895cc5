package io.minidrama.domain.media;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("R-21: listmedia name exact or fuzzy with a leading and/or trailing %; start <= t < end")
class MediaQueryTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"我的短剧 - 第1集", "%第1集", "我的短剧%", "%短剧%", "%x", "x%", "%x%"})
    void build_whenExactOrWildcardAtEnds_acceptsR21(String pattern) {
        assertEquals(pattern, MediaQuery.builder().namePattern(pattern).build().namePattern().orElseThrow());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"a%b", "%a%b", "a%b%", "%%x", "x%%"})
    void build_whenPercentInsideTheName_rejectsWithR21(String pattern) {
        assertRejected(Rule.R21, "media_name", "% is a wildcard only at the start and/or end", () -> MediaQuery.builder().namePattern(pattern).build());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"%", "%%", "", "  ", "% %"})
    void build_whenNoTextBesidesWildcards_rejectsWithR21(String pattern) {
        assertRejected(Rule.R21, "media_name", "needs text besides the % wildcards", () -> MediaQuery.builder().namePattern(pattern).build());
    }

    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "我的短剧 - 第1集|我的短剧 - 第1集|true",
            "我的短剧 - 第1集|我的短剧 - 第10集|false",
            "%第1集|我的短剧 - 第1集|true",
            "%第1集|我的短剧 - 第10集|false",
            "我的短剧%|我的短剧 - 第3集|true",
            "我的短剧%|新我的短剧 - 第3集|false",
            "%短剧%|我的短剧 - 第3集|true",
            "%短剧%|短剧|true",
            "%长剧%|我的短剧 - 第3集|false",
            "x%|x|true",
            "%x|x|true",
    })
    void matchesName_followsTheWildcardsR21(String pattern, String name, boolean matches) {
        assertEquals(matches, MediaQuery.builder().namePattern(pattern).build().matchesName(name));
    }

    @Test
    void matchesName_whenNoFilter_matchesEverything() {
        assertTrue(MediaQuery.all().matchesName("anything"));
    }

    @Test
    void uploadedWithin_isStartInclusiveEndExclusiveR21() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Instant end = Instant.parse("2025-01-02T00:00:00Z");
        MediaQuery q = MediaQuery.builder().uploadedWithin(TimeWindow.of(start, end)).build();

        TimeWindow w = q.uploadedWithin().orElseThrow();
        assertTrue(w.contains(start));
        assertFalse(w.contains(end));
    }

    @Test
    void withPage_keepsEveryFilter() {
        TimeWindow w = TimeWindow.of(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"));
        MediaQuery q = MediaQuery.builder().dramaId(DramaId.of(7)).namePattern("%第1集").uploadedWithin(w).build();

        MediaQuery next = q.withPage(PageRequest.of(100, 100));

        assertEquals(DramaId.of(7), next.dramaId().orElseThrow());
        assertEquals("%第1集", next.namePattern().orElseThrow());
        assertEquals(w, next.uploadedWithin().orElseThrow());
        assertEquals(PageRequest.of(100, 100), next.page());
        assertEquals(PageRequest.first(), q.page());
    }
}

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

@DisplayName("R-21: listmedia media_name exact, fuzzy search in media_name_fuzzy, never by %; start <= t < end")
class MediaQueryTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"我的短剧 - 第1集", "100%爱 - 第1集", "x"})
    void build_whenExactName_keepsItAsMediaNameR21(String name) {
        MediaQuery q = MediaQuery.builder().name(name).build();

        assertEquals(name, q.name().orElseThrow());
        assertTrue(q.nameFuzzy().isEmpty());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"%第1集", "我的短剧%", "%短剧%", "%", "%%x", "x%%"})
    void build_whenNameUsesPercentAsAWildcard_rejectsPointingAtTheFuzzyFieldR21(String name) {
        assertRejected(Rule.R21, "media_name", "media_name_fuzzy", () -> MediaQuery.builder().name(name).build());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "  "})
    void build_whenNameOrFuzzyTextIsBlank_rejectsWithR21(String text) {
        assertRejected(Rule.R21, "media_name", "needs text", () -> MediaQuery.builder().name(text).build());
        assertRejected(Rule.R21, "media_name_fuzzy", "needs text", () -> MediaQuery.builder().nameFuzzy(text).build());
    }

    @Test
    void build_whenFuzzyText_keepsItApartFromTheExactNameR21() {
        MediaQuery q = MediaQuery.builder().nameFuzzy("短剧").build();

        assertEquals("短剧", q.nameFuzzy().orElseThrow());
        assertTrue(q.name().isEmpty());
    }

    @ParameterizedTest(name = "exact ''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "我的短剧 - 第1集|我的短剧 - 第1集|true",
            "我的短剧 - 第1集|我的短剧 - 第10集|false",
            "我的短剧 - 第1集|新我的短剧 - 第1集|false",
            "100%爱 - 第1集|100%爱 - 第1集|true",
            "100%爱 - 第1集|1000爱 - 第1集|false",
    })
    void matchesName_whenExact_matchesOnlyTheSameNameR21(String filter, String name, boolean matches) {
        assertEquals(matches, MediaQuery.builder().name(filter).build().matchesName(name));
    }

    @ParameterizedTest(name = "fuzzy ''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "第1集|我的短剧 - 第1集|true",
            "短剧|我的短剧 - 第3集|true",
            "我的短剧|新我的短剧 - 第3集|true",
            "长剧|我的短剧 - 第3集|false",
            "%短剧%|我的短剧 - 第3集|false",
    })
    void matchesName_whenFuzzy_matchesNamesContainingTheTextR21(String text, String name, boolean matches) {
        assertEquals(matches, MediaQuery.builder().nameFuzzy(text).build().matchesName(name));
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
        MediaQuery q = MediaQuery.builder().dramaId(DramaId.of(7)).name("剧 - 第1集").nameFuzzy("第1集").uploadedWithin(w).build();

        MediaQuery next = q.withPage(PageRequest.of(100, 100));

        assertEquals(DramaId.of(7), next.dramaId().orElseThrow());
        assertEquals("剧 - 第1集", next.name().orElseThrow());
        assertEquals("第1集", next.nameFuzzy().orElseThrow());
        assertEquals(w, next.uploadedWithin().orElseThrow());
        assertEquals(PageRequest.of(100, 100), next.page());
        assertEquals(PageRequest.first(), q.page());
    }
}

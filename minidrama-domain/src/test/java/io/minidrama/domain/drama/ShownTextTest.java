package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.RuleAssertions;
import io.minidrama.domain.ShownText;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.MediaName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** T-1: text the platform shows carries no control or bidirectional formatting characters. */
class ShownTextTest {
    /** Sets the terminal's title, rings the bell and clears the screen when printed. */
    private static final String TERMINAL_ATTACK = "\u001b]0;pwned\u0007\u001b[2J";
    private static final MaterialId M = MaterialId.of("photo-1");

    @Test
    void mediaName_whenTheDramaNameCarriesTerminalEscapes_rejectsWithT1() {
        InvalidRequestException e = assertRejected(Rule.T1, "media_name", "U+001B at index 0",
                () -> MediaName.parse(TERMINAL_ATTACK + "我的短剧 - 第1集"));

        assertFalse(e.getMessage().contains("\u001b"), "the rejected value is escaped in the message: " + e.getMessage());
        assertTrue(e.violations().get(0).rejected().startsWith("\\u001B]0;pwned\\u0007"), e.violations().get(0).rejected());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202E", "\u2066", "\u200F", "\u061C", "\u0000", "\u007F", "\u0085", "\t"})
    void mediaName_whenAControlOrBidiCharacter_rejectsWithT1(String c) {
        assertRejected(Rule.T1, "media_name", "U+", () -> MediaName.of("我的" + c + "短剧", 1));
    }

    @Test
    void mediaName_whenChineseEnglishDigitsAndPunctuation_accepts() {
        assertEquals("我的短剧 S2: Love & War（终） - 第3集", MediaName.of("我的短剧 S2: Love & War（终）", 3).wire());
    }

    @Test
    void firstSubmission_whenNameProducerAndRecommendationsCarryControls_rejectsEachWithT1() {
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> Submissions.older().name("剧" + TERMINAL_ATTACK).producer("\u202E司公").build());

        assertTrue(e.violates(Rule.T1));
        assertEquals(2, e.violations().stream().filter(v -> v.rule() == Rule.T1).count(), e.getMessage());
        RuleAssertions.violation(e, Rule.T1, "name", "U+001B at index 1");
        RuleAssertions.violation(e, Rule.T1, "producer", "U+202E at index 0");
    }

    @Test
    void firstSubmission_whenTheDescriptionHasLineFeeds_acceptsButNotACarriageReturnT1() {
        assertEquals("第一行\n第二行", Submissions.older().description("第一行\n第二行").build().description());
        assertRejected(Rule.T1, "description", "U+000D", () -> Submissions.older().description("第一行\r第二行").build());
    }

    @Test
    void resubmissionInfoChangeAndActor_whenShownTextCarriesControls_rejectWithT1() {
        assertRejected(Rule.T1, "name", "U+0007", () -> Resubmission.builder(DramaId.of(9L)).name("剧\u0007").build());
        assertRejected(Rule.T1, "producer", "U+001B", () -> DramaInfoChange.builder(DramaId.of(9L)).producer("\u001b[2J").build());
        assertRejected(Rule.T1, "alternate_name", "U+202E", () -> DramaInfoChange.builder(DramaId.of(9L)).alternateName("a\u202Eb").build());
        assertRejected(Rule.T1, "role", "U+001B", () -> new Actor("张三", M, "\u001b[31m男主角", "简介"));
        assertRejected(Rule.T1, "profile", "U+2067", () -> new Actor("张三", M, "男主角", "简介\u2067"));
    }

    @Test
    void escape_writesRefusedCharactersAsCodesKeepsLineFeedsAndIsIdempotent() {
        assertEquals("a\\u001B[2Jb\nc\\u202Ed", ShownText.escape("a\u001b[2Jb\nc\u202Ed"));
        assertEquals("a\\u001B[2Jb", ShownText.escape(ShownText.escape("a\u001b[2Jb")));
        assertEquals("普通的名字", ShownText.escape("普通的名字"));
    }
}

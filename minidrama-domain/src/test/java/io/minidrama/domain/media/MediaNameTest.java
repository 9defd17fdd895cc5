package io.minidrama.domain.media;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("R-1: media_name is '剧目名 - 第N集', parsed and built")
class MediaNameTest {

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "我的短剧 - 第1集|我的短剧|1",
            "我的演艺 - 第 1 集|我的演艺|1",
            "  我的短剧 - 第12集  |我的短剧|12",
            "A - B - 第3集|A - B|3",
            "Love in Shanghai - 第100集|Love in Shanghai|100",
            "剧 - 第007集|剧|7",
    })
    void parse_whenFollowsForm_yieldsDramaNameAndEpisodeR1(String text, String drama, int episode) {
        MediaName name = MediaName.parse(text);

        assertEquals(drama, name.dramaName());
        assertEquals(episode, name.episode());
    }

    @Test
    void parse_whenSpacedOfficialExample_roundTripsThroughCompactForm() {
        MediaName parsed = MediaName.parse("我的演艺 - 第 1 集");

        assertEquals("我的演艺 - 第1集", parsed.wire());
        assertEquals(parsed, MediaName.parse(parsed.wire()));
        assertEquals(MediaName.of("我的演艺", 1), parsed);
    }

    @Test
    void of_thenParse_roundTrips() {
        MediaName built = MediaName.of("霸道总裁爱上我", 42);

        assertEquals("霸道总裁爱上我 - 第42集", built.wire());
        assertEquals(built.wire(), built.toString());
        assertEquals(built, MediaName.parse(built.wire()));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"我的短剧", "我的短剧-第1集", "我的短剧 - 第一集", "我的短剧 - 第1", " - 第1集", "我的短剧 - 第1集 extra",
            "我的短剧 - 第1234567集", "我的短剧 – 第1集"})
    void parse_whenNotInForm_rejectsWithR1(String text) {
        assertRejected(Rule.R1, "media_name", "'<drama name> - 第<episode>集'", () -> MediaName.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parse_whenNullOrEmpty_rejectsWithR1(String text) {
        assertRejected(Rule.R1, "media_name", "for example '我的短剧 - 第1集'", () -> MediaName.parse(text));
    }

    @Test
    void parse_whenEpisodeZero_rejectsWithR1() {
        assertRejected(Rule.R1, "media_name", "episode number is 1 or more", () -> MediaName.parse("剧 - 第0集"));
    }

    @Test
    void of_whenDramaNameBlankOrPadded_rejectsWithR1() {
        assertRejected(Rule.R1, "media_name", "must not be blank", () -> MediaName.of("  ", 1));
        assertRejected(Rule.R1, "media_name", "must not start or end with white space", () -> MediaName.of(" 剧", 1));
        assertRejected(Rule.R1, "media_name", "one line", () -> MediaName.of("剧\n名", 1));
    }

    @Test
    void of_whenDramaNameAtMaxLength_acceptsButOneMoreRejectsWithR1() {
        String max = "剧".repeat(MediaName.MAX_DRAMA_NAME_LENGTH);

        assertEquals(max, MediaName.of(max, 1).dramaName());
        assertRejected(Rule.R1, "media_name", "at most 100 characters", () -> MediaName.of(max + "剧", 1));
    }
}

package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an episode, {@code 剧目名 - 第N集}: the drama's name, a spaced hyphen, and the
 * episode number. Parsing tolerates spaces around the number ({@code 第 1 集}, as in the official
 * example); building always produces the compact form.
 *
 * @param dramaName the drama's name, non-blank, without surrounding white space
 * @param episode   the episode number, &ge; 1
 */
public record MediaName(String dramaName, int episode) {
    private static final Pattern FORM = Pattern.compile("^(.+?) - 第\\s*(\\d{1,6})\\s*集$");
    /** Longest name accepted; the platform's own limit is undocumented, this keeps names sane. */
    public static final int MAX_DRAMA_NAME_LENGTH = 100;

    public MediaName {
        Violations v = Violations.start();
        if (v.check(dramaName != null && !dramaName.isBlank(), "media_name", Rule.R1, dramaName,
                "the drama name part of '剧目名 - 第N集' must not be blank")) {
            v.check(dramaName.strip().equals(dramaName), "media_name", Rule.R1, dramaName,
                    "the drama name must not start or end with white space");
            v.check(dramaName.length() <= MAX_DRAMA_NAME_LENGTH, "media_name", Rule.R1, dramaName,
                    "the drama name is at most " + MAX_DRAMA_NAME_LENGTH + " characters");
            v.check(!dramaName.contains("\n") && !dramaName.contains("\r"), "media_name", Rule.R1, dramaName,
                    "the drama name must be one line");
            // Line feeds are R-1's; T-1 adds the other control and bidirectional characters.
            v.checkShownText(dramaName, "media_name", true);
        }
        v.check(episode >= 1, "media_name", Rule.R1, episode, "the episode number is 1 or more");
        v.throwIfAny();
    }

    /** Builds the name of episode {@code episode} of {@code dramaName}. */
    public static MediaName of(String dramaName, int episode) {
        return new MediaName(dramaName, episode);
    }

    /**
     * Parses {@code 剧目名 - 第N集}.
     *
     * @throws InvalidRequestException when the text does not follow the form
     */
    public static MediaName parse(String text) {
        if (text != null) {
            Matcher m = FORM.matcher(text.strip());
            if (m.matches()) {
                return new MediaName(m.group(1).strip(), Integer.parseInt(m.group(2)));
            }
        }
        throw InvalidRequestException.of("media_name", Rule.R1, text,
                "a media name is '<drama name> - 第<episode>集', for example '我的短剧 - 第1集'");
    }

    /** The value sent as {@code media_name}. */
    public String wire() {
        return dramaName + " - 第" + episode + "集";
    }

    @Override
    public String toString() {
        return wire();
    }
}

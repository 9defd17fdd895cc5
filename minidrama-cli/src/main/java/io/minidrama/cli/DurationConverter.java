package io.minidrama.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every {@link Duration} option of the tool (registered once for the type in
 * {@link MiniDramaCli#run}): what a person types, {@code 90s}, {@code 90m}, {@code 2h},
 * {@code 1h30m}, {@code 1d}, in any case, or ISO-8601 such as {@code PT1H} or {@code pt90m}. A
 * bare number is refused, since {@code 90} could mean seconds or minutes; picocli reports the
 * refusal naming the option, and the tool exits 2.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    /** The accepted forms, for option descriptions and error messages. */
    static final String FORMS = "90s, 90m, 2h, 1h30m, 1d or ISO-8601 PT1H";

    /** Units largest first, each at most once: {@code 1d2h3m4s}. */
    private static final Pattern HUMAN = Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw refused("'" + value + "' is not an ISO-8601 duration");
            }
        }
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            throw refused("'" + value + "' has no unit: say " + text + "s or " + text + "m");
        }
        Matcher m = HUMAN.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw refused("'" + value + "' is not a duration");
        }
        return Duration.ofDays(amount(m.group(1))).plusHours(amount(m.group(2))).plusMinutes(amount(m.group(3)))
                .plusSeconds(amount(m.group(4)));
    }

    private static long amount(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static CommandLine.TypeConversionException refused(String what) {
        return new CommandLine.TypeConversionException(what + " (accepted: " + FORMS + ")");
    }
}

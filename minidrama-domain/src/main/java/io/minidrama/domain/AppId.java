package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.regex.Pattern;

/**
 * A mini program's appid: {@code wx} followed by 16 letters or digits, such as
 * {@code wx1234567890abcdef}.
 *
 * @param value the appid
 */
public record AppId(String value) {
    private static final Pattern FORM = Pattern.compile("wx[0-9A-Za-z]{16}");

    public AppId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw InvalidRequestException.of("appid", Rule.NONE, value, "an appid is 'wx' followed by 16 letters or digits");
        }
    }

    /** Shorthand for {@code new AppId(value)}. */
    public static AppId of(String value) {
        return new AppId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

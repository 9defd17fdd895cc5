package io.minidrama.domain.internal;

import io.minidrama.domain.ShownText;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every broken rule of one object before throwing, so callers see all problems at once.
 * Not thread-safe; one instance per validation.
 */
public final class Violations {
    private final List<RuleViolation> found = new ArrayList<>();
    private final String prefix;

    private Violations(String prefix) {
        this.prefix = prefix;
    }

    /** A collector whose field paths are used as given. */
    public static Violations start() {
        return new Violations("");
    }

    /** A collector that prefixes field paths, for nested objects ({@code actor_list.actor[1].}). */
    public static Violations under(String prefix) {
        return new Violations(prefix);
    }

    /** Records a violation when {@code ok} is false. Returns {@code ok}. */
    public boolean check(boolean ok, String field, Rule rule, Object rejected, String message) {
        if (!ok) {
            add(field, rule, rejected, message);
        }
        return ok;
    }

    /** Records a violation unconditionally. */
    public void add(String field, Rule rule, Object rejected, String message) {
        found.add(new RuleViolation(prefix + field, rule, printable(rejected), message));
    }

    /** Records a missing required value when {@code value} is null. Returns whether it is present. */
    public boolean require(Object value, String field, Rule rule) {
        return check(value != null, field, rule, null, field + " is required");
    }

    /**
     * {@code value}, or an {@link InvalidRequestException} naming {@code field} as required under
     * {@code rule}: for a single required argument, where there is nothing else to collect.
     */
    public static <T> T present(T value, String field, Rule rule) {
        if (value == null) {
            Violations v = start();
            v.require(null, field, rule);
            v.throwIfAny();
        }
        return value;
    }

    /** Records a missing or blank required text. Returns whether it is present and non-blank. */
    public boolean requireText(String value, String field, Rule rule) {
        return check(value != null && !value.isBlank(), field, rule, value, field + " is required and must not be blank");
    }

    /**
     * Records each {@code null} element of {@code list} as a missing {@code field[i]}. Returns
     * whether every element is present (also when {@code list} itself is {@code null}: its
     * presence is the caller's check).
     */
    public boolean requireEach(List<?> list, String field, Rule rule) {
        boolean all = true;
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                all &= require(list.get(i), field + "[" + i + "]", rule);
            }
        }
        return all;
    }

    /** Adds all violations of a nested validation. */
    public void addAll(Collection<RuleViolation> nested) {
        for (RuleViolation v : nested) {
            found.add(new RuleViolation(prefix + v.field(), v.rule(), v.rejected(), v.message()));
        }
    }

    /** Runs a nested validation and folds its violations in, instead of throwing. */
    public void absorb(Runnable validation) {
        try {
            validation.run();
        } catch (InvalidRequestException e) {
            addAll(e.violations());
        }
    }

    /** Whether nothing was found so far. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws an {@link InvalidRequestException} listing everything found, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }

    /**
     * T-1: {@code text}, which the platform shows to people, has no control or bidirectional
     * formatting character ({@code multiline}: line feeds are allowed). Null passes.
     */
    public boolean checkShownText(String text, String field, boolean multiline) {
        if (text == null) {
            return true;
        }
        java.util.OptionalInt at = ShownText.firstRefused(text, multiline);
        return check(at.isEmpty(), field, Rule.T1, text, at.isEmpty() ? "" : String.format(
                "remove the control or bidirectional formatting character U+%04X at index %d: text the platform shows to people "
                        + "must not carry characters that drive a terminal or reorder text", text.codePointAt(at.getAsInt()), at.getAsInt()));
    }

    private static String printable(Object rejected) {
        if (rejected == null) {
            return RuleViolation.ABSENT;
        }
        String s = ShownText.escape(String.valueOf(rejected));
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

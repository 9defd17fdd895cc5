package io.minidrama.domain.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request broke one or more platform rules and was refused before anything was sent.
 *
 * <p>Lists every violation found, not only the first, each with field, rule id, rejected value and
 * a hint on how to fix it.
 */
public final class InvalidRequestException extends MiniDramaException {
    private static final long serialVersionUID = 1L;

    /** An immutable (and serialisable) list of serialisable records. */
    private final List<RuleViolation> violations;

    /**
     * Creates the exception; its message lists every violation.
     *
     * @param violations the violations found, in the order they were checked (copied)
     */
    public InvalidRequestException(List<RuleViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Creates an exception for a single violation; a {@code null} rejected value prints as {@link RuleViolation#ABSENT}. */
    public static InvalidRequestException of(String field, Rule rule, Object rejected, String message) {
        String printable = rejected == null ? RuleViolation.ABSENT : String.valueOf(rejected);
        return new InvalidRequestException(List.of(new RuleViolation(field, rule, printable, message)));
    }

    /** Every violation found, in the order they were checked. */
    public List<RuleViolation> violations() {
        return violations;
    }

    /** Whether any violation names the given rule. */
    public boolean violates(Rule rule) {
        return violations.stream().anyMatch(v -> v.rule() == rule);
    }

    private static String describe(List<RuleViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidRequestException needs at least one violation");
        }
        return violations.size() + " rule violation" + (violations.size() == 1 ? "" : "s") + ": "
                + violations.stream().map(RuleViolation::toString).collect(Collectors.joining("; "));
    }
}

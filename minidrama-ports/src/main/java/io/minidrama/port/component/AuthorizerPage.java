package io.minidrama.port.component;

import java.util.List;
import java.util.Objects;

/**
 * One page of {@code api_get_authorizer_list}.
 *
 * @param totalCount how many authorizers the platform has in all
 * @param entries    this page's rows
 */
public record AuthorizerPage(int totalCount, List<AuthorizerEntry> entries) {
    /** Validates and copies. */
    public AuthorizerPage {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (totalCount < 0) {
            throw new IllegalArgumentException("totalCount must not be negative");
        }
    }
}

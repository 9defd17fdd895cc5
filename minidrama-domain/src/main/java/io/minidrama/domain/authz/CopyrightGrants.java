package io.minidrama.domain.authz;

import java.util.List;

/**
 * A page of copyright authorisations.
 *
 * @param totalCount how many there are in all
 * @param grants     this page's
 */
public record CopyrightGrants(long totalCount, List<CopyrightGrant> grants) {
    public CopyrightGrants {
        grants = List.copyOf(grants);
    }
}

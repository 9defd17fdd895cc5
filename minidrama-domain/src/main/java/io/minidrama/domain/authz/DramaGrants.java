package io.minidrama.domain.authz;

import java.util.List;

/**
 * A page of drama authorisations.
 *
 * @param totalCount how many there are in all
 * @param grants     this page's
 */
public record DramaGrants(long totalCount, List<DramaGrant> grants) {
    public DramaGrants {
        grants = List.copyOf(grants);
    }
}

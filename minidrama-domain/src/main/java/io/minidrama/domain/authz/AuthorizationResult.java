package io.minidrama.domain.authz;

import io.minidrama.domain.DramaId;

import java.util.Objects;

/**
 * The per-drama outcome of an authorisation call ({@code result[]}): the platform answers each
 * drama on its own, so one call can partly succeed.
 *
 * @param dramaId the drama
 * @param errcode 0 on success (for example 10090038 when the grantee lacks the category)
 * @param errmsg  the platform's message (may be empty)
 */
public record AuthorizationResult(DramaId dramaId, int errcode, String errmsg) {
    public AuthorizationResult {
        Objects.requireNonNull(dramaId, "dramaId");
        errmsg = errmsg == null ? "" : errmsg;
    }

    /** Whether this drama's authorisation succeeded. */
    public boolean succeeded() {
        return errcode == 0;
    }
}

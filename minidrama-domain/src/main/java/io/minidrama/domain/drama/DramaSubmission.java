package io.minidrama.domain.drama;

/**
 * An {@code auditdrama} request: a {@link FirstSubmission} (no drama id yet) or a
 * {@link Resubmission} of a drama sent back for changes (status 4, R-19).
 */
public sealed interface DramaSubmission permits FirstSubmission, Resubmission {
}

package io.minidrama.domain.drama;

/**
 * An {@code auditdrama} request: a {@link FirstSubmission} (no drama id yet) or a
 * {@link Resubmission} of a rejected drama.
 */
public sealed interface DramaSubmission permits FirstSubmission, Resubmission {
}
